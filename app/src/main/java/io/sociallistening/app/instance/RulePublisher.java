package io.sociallistening.app.instance;

import io.sociallistening.avro.BrandRule;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes brand rules to the compacted rules topic (key = rule id), waiting for each ack. */
public final class RulePublisher {
  private RulePublisher() {}

  public static void publish(
      Map<String, Object> producerConfig, SchemaRegistry registry, String topic, List<Rule> rules) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    AvroSerde<BrandRule> serde = AvroSerde.forValues(BrandRule.class, registry);
    try (KafkaProducer<String, BrandRule> producer =
        new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
      for (Rule rule : rules) {
        BrandRule value =
            BrandRule.newBuilder()
                .setId(rule.id())
                .setBrand(rule.brand())
                .setQuery(rule.query())
                .setCompetitorOf(rule.competitorOf())
                .setTags(List.of())
                .setEnabled(true)
                .build();
        producer.send(new ProducerRecord<>(topic, rule.id(), value)).get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot publish rules to " + topic + ": " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing rules", e);
    }
  }
}
