package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production compose file, checked without a Docker engine: Debian's {@code docker-compose}
 * (1.29) validates it ({@code config -q}) and prints the resolved configuration, whose services are
 * then asserted: three KRaft brokers forming one quorum, the registry, the Connect worker with our
 * plugin, the scaled topology instances and Prometheus scraping them.
 */
class ComposeFileIT {
  private static final Path DOCKER = Path.of("..", "docker");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path tmp;

  @Test
  void shouldBeAcceptedByTheComposeValidator() throws Exception {
    Result result = compose(DOCKER.resolve("compose.yaml"), "config", "-q");

    assertThat(result.exit).as("docker-compose config -q: %s", result.stderr).isZero();
    assertThat(result.stderr).isEmpty();
  }

  @Test
  void shouldRejectAnInvalidFileWithTheValidator() throws Exception {
    Path broken = tmp.resolve("compose.yaml");
    Files.writeString(
        broken, "services:\n  kafka:\n    image: apache/kafka\n    replicas: three\n");

    Result result = compose(broken, "config", "-q");

    assertThat(result.exit).isNotZero();
    assertThat(result.stderr).contains("replicas");
  }

  @Test
  void shouldRunThreeKraftBrokersRegistryConnectInstancesAndPrometheus() throws Exception {
    Result result = compose(DOCKER.resolve("compose.yaml"), "config");
    assertThat(result.exit).as(result.stderr).isZero();
    JsonNode services = YAML.readTree(result.stdout).get("services");

    assertThat(names(services))
        .containsExactly(
            "connect",
            "kafka-1",
            "kafka-2",
            "kafka-3",
            "prometheus",
            "schema-registry",
            "topology");
    for (int node = 1; node <= 3; node++) {
      JsonNode env = services.get("kafka-" + node).get("environment");
      assertThat(services.get("kafka-" + node).get("image").asText()).startsWith("apache/kafka:");
      assertThat(env.get("KAFKA_NODE_ID").asText()).isEqualTo(Integer.toString(node));
      assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
          .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").asText())
          .startsWith("PLAINTEXT://kafka-" + node + ":9092,");
      assertThat(env.get("CLUSTER_ID").asText())
          .isEqualTo(services.get("kafka-1").get("environment").get("CLUSTER_ID").asText())
          .hasSize(22);
      assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText()).isEqualTo("3");
      assertThat(services.get("kafka-" + node).has("healthcheck")).isTrue();
    }

    JsonNode registry = services.get("schema-registry");
    assertThat(registry.get("command").get(0).asText()).isEqualTo("registry");
    assertThat(registry.get("environment").get("SOCIAL_LISTENING_BOOTSTRAP_SERVERS").asText())
        .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
    assertThat(registry.get("build").get("target").asText()).isEqualTo("runtime");

    JsonNode connect = services.get("connect");
    assertThat(connect.get("build").get("target").asText()).isEqualTo("connect");
    assertThat(connect.get("command").get(0).asText())
        .isEqualTo("/opt/kafka/bin/connect-distributed.sh");
    String worker =
        Files.readString(DOCKER.resolve("connect-worker.properties"), StandardCharsets.UTF_8);
    assertThat(worker)
        .contains("plugin.path=/opt/social-listening/plugins")
        .contains("value.converter.schema.registry.url=http://schema-registry:8081")
        // the secrets of docker/connect/mastodon.json and reddit.json are ${env:NAME}
        .contains("config.providers=env")
        .contains(
            "config.providers.env.class="
                + "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    assertThat(names(connect.get("environment")))
        .contains("MASTODON_ACCESS_TOKEN", "REDDIT_CLIENT_ID", "REDDIT_CLIENT_SECRET");

    JsonNode topology = services.get("topology");
    assertThat(topology.get("command").get(0).asText()).isEqualTo("run");
    assertThat(topology.get("deploy").get("replicas").asInt()).isEqualTo(3);
    assertThat(topology.get("environment").get("SOCIAL_LISTENING_SCHEMA_REGISTRY_URL").asText())
        .isEqualTo("http://schema-registry:8081");
    assertThat(topology.get("environment").get("SOCIAL_LISTENING_HTTP_PORT").asText())
        .isEqualTo("8080");
    assertThat(topology.get("healthcheck").get("test").toString()).contains("GET /health");
    // Docker's default of 10 s would kill an instance still inside shutdown.timeout.ms (30 s)
    assertThat(topology.get("stop_grace_period").asText()).isEqualTo("45s");

    JsonNode prometheus = services.get("prometheus");
    assertThat(prometheus.get("volumes").get(0).asText())
        .endsWith("prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    JsonNode scrape =
        YAML.readTree(DOCKER.resolve("prometheus.yml").toFile()).get("scrape_configs").get(0);
    assertThat(scrape.get("metrics_path").asText()).isEqualTo("/metrics");
    assertThat(scrape.get("dns_sd_configs").get(0).get("names").get(0).asText())
        .isEqualTo("topology");
    assertThat(scrape.get("dns_sd_configs").get(0).get("port").asInt()).isEqualTo(8080);
  }

  @Test
  void shouldGiveTheWebhookDeadLetterTopicsEnoughReplicasForTheBrokers() throws Exception {
    // a topic with fewer replicas than min.insync.replicas refuses every acks=all write, so the
    // webhook sink could not dead-letter a single alert
    Result result = compose(DOCKER.resolve("compose.yaml"), "config");
    assertThat(result.exit).as(result.stderr).isZero();
    int minInsync =
        YAML.readTree(result.stdout)
            .get("services")
            .get("kafka-1")
            .get("environment")
            .get("KAFKA_MIN_INSYNC_REPLICAS")
            .asInt();
    for (String file : List.of("webhook-json.json", "webhook-slack.json")) {
      JsonNode config =
          new ObjectMapper().readTree(DOCKER.resolve("connect").resolve(file).toFile());
      assertThat(
              config.get("config").get("errors.deadletterqueue.topic.replication.factor").asInt())
          .as(file)
          .isGreaterThanOrEqualTo(minInsync);
    }
  }

  private static List<String> names(JsonNode services) {
    List<String> out = new ArrayList<>();
    services.fieldNames().forEachRemaining(out::add);
    return new ArrayList<>(new TreeSet<>(out));
  }

  private record Result(int exit, String stdout, String stderr) {}

  private Result compose(Path file, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker-compose", "-f", file.toString()));
    command.addAll(List.of(args));
    Path out = tmp.resolve("compose.out");
    Path err = tmp.resolve("compose.err");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "docker-compose (Debian package docker-compose) is needed to validate docker/compose.yaml"
              + " without an engine; app/src/test/tools/ensure-packages.sh installs it",
          e);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
