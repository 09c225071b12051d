package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.BrandShare;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.ShareOfVoiceWindow;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Topics;
import io.sociallistening.topology.validate.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole topology on a real in-process broker and registry: raw mentions in (malformed records,
 * invalid mentions and re-delivered copies among them), then every output topic read back as a
 * downstream consumer would (read_committed, decoded through the registry).
 */
class PipelineIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
  private static final int BASELINE_MINUTES = 240;
  private static final int BURST_MINUTES = 10;
  private static final int CALM_MINUTES = 40;

  @TempDir Path dataDir;

  @Test
  void shouldTurnRawMentionsIntoEnrichedMentionsAggregatesAlertsAndDeadLetters() throws Exception {
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      SchemaRegistry registry = cluster.registry;
      EmbeddedKafka kafka = cluster.kafka;
      InstanceConfig config =
          cluster.instanceConfig(
              "pipeline-it",
              "{\"id\":\"acme-1\",\"brand\":\"acme-air\",\"query\":\"\\\"acme air\\\" OR acmeair\"}\n"
                  + "{\"id\":\"nimbus-1\",\"brand\":\"nimbus\",\"query\":\"nimbus\"}\n");
      Topics topics = config.topics();
      Input input = input();

      try (Instance instance = Instance.start(config)) {
        assertThat(instance.awaitRunning(Duration.ofSeconds(60))).isTrue();
        produce(kafka.bootstrapServers(), topics.raw(), registry, input);

        AvroSerde<EnrichedMention> enrichedSerde =
            AvroSerde.forValues(EnrichedMention.class, registry);
        List<ConsumerRecord<byte[], byte[]>> enriched =
            TopicReader.read(
                kafka.bootstrapServers(),
                topics.enriched(),
                got -> got.size() >= input.uniqueKeys.size(),
                Duration.ofSeconds(120),
                Duration.ofSeconds(3));
        List<String> enrichedKeys =
            enriched.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        assertThat(enrichedKeys).doesNotHaveDuplicates();
        assertThat(new HashSet<>(enrichedKeys)).isEqualTo(input.uniqueKeys);
        EnrichedMention sample =
            enrichedSerde.deserialize(topics.enriched(), enriched.get(0).value());
        assertThat(sample.getBrands()).isNotEmpty();

        List<ConsumerRecord<byte[], byte[]>> dead =
            TopicReader.read(
                kafka.bootstrapServers(),
                topics.deadLetters(),
                got -> got.size() >= input.invalid,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        assertThat(dead).hasSize(input.invalid);
        assertThat(dead)
            .extracting(r -> DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.STAGE))
            .containsOnly("validate");

        AvroSerde<Alert> alertSerde = AvroSerde.forValues(Alert.class, registry);
        List<Alert> alerts =
            TopicReader.read(
                    kafka.bootstrapServers(),
                    topics.alerts(),
                    got ->
                        decode(got, alertSerde, topics.alerts()).stream()
                            .anyMatch(a -> a.getType() == AlertType.CRISIS_RESOLVED),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(2))
                .stream()
                .map(r -> alertSerde.deserialize(topics.alerts(), r.value()))
                .toList();
        assertThat(alerts).extracting(Alert::getId).doesNotHaveDuplicates();
        List<Alert> opened =
            alerts.stream().filter(a -> a.getType() == AlertType.CRISIS_OPENED).toList();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).getBrand()).isEqualTo("acme-air");
        Instant burstStart = T0.plus(Duration.ofMinutes(BASELINE_MINUTES));
        assertThat(opened.get(0).getMetrics().getBucketStart())
            .isBetween(burstStart, burstStart.plus(Duration.ofMinutes(2)));
        assertThat(opened.get(0).getTopTerms()).isNotEmpty();
        assertThat(opened.get(0).getSamples()).isNotEmpty();
        assertThat(alerts).filteredOn(a -> a.getType() == AlertType.CRISIS_RESOLVED).hasSize(1);
        List<Alert> leads = alerts.stream().filter(a -> a.getType() == AlertType.LEAD).toList();
        assertThat(leads).extracting(Alert::getBrand).containsExactly("nimbus");

        AvroSerde<BrandSentimentWindow> windowSerde =
            AvroSerde.forValues(BrandSentimentWindow.class, registry);
        for (String topic : List.of(topics.sentiment1m(), topics.sentiment1h())) {
          List<BrandSentimentWindow> windows =
              latestPerWindow(
                  TopicReader.read(
                      kafka.bootstrapServers(),
                      topic,
                      got ->
                          totalVolume(latestPerWindow(got, windowSerde, topic), "acme-air")
                              >= input.acmeTotal,
                      Duration.ofSeconds(60),
                      Duration.ofSeconds(1)),
                  windowSerde,
                  topic);
          assertThat(totalVolume(windows, "acme-air"))
              .as(
                  topic
                      + " "
                      + shortWindows(windows, input, topic.endsWith("1m") ? 60_000 : 3_600_000))
              .isEqualTo(input.acmeTotal);
          assertThat(
                  windows.stream()
                      .filter(w -> w.getBrand().equals("acme-air"))
                      .mapToLong(BrandSentimentWindow::getUniqueVolume)
                      .sum())
              .as(topic)
              .isEqualTo(input.acmeUnique);
        }

        AvroSerde<ShareOfVoiceWindow> shareSerde =
            AvroSerde.forValues(ShareOfVoiceWindow.class, registry);
        String shareTopic = topics.shareOfVoice1h();
        List<ShareOfVoiceWindow> shares =
            latestShares(
                TopicReader.read(
                    kafka.bootstrapServers(),
                    shareTopic,
                    got ->
                        shareVolume(latestShares(got, shareSerde, shareTopic), "acme-air")
                            >= input.acmeTotal,
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(1)),
                shareSerde,
                shareTopic);
        assertThat(shareVolume(shares, "acme-air")).isEqualTo(input.acmeTotal);
        for (ShareOfVoiceWindow window : shares) {
          assertThat(window.getBrands().stream().mapToDouble(BrandShare::getShare).sum())
              .as(shareTopic + " " + window.getWindowStart())
              .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }

        NodeClient node = new NodeClient(kafka.bootstrapServers(), cluster.registryServer.url());
        JsonNode alertFromNode = JSON.readTree(node.read(topics.alerts(), 1).get(0));
        assertThat(alertFromNode.at("/value/brand").asText()).isIn("acme-air", "nimbus");
        JsonNode windowFromNode = JSON.readTree(node.read(topics.sentiment1m(), 1).get(0));
        assertThat(windowFromNode.at("/value/volume").asLong()).isPositive();
      }
    }
  }

  private static List<Alert> decode(
      List<ConsumerRecord<byte[], byte[]>> records, AvroSerde<Alert> serde, String topic) {
    return records.stream().map(r -> serde.deserialize(topic, r.value())).toList();
  }

  private static List<BrandSentimentWindow> latestPerWindow(
      List<ConsumerRecord<byte[], byte[]>> records,
      AvroSerde<BrandSentimentWindow> serde,
      String topic) {
    Map<String, BrandSentimentWindow> latest = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      BrandSentimentWindow window = serde.deserialize(topic, record.value());
      latest.put(window.getBrand() + "@" + window.getWindowStart(), window);
    }
    return new ArrayList<>(latest.values());
  }

  private static List<ShareOfVoiceWindow> latestShares(
      List<ConsumerRecord<byte[], byte[]>> records,
      AvroSerde<ShareOfVoiceWindow> serde,
      String topic) {
    Map<String, ShareOfVoiceWindow> latest = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      latest.put(
          new String(record.key(), StandardCharsets.UTF_8),
          serde.deserialize(topic, record.value()));
    }
    return new ArrayList<>(latest.values());
  }

  private static long shareVolume(List<ShareOfVoiceWindow> windows, String brand) {
    return windows.stream()
        .flatMap(w -> w.getBrands().stream())
        .filter(b -> b.getBrand().equals(brand))
        .mapToLong(BrandShare::getVolume)
        .sum();
  }

  /** Windows whose volume differs from what was sent, for the failure message. */
  private static String shortWindows(List<BrandSentimentWindow> windows, Input input, long size) {
    Map<Long, Long> expected = new java.util.TreeMap<>();
    for (var record : input.mentions) {
      if (record.value().getText().toLowerCase(java.util.Locale.ROOT).contains("acme air")) {
        expected.merge(record.timestamp() / size * size, 1L, Long::sum);
      }
    }
    Map<Long, Long> actual = new HashMap<>();
    for (BrandSentimentWindow w : windows) {
      if (w.getBrand().equals("acme-air")) {
        actual.put(w.getWindowStart().toEpochMilli(), w.getVolume());
      }
    }
    StringBuilder out = new StringBuilder();
    expected.forEach(
        (start, count) -> {
          long got = actual.getOrDefault(start, 0L);
          if (got != count) {
            out.append(Instant.ofEpochMilli(start))
                .append(": ")
                .append(got)
                .append('/')
                .append(count)
                .append(' ');
          }
        });
    return out.toString();
  }

  private static long totalVolume(List<BrandSentimentWindow> windows, String brand) {
    return windows.stream()
        .filter(w -> w.getBrand().equals(brand))
        .mapToLong(BrandSentimentWindow::getVolume)
        .sum();
  }

  /** What goes in, and what must come out of it. */
  private record Input(
      List<ProducerRecord<byte[], Mention>> mentions,
      List<ProducerRecord<byte[], byte[]>> malformed,
      Set<String> uniqueKeys,
      int invalid,
      long acmeTotal,
      long acmeUnique) {}

  private static Input input() {
    Random random = new Random(42);
    List<ProducerRecord<byte[], Mention>> mentions = new ArrayList<>();
    Set<String> uniqueKeys = new HashSet<>();
    long acmeTotal = 0;
    int retweets = 0;
    int n = 0;
    String[] calm = {
      "Boarding my Acme Air flight to Lisbon", "Acme Air crew was lovely today, thanks!",
      "Anyone flown Acme Air business class?", "Acme Air lounge has good coffee",
      "Acme Air flight on time, nice", "Checked in with Acme Air app"
    };
    String[] angry = {
      "Acme Air cancelled my flight again, worst airline ever #AcmeAirFail",
      "Stuck at the gate for 5 hours, Acme Air is a disgrace",
      "Acme Air lost my bag and refuses a refund, terrible",
      "Never flying Acme Air again, awful service and rude staff"
    };
    int minutes = BASELINE_MINUTES + BURST_MINUTES + CALM_MINUTES;
    for (int minute = 0; minute < minutes; minute++) {
      boolean burst = minute >= BASELINE_MINUTES && minute < BASELINE_MINUTES + BURST_MINUTES;
      int count = burst ? 40 : 3 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        String text =
            burst || random.nextInt(10) == 0
                ? angry[random.nextInt(angry.length)]
                : calm[random.nextInt(calm.length)];
        Instant at = T0.plus(Duration.ofMinutes(minute)).plusMillis(random.nextInt(60_000));
        // Every post its own (people do not all write the same words); the number keeps the
        // texts apart, as other details would.
        String author = "user" + random.nextInt(500);
        String post = text + " (ref " + n + ")";
        Mention mention = mention("p" + (n++), post, author, at);
        mentions.add(record(mention));
        uniqueKeys.add("bluesky:" + mention.getId());
        acmeTotal++;
        if (random.nextInt(40) == 0) {
          mentions.add(record(mention));
          acmeTotal++;
        }
        if (random.nextInt(40) == 1) {
          // A retweet: a post of its own, so enriched, but a near copy in the brand windows.
          Mention retweet =
              mention("p" + (n++), "RT @" + author + ": " + post, "fan" + random.nextInt(500), at);
          mentions.add(record(retweet));
          uniqueKeys.add("bluesky:" + retweet.getId());
          retweets++;
          acmeTotal++;
        }
      }
    }
    Instant leadTime = T0.plus(Duration.ofMinutes(30));
    Mention lead =
        mention(
            "lead1",
            "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?",
            "carol",
            leadTime);
    mentions.add(record(lead));
    uniqueKeys.add("bluesky:lead1");
    mentions.add(record(mention("blank1", "   ", "dave", leadTime)));
    mentions.add(record(mention("blank2", "", "dave", leadTime)));
    List<ProducerRecord<byte[], byte[]>> malformed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      malformed.add(
          new ProducerRecord<>(
              "",
              ("bad-" + i).getBytes(StandardCharsets.UTF_8),
              new byte[] {0, 0, 0, 0, 99, 1, 2}));
    }
    long acmeUnique = uniqueKeys.size() - 1 - retweets;
    return new Input(mentions, malformed, uniqueKeys, 5, acmeTotal, acmeUnique);
  }

  private static ProducerRecord<byte[], Mention> record(Mention mention) {
    return new ProducerRecord<>(
        "",
        null,
        mention.getCreatedAt().toEpochMilli(),
        ("bluesky:" + mention.getId()).getBytes(StandardCharsets.UTF_8),
        mention);
  }

  private static Mention mention(String id, String text, String handle, Instant at) {
    return TestMentions.bluesky(id, text, handle, 100L, at);
  }

  private static void produce(String bootstrap, String topic, SchemaRegistry registry, Input input)
      throws Exception {
    AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "linger.ms", 5),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      int malformedAt = input.mentions.size() / 2;
      long minute = Long.MIN_VALUE;
      for (int i = 0; i < input.mentions.size(); i++) {
        // Replay about 3,000 times faster than real time, as a connector catching up would.
        long recordMinute = input.mentions.get(i).timestamp() / 60_000;
        if (recordMinute != minute) {
          minute = recordMinute;
          Thread.sleep(20);
        }
        if (i == malformedAt) {
          for (var bad : input.malformed) {
            producer.send(new ProducerRecord<>(topic, bad.key(), bad.value()));
          }
        }
        var record = input.mentions.get(i);
        producer.send(
            new ProducerRecord<>(
                topic,
                null,
                record.timestamp(),
                record.key(),
                serde.serialize(topic, record.value())));
      }
      producer.flush();
    }
    assertThat(input.mentions.stream().map(r -> r.value().getId()).collect(Collectors.toSet()))
        .contains("lead1");
  }
}
