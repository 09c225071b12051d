package io.sociallistening.connect.mastodon;

import static io.sociallistening.connect.SourceTaskRun.keys;
import static io.sociallistening.connect.SourceTaskRun.pollUntilRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.SourceTaskRun;
import io.sociallistening.connect.http.FixtureServer;
import io.sociallistening.connect.http.FixtureServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MastodonSourceTaskTest {
  private static final long WALL = Instant.parse("2026-01-05T11:00:00Z").toEpochMilli();
  private static final String TAG = "/api/v1/timelines/tag/AcmeAir";
  private static final String S1 =
      "mastodon:https://mastodon.social/users/ann/statuses/115000000000000010";
  private static final String S2 =
      "mastodon:https://mastodon.social/users/carl/statuses/115000000000000020";
  private static final String S3 = "mastodon:https://fosstodon.org/users/bea/statuses/3";
  private static final String S4 =
      "mastodon:https://mastodon.social/users/dan/statuses/115000000000000040/activity";

  private final FixtureServer server = FixtureServer.start();
  private final SourceTaskRun run = new SourceTaskRun(WALL);
  private final FakeTime time = run.time;

  @AfterEach
  void close() {
    run.close();
    server.close();
  }

  private MastodonSourceTask start(Map<String, String> overrides) {
    return run.start(
        new MastodonSourceTask(time),
        Map.of(
            "mastodon.url",
            server.url(),
            "mastodon.hashtags",
            "#AcmeAir",
            "mastodon.poll.interval.ms",
            "1000"),
        overrides);
  }

  private String host() {
    return server.url().substring("http://".length());
  }

  @Test
  void shouldEmitStatusesOldestFirstAsPlainTextMentions() throws InterruptedException {
    server.enqueue(TAG, Reply.resource("/mastodon/tag-1.json"));
    MastodonSourceTask task = start(Map.of());

    List<SourceRecord> records = task.poll();

    assertThat(keys(records)).containsExactly(S1, S2, S3);
    Struct s1 = (Struct) records.get(0).value();
    assertThat(s1.getString("platform")).isEqualTo("MASTODON");
    assertThat(s1.getString("url")).isEqualTo("https://mastodon.social/@ann/115000000000000010");
    assertThat(s1.getString("text"))
        .isEqualTo(
            "Flying #AcmeAir today & the crew was great! 10/10 would fly again Thanks @acme"
                + " \uD83D\uDE00");
    assertThat(s1.getStruct("author").getString("handle")).isEqualTo("ann@" + host());
    assertThat(s1.getStruct("author").getString("displayName")).isEqualTo("Ann \u2708");
    assertThat(s1.getStruct("author").getInt64("followers")).isEqualTo(1520L);
    assertThat(s1.getStruct("author").getString("url")).isEqualTo("https://mastodon.social/@ann");
    assertThat(s1.getString("language")).isEqualTo("en");
    assertThat(s1.get("createdAt")).isEqualTo(Date.from(Instant.parse("2026-01-05T10:00:00Z")));
    assertThat(s1.getStruct("engagement").getInt64("likes")).isEqualTo(5L);
    assertThat(s1.getStruct("engagement").getInt64("reposts")).isEqualTo(1L);
    assertThat(s1.getStruct("engagement").getInt64("replies")).isEqualTo(2L);
    assertThat(s1.getString("source")).isEqualTo("mastodon:" + host() + "#AcmeAir");
    Struct s2 = (Struct) records.get(1).value();
    assertThat(s2.getString("text"))
        .isEqualTo("Neue Lounge von #AcmeAir: https://example.com/lounge/photos");
    Struct s3 = (Struct) records.get(2).value();
    assertThat(s3.getString("text")).isEqualTo("@ann same, lost my bag on #AcmeAir <sigh>");
    assertThat(s3.getStruct("author").getString("handle")).isEqualTo("bea@fosstodon.org");
    assertThat(s3.getStruct("author").getString("displayName")).isNull();
    assertThat(s3.getString("inReplyTo")).isEqualTo("115000000000000010");
    assertThat(records.get(2).sourcePartition())
        .isEqualTo(Map.of("instance", server.url(), "timeline", "#AcmeAir"));
    assertThat(records.get(2).sourceOffset())
        .isEqualTo(
            Map.of(
                "id",
                "115000000000000030",
                "ids",
                "115000000000000010 115000000000000020 115000000000000030"));
    assertThat(records.get(2).timestamp())
        .isEqualTo(Instant.parse("2026-01-05T10:02:00Z").toEpochMilli());
    assertThat(task.malformedPayloads()).isEqualTo(1L);
    assertThat(server.requests(TAG).get(0).uri()).isEqualTo(TAG + "?limit=40");
  }

  @Test
  void shouldResumeAfterRestartWithNoGapAndNoDuplicate() throws InterruptedException {
    server.enqueue(TAG, Reply.resource("/mastodon/tag-1.json"));
    MastodonSourceTask first = start(Map.of());
    List<SourceRecord> before = first.poll();
    run.commit(before.get(1));
    first.stop();

    server.enqueue(TAG, Reply.resource("/mastodon/tag-2.json"));
    MastodonSourceTask second = start(Map.of());
    List<SourceRecord> after = second.poll();

    assertThat(keys(after)).containsExactly(S3, S4);
    // the committed id minus the lookback: 300 s << 16 = 19660800000, less one
    assertThat(server.requests(TAG).get(1).uri())
        .isEqualTo(TAG + "?min_id=114999980339200019&limit=40");
    Struct boost = (Struct) after.get(1).value();
    assertThat(boost.getString("text")).isEqualTo("Flying #AcmeAir today");
    assertThat(boost.getString("repostOf"))
        .isEqualTo("https://mastodon.social/users/ann/statuses/115000000000000010");
    assertThat(boost.getString("url"))
        .isEqualTo("https://mastodon.social/users/dan/statuses/115000000000000040/activity");
    assertThat(after.get(1).sourceOffset())
        .isEqualTo(
            Map.of(
                "id",
                "115000000000000040",
                "ids",
                "115000000000000010 115000000000000020 115000000000000030 115000000000000040"));
  }

  @Test
  void shouldReadAgainAtOnceAfterAFullPageAndWaitAfterAShortOne() throws InterruptedException {
    server.enqueue(
        TAG, Reply.resource("/mastodon/tag-1.json"), Reply.resource("/mastodon/tag-2.json"));
    server.always(TAG, Reply.json(200, "[]"));
    MastodonSourceTask task = start(Map.of("mastodon.page.limit", "4"));

    assertThat(task.poll()).hasSize(3);
    assertThat(keys(task.poll())).containsExactly(S4);
    assertThat(task.poll()).isNull();
    assertThat(time.sleeps).containsExactly(1000L);
    assertThat(server.requests(TAG))
        .extracting(FixtureServer.Request::uri)
        .containsExactly(TAG + "?limit=4", TAG + "?min_id=115000000000000030&limit=4");
  }

  @Test
  void shouldWaitForRetryAfterOn429ThenSucceed() throws InterruptedException {
    server.enqueue(
        TAG,
        Reply.json(429, "{\"error\": \"Too many requests\"}")
            .header("Retry-After", "Mon, 05 Jan 2026 11:00:03 GMT"),
        Reply.resource("/mastodon/tag-1.json"));
    MastodonSourceTask task = start(Map.of());

    List<SourceRecord> records = pollUntilRecords(task, 10);

    assertThat(records).hasSize(3);
    assertThat(server.requests(TAG)).hasSize(2);
    assertThat(time.sleeps).containsExactly(1000L, 1000L, 1000L);
  }

  @Test
  void shouldBackOffOn5xxThenSucceed() throws InterruptedException {
    server.enqueue(
        TAG,
        Reply.json(500, "oops"),
        Reply.json(503, "oops"),
        Reply.resource("/mastodon/tag-1.json"));
    MastodonSourceTask task = start(Map.of("mastodon.retry.backoff.ms", "300"));

    assertThat(pollUntilRecords(task, 10)).hasSize(3);
    assertThat(server.requests(TAG)).hasSize(3);
    assertThat(time.sleeps).containsExactly(300L, 600L);
  }

  @Test
  void shouldFailNamingTheUrlAndTokenKeyOn401() {
    server.enqueue(
        "/api/v1/timelines/public", Reply.resource("/mastodon/error.json").withStatus(401));
    MastodonSourceTask task =
        start(
            Map.of(
                "mastodon.hashtags", "",
                "mastodon.public.timeline", "local",
                "mastodon.access.token", "secret-token"));

    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 401 from GET "
                + server.url()
                + "/api/v1/timelines/public?local=true&limit=40 (authentication refused: check"
                + " mastodon.access.token): {\"error\": \"This method requires an authenticated"
                + " user\"}");
    assertThat(server.requests().get(0).headers().get("authorization"))
        .isEqualTo("Bearer secret-token");
  }

  @Test
  void shouldSkipAndCountABodyThatIsNotAnArrayAndCarryOn() throws InterruptedException {
    server.enqueue(
        TAG, Reply.resource("/mastodon/not-array.json"), Reply.resource("/mastodon/tag-1.json"));
    MastodonSourceTask task = start(Map.of());

    assertThat(task.poll()).isNull();
    assertThat(task.malformedPayloads()).isEqualTo(1L);
    assertThat(pollUntilRecords(task, 5)).hasSize(3);
    assertThat(task.malformedPayloads()).isEqualTo(2L);
  }

  @Test
  void shouldKeepPollingTheOtherTimelinesWhenOneAnswers404() throws InterruptedException {
    // the tag Gone is not scripted: the fixture server answers 404
    server.enqueue(
        TAG, Reply.resource("/mastodon/tag-1.json"), Reply.resource("/mastodon/tag-2.json"));
    MastodonSourceTask task = start(Map.of("mastodon.hashtags", "Gone,AcmeAir"));

    assertThat(task.poll()).isNull();
    assertThat(keys(task.poll())).containsExactly(S1, S2, S3);
    assertThat(keys(pollUntilRecords(task, 5))).containsExactly(S4);

    assertThat(task.failedFetches()).isEqualTo(2L);
    assertThat(server.requests("/api/v1/timelines/tag/Gone")).hasSize(2);
    assertThat(time.sleeps).containsExactly(1000L);
    assertThat(time.milliseconds()).isEqualTo(WALL + 1000);
  }

  @Test
  void shouldFailTheTaskWhenEveryTimelineIsRefusedAtItsFirstRead() throws InterruptedException {
    server.enqueue(
        "/api/v1/timelines/public", Reply.resource("/mastodon/error.json").withStatus(422));
    MastodonSourceTask task =
        start(Map.of("mastodon.hashtags", "Gone", "mastodon.public.timeline", "federated"));

    assertThat(task.poll()).isNull();
    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "Every feed of the task was refused at its first read (check mastodon.url,"
                + " mastodon.hashtags, mastodon.public.timeline and mastodon.access.token): HTTP 404"
                + " from GET "
                + server.url()
                + "/api/v1/timelines/tag/Gone?limit=40 (check mastodon.access.token):"
                + " {\"error\":\"not found\"}; HTTP 422 from GET "
                + server.url()
                + "/api/v1/timelines/public?limit=40 (check mastodon.access.token): {\"error\":"
                + " \"This method requires an authenticated user\"}");
    assertThat(task.failedFetches()).isEqualTo(2L);
  }

  @Test
  void shouldSkipABodyOverTheLimitAndGoOn() throws InterruptedException {
    // tag-1.json has 2674 bytes, tag-2.json 1173
    server.enqueue(
        TAG, Reply.resource("/mastodon/tag-1.json"), Reply.resource("/mastodon/tag-2.json"));
    MastodonSourceTask task = start(Map.of("mastodon.max.response.bytes", "2048"));

    assertThat(task.poll()).isNull();
    assertThat(task.malformedPayloads()).isEqualTo(1L);
    assertThat(keys(pollUntilRecords(task, 5))).containsExactly(S3, S4);

    assertThat(task.failedFetches()).isEqualTo(0L);
    assertThat(server.requests(TAG)).hasSize(2);
    assertThat(time.milliseconds()).isEqualTo(WALL + 1000);
  }

  private static String status(String id, String createdAt, String uri) {
    return "{\"id\": \""
        + id
        + "\", \"created_at\": \""
        + createdAt
        + "\", \"uri\": \""
        + uri
        + "\", \"url\": \""
        + uri
        + "\", \"content\": \"<p>#AcmeAir</p>\", \"account\": {\"acct\": \"x@remote.example\"}}";
  }

  private static String page(String... statuses) {
    return "[" + String.join(", ", statuses) + "]";
  }

  // snowflakes: 10:02:00 and 10:01:30 on 2026-01-05, shifted by 16 bits
  private static final String LOCAL = Long.toString(1767607320000L << 16);
  private static final String LATE = Long.toString(1767607290000L << 16);

  @Test
  void shouldStillEmitARemoteStatusThatFederatedBehindTheNewestIdRead()
      throws InterruptedException {
    String local = status(LOCAL, "2026-01-05T10:02:00.000Z", "https://l/1");
    String late = status(LATE, "2026-01-05T10:01:30.000Z", "https://r/9");
    server.enqueue(
        TAG,
        Reply.json(200, page(local)),
        // the remote status published at 10:01:30 arrived after the first read
        Reply.json(200, page(local, late)),
        Reply.json(200, page(local, late)));
    MastodonSourceTask task = start(Map.of());

    List<String> emitted = new ArrayList<>(keys(task.poll()));
    List<SourceRecord> second = pollUntilRecords(task, 2);
    emitted.addAll(keys(second));
    emitted.addAll(keys(pollUntilRecords(task, 2)));

    assertThat(emitted).containsExactly("mastodon:https://l/1", "mastodon:https://r/9");
    long floor = (1767607320000L - 300_000L) << 16;
    assertThat(server.requests(TAG))
        .extracting(FixtureServer.Request::uri)
        .containsExactly(
            TAG + "?limit=40",
            TAG + "?min_id=" + (floor - 1) + "&limit=40",
            TAG + "?min_id=" + (floor - 1) + "&limit=40");
    assertThat(second.get(0).sourceOffset())
        .isEqualTo(Map.of("id", LOCAL, "ids", LATE + " " + LOCAL));
  }

  @Test
  void shouldResumeFromTheNewestIdAloneWithALookbackOfZero() throws InterruptedException {
    String local = status(LOCAL, "2026-01-05T10:02:00.000Z", "https://l/1");
    server.enqueue(TAG, Reply.json(200, page(local)), Reply.json(200, page()));
    MastodonSourceTask task = start(Map.of("mastodon.lookback.seconds", "0"));

    assertThat(keys(task.poll())).containsExactly("mastodon:https://l/1");
    assertThat(pollUntilRecords(task, 2)).isEmpty();

    assertThat(server.requests(TAG))
        .extracting(FixtureServer.Request::uri)
        .containsExactly(TAG + "?limit=40", TAG + "?min_id=" + LOCAL + "&limit=40");
  }

  @Test
  void shouldNotEmitAgainAfterARestartWhatWasDeliveredWithinTheLookback()
      throws InterruptedException {
    String local = status(LOCAL, "2026-01-05T10:02:00.000Z", "https://l/1");
    String late = status(LATE, "2026-01-05T10:01:30.000Z", "https://r/9");
    run.offsets.commit(
        Map.of("instance", server.url(), "timeline", "#AcmeAir"),
        Map.of("id", LOCAL, "ids", LATE + " " + LOCAL));
    String newer = Long.toString(1767607380000L << 16);
    server.enqueue(
        TAG,
        Reply.json(
            200, page(status(newer, "2026-01-05T10:03:00.000Z", "https://l/2"), local, late)));
    MastodonSourceTask task = start(Map.of());

    assertThat(keys(task.poll())).containsExactly("mastodon:https://l/2");
  }

  @Test
  void shouldBackOffOnRefusalsWhoseRateLimitResetLooksPast() throws InterruptedException {
    // the server's clock a few seconds behind ours: its reset time is already past, and every
    // poll sent its request again at once for as long as the 429s lasted
    server.always(
        TAG,
        FixtureServer.Reply.json(429, "{\"error\":\"Too many requests\"}")
            .header("X-RateLimit-Reset", "2026-01-05T10:59:58.000Z"));
    MastodonSourceTask task = start(Map.of("mastodon.poll.interval.ms", "30000"));

    for (int i = 0; i < 50; i++) {
      task.poll();
    }

    // backing off, not giving up: the timeline is read again once the backoff has passed
    assertThat(server.requests(TAG)).as("requests during %d ms", run.slept()).hasSizeBetween(2, 9);
  }
}
