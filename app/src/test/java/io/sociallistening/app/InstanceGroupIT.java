package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.avro.Mention;
import io.sociallistening.topology.SocialListeningTopology;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two topology instances in one JVM sharing an application id on a 3-partition in-process broker
 * (own state directories and HTTP ports, no standby replicas): what an instance answers for a brand
 * it does not hold, and what happens to the group when one of them is closed.
 */
class InstanceGroupIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BRANDS =
      List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");

  @TempDir static Path dataDir;
  private static TestCluster cluster;
  private static Path rules;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = TestCluster.start(dataDir);
    rules = dataDir.resolve("group-rules.jsonl");
    StringBuilder lines = new StringBuilder();
    for (String brand : BRANDS) {
      lines.append(
          String.format(
              "{\"id\":\"%s-1\",\"brand\":\"%s\",\"query\":\"%s\"}%n", brand, brand, brand));
    }
    Files.writeString(rules, lines);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void shouldAnswer503NotAnEmptyListWhenAskedLocallyForABrandItDoesNotHold() throws Exception {
    try (Instance a = Instance.start(config("iq-partition", "a"));
        Instance b = Instance.start(config("iq-partition", "b"))) {
      awaitBothOwnPartitions(a, b);
      Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3));
      TestMentions.produceRaw(
          cluster.bootstrapServers(),
          cluster.registry,
          BRANDS.stream().map(brand -> mention(brand, t0)).toList());

      // Given a brand held by one instance, whose windows that instance serves.
      String brand = BRANDS.get(0);
      Instance holder = owner(a, brand).activeHost().port() == a.web().orElseThrow().port() ? a : b;
      Instance other = holder == a ? b : a;
      JsonNode served = awaitWindows(holder.web().orElseThrow().url(), brand);
      assertThat(served.at("/windows/0/volume").asLong()).isEqualTo(1);

      // When the other instance is asked for it locally, as a forwarded query asks the instance
      // the forwarding one believes holds it (an answer that can reach a former owner while the
      // partition moves), it does not claim the brand has no windows.
      HttpResponse<String> notHere =
          Http.get(
              other.web().orElseThrow().url()
                  + "/api/brands/"
                  + brand
                  + "/windows?size=1m&local=true",
              null);

      assertThat(notHere.statusCode()).as(notHere.body()).isEqualTo(503);
      assertThat(JSON.readTree(notHere.body()).get("error").asText())
          .startsWith("Store brand-sentiment-1m is not queryable here");
    }
  }

  @Test
  void shouldLeaveTheGroupWhenClosedSoTheOthersTakeOverAtOnce() throws Exception {
    try (Instance a = Instance.start(config("scale-in", "a"))) {
      Set<String> consumersOfB;
      try (Instance b = Instance.start(config("scale-in", "b"))) {
        awaitBothOwnPartitions(a, b);
        consumersOfB =
            b.streams().metadataForLocalThreads().stream()
                .map(ThreadMetadata::consumerClientId)
                .collect(Collectors.toSet());
        assertThat(members("scale-in")).containsAll(consumersOfB);
      }

      // Once b is closed, it is no longer a member: the group need not wait for its session to
      // time out before a takes over its partitions.
      assertThat(members("scale-in")).doesNotContainAnyElementsOf(consumersOfB).isNotEmpty();
    }
  }

  @Test
  void shouldAnswer502ForABrandHeldByAnInstanceWithoutHttp() throws Exception {
    Map<String, String> noHttp = Map.of(InstanceConfig.HTTP_PORT, "-1");
    try (Instance a = Instance.start(config("mixed", "a"));
        Instance b = Instance.start(config("mixed", "b", noHttp))) {
      // Given a brand whose windows live on the instance that serves no HTTP.
      String brand = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (brand == null && System.nanoTime() < deadline) {
        if (a.awaitRunning(Duration.ofSeconds(60)) && b.awaitRunning(Duration.ZERO)) {
          for (String candidate : BRANDS) {
            KeyQueryMetadata owner = owner(a, candidate);
            if (!owner.equals(KeyQueryMetadata.NOT_AVAILABLE)
                && owner.activeHost().port() != a.web().orElseThrow().port()) {
              brand = candidate;
              break;
            }
          }
        }
        Thread.sleep(200);
      }
      assertThat(brand).as("a brand held by the instance without HTTP").isNotNull();

      // When the instance with HTTP is asked for it, it says no owner answered (not a bad request).
      HttpResponse<String> answer =
          Http.get(a.web().orElseThrow().url() + "/api/brands/" + brand + "/windows", null);

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
      assertThat(JSON.readTree(answer.body()).get("error").asText())
          .isEqualTo(
              "No owner of '"
                  + brand
                  + "' answered: its active owner serves no HTTP (http.port is not set there)");
    }
  }

  private static Set<String> members(String group) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).all().get().get(group);
      return description.members().stream()
          .map(MemberDescription::clientId)
          .collect(Collectors.toSet());
    }
  }

  private static KeyQueryMetadata owner(Instance instance, String brand) {
    return instance
        .streams()
        .queryMetadataForKey(
            SocialListeningTopology.BRAND_SENTIMENT_1M_STORE, brand, Serdes.String().serializer());
  }

  /** Waits until both instances run and each holds partitions of the 1-minute windows. */
  private static void awaitBothOwnPartitions(Instance a, Instance b) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      boolean running = a.awaitRunning(Duration.ofSeconds(60)) && b.awaitRunning(Duration.ZERO);
      long owners =
          a
              .streams()
              .streamsMetadataForStore(SocialListeningTopology.BRAND_SENTIMENT_1M_STORE)
              .stream()
              .filter(m -> !m.topicPartitions().isEmpty())
              .map(StreamsMetadata::hostInfo)
              .distinct()
              .count();
      if (running && owners == 2) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The two instances did not both come to hold partitions");
  }

  private static JsonNode awaitWindows(String url, String brand) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          Http.get(url + "/api/brands/" + brand + "/windows?size=1m", null);
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200) {
        JsonNode json = JSON.readTree(response.body());
        if (!json.get("windows").isEmpty()) {
          return json;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(brand + " never had a window: " + last);
  }

  private static InstanceConfig config(String applicationId, String name) {
    return config(applicationId, name, Map.of());
  }

  private static InstanceConfig config(
      String applicationId, String name, Map<String, String> overrides) {
    Map<String, String> settings =
        new HashMap<>(
            Map.ofEntries(
                Map.entry(InstanceConfig.APPLICATION_ID, applicationId),
                Map.entry(InstanceConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers()),
                Map.entry(InstanceConfig.SCHEMA_REGISTRY_URL, cluster.registryServer.url()),
                Map.entry(
                    InstanceConfig.STATE_DIR,
                    dataDir.resolve("state-" + applicationId + "-" + name).toString()),
                Map.entry(InstanceConfig.RULES_FILE, rules.toString()),
                Map.entry(InstanceConfig.HTTP_HOST, "127.0.0.1"),
                Map.entry(InstanceConfig.HTTP_PORT, "0"),
                Map.entry("kafka.commit.interval.ms", "200")));
    settings.putAll(overrides);
    return InstanceConfig.load(Optional.empty(), Map.of(), settings);
  }

  private static Mention mention(String brand, Instant at) {
    return TestMentions.bluesky(brand + "-post", "Trying " + brand + " today", "user", 10L, at);
  }
}
