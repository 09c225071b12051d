package io.sociallistening.connect.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.MentionStruct;
import io.sociallistening.connect.OffsetStub;
import io.sociallistening.connect.SourceTaskRun;
import io.sociallistening.connect.http.ReplayServer;
import io.sociallistening.connect.http.ReplayServer.Reply;
import io.sociallistening.connect.http.StallingServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RssSourceTaskTest {
  private static final long T0_MS = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
  private static final String ACME = "https://travelwire.example.com/2026/01/05/acme-air-outage";
  private static final String BREWLY = "https://travelwire.example.com/?p=9931";

  private final ReplayServer server = new ReplayServer();
  private final SourceTaskRun run = new SourceTaskRun(T0_MS);
  private final FakeTime time = run.time;
  private final OffsetStub offsets = run.offsets;
  private RssSourceTask task;

  @AfterEach
  void stop() {
    run.close();
    server.close();
  }

  private Map<String, String> props(String... paths) {
    Map<String, String> p = new HashMap<>();
    p.put(
        "rss.feed.urls",
        String.join(",", java.util.Arrays.stream(paths).map(server::url).toList()));
    return p;
  }

  private RssSourceTask start(Map<String, String> props) {
    return run.start(new RssSourceTask(time), Map.of(), props);
  }

  private static Reply feed(String name, String contentType) {
    return Reply.ok(ReplayServer.resource("/rss/" + name), contentType);
  }

  private static List<String> ids(List<SourceRecord> records) {
    return records.stream().map(r -> ((Struct) r.value()).getString("id")).toList();
  }

  private static Mention mention(SourceRecord r) {
    return MentionStruct.fromStruct((Struct) r.value());
  }

  @Test
  void shouldEmitRssItemsInTheLookbackOldestFirstWithHtmlStripped() {
    server.enqueue(feed("news.rss.xml", "application/rss+xml; charset=utf-8"));
    task = start(props("/news.xml"));
    String skyways = server.url("/news.xml") + "#tw-20260105-0002";

    List<SourceRecord> records = task.poll();

    assertThat(ids(records)).containsExactly(BREWLY, skyways, ACME);
    SourceRecord acme = records.get(2);
    assertThat(acme.key()).isEqualTo("news:" + ACME);
    assertThat(acme.timestamp()).isEqualTo(Instant.parse("2026-01-05T09:50:00Z").toEpochMilli());
    assertThat(acme.sourcePartition()).isEqualTo(Map.of("feed", server.url("/news.xml")));
    assertThat(acme.sourceOffset())
        .isEqualTo(
            Map.of(
                "published_ms",
                Instant.parse("2026-01-05T09:50:00Z").toEpochMilli(),
                "guids",
                skyways + "\n" + ACME));
    Mention m = mention(acme);
    assertThat(m.getPlatform()).isEqualTo(Platform.NEWS);
    assertThat(m.getUrl()).isEqualTo(ACME);
    assertThat(m.getTitle()).isEqualTo("Acme Air cancels 300 flights after IT outage");
    assertThat(m.getText())
        .isEqualTo(
            "Acme Air cancelled 300 flights on Monday after a check-in system outage."
                + " \u201cWe apologise,\u201d the airline said. Status page");
    assertThat(m.getAuthor().getHandle()).isEqualTo("Dana Reyes");
    assertThat(m.getLanguage()).isEqualTo("en");
    assertThat(m.getSource()).isEqualTo("rss:" + server.url("/news.xml"));
    assertThat(m.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(T0_MS));

    Mention sky = mention(records.get(1));
    assertThat(sky.getText())
        .isEqualTo("Skyways will fly to Lisbon from March & expects \"strong demand\".");
    assertThat(sky.getAuthor().getHandle()).isEqualTo("desk@travelwire.example.com (News Desk)");
    Mention brewly = mention(records.get(0));
    assertThat(brewly.getText()).isEqualTo("Brewly\u2019s new café is at the airport.");
    assertThat(brewly.getAuthor().getHandle()).isEqualTo("Travel Wire");
    assertThat(brewly.getAuthor().getDisplayName()).isNull();
  }

  @Test
  void shouldReadAtomEntriesAsTheConfiguredPlatform() {
    server.enqueue(feed("reviews.atom.xml", "application/atom+xml"));
    Map<String, String> p = props("/atom.xml");
    p.put("rss.platform", "review");
    task = start(p);

    List<SourceRecord> records = task.poll();

    assertThat(ids(records))
        .containsExactly(
            "https://reviews.example.org/brewly-home", "tag:reviews.example.org,2026:nimbus-x2");
    Mention grinder = mention(records.get(0));
    assertThat(grinder.getPlatform()).isEqualTo(Platform.REVIEW);
    assertThat(grinder.getCreatedAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    assertThat(grinder.getText()).isEqualTo("Consistent grind, quiet motor.");
    Mention nimbus = mention(records.get(1));
    assertThat(records.get(1).key()).isEqualTo("review:tag:reviews.example.org,2026:nimbus-x2");
    assertThat(nimbus.getTitle()).isEqualTo("Nimbus X2 router review: fast, but hot");
    assertThat(nimbus.getText())
        .isEqualTo("The Nimbus X2 is the fastest router we tested. It runs hot & the fan is loud.");
    assertThat(nimbus.getAuthor().getHandle()).isEqualTo("Lee Okafor");
    assertThat(nimbus.getUrl()).isEqualTo("https://reviews.example.org/nimbus-x2");
    assertThat(nimbus.getCreatedAt()).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
  }

  @Test
  void shouldResumeFromTheCommittedOffsetWithNoGapAndNoDuplicate() {
    server.enqueue(feed("news.rss.xml", "application/rss+xml"));
    task = start(props("/news.xml"));
    List<SourceRecord> first = task.poll();
    // committed up to the Skyways item; the Acme item at the same instant was not committed
    offsets.commit(first.get(1).sourcePartition(), first.get(1).sourceOffset());
    task.stop();

    server.enqueue(feed("news-updated.rss.xml", "application/rss+xml"));
    time.advance(2 * 3_600_000);
    task = start(props("/news.xml"));
    List<SourceRecord> resumed = task.poll();

    assertThat(ids(resumed))
        .containsExactly(
            server.url("/news.xml") + "#tw-20260105-0003",
            ACME,
            "https://travelwire.example.com/2026/01/05/acme-air-restored");
  }

  @Test
  void shouldNotEmitAnItemDatedAfterItsFetchAgainAfterARestart() {
    String body =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
            + "<link>https://wire.example.com/</link><description>news</description>"
            + "<item><title>Now</title><link>https://wire.example.com/now</link>"
            + "<pubDate>Mon, 05 Jan 2026 09:50:00 +0000</pubDate>"
            + "<description>Acme Air flights resume.</description></item>"
            + "<item><title>Scheduled</title><link>https://wire.example.com/scheduled</link>"
            + "<pubDate>Mon, 05 Jan 2026 12:00:00 +0000</pubDate>"
            + "<description>Brewly opens at the airport.</description></item>"
            + "</channel></rss>";
    server.enqueue(Reply.ok(body, "application/rss+xml"));
    task = start(props("/wire.xml"));
    List<SourceRecord> first = task.poll();
    assertThat(ids(first))
        .containsExactly("https://wire.example.com/now", "https://wire.example.com/scheduled");
    SourceRecord last = first.get(1);
    offsets.commit(last.sourcePartition(), last.sourceOffset());
    task.stop();

    server.enqueue(Reply.ok(body, "application/rss+xml"));
    time.advance(600_000);
    task = start(props("/wire.xml"));
    List<SourceRecord> resumed = task.poll();

    assertThat(server.requests()).hasSize(2);
    assertThat(resumed == null ? List.<SourceRecord>of() : resumed).isEmpty();
  }

  @Test
  void shouldWaitTheRetryAfterOf429ForOneFeedAndReadTheOther() {
    server.enqueue(
        Reply.status(429).withHeader("Retry-After", "3"),
        feed("news.rss.xml", "application/rss+xml"),
        feed("reviews.atom.xml", "application/atom+xml"));
    task = start(props("/news.xml", "/atom.xml"));

    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(5);
    assertThat(task.requests()).isEqualTo(3);
    assertThat(run.slept()).isEqualTo(3_000);
    assertThat(server.requests())
        .extracting(ReplayServer.Request::path)
        .containsExactly("/news.xml", "/news.xml", "/atom.xml");
  }

  @Test
  void shouldBackOffAfterA5xxThenRead() {
    server.enqueue(Reply.status(500), feed("news.rss.xml", "application/rss+xml"));
    task = start(props("/news.xml"));

    assertThat(task.poll()).hasSize(3);
    assertThat(task.requests()).isEqualTo(2);
    assertThat(run.slept()).isEqualTo(1_000);
  }

  @Test
  void shouldNotRequestAFeedThatKeepsAnswering503MoreOftenThanItsPollInterval() {
    server.fallback(Reply.status(503));
    task = start(props("/news.xml"));

    while (time.milliseconds() - T0_MS < 300_000) {
      task.poll();
    }

    // one fetch (4 requests, waiting 1 + 2 + 4 s in place); the next is due at +300 s
    assertThat(task.requests()).isEqualTo(4);
    assertThat(task.deferred()).isEqualTo(1);
  }

  @Test
  void shouldFetchAFailingFeedAgainAfterABackoffDoublingFromTheIntervalAndResetItOnceRead()
      throws InterruptedException {
    server.enqueue(
        Reply.status(503),
        Reply.status(503),
        Reply.status(503),
        feed("news.rss.xml", "application/rss+xml"),
        Reply.status(503),
        feed("news-updated.rss.xml", "application/rss+xml"));
    Map<String, String> p = props("/news.xml");
    p.put("rss.poll.interval.ms", "10000");
    p.put("http.retry.max.attempts", "1");
    p.put("http.retry.backoff.max.ms", "40000");
    task = start(p);

    List<SourceRecord> first = SourceTaskRun.pollUntilRecords(task, 100);
    long readAt = time.milliseconds() - T0_MS;
    List<SourceRecord> next = SourceTaskRun.pollUntilRecords(task, 100);

    // failed at 0 s (fetched again 10 s later), 10 s (20 s), 30 s (40 s, the max); read at 70 s
    assertThat(first).hasSize(3);
    assertThat(readAt).isEqualTo(70_000);
    // read at 70 s (due at 80 s), failed at 80 s: the backoff starts again from the interval
    assertThat(next).hasSize(2);
    assertThat(time.milliseconds() - T0_MS).isEqualTo(90_000);
    assertThat(task.deferred()).isEqualTo(4);
    assertThat(task.requests()).isEqualTo(6);
  }

  @Test
  void shouldNotRequestAFeedAgainForADayWhenItsRetryAfterHasNoEnd() {
    server.fallback(Reply.status(503).withHeader("Retry-After", "9223372036854775807"));
    task = start(props("/news.xml"));

    while (time.milliseconds() - T0_MS < 86_399_000) {
      task.poll();
    }
    assertThat(task.requests()).isEqualTo(1);
    while (time.milliseconds() - T0_MS < 86_401_000) {
      task.poll();
    }
    assertThat(task.requests()).isEqualTo(2);
  }

  @Test
  void shouldEndAPollHeldByAStalledFeedWhenStoppedAndNotFetchTheNextFeed() throws Exception {
    try (StallingServer stalling = new StallingServer()) {
      Map<String, String> p = new HashMap<>();
      p.put("rss.feed.urls", stalling.url("/a.xml") + "," + stalling.url("/b.xml"));
      p.put("http.timeout.ms", "600000");
      task = start(p);
      CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(task::poll);
      assertThat(stalling.awaitStall()).isTrue();

      task.stop();

      assertThat(poll.get(10, TimeUnit.SECONDS)).isNull();
      assertThat(stalling.requests()).isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseOnlyTheFeedsAnswering401Or403AndReadTheOthers() {
    server.enqueue(
        Reply.status(401),
        Reply.status(403).withHeader("Content-Type", "text/html"),
        feed("reviews.atom.xml", "application/atom+xml"));
    task = start(props("/private.xml", "/walled.xml", "/atom.xml"));

    List<SourceRecord> records = task.poll();

    assertThat(ids(records))
        .containsExactly(
            "https://reviews.example.org/brewly-home", "tag:reviews.example.org,2026:nimbus-x2");
    assertThat(task.failedFetches()).isEqualTo(2);
    assertThat(task.requests()).isEqualTo(3);
    assertThat(server.requests())
        .extracting(ReplayServer.Request::path)
        .containsExactly("/private.xml", "/walled.xml", "/atom.xml");
  }

  @Test
  void shouldFetchARefusedFeedAgainAfterABackoffDoublingFromTheIntervalUpToTheMax()
      throws InterruptedException {
    server.enqueue(
        feed("news.rss.xml", "application/rss+xml"),
        Reply.status(404),
        Reply.status(410),
        Reply.status(404),
        Reply.status(404),
        feed("news-updated.rss.xml", "application/rss+xml"));
    Map<String, String> p = props("/news.xml");
    p.put("rss.poll.interval.ms", "1000");
    p.put("http.retry.backoff.max.ms", "4000");
    task = start(p);
    assertThat(task.poll()).hasSize(3);

    List<SourceRecord> records = SourceTaskRun.pollUntilRecords(task, 40);

    // refused at +1 s (read again 1 s later), +2 s (2 s), +4 s (4 s), +8 s (4 s, the max)
    assertThat(ids(records))
        .containsExactly(
            server.url("/news.xml") + "#tw-20260105-0003",
            "https://travelwire.example.com/2026/01/05/acme-air-restored");
    assertThat(time.milliseconds() - T0_MS).isEqualTo(12_000);
    assertThat(task.failedFetches()).isEqualTo(4);
    assertThat(task.requests()).isEqualTo(6);
  }

  @Test
  void shouldFetchARefusedFeedAgainAtTheIntervalWhenTheMaxBackoffIsShorter()
      throws InterruptedException {
    server.enqueue(
        feed("news.rss.xml", "application/rss+xml"),
        Reply.status(404),
        Reply.status(404),
        feed("news-updated.rss.xml", "application/rss+xml"));
    Map<String, String> p = props("/news.xml");
    p.put("rss.poll.interval.ms", "2000");
    p.put("http.retry.backoff.max.ms", "1000");
    task = start(p);
    assertThat(task.poll()).hasSize(3);

    List<SourceRecord> records = SourceTaskRun.pollUntilRecords(task, 40);

    assertThat(records).hasSize(2);
    assertThat(time.milliseconds() - T0_MS).isEqualTo(6_000);
    assertThat(task.failedFetches()).isEqualTo(2);
  }

  @Test
  void shouldFailWhenEveryFeedIsRefusedAtItsFirstFetch() {
    server.enqueue(Reply.status(404), Reply.status(403));
    task = start(props("/gone.xml", "/walled.xml"));

    assertThatThrownBy(() -> task.poll())
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "Every feed of the task was refused at its first read (check rss.feed.urls): HTTP 404"
                + " from GET "
                + server.url("/gone.xml")
                + ": {\"message\":\"status 404\"}; HTTP 403 from GET "
                + server.url("/walled.xml")
                + " (authentication refused): {\"message\":\"status 403\"}");
    assertThat(task.failedFetches()).isEqualTo(2);
  }

  @Test
  void shouldBackOffNotFailWhenAFeedReadBeforeARestartIsRefusedAfterIt() {
    // a feed read for months meets a bot wall's 403 as the worker restarts: the task failed as if
    // the feed were misconfigured, and stayed failed until restarted by hand
    server.enqueue(feed("news.rss.xml", "application/rss+xml"));
    Map<String, String> props = props("/news.xml");
    RssSourceTask first = start(props);
    List<SourceRecord> records = first.poll();
    run.commit(records.get(records.size() - 1));
    first.stop();
    server.enqueue(Reply.status(403));

    task = start(props);

    assertThat(task.poll()).isNull();
    assertThat(task.failedFetches()).isEqualTo(1);
  }

  @Test
  void shouldCountA404AndGoOnWithTheOtherFeeds() {
    server.enqueue(Reply.status(404), feed("reviews.atom.xml", "application/atom+xml"));
    task = start(props("/gone.xml", "/atom.xml"));

    assertThat(task.poll()).hasSize(2);
    assertThat(task.failedFetches()).isEqualTo(1);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldSkipAndCountBadXmlAndReadAtTheNextPoll() {
    server.enqueue(
        feed("broken.xml", "application/rss+xml"), feed("news.rss.xml", "application/rss+xml"));
    task = start(props("/news.xml"));

    assertThat(task.poll()).isNull();
    assertThat(task.malformed()).isEqualTo(1);
    List<SourceRecord> records = null;
    for (int i = 0; i < 400 && records == null; i++) {
      records = task.poll();
    }

    assertThat(records).hasSize(3);
    assertThat(time.milliseconds() - T0_MS).isEqualTo(300_000);
  }

  @Test
  void shouldSkipAndCountItemsMissingRequiredFields() {
    server.enqueue(feed("missing-fields.rss.xml", "text/xml"));
    Map<String, String> p = props("/blog.xml");
    p.put("rss.platform", "BLOG");
    task = start(p);

    List<SourceRecord> records = task.poll();

    assertThat(ids(records)).containsExactly(server.url("/blog.xml") + "#42");
    assertThat(mention(records.get(0)).getText()).isEqualTo("Try the maple latte.");
    assertThat(records.get(0).key()).isEqualTo("blog:" + server.url("/blog.xml") + "#42");
    assertThat(task.malformed()).isEqualTo(3);
  }

  @Test
  void shouldRefuseADoctypeAsMalformed() {
    server.enqueue(
        Reply.ok(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>x</title><item><title>&x;</title>"
                + "<link>https://a.example/1</link><pubDate>Mon, 05 Jan 2026 09:00:00 +0000"
                + "</pubDate></item></channel></rss>",
            "application/rss+xml"));
    task = start(props("/xxe.xml"));

    assertThat(task.poll()).isNull();
    assertThat(task.malformed()).isEqualTo(1);
  }

  @Test
  void shouldSkipAFeedOverTheLimitAndGoOnWithTheOthers() {
    // news.rss.xml has 2519 bytes, reviews.atom.xml 1518
    server.enqueue(
        feed("news.rss.xml", "application/rss+xml").chunked(),
        feed("reviews.atom.xml", "application/atom+xml").chunked());
    Map<String, String> p = props("/news.xml", "/atom.xml");
    p.put("http.max.response.bytes", "2048");
    task = start(p);

    assertThat(task.poll()).hasSize(2);
    assertThat(task.malformed()).isEqualTo(1);
    assertThat(task.failedFetches()).isEqualTo(0);
    assertThat(task.requests()).isEqualTo(2);
  }

  @Test
  void shouldReadAFeedListedTwiceOnce() {
    server.fallback(feed("news.rss.xml", "application/rss+xml"));
    task = start(props("/news.xml", "/news.xml"));

    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(3);
    assertThat(records.stream().map(SourceRecord::key).distinct()).hasSize(3);
    assertThat(server.requests()).hasSize(1);
  }
}
