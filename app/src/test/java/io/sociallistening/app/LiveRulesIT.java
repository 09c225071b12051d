package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.instance.RulePublisher;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Topics;
import io.sociallistening.topology.match.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule published to the rules topic while an instance runs on a real in-process broker starts
 * matching the next mentions, without a restart.
 */
class LiveRulesIT {
  private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

  @TempDir Path dataDir;

  @Test
  void shouldMatchARuleAddedToTheRulesTopicWhileRunning() throws Exception {
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      SchemaRegistry registry = cluster.registry;
      EmbeddedKafka kafka = cluster.kafka;
      InstanceConfig config =
          cluster.instanceConfig(
              "live-rules-it", "{\"id\":\"nimbus-1\",\"brand\":\"nimbus\",\"query\":\"nimbus\"}\n");
      Topics topics = config.topics();
      AvroSerde<EnrichedMention> enrichedSerde =
          AvroSerde.forValues(EnrichedMention.class, registry);

      try (Instance instance = Instance.start(config)) {
        assertThat(instance.awaitRunning(Duration.ofSeconds(60))).isTrue();
        send(kafka.bootstrapServers(), topics.raw(), registry, mention("before", T0));
        List<EnrichedMention> first =
            enriched(kafka.bootstrapServers(), topics.enriched(), enrichedSerde, 1);
        assertThat(first).extracting(EnrichedMention::getKey).containsExactly("bluesky:before");
        assertThat(first.get(0).getBrands()).isEmpty();

        RulePublisher.publish(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            registry,
            topics.rules(),
            List.of(new Rule("zorvex-1", "zorvex", "zorvex (phone OR battery)")));
        // The rule reaches the instance through the global rules store, on its own thread.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (instance.rules().rules().rule("zorvex-1").isEmpty()
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(instance.rules().rules().size()).isEqualTo(2);

        send(
            kafka.bootstrapServers(), topics.raw(), registry, mention("after", T0.plusSeconds(10)));
        List<EnrichedMention> both =
            enriched(kafka.bootstrapServers(), topics.enriched(), enrichedSerde, 2);
        assertThat(both)
            .extracting(EnrichedMention::getKey)
            .containsExactly("bluesky:before", "bluesky:after");
        assertThat(both.get(0).getBrands()).isEmpty();
        assertThat(both.get(1).getBrands())
            .extracting(BrandMatch::getBrand, BrandMatch::getRuleId, BrandMatch::getMatchedTerms)
            .containsExactly(tuple("zorvex", "zorvex-1", List.of("zorvex", "phone", "battery")));
      }
    }
  }

  private static List<EnrichedMention> enriched(
      String bootstrap, String topic, AvroSerde<EnrichedMention> serde, int count) {
    List<ConsumerRecord<byte[], byte[]>> records =
        TopicReader.read(
            bootstrap, topic, got -> got.size() >= count, Duration.ofSeconds(60), Duration.ZERO);
    return records.stream().map(r -> serde.deserialize(topic, r.value())).toList();
  }

  private static Mention mention(String id, Instant at) {
    return TestMentions.bluesky(
        id, "My new Zorvex phone: the battery is dead after a day", "erin", 100L, at);
  }

  private static void send(String bootstrap, String topic, SchemaRegistry registry, Mention m) {
    AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
    Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              topic,
              null,
              m.getCreatedAt().toEpochMilli(),
              ("bluesky:" + m.getId()).getBytes(StandardCharsets.UTF_8),
              serde.serialize(topic, m)));
      producer.flush();
    }
  }
}
