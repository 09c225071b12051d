package io.sociallistening.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.instance.RulePublisher;
import io.sociallistening.app.instance.RulesTopic;
import io.sociallistening.app.instance.TopicSetup;
import io.sociallistening.avro.BrandRule;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleSet;
import io.sociallistening.topology.match.RuleSyntaxException;
import io.sociallistening.topology.match.Rules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * The {@code rules} command: publishes rules to the rules topic over what it holds ({@code publish
 * FILE}), deletes rules ({@code delete ID...}) and prints the rules it holds as JSON lines in the
 * format of {@code rules.bootstrap.file} ({@code list}), so that rules can be listed, edited and
 * published back. Connection settings as for {@code run}. Exit codes: 0 done, 1 failed (one line on
 * stderr; {@code publish} publishes nothing unless every rule of the file is valid), 2 usage.
 */
final class RulesCommand {
  static final String USAGE =
      """
      usage: social-listening rules <publish FILE | delete ID... | list> [--config FILE] [--key=value ...]

        publish FILE    publish the rules of FILE (JSON lines) over what the rules topic holds
        delete ID...    delete the rules with these ids from the rules topic
        list            print the rules of the rules topic as JSON lines, as FILE holds them
      """;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RulesCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env)
      throws IOException {
    List<String> operands = new ArrayList<>();
    InstanceConfig config = Cli.instanceConfig(args, env, operands);
    if (operands.isEmpty()) {
      err.print(USAGE);
      return 2;
    }
    for (String operand : operands) {
      if (operand.startsWith("--")) {
        err.printf("Unexpected argument '%s'%n%s", operand, USAGE);
        return 2;
      }
    }
    String command = operands.get(0);
    List<String> rest = operands.subList(1, operands.size());
    boolean usable =
        switch (command) {
          case "publish" -> rest.size() == 1;
          case "delete" -> !rest.isEmpty();
          case "list" -> rest.isEmpty();
          default -> {
            err.printf("Unknown rules command '%s'%n%s", command, USAGE);
            yield false;
          }
        };
    if (!usable) {
      if (List.of("publish", "delete", "list").contains(command)) {
        err.print(USAGE);
      }
      return 2;
    }
    List<Rule> rules = List.of();
    if (command.equals("publish")) {
      rules = valid(Path.of(rest.get(0)), err);
      if (rules == null) {
        return 1;
      }
    }
    String topic = config.topics().rules();
    try (SchemaRegistry registry = SchemaRegistries.fromConfig(config.registryClientConfig())) {
      switch (command) {
        case "publish" -> {
          createTopics(config);
          RulePublisher.publish(config.kafkaClientConfig(), registry, topic, rules);
          out.printf("Published %d rules from %s to %s%n", rules.size(), rest.get(0), topic);
        }
        case "delete" -> {
          createTopics(config);
          // only rules the topic holds: a mistyped id wrote a deletion and reported success
          Map<String, byte[]> held = RulesTopic.read(config.kafkaClientConfig(), topic, TIMEOUT);
          List<String> known = new ArrayList<>();
          List<String> unknown = new ArrayList<>();
          for (String id : new LinkedHashSet<>(rest)) {
            (held.get(id) != null ? known : unknown).add(id);
          }
          if (!known.isEmpty()) {
            RulePublisher.delete(config.kafkaClientConfig(), registry, topic, known);
          }
          out.printf("Deleted %d rules from %s%n", known.size(), topic);
          for (String id : unknown) {
            err.printf("rules delete: %s holds no rule '%s'; nothing written for it%n", topic, id);
          }
          if (!unknown.isEmpty()) {
            return 1;
          }
        }
        default -> {
          if (!list(config, registry, topic, out, err)) {
            return 1;
          }
        }
      }
    } catch (IllegalStateException | KafkaException | RegistryException e) {
      err.printf("rules %s: %s%n", command, e.getMessage());
      return 1;
    }
    if (out.checkError()) {
      err.printf("rules %s: cannot write the output (closed pipe or full disk)%n", command);
      return 1;
    }
    return 0;
  }

  /**
   * The rules of {@code file}, of rules with the same id the last, or null (with one line on {@code
   * err}) if the file cannot be read or holds an invalid rule.
   */
  private static List<Rule> valid(Path file, PrintStream err) {
    List<Rules.Line> lines;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines =
          Rules.readNumberedJsonLines(
              reader,
              warning -> err.println("rules publish: " + file + ": " + warning + ", ignored"));
    } catch (IOException | UncheckedIOException e) {
      err.println("rules publish: cannot read " + file + ": " + e + "; nothing published");
      return null;
    } catch (IllegalArgumentException e) {
      err.println("rules publish: " + file + ": " + e.getMessage() + "; nothing published");
      return null;
    }
    String first = null;
    int invalid = 0;
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rules.Line line : lines) {
      try {
        RuleSet.empty().with(line.rule());
      } catch (RuleSyntaxException e) {
        if (invalid++ == 0) {
          first = "Line " + line.number() + ": " + e.getMessage();
        }
      }
      byId.remove(line.rule().id());
      byId.put(line.rule().id(), line.rule());
    }
    if (invalid > 0) {
      err.println(
          "rules publish: "
              + file
              + ": "
              + first
              + (invalid > 1 ? " (and " + (invalid - 1) + " more invalid rules)" : "")
              + "; nothing published");
      return null;
    }
    return List.copyOf(byId.values());
  }

  private static void createTopics(InstanceConfig config) {
    if (config.createTopics()) {
      TopicSetup.createMissing(
          config.kafkaClientConfig(),
          config.topics(),
          config.topicPartitions(),
          config.topicReplication());
    }
  }

  /**
   * Prints the rules in force; returns false when a record was left out because the registry does
   * not know its schema (the listing is then short, and the status says so).
   */
  private static boolean list(
      InstanceConfig config,
      SchemaRegistry registry,
      String topic,
      PrintStream out,
      PrintStream err)
      throws IOException {
    AvroSerde<BrandRule> serde = AvroSerde.forValues(BrandRule.class, registry);
    boolean complete = true;
    for (Map.Entry<String, byte[]> held :
        RulesTopic.read(config.kafkaClientConfig(), topic, TIMEOUT, true).entrySet()) {
      if (held.getValue() == null) {
        continue;
      }
      BrandRule rule;
      try {
        rule = serde.deserialize(topic, held.getValue());
      } catch (RegistryException e) {
        if (!e.isRecordAtFault()) {
          // the registry, not the record: the listing would be silently short, a backup empty
          throw new IllegalStateException(
              "cannot read the rules' schema from the schema registry: " + e.getMessage(), e);
        }
        // one record naming a schema the registry does not know (or the wrong registry): the
        // others are listed, and the status says the listing is short
        err.printf(
            "rules list: the schema of the record of '%s' is not in the schema registry (%s), left"
                + " out%n",
            held.getKey(), e.getMessage());
        complete = false;
        continue;
      } catch (RuntimeException e) {
        err.printf(
            "rules list: the record of '%s' cannot be decoded (%s), left out%n",
            held.getKey(), e.getMessage());
        continue;
      }
      if (!rule.getId().equals(held.getKey())) {
        err.printf(
            "rules list: the rule under key '%s' has the id '%s', so it is not in force; left"
                + " out%n",
            held.getKey(), rule.getId());
        continue;
      }
      if (!rule.getEnabled() || !rule.getTags().isEmpty()) {
        err.printf(
            "rules list: rule '%s' is%s%s; a rules file cannot say so, and publishing it back"
                + " enables it without tags%n",
            held.getKey(),
            rule.getEnabled() ? "" : " disabled",
            rule.getTags().isEmpty() ? "" : " tagged " + rule.getTags());
      }
      out.println(json(held.getKey(), rule));
    }
    return complete;
  }

  /** One line of a rules file: id (the record's key), brand, query, competitorOf if set. */
  private static String json(String id, BrandRule rule) throws IOException {
    StringWriter line = new StringWriter();
    try (JsonGenerator generator = JSON.getFactory().createGenerator(line)) {
      generator.writeStartObject();
      generator.writeStringField("id", id);
      generator.writeStringField("brand", rule.getBrand());
      generator.writeStringField("query", rule.getQuery());
      if (rule.getCompetitorOf() != null) {
        generator.writeStringField("competitorOf", rule.getCompetitorOf());
      }
      generator.writeEndObject();
    }
    return line.toString();
  }
}
