package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.local.EmbeddedConnect;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.avro.SampleMention;
import io.sociallistening.connect.bluesky.WebSocketFixture;
import io.sociallistening.connect.http.FixtureServer;
import io.sociallistening.connect.http.ReplayServer;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every connector of the plugin in a real Connect worker (standalone, in this JVM) on a real broker
 * and registry, each against a local stand-in for its service (HTTP or WebSocket) serving the
 * payloads of the connectors' unit tests. Each source writes to its own topic; what arrives is read
 * as the topology reads it: string key {@code <platform>:<id>}, Avro value through the registry.
 * The webhook sink gets an alert from a topic and POSTs it to a local endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration SETTLE = Duration.ofMillis(1_500);

  /** Back to 2026-01-01: the fixtures' January 2026 items, not their older ones. */
  private static final long SINCE_2026_MS =
      Duration.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.now()).toMillis();

  private static final String MASTODON_TAG = "/api/v1/timelines/tag/AcmeAir";
  private static final String REDDIT_NEW = "/r/acme/new.json";
  private static final String WEBHOOK = "/services/T0001/B0001/s3cr3t";
  private static final String ALERTS = "it.alerts";

  @TempDir static Path dataDir;
  private TestCluster cluster;
  private EmbeddedKafka kafka;
  private EmbeddedSchemaRegistry registryServer;
  private SchemaRegistry registry;
  private AvroSerde<Mention> mentions;
  private ReplayServer hackerNews;
  private ReplayServer feeds;
  private FixtureServer mastodon;
  private FixtureServer reddit;
  private WebSocketFixture jetstream;
  private FixtureServer webhook;
  private EmbeddedConnect connect;

  @BeforeAll
  void startWorkerAndConnectors() throws Exception {
    cluster = TestCluster.start(dataDir);
    kafka = cluster.kafka;
    registryServer = cluster.registryServer;
    registry = cluster.registry;
    mentions = AvroSerde.forValues(Mention.class, registry);

    hackerNews = new ReplayServer();
    hackerNews
        .enqueue(json(ReplayServer.resource("/hackernews/page-first.json")))
        .fallback(json("{\"hits\":[],\"nbHits\":0,\"nbPages\":0,\"page\":0}"));
    feeds = new ReplayServer();
    // a real feed answers with the same document every time: the source must not repeat items
    feeds.fallback(
        ReplayServer.Reply.ok(
            ReplayServer.resource("/rss/news.rss.xml"), "application/rss+xml; charset=utf-8"));
    mastodon = FixtureServer.start();
    mastodon
        .enqueue(MASTODON_TAG, FixtureServer.Reply.resource("/mastodon/tag-1.json"))
        .always(MASTODON_TAG, FixtureServer.Reply.json(200, "[]"));
    reddit = FixtureServer.start();
    // Reddit's listing shows the newest posts at every read: the source must not repeat them.
    // The fixture names a next page ("after"), which a stand-in ignoring "after" cannot serve:
    // later reads get the same posts as the only page.
    String newest = ReplayServer.resource("/reddit/acme-new-1.json");
    reddit
        .enqueue(REDDIT_NEW, FixtureServer.Reply.json(200, newest))
        .always(
            REDDIT_NEW,
            FixtureServer.Reply.json(
                200, newest.replace("\"after\": \"t3_a1\"", "\"after\": null")));
    jetstream =
        new WebSocketFixture(
            WebSocketFixture.Script.send(
                ReplayServer.resource("/bluesky/events.jsonl").lines().toList()));
    webhook = FixtureServer.start();
    webhook.always(WEBHOOK, FixtureServer.Reply.json(200, "ok"));

    connect =
        EmbeddedConnect.start(
            kafka.bootstrapServers(),
            registryServer.url(),
            dataDir,
            "127.0.0.1",
            0,
            Map.of("offset.flush.interval.ms", "500"));
    connect.putConnector(
        "replay",
        source(
            "replay.ReplaySourceConnector",
            "it.replay",
            "replay.file",
            "classpath:replay/five.jsonl",
            "replay.speedup",
            "0"));
    connect.putConnector(
        "synthetic",
        source(
            "synthetic.SyntheticSourceConnector",
            "it.synthetic",
            "synthetic.rate.per.second",
            "20",
            "synthetic.batch.size",
            "10"));
    connect.putConnector(
        "hackernews",
        source(
            "hackernews.HackerNewsSourceConnector",
            "it.hackernews",
            "hackernews.queries",
            "acme",
            "hackernews.api.url",
            hackerNews.url("/api/v1"),
            "hackernews.poll.interval.ms",
            "1000",
            "hackernews.lookback.ms",
            Long.toString(SINCE_2026_MS)));
    connect.putConnector(
        "rss",
        source(
            "rss.RssSourceConnector",
            "it.rss",
            "rss.feed.urls",
            feeds.url("/news.xml"),
            "rss.poll.interval.ms",
            "1000",
            "rss.lookback.ms",
            Long.toString(SINCE_2026_MS)));
    connect.putConnector(
        "bluesky",
        source(
            "bluesky.BlueskySourceConnector",
            "it.bluesky",
            "bluesky.jetstream.url",
            jetstream.url(),
            "bluesky.keywords",
            "acme, Skyways"));
    connect.putConnector(
        "mastodon",
        source(
            "mastodon.MastodonSourceConnector",
            "it.mastodon",
            "mastodon.url",
            mastodon.url(),
            "mastodon.hashtags",
            "#AcmeAir",
            "mastodon.poll.interval.ms",
            "1000"));
    connect.putConnector(
        "reddit",
        source(
            "reddit.RedditSourceConnector",
            "it.reddit",
            "reddit.subreddits",
            "acme",
            "reddit.base.url",
            reddit.url(),
            "reddit.poll.interval.ms",
            "1000"));
    Map<String, String> sink = new HashMap<>();
    sink.put("connector.class", "io.sociallistening.connect.webhook.WebhookSinkConnector");
    sink.put("tasks.max", "1");
    sink.put("topics", ALERTS);
    sink.put("webhook.url", webhook.url() + WEBHOOK);
    sink.put("webhook.format", "slack");
    sink.put("schema.registry.url", registryServer.url());
    sink.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    connect.putConnector("webhook", sink);
  }

  @AfterAll
  void stopAll() throws Exception {
    for (AutoCloseable c :
        new AutoCloseable[] {
          connect, hackerNews, feeds, mastodon, reddit, jetstream, webhook, cluster
        }) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void shouldReplayAFileIntoKafka() {
    Map<String, Mention> got = read("it.replay", 5);

    assertThat(got)
        .containsOnlyKeys("bluesky:p0", "bluesky:p1", "bluesky:p2", "bluesky:p3", "bluesky:p4");
    assertThat(got.get("bluesky:p3").getText()).isEqualTo("post 3 about acme air");
    assertThat(got.get("bluesky:p3").getAuthor().getHandle()).isEqualTo("u3.bsky.social");
  }

  @Test
  void shouldGenerateSyntheticMentionsIntoKafka() {
    Map<String, Mention> got = read("it.synthetic", 20);

    assertThat(got).hasSizeGreaterThanOrEqualTo(20);
    assertThat(got.values()).allSatisfy(m -> assertThat(m.getText()).isNotBlank());
  }

  @Test
  void shouldSearchHackerNewsIntoKafka() {
    Map<String, Mention> got = read("it.hackernews", 4);

    assertThat(got)
        .containsOnlyKeys(
            "hacker_news:42600000",
            "hacker_news:42600010",
            "hacker_news:42600011",
            "hacker_news:42600012");
    Mention comment = got.get("hacker_news:42600012");
    assertThat(comment.getPlatform()).isEqualTo(Platform.HACKER_NEWS);
    assertThat(comment.getText())
        .isEqualTo(
            "Switched from Acme Air to Skyways last year & never looked back. Their app \"just"
                + " works\": skyways.example");
    assertThat(comment.getInReplyTo()).isEqualTo("42600011");
    assertThat(hackerNews.requests().get(0).path()).isEqualTo("/api/v1/search_by_date");
  }

  @Test
  void shouldReadAFeedIntoKafkaOnceThoughItIsServedAgainAndAgain() {
    Map<String, Mention> got = read("it.rss", 3);

    String acme = "https://travelwire.example.com/2026/01/05/acme-air-outage";
    assertThat(got)
        .containsOnlyKeys(
            "news:https://travelwire.example.com/?p=9931",
            "news:" + feeds.url("/news.xml") + "#tw-20260105-0002",
            "news:" + acme);
    assertThat(got.get("news:" + acme).getText())
        .isEqualTo(
            "Acme Air cancelled 300 flights on Monday after a check-in system outage."
                + " \u201cWe apologise,\u201d the airline said. Status page");
    assertThat(got.get("news:" + acme).getTitle())
        .isEqualTo("Acme Air cancels 300 flights after IT outage");
    assertThat(feeds.requests()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldStreamBlueskyPostsHoldingAKeywordIntoKafka() {
    Map<String, Mention> got = read("it.bluesky", 4);

    assertThat(got)
        .containsOnlyKeys(
            "bluesky:at://did:plc:alice/app.bsky.feed.post/3la1",
            "bluesky:at://did:plc:carol/app.bsky.feed.post/3lc3",
            "bluesky:at://did:plc:dan/app.bsky.feed.post/3ld4",
            "bluesky:at://did:plc:fay/app.bsky.feed.post/3lf7");
    Mention alice = got.get("bluesky:at://did:plc:alice/app.bsky.feed.post/3la1");
    assertThat(alice.getText()).isEqualTo("Acme Air lost my bag again");
    assertThat(alice.getUrl()).isEqualTo("https://bsky.app/profile/did:plc:alice/post/3la1");
    assertThat(jetstream.requests().get(0))
        .startsWith("/subscribe?wantedCollections=app.bsky.feed.post");
  }

  @Test
  void shouldReadAMastodonHashtagIntoKafkaAsPlainText() {
    Map<String, Mention> got = read("it.mastodon", 3);

    String ann = "mastodon:https://mastodon.social/users/ann/statuses/115000000000000010";
    assertThat(got)
        .containsOnlyKeys(
            ann,
            "mastodon:https://mastodon.social/users/carl/statuses/115000000000000020",
            "mastodon:https://fosstodon.org/users/bea/statuses/3");
    assertThat(got.get(ann).getText())
        .isEqualTo(
            "Flying #AcmeAir today & the crew was great! 10/10 would fly again Thanks @acme"
                + " \uD83D\uDE00");
    assertThat(got.get(ann).getEngagement().getLikes()).isEqualTo(5L);
    assertThat(mastodon.requests(MASTODON_TAG)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldReadASubredditIntoKafkaOnceThoughItIsServedAgainAndAgain() {
    Map<String, Mention> got = read("it.reddit", 3);

    assertThat(got).containsOnlyKeys("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3");
    Mention c3 = got.get("reddit:t3_c3");
    assertThat(c3.getTitle()).isEqualTo("Acme Air lost my bag");
    assertThat(c3.getText())
        .isEqualTo("Acme Air lost my bag\n\nThird time this year & counting.\nNever again.");
    assertThat(c3.getAuthor().getHandle()).isEqualTo("carol");
    assertThat(reddit.requests(REDDIT_NEW)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldPostAnAlertFromKafkaToTheWebhook() throws Exception {
    AvroSerde<Alert> alerts = AvroSerde.forValues(Alert.class, registry);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  ALERTS,
                  "skyways".getBytes(StandardCharsets.UTF_8),
                  alerts.serialize(ALERTS, lead())))
          .get();
    }

    long deadline = System.nanoTime() + WAIT.toNanos();
    while (webhook.requests(WEBHOOK).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(SETTLE.toMillis());

    List<FixtureServer.Request> posts = webhook.requests(WEBHOOK);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).method()).isEqualTo("POST");
    assertThat(JSON.readTree(posts.get(0).body()))
        .isEqualTo(JSON.readTree(ReplayServer.resource("/webhook/lead-slack.json")));
  }

  /**
   * Reads {@code topic} until {@code count} records arrived (then a little longer, to catch
   * repeats) and decodes them; every key is {@code <platform>:<id>} of its value and none repeats.
   */
  private Map<String, Mention> read(String topic, int count) {
    List<ConsumerRecord<byte[], byte[]>> records =
        TopicReader.read(kafka.bootstrapServers(), topic, got -> got.size() >= count, WAIT, SETTLE);
    Map<String, Mention> out = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      Mention m = mentions.deserialize(topic, r.value());
      assertThat(key).isEqualTo(m.getPlatform().name().toLowerCase(Locale.ROOT) + ":" + m.getId());
      assertThat(out.put(key, m)).as("repeated key " + key).isNull();
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(count);
    return out;
  }

  private static ReplayServer.Reply json(String body) {
    return ReplayServer.Reply.ok(body, "application/json");
  }

  /** A source config: class under io.sociallistening.connect, topic, then key/value pairs. */
  private static Map<String, String> source(String connectorClass, String topic, String... kv) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", "io.sociallistening.connect." + connectorClass);
    config.put("tasks.max", "1");
    config.put("topic", topic);
    for (int i = 0; i < kv.length; i += 2) {
      config.put(kv[i], kv[i + 1]);
    }
    return config;
  }

  /** The lead alert whose Slack message is the connectors' fixture {@code lead-slack.json}. */
  private static Alert lead() {
    return Alert.newBuilder()
        .setId("skyways:lead:hacker_news:42600011")
        .setType(AlertType.LEAD)
        .setBrand("skyways")
        .setSeverity(7)
        .setEventTime(Instant.parse("2026-01-05T09:58:20Z"))
        .setSummary("Lead: asking for alternatives to acme-air")
        .setTopSources(List.of("hacker_news"))
        .setReasons(List.of("asks for a recommendation", "mentions competitor acme-air"))
        .setScore(0.72)
        .setSamples(
            List.of(
                new SampleMention(
                    "hacker_news:42600011",
                    "https://news.ycombinator.com/item?id=42600011",
                    "mira",
                    null,
                    "Thinking of flying Acme Air to Lisbon. Any recommendations vs. Skyways?",
                    0.1)))
        .build();
  }
}
