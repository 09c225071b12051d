package io.sociallistening.app.instance;

import io.sociallistening.avro.BrandRule;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes brand rules to the compacted rules topic (key = rule id), or deletions (null values),
 * and returns once every record is acknowledged. Records are sent in order without waiting for each
 * ack in turn (the producer is idempotent, so they land in that order).
 */
public final class RulePublisher {
  private RulePublisher() {}

  public static void publish(
      Map<String, Object> producerConfig, SchemaRegistry registry, String topic, List<Rule> rules) {
    List<ProducerRecord<String, BrandRule>> records = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      records.add(new ProducerRecord<>(topic, rule.id(), toAvro(rule)));
    }
    send(producerConfig, registry, topic, records);
  }

  /** Writes a deletion (a null value) for each of {@code ids}. */
  public static void delete(
      Map<String, Object> producerConfig,
      SchemaRegistry registry,
      String topic,
      Collection<String> ids) {
    List<ProducerRecord<String, BrandRule>> records = new ArrayList<>(ids.size());
    for (String id : ids) {
      records.add(new ProducerRecord<>(topic, id, null));
    }
    send(producerConfig, registry, topic, records);
  }

  /** The record of {@code rule} on the rules topic: no tags, enabled. */
  public static BrandRule toAvro(Rule rule) {
    return BrandRule.newBuilder()
        .setId(rule.id())
        .setBrand(rule.brand())
        .setQuery(rule.query())
        .setCompetitorOf(rule.competitorOf())
        .setTags(List.of())
        .setEnabled(true)
        .build();
  }

  private static void send(
      Map<String, Object> producerConfig,
      SchemaRegistry registry,
      String topic,
      List<ProducerRecord<String, BrandRule>> records) {
    if (records.isEmpty()) {
      return;
    }
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    AvroSerde<BrandRule> serde = AvroSerde.forValues(BrandRule.class, registry);
    try (KafkaProducer<String, BrandRule> producer =
        new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
      List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
      for (ProducerRecord<String, BrandRule> record : records) {
        acks.add(producer.send(record));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot publish rules to " + topic + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing rules", e);
    }
  }
}
