package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.local.LocalStack;
import io.sociallistening.app.local.LocalStackConfig;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command local stack as a newcomer runs it (every port given as 0, so each part binds a
 * free one; at the default replay speed): the bundled sample goes through a real Connect worker,
 * the topology raises the sample's crisis and leads, the console prints them, and an independent
 * kafkajs client decodes the alerts and aggregates through the registry.
 */
class LocalStackIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dataDir;

  @Test
  void shouldRaiseTheSampleCrisisAndLeadsReadableByAnyClient() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalStackConfig config =
        LocalStackConfig.load(
            Map.of(),
            Map.of(
                LocalStackConfig.DATA_DIR, dataDir.toString(),
                LocalStackConfig.KAFKA_PORT, "0",
                LocalStackConfig.CONTROLLER_PORT, "0",
                LocalStackConfig.REGISTRY_PORT, "0",
                LocalStackConfig.CONNECT_PORT, "0",
                LocalStackConfig.HTTP_PORT, "0"));
    try (LocalStack stack =
        LocalStack.start(
            config, Map.of(), new PrintStream(console, true, StandardCharsets.UTF_8))) {
      // every part on a free port of its own, printed as bound
      String dashboard = stack.dashboardUrl().orElseThrow();
      assertThat(List.of(stack.bootstrapServers(), stack.registryUrl(), dashboard))
          .allSatisfy(address -> assertThat(address).matches(".*:[1-9][0-9]*"));
      assertThat(stack.connectUrl()).matches(".*:[1-9][0-9]*/?");
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("  Kafka broker        " + stack.bootstrapServers() + "\n")
          .contains("  Schema registry     " + stack.registryUrl() + "\n")
          .contains("  Dashboard           " + dashboard + "/\n")
          .contains("  Kafka Connect       " + stack.connectUrl() + " (connector");
      assertThat(Http.get(dashboard + "/health", null).statusCode()).isEqualTo(200);
      assertThat(Http.get(stack.connectUrl(), null).statusCode()).isEqualTo(200);
      try (SchemaRegistry registry =
          SchemaRegistries.fromConfig(Map.of("schema.registry.url", stack.registryUrl()))) {
        AvroSerde<Alert> serde = AvroSerde.forValues(Alert.class, registry);
        List<Alert> alerts =
            TopicReader.read(
                    stack.bootstrapServers(),
                    "social.alerts",
                    got ->
                        got.stream()
                            .map(r -> serde.deserialize("social.alerts", r.value()))
                            .anyMatch(a -> a.getType() == AlertType.CRISIS_RESOLVED),
                    Duration.ofSeconds(150),
                    Duration.ZERO)
                .stream()
                .map(r -> serde.deserialize("social.alerts", r.value()))
                .toList();

        assertThat(alerts)
            .filteredOn(a -> a.getType() == AlertType.CRISIS_OPENED)
            .extracting(Alert::getBrand)
            .containsExactly("acme-air");
        // the sample's crisis doubles halfway: the whole lifecycle shows
        assertThat(alerts)
            .filteredOn(a -> a.getType().name().startsWith("CRISIS_"))
            .extracting(Alert::getType)
            .containsExactly(
                AlertType.CRISIS_OPENED, AlertType.CRISIS_ESCALATED, AlertType.CRISIS_RESOLVED);
        assertThat(alerts).filteredOn(a -> a.getType() == AlertType.LEAD).hasSizeGreaterThan(5);
      }
      NodeClient node = new NodeClient(stack.bootstrapServers(), stack.registryUrl());
      JsonNode alert = JSON.readTree(node.read("social.alerts", 1).get(0));
      assertThat(alert.at("/value/summary").asText()).isNotBlank();
      JsonNode window = JSON.readTree(node.read("social.brand-sentiment.1m", 1).get(0));
      assertThat(window.at("/value/brand").asText())
          .isIn("acme-air", "nimbus", "brewly", "skyways");

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!console.toString(StandardCharsets.UTF_8).contains("CRISIS_OPENED")
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("CRISIS_OPENED  acme-air")
          .contains("LEAD  nimbus");
    }
  }

  @Test
  void shouldStopTheStackAndExitOneWhenTheTopologyFails() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // Every record the topology produces is refused as too large, so its stream thread dies on
    // the first output.
    Map<String, String> env = Map.of("SOCIAL_LISTENING_KAFKA_PRODUCER_MAX_REQUEST_SIZE", "100");
    List<String> args =
        List.of(
            "demo",
            "--data.dir=" + dataDir,
            "--kafka.port=0",
            "--kafka.controller.port=0",
            "--registry.port=0",
            "--connect.port=0",
            "--http.port=0");
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> code =
          runner.submit(
              () ->
                  Cli.run(
                      args,
                      new ByteArrayInputStream(new byte[0]),
                      new PrintStream(out, true, StandardCharsets.UTF_8),
                      new PrintStream(err, true, StandardCharsets.UTF_8),
                      env));

      // a guard against a hang, not a measure: the demo returns once the topology has failed
      assertThat(code.get(5, TimeUnit.MINUTES)).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .isEqualTo("The topology failed (see the log above); the local stack is stopped\n");
      assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("Stopped.\n");
    } finally {
      runner.shutdownNow();
    }
  }
}
