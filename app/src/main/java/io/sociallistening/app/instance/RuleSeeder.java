package io.sociallistening.app.instance;

import io.sociallistening.avro.BrandRule;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.Rule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the rules topic from {@code rules.bootstrap.file}: publishes only the file's rules whose id
 * the topic has never held (no record for that key, not even a deletion). A rule the topic holds,
 * live or deleted, is kept as it is, so a change made in the topic survives every start of every
 * instance; a file rule that differs from it is logged at WARN with the command that publishes it.
 */
public final class RuleSeeder {
  private static final Logger LOG = LoggerFactory.getLogger(RuleSeeder.class);

  private RuleSeeder() {}

  /** How a start went: {@code seeded} of {@code inFile} rules (distinct ids) were published. */
  public record Seeding(int seeded, int inFile, int kept) {}

  /**
   * Reads {@code topic} to its end and publishes the rules of {@code fileRules} (of rules with the
   * same id, the last) that it never held.
   */
  public static Seeding seed(
      Map<String, Object> kafkaClientConfig,
      SchemaRegistry registry,
      String topic,
      Path file,
      List<Rule> fileRules,
      Duration timeout) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : fileRules) {
      byId.remove(rule.id());
      byId.put(rule.id(), rule);
    }
    Map<String, byte[]> held = RulesTopic.read(kafkaClientConfig, topic, timeout);
    AvroSerde<BrandRule> serde = AvroSerde.forValues(BrandRule.class, registry);
    List<Rule> missing = new ArrayList<>();
    for (Rule rule : byId.values()) {
      if (!held.containsKey(rule.id())) {
        missing.add(rule);
        continue;
      }
      String difference = difference(rule, held.get(rule.id()), serde, topic);
      if (difference != null) {
        LOG.warn(
            "Rule '{}' of {} {} differs from {}, which is kept: {}; to publish the file over"
                + " it: social-listening rules publish {}",
            rule.id(),
            InstanceConfig.RULES_FILE,
            file,
            topic,
            difference,
            file);
      }
    }
    RulePublisher.publish(kafkaClientConfig, registry, topic, missing);
    Seeding seeding = new Seeding(missing.size(), byId.size(), byId.size() - missing.size());
    LOG.info(
        "Seeded {} of {} rules from {}; {} already in {} kept",
        seeding.seeded(),
        seeding.inFile(),
        file,
        seeding.kept(),
        topic);
    return seeding;
  }

  /** How what the topic holds differs from {@code rule}, or null if it holds the same rule. */
  private static String difference(
      Rule rule, byte[] value, AvroSerde<BrandRule> serde, String topic) {
    if (value == null) {
      return "the rule is deleted there";
    }
    BrandRule stored;
    try {
      stored = serde.deserialize(topic, value);
    } catch (RuntimeException e) {
      return "its record there cannot be decoded (" + e.getMessage() + ")";
    }
    return RulePublisher.toAvro(rule).equals(stored) ? null : "it holds " + stored;
  }
}
