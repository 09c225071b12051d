package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {
  @TempDir Path dataDir;

  @Test
  void shouldKeepRecordsAcrossARestartOnTheSameDirectory() throws Exception {
    int port = EmbeddedKafka.freePort();
    int controllerPort = EmbeddedKafka.freePort();
    try (EmbeddedKafka kafka =
            EmbeddedKafka.start(dataDir, "127.0.0.1", port, controllerPort, Map.of());
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
      producer.send(new ProducerRecord<>("t", "k1", "first")).get();
      producer.send(new ProducerRecord<>("t", "k1", "second")).get();
    }

    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(dataDir, "127.0.0.1", port, controllerPort, Map.of())) {
      assertThat(readAll(kafka.bootstrapServers(), "t", 2)).containsExactly("first", "second");
    }
  }

  @Test
  void shouldStopAHalfStartedBrokerWhenItsPortIsTaken() throws Exception {
    // the failed start left the controller's threads running: the process never exited
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      int controllerPort = EmbeddedKafka.freePort();

      assertRefusedToStart(port, controllerPort);

      // the controller's port is free again
      try (ServerSocket again =
          new ServerSocket(controllerPort, 50, InetAddress.getByName("127.0.0.1"))) {
        assertThat(again.getLocalPort()).isEqualTo(controllerPort);
      }
    }
  }

  @Test
  void shouldRefuseToStartWhenTheControllerPortIsTaken() throws Exception {
    // the controller's failed bind was a fatal fault to Kafka, which halted the whole JVM
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = EmbeddedKafka.freePort();
      int controllerPort = taken.getLocalPort();

      assertRefusedToStart(port, controllerPort);
    }
  }

  private void assertRefusedToStart(int port, int controllerPort) {
    assertThatThrownBy(
            () -> EmbeddedKafka.start(dataDir, "127.0.0.1", port, controllerPort, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Cannot start the Kafka broker on 127.0.0.1:"
                + port
                + " (controller port "
                + controllerPort
                + "): ");
  }

  @Test
  void shouldHoldTheFirstProduceOfATransactionWhileThePreviousOneCompletes() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startOnFreePorts(dataDir);
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      assertThat(brokerSetting(admin, EmbeddedKafka.ADD_PARTITIONS_TO_TXN_RETRY_MAX_MS))
          .isEqualTo(String.valueOf(EmbeddedKafka.ADD_PARTITIONS_TO_TXN_RETRY_MAX));
    }
  }

  @Test
  void shouldLetAnOverrideReplaceTheTransactionWait() throws Exception {
    try (EmbeddedKafka kafka =
            EmbeddedKafka.start(
                dataDir,
                "127.0.0.1",
                0,
                0,
                Map.of(EmbeddedKafka.ADD_PARTITIONS_TO_TXN_RETRY_MAX_MS, "250"));
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      assertThat(brokerSetting(admin, EmbeddedKafka.ADD_PARTITIONS_TO_TXN_RETRY_MAX_MS))
          .isEqualTo("250");
    }
  }

  private static String brokerSetting(Admin admin, String name) throws Exception {
    ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
    Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
    return config.get(name).value();
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "reader",
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
