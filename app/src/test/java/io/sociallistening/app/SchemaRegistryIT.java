package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our serde and registry against an independent implementation of the Confluent protocol (kafkajs
 * and @kafkajs/confluent-schema-registry), on a real broker, and schema ids that survive a registry
 * restart through the {@code _schemas} topic.
 */
class SchemaRegistryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = EmbeddedKafka.startOnFreePorts(dataDir);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  private EmbeddedSchemaRegistry startRegistry() {
    return EmbeddedSchemaRegistry.start(
        "127.0.0.1",
        0,
        KafkaSchemaStore.open(Map.of("bootstrap.servers", kafka.bootstrapServers())));
  }

  @Test
  void shouldBeReadByTheNpmClientAndReadWhatItWrites() throws Exception {
    try (EmbeddedSchemaRegistry server = startRegistry();
        SchemaRegistry client =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", server.url()))) {
      AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, client);
      try (KafkaProducer<String, Mention> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", kafka.bootstrapServers()),
              new StringSerializer(),
              serde.serializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    "compat.to-node", "bluesky:a1", mention("a1", "Café ☕ at Brewly")))
            .get();
        producer
            .send(new ProducerRecord<>("compat.to-node", "bluesky:a2", mention("a2", "second")))
            .get();
      }
      NodeClient node = new NodeClient(kafka.bootstrapServers(), server.url());

      List<String> lines = node.read("compat.to-node", 2);

      assertThat(lines).hasSize(2);
      JsonNode first = JSON.readTree(lines.get(0));
      assertThat(first.get("key").asText()).isEqualTo("bluesky:a1");
      assertThat(first.at("/value/id").asText()).isEqualTo("a1");
      assertThat(first.at("/value/text").asText()).isEqualTo("Café ☕ at Brewly");
      assertThat(first.at("/value/platform").asText()).isEqualTo("BLUESKY");
      assertThat(first.at("/value/author/handle").asText()).isEqualTo("alice");
      assertThat(first.at("/value/createdAt").asLong()).isEqualTo(1767607200000L);

      client.register("compat.from-node-value", Mention.getClassSchema());
      node.write(
          "compat.from-node",
          List.of(
              "{\"key\":\"reddit:n1\",\"value\":{\"platform\":\"REDDIT\",\"id\":\"n1\",\"url\":null,"
                  + "\"author\":{\"handle\":\"bob\",\"displayName\":null,\"followers\":42,\"url\":null},"
                  + "\"title\":null,\"text\":\"written by kafkajs\",\"language\":\"en\","
                  + "\"createdAt\":1767607200000,\"fetchedAt\":null,\"inReplyTo\":null,\"repostOf\":null,"
                  + "\"engagement\":null,\"source\":null}}"));
      List<Mention> read = readMentions("compat.from-node", serde, 1);
      assertThat(read).hasSize(1);
      Mention fromNode = read.get(0);
      assertThat(fromNode.getPlatform()).isEqualTo(Platform.REDDIT);
      assertThat(fromNode.getText()).isEqualTo("written by kafkajs");
      assertThat(fromNode.getAuthor().getFollowers()).isEqualTo(42L);
      assertThat(fromNode.getLanguage()).isEqualTo("en");
      assertThat(fromNode.getCreatedAt()).isEqualTo(Instant.ofEpochMilli(1767607200000L));
    }
  }

  @Test
  void shouldKeepSchemaIdsAcrossARegistryRestart() {
    int id;
    try (EmbeddedSchemaRegistry server = startRegistry();
        SchemaRegistry client =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", server.url()))) {
      id = client.register("restart-test-value", Mention.getClassSchema());
    }
    try (EmbeddedSchemaRegistry server = startRegistry();
        SchemaRegistry client =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", server.url()))) {
      assertThat(client.schemaById(id)).isEqualTo(Mention.getClassSchema());
      assertThat(client.register("restart-test-value", Mention.getClassSchema())).isEqualTo(id);
    }
  }

  @Test
  void shouldNotGiveOneIdTwiceWhenTwoRegistriesShareTheTopic() {
    Map<String, Object> store = Map.of("bootstrap.servers", kafka.bootstrapServers());
    try (EmbeddedSchemaRegistry first =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(
                    store, "_schemas-shared", (short) 1, Duration.ofSeconds(30)));
        EmbeddedSchemaRegistry second =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(
                    store, "_schemas-shared", (short) 1, Duration.ofSeconds(30)));
        SchemaRegistry firstClient =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", first.url()));
        SchemaRegistry secondClient =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", second.url()))) {
      int mentionId = firstClient.register("shared.mentions-value", Mention.getClassSchema());
      int alertId = secondClient.register("shared.alerts-value", Alert.getClassSchema());

      assertThat(alertId).isNotEqualTo(mentionId);
      assertThat(secondClient.schemaById(mentionId)).isEqualTo(Mention.getClassSchema());
      assertThat(firstClient.schemaById(alertId)).isEqualTo(Alert.getClassSchema());
    }
  }

  @Test
  void shouldGiveSchemasRegisteredAtOnceThroughTwoRegistriesDistinctIdsAndVersions()
      throws Exception {
    Map<String, Object> store = Map.of("bootstrap.servers", kafka.bootstrapServers());
    int rounds = 20;
    Map<Integer, Schema> answered = new HashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (EmbeddedSchemaRegistry first =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(store, "_schemas-race", (short) 1, Duration.ofSeconds(30)));
        EmbeddedSchemaRegistry second =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(store, "_schemas-race", (short) 1, Duration.ofSeconds(30)));
        SchemaRegistry firstClient =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", first.url()));
        SchemaRegistry secondClient =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", second.url()))) {
      for (int round = 0; round < rounds; round++) {
        Schema firstSchema = race("first" + round);
        Schema secondSchema = race("second" + round);
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> firstId =
            threads.submit(
                () -> {
                  go.await();
                  return firstClient.register("race-value", firstSchema);
                });
        Future<Integer> secondId =
            threads.submit(
                () -> {
                  go.await();
                  return secondClient.register("race-value", secondSchema);
                });
        go.countDown();
        answered.put(firstId.get(60, TimeUnit.SECONDS), firstSchema);
        answered.put(secondId.get(60, TimeUnit.SECONDS), secondSchema);
      }

      assertThat(answered).hasSize(2 * rounds);
      for (EmbeddedSchemaRegistry registry : List.of(first, second)) {
        assertRegistryHolds(registry, answered);
      }
    } finally {
      threads.shutdownNow();
    }
    try (EmbeddedSchemaRegistry restarted =
        EmbeddedSchemaRegistry.start(
            "127.0.0.1",
            0,
            KafkaSchemaStore.open(store, "_schemas-race", (short) 1, Duration.ofSeconds(30)))) {
      assertRegistryHolds(restarted, answered);
    }
  }

  /** A schema of subject race-value: backward compatible with every other, distinct by field. */
  private static Schema race(String field) {
    return SchemaBuilder.record("Race")
        .namespace("test")
        .fields()
        .requiredString("id")
        .optionalString(field)
        .endRecord();
  }

  /**
   * {@code registry} answers each id with the schema registered under it, and race-value has one
   * version per schema, each with its schema's id.
   */
  private static void assertRegistryHolds(EmbeddedSchemaRegistry registry, Map<Integer, Schema> ids)
      throws Exception {
    Set<Integer> versionIds = new HashSet<>();
    for (Map.Entry<Integer, Schema> id : ids.entrySet()) {
      String answer = http("GET", registry.url() + "/schemas/ids/" + id.getKey());
      assertThat(answer).startsWith("200 ");
      Schema schema =
          new Schema.Parser().parse(JSON.readTree(answer.substring(4)).get("schema").asText());
      assertThat(schema).as("schema %d", id.getKey()).isEqualTo(id.getValue());
    }
    for (int version = 1; version <= ids.size(); version++) {
      String answer = http("GET", registry.url() + "/subjects/race-value/versions/" + version);
      assertThat(answer).startsWith("200 ");
      JsonNode found = JSON.readTree(answer.substring(4));
      int id = found.get("id").asInt();
      assertThat(new Schema.Parser().parse(found.get("schema").asText()))
          .as("version %d", version)
          .isEqualTo(ids.get(id));
      versionIds.add(id);
    }
    assertThat(versionIds).isEqualTo(ids.keySet());
    assertThat(http("GET", registry.url() + "/subjects/race-value/versions/" + (ids.size() + 1)))
        .startsWith("404 ");
  }

  @Test
  void shouldKeepSoftAndPermanentDeletesAcrossARegistryRestart() throws Exception {
    Map<String, Object> store = Map.of("bootstrap.servers", kafka.bootstrapServers());
    int mentionId;
    int alertId;
    try (EmbeddedSchemaRegistry server =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(
                    store, "_schemas-deletes", (short) 1, Duration.ofSeconds(30)));
        SchemaRegistry client =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", server.url()))) {
      mentionId = client.register("kept-value", Mention.getClassSchema());
      alertId = client.register("gone-value", Alert.getClassSchema());
      assertThat(http("DELETE", server.url() + "/subjects/kept-value")).isEqualTo("200 [1]");
      assertThat(http("DELETE", server.url() + "/subjects/gone-value/versions/1"))
          .isEqualTo("200 1");
      assertThat(http("DELETE", server.url() + "/subjects/gone-value/versions/1?permanent=true"))
          .isEqualTo("200 1");
    }
    try (EmbeddedSchemaRegistry server =
        EmbeddedSchemaRegistry.start(
            "127.0.0.1",
            0,
            KafkaSchemaStore.open(store, "_schemas-deletes", (short) 1, Duration.ofSeconds(30)))) {
      assertThat(http("GET", server.url() + "/subjects?deleted=true"))
          .isEqualTo("200 [\"kept-value\"]");
      assertThat(http("GET", server.url() + "/subjects")).isEqualTo("200 []");
      assertThat(http("GET", server.url() + "/schemas/ids/" + mentionId + "/subjects?deleted=true"))
          .isEqualTo("200 [\"kept-value\"]");
      assertThat(http("GET", server.url() + "/schemas/ids/" + alertId)).startsWith("404 ");
      assertThat(http("DELETE", server.url() + "/subjects/kept-value")).contains("40404");
    }
  }

  private static String http(String method, String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private List<Mention> readMentions(String topic, AvroSerde<Mention> serde, int expected) {
    List<Mention> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "compat-reader",
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          out.add(serde.deserialize(topic, record.value()));
        }
      }
    }
    return out;
  }

  static Mention mention(String id, String text) {
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId(id)
        .setUrl("https://bsky.app/profile/alice/post/" + id)
        .setAuthor(
            Author.newBuilder()
                .setHandle("alice")
                .setDisplayName("Alice")
                .setFollowers(10L)
                .setUrl(null)
                .build())
        .setTitle(null)
        .setText(text)
        .setLanguage("en")
        .setCreatedAt(Instant.ofEpochMilli(1767607200000L))
        .setFetchedAt(null)
        .setInReplyTo(null)
        .setRepostOf(null)
        .setEngagement(null)
        .setSource("test")
        .build();
  }
}
