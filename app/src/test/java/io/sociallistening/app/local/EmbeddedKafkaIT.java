package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, "127.0.0.1", 0, 0, Map.of());
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
      producer.send(new ProducerRecord<>("t", "k1", "first")).get();
      producer.send(new ProducerRecord<>("t", "k1", "second")).get();
    }

    // on other ports than the first time: any free ones
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, "127.0.0.1", 0, 0, Map.of())) {
      assertThat(readAll(kafka.bootstrapServers(), "t", 2)).containsExactly("first", "second");
    }
  }

  @Test
  void shouldStartAgainOnThePortsItBoundOnceClosed() throws Exception {
    // the local stack's ports are fixed (9092 and 9093 unless configured): a second start takes
    // the same ones, so closing must release every listener and stop every thread
    List<Thread> before = liveThreads();
    int port;
    int controllerPort;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, "127.0.0.1", 0, 0, Map.of())) {
      port = port(kafka.bootstrapServers());
      controllerPort = kafka.controllerPort();
    }
    assertNoThreadLeftSince(before);

    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(dataDir, "127.0.0.1", port, controllerPort, Map.of())) {
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(kafka.controllerPort()).isEqualTo(controllerPort);
    }
  }

  @Test
  void shouldStopWhatStartedWhenTheBrokerFailsToStart() throws Exception {
    List<Thread> before = liveThreads();
    // a SASL inter-broker listener without a JAAS configuration: the controller starts, the
    // broker does not
    Throwable refused =
        catchThrowable(
            () ->
                EmbeddedKafka.start(
                    dataDir,
                    "127.0.0.1",
                    0,
                    0,
                    Map.of(
                        "listener.security.protocol.map",
                        "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "sasl.enabled.mechanisms",
                        "PLAIN",
                        "sasl.mechanism.inter.broker.protocol",
                        "PLAIN")));

    Matcher message = refusal(refused, "(\\d+)", "Could not find a 'KafkaServer' .*");
    assertNoThreadLeftSince(before);
    assertFree(Integer.parseInt(message.group(1)));
    assertFree(Integer.parseInt(message.group(2)));
  }

  @Test
  void shouldStopWhatStartedWhenKafkaCannotBuildTheNode() throws Exception {
    List<Thread> before = liveThreads();
    // the reporter class is loaded once the broker's metrics exist (a checked exception from
    // Kafka's Scala code)
    Throwable refused =
        catchThrowable(
            () ->
                EmbeddedKafka.start(
                    dataDir,
                    "127.0.0.1",
                    0,
                    0,
                    Map.of("kafka.metrics.reporters", "io.sociallistening.NoSuchReporter")));

    Matcher message = refusal(refused, "(\\d+)", "io\\.sociallistening\\.NoSuchReporter");
    assertNoThreadLeftSince(before);
    assertFree(Integer.parseInt(message.group(1)));
    assertFree(Integer.parseInt(message.group(2)));
  }

  @Test
  void shouldRefuseToStartWhenItsPortIsTaken() throws Exception {
    // a failed start left the controller's threads running: the process never exited
    List<Thread> before = liveThreads();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, "127.0.0.1", port, 0, Map.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Cannot start the Kafka broker on 127.0.0.1:" + port + " (controller port 0): ");
    }
    assertNoThreadLeftSince(before);
  }

  @Test
  void shouldRefuseToStartWhenTheControllerPortIsTaken() throws Exception {
    // the controller's failed bind was a fatal fault to Kafka, which halted the whole JVM
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int controllerPort = taken.getLocalPort();

      Throwable refused =
          catchThrowable(
              () -> EmbeddedKafka.start(dataDir, "127.0.0.1", 0, controllerPort, Map.of()));

      assertThat(refused).isInstanceOf(IllegalStateException.class);
      Matcher message =
          Pattern.compile(
                  "Cannot start the Kafka broker on 127\\.0\\.0\\.1:(\\d+) \\(controller port "
                      + controllerPort
                      + "\\): .+")
              .matcher(refused.getMessage());
      assertThat(message.matches()).as(refused.getMessage()).isTrue();
      // the broker's port, bound before the controller's, is free again
      int port = Integer.parseInt(message.group(1));
      try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
        assertThat(again.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void shouldAnswerClientsThatConnectedToItsSocketBeforeItStarted() throws Exception {
    try (ServerSocketChannel socket =
        ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
      int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
      try (Admin admin =
          Admin.create(
              Map.of(
                  "bootstrap.servers",
                  "127.0.0.1:" + port,
                  "default.api.timeout.ms",
                  "60000",
                  "request.timeout.ms",
                  "60000"))) {
        var nodes = admin.describeCluster().nodes();
        Thread.sleep(500);
        assertThat(nodes.isDone()).isFalse();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, socket, Map.of())) {
          assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
          assertThat(nodes.get(30, TimeUnit.SECONDS))
              .extracting(org.apache.kafka.common.Node::port)
              .containsExactly(port);
        }
      }
    }
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

  /** Asserts a refused start's message; group 1 is the broker's port, 2 the controller's. */
  private static Matcher refusal(Throwable refused, String controllerPort, String detail) {
    assertThat(refused).isInstanceOf(IllegalStateException.class);
    Matcher message =
        Pattern.compile(
                "Cannot start the Kafka broker on 127\\.0\\.0\\.1:(\\d+) \\(controller port "
                    + controllerPort
                    + "\\): "
                    + detail)
            .matcher(refused.getMessage());
    assertThat(message.matches()).as(refused.getMessage()).isTrue();
    return message;
  }

  private static int port(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }

  private static void assertFree(int port) throws Exception {
    try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private static List<Thread> liveThreads() {
    return new ArrayList<>(Thread.getAllStackTraces().keySet());
  }

  /**
   * Asserts that every thread started since {@code before} has ended (within 10 s), but the meter
   * tick threads of Kafka's Yammer metrics, which serve the whole JVM once started.
   */
  private static void assertNoThreadLeftSince(List<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> left;
    do {
      left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .filter(thread -> !before.contains(thread))
              .map(Thread::getName)
              .filter(name -> !name.startsWith("metrics-meter-tick-thread-"))
              .toList();
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertThat(left).as("threads left running").isEmpty();
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
