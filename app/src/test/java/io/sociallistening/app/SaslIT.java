package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka client security passed through: the broker has a SASL_PLAINTEXT listener (PLAIN); the
 * registry's Kafka schema store and the topology instance reach it only through that listener,
 * configured with {@code kafka.security.protocol}, {@code kafka.sasl.mechanism} (arguments) and
 * {@code kafka.sasl.jaas.config} (environment variable). A wrong password fails start-up quickly
 * with the broker's reason.
 */
class SaslIT {
  private static final String USER = "topology";
  private static final String PASSWORD = "topology-secret";
  private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

  @TempDir Path dataDir;

  @Test
  void shouldProcessMentionsOverSaslAndRefuseAWrongPassword() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startWithSaslPlain(dataDir, Map.of(USER, PASSWORD))) {
      String sasl = kafka.saslBootstrapServers();
      Map<String, Object> client = new HashMap<>(security(PASSWORD));
      client.put("bootstrap.servers", sasl);
      try (EmbeddedSchemaRegistry registryServer =
              EmbeddedSchemaRegistry.start("127.0.0.1", 0, KafkaSchemaStore.open(client));
          SchemaRegistry registry =
              SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryServer.url()))) {
        Path rules = dataDir.resolve("rules.jsonl");
        Files.writeString(rules, "{\"id\":\"acme-1\",\"brand\":\"acme-air\",\"query\":\"acme\"}\n");
        InstanceConfig config =
            InstanceConfig.load(
                Optional.empty(),
                Map.of("SOCIAL_LISTENING_KAFKA_SASL_JAAS_CONFIG", jaas(PASSWORD)),
                Map.of(
                    InstanceConfig.APPLICATION_ID,
                    "sasl-it",
                    InstanceConfig.BOOTSTRAP_SERVERS,
                    sasl,
                    InstanceConfig.SCHEMA_REGISTRY_URL,
                    registryServer.url(),
                    InstanceConfig.STATE_DIR,
                    dataDir.resolve("state").toString(),
                    InstanceConfig.RULES_FILE,
                    rules.toString(),
                    "kafka.security.protocol",
                    "SASL_PLAINTEXT",
                    "kafka.sasl.mechanism",
                    "PLAIN",
                    "kafka.commit.interval.ms",
                    "200"));
        assertThat(config.kafkaClientConfig())
            .containsEntry("sasl.jaas.config", jaas(PASSWORD))
            .containsEntry("security.protocol", "SASL_PLAINTEXT");

        try (Instance instance = Instance.start(config)) {
          assertThat(instance.awaitRunning(Duration.ofSeconds(60))).isTrue();
          String raw = config.topics().raw();
          AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
          try (KafkaProducer<byte[], byte[]> producer =
              new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
              Mention mention = mention("s" + i, "Flying Acme Air today, seat " + i);
              producer.send(
                  new ProducerRecord<>(
                      raw,
                      null,
                      mention.getCreatedAt().toEpochMilli(),
                      ("bluesky:s" + i).getBytes(StandardCharsets.UTF_8),
                      serde.serialize(raw, mention)));
            }
          }
          List<String> keys =
              TopicReader.read(
                      kafka.bootstrapServers(),
                      config.topics().enriched(),
                      got -> got.size() >= 5,
                      Duration.ofSeconds(60),
                      Duration.ofSeconds(1))
                  .stream()
                  .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                  .sorted()
                  .toList();
          assertThat(keys)
              .containsExactly(
                  "bluesky:s0", "bluesky:s1", "bluesky:s2", "bluesky:s3", "bluesky:s4");
        }

        Map<String, String> wrong = new HashMap<>();
        wrong.put(InstanceConfig.APPLICATION_ID, "sasl-it-wrong");
        wrong.put(InstanceConfig.BOOTSTRAP_SERVERS, sasl);
        wrong.put(InstanceConfig.SCHEMA_REGISTRY_URL, registryServer.url());
        wrong.put(InstanceConfig.STATE_DIR, dataDir.resolve("state-wrong").toString());
        security("wrong-password").forEach((k, v) -> wrong.put("kafka." + k, v));
        InstanceConfig wrongConfig = InstanceConfig.load(Optional.empty(), Map.of(), wrong);
        long started = System.nanoTime();
        assertThatThrownBy(() -> Instance.start(wrongConfig).close())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("Cannot create the pipeline's topics on " + sasl + ": ")
            .hasMessageContaining("Authentication failed");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Duration.ofSeconds(30));
      }
    }
  }

  private static Map<String, String> security(String password) {
    return Map.of(
        "security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", jaas(password));
  }

  private static String jaas(String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + USER
        + "\" password=\""
        + password
        + "\";";
  }

  private static Mention mention(String id, String text) {
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId(id)
        .setUrl(null)
        .setAuthor(
            Author.newBuilder()
                .setHandle("ann")
                .setDisplayName(null)
                .setFollowers(10L)
                .setUrl(null)
                .build())
        .setTitle(null)
        .setText(text)
        .setLanguage("en")
        .setCreatedAt(T0)
        .setFetchedAt(T0)
        .setInReplyTo(null)
        .setRepostOf(null)
        .setEngagement(null)
        .setSource("test")
        .build();
  }
}
