package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert feed of the API and dashboard against a broker that is not there yet. */
class AlertFeedIT {
  @TempDir Path dataDir;

  @Test
  void shouldKeepWaitingForTheClusterWhenItDoesNotAnswerAtStart() throws Exception {
    // the broker's socket, bound (so no other process takes its port) but answered by nothing
    // until the broker starts on it
    ServerSocketChannel socket =
        ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    // Given a feed started while its cluster does not answer (metadata waits of 200 ms)
    try (socket;
        AlertFeed feed =
            new AlertFeed(
                Map.of("bootstrap.servers", "127.0.0.1:" + port),
                registry,
                "alerts",
                10,
                Duration.ofMillis(200))) {
      feed.start();

      // When the cluster comes up, with an alert on the topic. The feed's request for the topic,
      // waiting on the socket since before the broker ran, is the first one the broker answers:
      // with topics created on first use, it created the topic before the test could.
      try (EmbeddedKafka kafka =
          EmbeddedKafka.start(
              dataDir,
              socket,
              Map.of("num.partitions", "1", "auto.create.topics.enable", "false"))) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
          admin.createTopics(List.of(new NewTopic("alerts", 1, (short) 1))).all().get();
        }
        produce(kafka, registry, lead("lead-1"), null);

        // Then the feed serves it
        awaitLeads(feed, 1);
        assertThat(feed.leads(10).get(0).get("id").asText()).isEqualTo("lead-1");
      }
    }
  }

  @Test
  void shouldReadAPartitionAddedToTheTopicAfterItStarted() throws Exception {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(dataDir, "127.0.0.1", 0, 0, Map.of("num.partitions", "1"))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("alerts", 1, (short) 1))).all().get();
        // Given a feed reading the topic's one partition (metadata refreshed every 500 ms)
        try (AlertFeed feed =
            new AlertFeed(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "metadata.max.age.ms", "500"),
                registry,
                "alerts",
                10,
                Duration.ofSeconds(10))) {
          feed.start();
          produce(kafka, registry, lead("lead-1"), 0);
          awaitLeads(feed, 1);

          // When a second partition is added and an alert lands on it
          admin.createPartitions(Map.of("alerts", NewPartitions.increaseTo(2))).all().get();
          produce(kafka, registry, lead("lead-2"), 1);

          // Then the feed serves it too
          awaitLeads(feed, 2);
          assertThat(feed.leads(10))
              .extracting(json -> json.get("id").asText())
              .containsExactlyInAnyOrder("lead-1", "lead-2");
        }
      }
    }
  }

  @Test
  void shouldResumeAClientOfAnotherFeedFromItsPositionInTheTopic() throws Exception {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(dataDir, "127.0.0.1", 0, 0, Map.of("num.partitions", "1"))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("alerts", 1, (short) 1))).all().get();
      }
      Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
      for (int i = 0; i < 3; i++) {
        produce(kafka, registry, lead("lead-" + i), 0);
      }
      // Given a client of one feed that has had the first three alerts (offsets 0 to 2)
      StreamPosition position;
      try (AlertFeed first =
          new AlertFeed(client, registry, "alerts", 10, Duration.ofSeconds(10))) {
        first.start();
        awaitLeads(first, 3);
        position = first.subscribe(Optional.empty(), Duration.ZERO).position();
      }
      assertThat(position.id()).isEqualTo("0:3");

      // When two more are published and it comes back to a feed started since, which holds
      // the last 2 of each partition
      produce(kafka, registry, lead("lead-3"), 0);
      produce(kafka, registry, lead("lead-4"), 0);
      try (AlertFeed second =
          new AlertFeed(client, registry, "alerts", 2, Duration.ofSeconds(10))) {
        second.start();
        awaitLeads(second, 2);
        AlertFeed.Subscription resumed =
            second.subscribe(Optional.of(position), Duration.ofSeconds(10));
        AlertFeed.Subscription fromStart =
            second.subscribe(Optional.of(StreamPosition.parse("0:0")), Duration.ofSeconds(10));

        // Then it gets the two it missed, and a client from the start learns some are not held
        assertThat(resumed.missed())
            .extracting(AlertFeed.Published::offset)
            .containsExactly(3L, 4L);
        assertThat(resumed.missed().get(0).json()).contains("\"id\":\"lead-3\"");
        assertThat(resumed.incomplete()).isFalse();
        assertThat(fromStart.incomplete()).isTrue();
        // and an id beyond the partition's end (a topic created again) is started afresh
        AlertFeed.Subscription beyond =
            second.subscribe(Optional.of(StreamPosition.parse("0:1000")), Duration.ofSeconds(10));
        assertThat(beyond.incomplete()).isTrue();
        assertThat(beyond.position().id()).isEqualTo("0:3");
        assertThat(second.subscribe(Optional.empty(), Duration.ZERO).position().id())
            .isEqualTo("0:5");
      }
    }
  }

  private static Alert lead(String id) {
    return Alert.newBuilder()
        .setId(id)
        .setType(AlertType.LEAD)
        .setBrand("acme-air")
        .setSeverity(1)
        .setEventTime(Instant.parse("2026-01-05T06:00:00Z"))
        .setSummary("a lead")
        .build();
  }

  private static void produce(
      EmbeddedKafka kafka, InMemorySchemaRegistry registry, Alert alert, Integer partition)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  "alerts",
                  partition,
                  alert.getId().getBytes(StandardCharsets.UTF_8),
                  AvroSerde.forValues(Alert.class, registry).serialize("alerts", alert)))
          .get();
    }
  }

  private static void awaitLeads(AlertFeed feed, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (feed.leads(10).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(feed.leads(10)).hasSize(count);
  }
}
