package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.avro.BrandRule;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.Rule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules.bootstrap.file} seeds the rules topic on a real in-process broker: a rule changed or
 * deleted in the topic while instances run stays as it is when an instance starts again with the
 * same file, and only rules the topic never held are added from it.
 */
class RuleSeedingIT {
  private static final String ACME = "{\"id\":\"acme\",\"brand\":\"Acme\",\"query\":\"acme\"}\n";
  private static final String BOLT = "{\"id\":\"bolt\",\"brand\":\"Bolt\",\"query\":\"bolt\"}\n";
  private static final String CRATE =
      "{\"id\":\"crate\",\"brand\":\"Crate\",\"query\":\"crate\",\"competitorOf\":\"Acme\"}\n";

  @TempDir Path dataDir;

  @Test
  void shouldKeepRulesChangedOrDeletedInTheTopicWhenAnInstanceStartsAgainWithTheSameFile()
      throws Exception {
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      InstanceConfig first = cluster.instanceConfig("rule-seeding-it", ACME + BOLT);
      String topic = first.topics().rules();
      try (Instance instance = Instance.start(first)) {
        assertThat(instance.awaitRunning(Duration.ofSeconds(60))).isTrue();
        assertThat(instance.rules().rules().rules())
            .containsExactly(new Rule("acme", "Acme", "acme"), new Rule("bolt", "Bolt", "bolt"));
      }

      // any producer: acme gets a new query, bolt is deleted
      AvroSerde<BrandRule> serde = AvroSerde.forValues(BrandRule.class, cluster.registry);
      try (KafkaProducer<String, BrandRule> producer =
          new KafkaProducer<>(
              Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
              new StringSerializer(),
              serde.serializer())) {
        BrandRule changed =
            BrandRule.newBuilder()
                .setId("acme")
                .setBrand("Acme")
                .setQuery("acme -anvil")
                .setTags(List.of())
                .setEnabled(true)
                .build();
        producer.send(new ProducerRecord<>(topic, "acme", changed)).get();
        producer.send(new ProducerRecord<>(topic, "bolt", null)).get();
      }

      InstanceConfig again = cluster.instanceConfig("rule-seeding-it", ACME + BOLT + CRATE);
      try (Instance instance = Instance.start(again)) {
        assertThat(instance.awaitRunning(Duration.ofSeconds(60))).isTrue();
        assertThat(instance.rules().rules().rules())
            .containsExactly(
                new Rule("acme", "Acme", "acme -anvil"),
                new Rule("crate", "Crate", "crate", "Acme"));
      }
    }
  }
}
