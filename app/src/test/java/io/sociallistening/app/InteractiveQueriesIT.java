package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Mention;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.topology.SocialListeningTopology;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two topology instances in one JVM (own state directories and HTTP ports, one standby replica
 * each) on a 3-partition in-process broker: a query for any brand's windows gives the same answer
 * from either instance (the one not owning the brand forwards to the owner); the token guards the
 * API but not health and readiness; the alert stream delivers a new lead; and a metrics scrape of
 * both instances adds up to exactly what went in.
 */
class InteractiveQueriesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";
  private static final List<String> BRANDS =
      List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");

  @TempDir Path dataDir;

  @Test
  void shouldAnswerEveryBrandFromEitherInstanceAndCountWhatWentIn() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startOnFreePorts(dataDir);
        EmbeddedSchemaRegistry registryServer =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(Map.of("bootstrap.servers", kafka.bootstrapServers())));
        SchemaRegistry registry =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryServer.url()))) {
      Path rules = dataDir.resolve("rules.jsonl");
      StringBuilder lines = new StringBuilder();
      for (String brand : BRANDS) {
        lines.append(
            String.format(
                "{\"id\":\"%s-1\",\"brand\":\"%s\",\"query\":\"%s\"}%n", brand, brand, brand));
      }
      Files.writeString(rules, lines);
      try (Instance a = Instance.start(config(kafka, registryServer, rules, "a"));
          Instance b = Instance.start(config(kafka, registryServer, rules, "b"))) {
        assertThat(a.awaitRunning(Duration.ofSeconds(60))).isTrue();
        assertThat(b.awaitRunning(Duration.ofSeconds(60))).isTrue();
        String urlA = a.web().orElseThrow().url();
        String urlB = b.web().orElseThrow().url();
        awaitTwoOwners(a);

        // Given mentions of six brands in the last minutes, one exact copy and one invalid post.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(6));
        List<Mention> mentions = new ArrayList<>();
        Map<String, Long> expectedVolume = new HashMap<>();
        for (int i = 0; i < BRANDS.size(); i++) {
          String brand = BRANDS.get(i);
          for (int n = 0; n < i + 3; n++) {
            mentions.add(
                mention(
                    brand + "-" + n,
                    "Trying " + brand + " today, number " + n + (n % 2 == 0 ? ", love it" : ""),
                    "user" + n,
                    t0.plusSeconds(40L * n)));
          }
          expectedVolume.put(brand, (long) i + 3);
        }
        mentions.add(mentions.get(0));
        expectedVolume.merge("alpha", 1L, Long::sum);
        mentions.add(mention("blank", "  ", "nobody", t0));
        TestMentions.produceRaw(kafka.bootstrapServers(), registry, mentions);

        // Then every brand's windows, asked of either instance, are the same and complete.
        Set<String> servedBy = new HashSet<>();
        for (String brand : BRANDS) {
          JsonNode fromA = awaitVolume(urlA, brand, expectedVolume.get(brand));
          JsonNode fromB = awaitVolume(urlB, brand, expectedVolume.get(brand));
          assertThat(fromB.get("windows")).as(brand).isEqualTo(fromA.get("windows"));
          assertThat(fromA.get("servedBy"))
              .as(brand + ": " + fromA + " / " + fromB)
              .isEqualTo(fromB.get("servedBy"));
          servedBy.add(fromA.get("servedBy").asText());
        }
        assertThat(servedBy)
            .containsExactlyInAnyOrder(hostPort(urlA), hostPort(urlB))
            .as("both instances own brands, so half the answers were forwarded");
        JsonNode charlie = json(Http.get(urlB + "/api/brands/charlie/windows?size=1h", TOKEN));
        assertThat(charlie.at("/windows/0/volume").asLong()).isEqualTo(5);
        assertThat(charlie.at("/windows/0/windowStart").asText())
            .isEqualTo(t0.truncatedTo(ChronoUnit.HOURS).toString());
        JsonNode ranged =
            json(
                Http.get(
                    urlA
                        + "/api/brands/foxtrot/windows?size=1m&from="
                        + t0.plus(Duration.ofMinutes(1))
                        + "&to="
                        + t0.plus(Duration.ofMinutes(1)),
                    TOKEN));
        assertThat(ranged.get("windows")).hasSize(1);
        assertThat(ranged.at("/windows/0/windowStart").asText())
            .isEqualTo(t0.plus(Duration.ofMinutes(1)).toString());
        assertThat(json(Http.get(urlB + "/api/brands", TOKEN)).get("brands").toString())
            .isEqualTo("[\"alpha\",\"bravo\",\"charlie\",\"delta\",\"echo\",\"foxtrot\"]");

        // The token guards the API, not health and readiness.
        assertThat(Http.get(urlA + "/api/brands", null).statusCode()).isEqualTo(401);
        assertThat(Http.get(urlA + "/api/brands", "wrong").statusCode()).isEqualTo(401);
        assertThat(Http.get(urlA + "/metrics", null).statusCode()).isEqualTo(401);
        assertThat(Http.get(urlA + "/api/alerts?access_token=" + TOKEN, null).statusCode())
            .isEqualTo(200);
        assertThat(Http.get(urlA + "/health", null).body())
            .isEqualTo("{\"status\":\"UP\",\"streams\":\"RUNNING\"}");
        assertThat(Http.get(urlB + "/ready", null).statusCode()).isEqualTo(200);

        // A bad parameter is answered 400 with the reason.
        HttpResponse<String> badSize = Http.get(urlA + "/api/brands/alpha/windows?size=5m", TOKEN);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(badSize.body()).isEqualTo("{\"error\":\"size must be 1m or 1h, not '5m'\"}");
        HttpResponse<String> badLimit = Http.get(urlA + "/api/alerts?limit=abc", TOKEN);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit must be a number, not 'abc'");

        // When a lead arrives, the alert stream of either instance carries it at once.
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
            Http.client()
                .sendAsync(
                    HttpRequest.newBuilder(
                            URI.create(urlB + "/api/alerts/stream?access_token=" + TOKEN))
                        .build(),
                    HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = stream.get();
        assertThat(open.headers().firstValue("Content-Type"))
            .hasValue("text/event-stream; charset=utf-8");
        Thread reader =
            new Thread(
                () -> {
                  try {
                    open.body().filter(l -> l.startsWith("data: ")).forEach(events::add);
                  } catch (java.io.UncheckedIOException closed) {
                    // the test closed the stream
                  }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        TestMentions.produceRaw(
            kafka.bootstrapServers(),
            registry,
            List.of(
                mention(
                    "lead1",
                    "Thinking of getting the bravo X2, is it worth it? Any recommendations?",
                    "carol",
                    t0.plusSeconds(150))));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (events.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(events).hasSize(1);
        JsonNode lead = JSON.readTree(events.get(0).substring("data: ".length()));
        assertThat(lead.get("type").asText()).isEqualTo("LEAD");
        assertThat(lead.get("brand").asText()).isEqualTo("bravo");
        assertThat(lead.get("reasons")).isNotEmpty();
        JsonNode leads = json(Http.get(urlA + "/api/leads", TOKEN));
        assertThat(leads.at("/leads/0/id").asText()).isEqualTo(lead.get("id").asText());
        assertThat(json(Http.get(urlA + "/api/alerts?limit=5", TOKEN)).get("alerts")).hasSize(1);
        open.body().close();

        // And the metrics of both instances add up to what went in.
        long uniqueValid = mentions.size() - 2 + 1;
        Scrape scrapeA = awaitScrape(urlA);
        Scrape scrapeB = awaitScrape(urlB);
        assertThat(total("social_listening_mentions_in_total", scrapeA, scrapeB))
            .isEqualTo(mentions.size() + 1.0);
        assertThat(total("social_listening_mentions_enriched_total", scrapeA, scrapeB))
            .isEqualTo(uniqueValid);
        assertThat(total("social_listening_duplicates_total", scrapeA, scrapeB)).isEqualTo(1.0);
        assertThat(total("social_listening_dead_letters_total", scrapeA, scrapeB)).isEqualTo(1.0);
        assertThat(
                scrapeA.sum("social_listening_alerts_total", "type=\"LEAD\"")
                    + scrapeB.sum("social_listening_alerts_total", "type=\"LEAD\""))
            .isEqualTo(1.0);
        assertThat(
                scrapeA.sum(
                        "social_listening_end_to_end_latency_seconds_bucket",
                        "output=\"enriched\"",
                        "le=\"900\"")
                    + scrapeB.sum(
                        "social_listening_end_to_end_latency_seconds_bucket",
                        "output=\"enriched\"",
                        "le=\"900\""))
            .isEqualTo(uniqueValid);
        assertThat(scrapeA.sum("social_listening_streams_state", "state=\"RUNNING\""))
            .isEqualTo(1.0);
        assertThat(scrapeA.sum("kafka_stream_thread_process_total")).isPositive();
        assertThat(scrapeA.has("kafka_consumer_fetch_manager_records_consumed_total")).isTrue();
      }
    }
  }

  private static double total(String name, Scrape... scrapes) {
    double sum = 0;
    for (Scrape scrape : scrapes) {
      sum += scrape.sum(name);
    }
    return sum;
  }

  /** Waits until metadata shows both instances as owners and one standby for some brand. */
  private static void awaitTwoOwners(Instance instance) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var hosts =
          instance
              .streams()
              .streamsMetadataForStore(SocialListeningTopology.BRAND_SENTIMENT_1M_STORE)
              .stream()
              .filter(m -> !m.topicPartitions().isEmpty())
              .map(StreamsMetadata::hostInfo)
              .toList();
      KeyQueryMetadata owner =
          instance
              .streams()
              .queryMetadataForKey(
                  SocialListeningTopology.BRAND_SENTIMENT_1M_STORE,
                  "alpha",
                  Serdes.String().serializer());
      if (hosts.size() == 2 && !owner.standbyHosts().isEmpty()) {
        assertThat(owner.standbyHosts()).doesNotContain(owner.activeHost());
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The two instances did not both own stores with a standby");
  }

  private static Scrape awaitScrape(String url) throws Exception {
    HttpResponse<String> response = Http.get(url + "/metrics", TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    // Kept for people who want to see a real scrape.
    Files.writeString(
        Path.of(System.getProperty("basedir", "."), "target", "metrics-scrape.txt"),
        response.body());
    return Scrape.parse(response.body());
  }

  private static JsonNode awaitVolume(String url, String brand, long volume) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          Http.get(url + "/api/brands/" + brand + "/windows?size=1m", TOKEN);
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        long total = 0;
        for (JsonNode window : last.get("windows")) {
          total += window.get("volume").asLong();
        }
        if (total == volume) {
          return last;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError(brand + " never reached volume " + volume + ": " + last);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String hostPort(String url) {
    return url.substring("http://".length());
  }

  private InstanceConfig config(
      EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, Path rules, String name) {
    return InstanceConfig.load(
        Optional.empty(),
        Map.of(),
        Map.ofEntries(
            Map.entry(InstanceConfig.APPLICATION_ID, "iq-it"),
            Map.entry(InstanceConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers()),
            Map.entry(InstanceConfig.SCHEMA_REGISTRY_URL, registry.url()),
            Map.entry(InstanceConfig.STATE_DIR, dataDir.resolve("state-" + name).toString()),
            Map.entry(InstanceConfig.RULES_FILE, rules.toString()),
            Map.entry(InstanceConfig.HTTP_HOST, "127.0.0.1"),
            Map.entry(InstanceConfig.HTTP_PORT, "0"),
            Map.entry(InstanceConfig.HTTP_TOKEN, TOKEN),
            Map.entry("kafka.num.standby.replicas", "1"),
            Map.entry("kafka.commit.interval.ms", "200")));
  }

  private static Mention mention(String id, String text, String handle, Instant at) {
    return TestMentions.bluesky(id, text, handle, 10L, at);
  }
}
