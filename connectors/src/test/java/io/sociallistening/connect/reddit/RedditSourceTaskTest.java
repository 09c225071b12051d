package io.sociallistening.connect.reddit;

import static io.sociallistening.connect.SourceTaskRun.keys;
import static io.sociallistening.connect.SourceTaskRun.pollUntilRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.OffsetStub;
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

class RedditSourceTaskTest {
  private static final long WALL = Instant.parse("2026-01-05T11:00:00Z").toEpochMilli();
  private static final String NEW = "/r/acme/new.json";

  private final FixtureServer server = FixtureServer.start();
  private final SourceTaskRun run = new SourceTaskRun(WALL);
  private final FakeTime time = run.time;
  private final OffsetStub offsets = run.offsets;

  @AfterEach
  void close() {
    run.close();
    server.close();
  }

  private RedditSourceTask start(Map<String, String> overrides) {
    return run.start(
        new RedditSourceTask(time),
        Map.of(
            "reddit.subreddits",
            "acme",
            "reddit.base.url",
            server.url(),
            "reddit.oauth.url",
            server.url() + "/oauth",
            "reddit.token.url",
            server.url() + "/api/v1/access_token",
            "reddit.poll.interval.ms",
            "1000"),
        overrides);
  }

  @Test
  void shouldEmitNewPostsOldestFirstAsMentions() throws InterruptedException {
    server.enqueue(NEW, Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask task = start(Map.of());

    List<SourceRecord> records = task.poll();

    assertThat(keys(records)).containsExactly("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3");
    Struct c3 = (Struct) records.get(2).value();
    assertThat(c3.getString("platform")).isEqualTo("REDDIT");
    assertThat(c3.getString("id")).isEqualTo("t3_c3");
    assertThat(c3.getString("url"))
        .isEqualTo("https://www.reddit.com/r/acme/comments/c3/acme_air_lost_my_bag/");
    assertThat(c3.getString("title")).isEqualTo("Acme Air lost my bag");
    assertThat(c3.getString("text"))
        .isEqualTo("Acme Air lost my bag\n\nThird time this year & counting.\nNever again.");
    assertThat(c3.getStruct("author").getString("handle")).isEqualTo("carol");
    assertThat(c3.getStruct("author").getString("url"))
        .isEqualTo("https://www.reddit.com/user/carol");
    assertThat(c3.get("createdAt")).isEqualTo(Date.from(Instant.parse("2026-01-05T10:01:00Z")));
    assertThat(c3.get("fetchedAt")).isEqualTo(new Date(WALL));
    assertThat(c3.getStruct("engagement").getInt64("likes")).isEqualTo(12L);
    assertThat(c3.getStruct("engagement").getInt64("reposts")).isEqualTo(1L);
    assertThat(c3.getStruct("engagement").getInt64("replies")).isEqualTo(4L);
    assertThat(c3.getString("source")).isEqualTo("reddit:r/acme");
    Struct b2 = (Struct) records.get(1).value();
    assertThat(b2.getString("text")).isEqualTo("Which airline for Lisbon?");
    assertThat(b2.getStruct("engagement").getInt64("likes")).isEqualTo(0L);
    assertThat(((Struct) records.get(0).value()).getString("repostOf")).isEqualTo("t3_zz");
    assertThat(records.get(2).timestamp()).isEqualTo(1767607260_000L);
    assertThat(records.get(2).sourcePartition()).isEqualTo(Map.of("reddit", "r/acme"));
    assertThat(records.get(0).sourceOffset())
        .isEqualTo(Map.of("created_utc", 1767607200L, "ids", "t3_a1"));
    assertThat(records.get(1).sourceOffset())
        .isEqualTo(Map.of("created_utc", 1767607200L, "ids", "t3_a1 t3_b2"));
    assertThat(records.get(2).sourceOffset())
        .isEqualTo(Map.of("created_utc", 1767607260L, "ids", "t3_a1 t3_b2 t3_c3"));
    assertThat(task.malformedPayloads()).isEqualTo(1L);
    assertThat(server.requests(NEW).get(0).uri())
        .isEqualTo("/r/acme/new.json?limit=100&raw_json=1");
    assertThat(server.requests(NEW).get(0).headers().get("user-agent"))
        .startsWith("java:io.sociallistening.connect.reddit:");
  }

  @Test
  void shouldResumeAfterRestartWithNoGapAndNoDuplicate() throws InterruptedException {
    server.enqueue(NEW, Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask first = start(Map.of("reddit.lookback.seconds", "0"));
    List<SourceRecord> before = first.poll();
    run.commit(before.get(1)); // t3_a1 and t3_b2 committed, t3_c3 sent but not committed
    first.stop();

    server.enqueue(NEW, Reply.resource("/reddit/acme-new-2.json"));
    RedditSourceTask second = start(Map.of("reddit.lookback.seconds", "0"));
    List<SourceRecord> after = second.poll();

    assertThat(keys(after)).containsExactly("reddit:t3_c3", "reddit:t3_d4");
    assertThat(after.get(1).sourceOffset())
        .isEqualTo(Map.of("created_utc", 1767607320L, "ids", "t3_d4"));
  }

  @Test
  void shouldPageBackUntilItReachesTheCommittedOffset() throws InterruptedException {
    String search = SEARCH;
    offsets.commit(
        Map.of("reddit", "search:acme air"), Map.of("created_utc", 1767608000L, "ids", "t3_zz"));
    server.enqueue(
        search,
        Reply.resource("/reddit/search-page-1.json"),
        Reply.resource("/reddit/search-page-2.json"));
    RedditSourceTask task = start(Map.of("reddit.subreddits", "", "reddit.queries", "acme air"));

    List<SourceRecord> records = task.poll();

    assertThat(keys(records)).containsExactly("reddit:t3_e5", "reddit:t3_f6", "reddit:t3_g7");
    assertThat(server.requests(search))
        .extracting(FixtureServer.Request::uri)
        .containsExactly(
            "/search.json?q=acme+air&sort=new&type=link&limit=100&raw_json=1",
            "/search.json?q=acme+air&sort=new&type=link&limit=100&raw_json=1&after=t3_f6");
  }

  private static final String SEARCH = "/search.json";

  private RedditSourceTask startSearchAfterOffset() {
    offsets.commit(
        Map.of("reddit", "search:acme air"), Map.of("created_utc", 1767608000L, "ids", "t3_zz"));
    return start(Map.of("reddit.subreddits", "", "reddit.queries", "acme air"));
  }

  @Test
  void shouldNotSkipTheItemsOfAPageThatFailedToParseInTheMiddleOfACatchUp()
      throws InterruptedException {
    server.enqueue(
        SEARCH,
        Reply.resource("/reddit/search-page-1.json"),
        Reply.json(200, "<html><body>we're under heavy load</body></html>"),
        Reply.resource("/reddit/search-page-1.json"),
        Reply.resource("/reddit/search-page-2.json"),
        Reply.resource("/reddit/search-page-1.json"));
    RedditSourceTask task = startSearchAfterOffset();

    List<SourceRecord> first = task.poll();
    List<SourceRecord> second = pollUntilRecords(task, 5);
    List<SourceRecord> third = pollUntilRecords(task, 2); // idles, then reads

    // page 2 unread: f6 and g7 go out, the offset's time stays at the committed one
    assertThat(keys(first)).containsExactly("reddit:t3_f6", "reddit:t3_g7");
    assertThat(first.get(1).sourceOffset())
        .isEqualTo(
            Map.of(
                "created_utc",
                1767608000L,
                "ids",
                "t3_zz",
                // dated after the offset's time: kept with their own, so that a restart knows them
                "ids_ahead",
                "1767610000=t3_f6 1767610800=t3_g7"));
    // the next read pages back through page 2 again and brings only what was missed
    assertThat(keys(second)).containsExactly("reddit:t3_e5");
    assertThat(second.get(0).sourceOffset())
        .isEqualTo(
            Map.of(
                "created_utc",
                1767609000L,
                "ids",
                "t3_e5",
                "ids_ahead",
                "1767610000=t3_f6 1767610800=t3_g7"));
    // the gap closed, the offset moved to g7: one page reaches it
    assertThat(third).isEmpty();
    assertThat(server.requests(SEARCH)).hasSize(5);
    assertThat(task.malformedPayloads()).isEqualTo(1L);
  }

  @Test
  void shouldReadAgainAListingThatEndedEarlyAboveTheOffset() throws InterruptedException {
    // the post named by "after" was removed: Reddit answers the next page with an empty listing
    server.enqueue(
        SEARCH,
        Reply.resource("/reddit/search-page-1.json"),
        Reply.resource("/reddit/empty.json"),
        Reply.resource("/reddit/search-page-1.json"),
        Reply.resource("/reddit/search-page-2.json"));
    RedditSourceTask task = startSearchAfterOffset();

    List<String> emitted = new ArrayList<>(keys(task.poll()));
    emitted.addAll(keys(pollUntilRecords(task, 5)));

    assertThat(emitted).containsExactly("reddit:t3_f6", "reddit:t3_g7", "reddit:t3_e5");
    assertThat(server.requests(SEARCH)).hasSize(4);
  }

  @Test
  void shouldTakeASecondEarlyEndInARowAsTheEndOfTheListing() throws InterruptedException {
    server.enqueue(
        SEARCH,
        Reply.resource("/reddit/search-page-1.json"),
        Reply.resource("/reddit/empty.json"),
        Reply.resource("/reddit/search-page-1.json"),
        Reply.resource("/reddit/empty.json"),
        Reply.resource("/reddit/search-page-1.json"));
    RedditSourceTask task = startSearchAfterOffset();

    assertThat(keys(task.poll())).containsExactly("reddit:t3_f6", "reddit:t3_g7");
    assertThat(pollUntilRecords(task, 2)).isEmpty(); // the second walk ends early as well
    assertThat(pollUntilRecords(task, 2)).isEmpty(); // the third stops at g7, on page 1

    assertThat(server.requests(SEARCH)).hasSize(5);
  }

  @Test
  void shouldWaitForRetryAfterOn429ThenSucceed() throws InterruptedException {
    server.enqueue(
        NEW,
        Reply.json(429, "{\"message\": \"Too Many Requests\"}").header("Retry-After", "7"),
        Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask task = start(Map.of());

    assertThat(task.poll()).isNull();
    List<SourceRecord> records = pollUntilRecords(task, 20);

    assertThat(records).hasSize(3);
    assertThat(server.requests(NEW)).hasSize(2);
    assertThat(time.sleeps).containsExactly(1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L);
  }

  @Test
  void shouldBackOffExponentiallyOn5xxThenSucceed() throws InterruptedException {
    server.enqueue(
        NEW,
        Reply.json(503, "busy"),
        Reply.json(502, "bad gateway"),
        Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask task =
        start(Map.of("reddit.retry.backoff.ms", "500", "reddit.retry.backoff.max.ms", "800"));

    List<SourceRecord> records = pollUntilRecords(task, 20);

    assertThat(records).hasSize(3);
    assertThat(server.requests(NEW)).hasSize(3);
    assertThat(time.sleeps).containsExactly(500L, 800L);
  }

  @Test
  void shouldFailNamingTheUrlOn401() throws InterruptedException {
    server.enqueue(NEW, Reply.json(401, "{\"message\": \"Unauthorized\", \"error\": 401}"));
    RedditSourceTask task = start(Map.of());

    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 401 from GET "
                + server.url()
                + "/r/acme/new.json?limit=100&raw_json=1 (authentication refused):"
                + " {\"message\": \"Unauthorized\", \"error\": 401}");
  }

  @Test
  void shouldPauseUntilTheRateLimitResetsWhenNoRequestsRemain() throws InterruptedException {
    server.enqueue(
        NEW,
        Reply.resource("/reddit/acme-new-1.json")
            .header("X-Ratelimit-Used", "100")
            .header("X-Ratelimit-Remaining", "0.0")
            .header("X-Ratelimit-Reset", "5"),
        Reply.resource("/reddit/acme-new-2.json").header("X-Ratelimit-Remaining", "99.0"));
    RedditSourceTask task = start(Map.of());

    assertThat(task.poll()).hasSize(3);
    List<SourceRecord> next = pollUntilRecords(task, 20);

    assertThat(keys(next)).containsExactly("reddit:t3_d4");
    assertThat(time.sleeps).containsExactly(1000L, 1000L, 1000L, 1000L, 1000L);
  }

  @Test
  void shouldUseAnApplicationTokenAgainstTheOAuthHost() throws InterruptedException {
    server.enqueue("/api/v1/access_token", Reply.resource("/reddit/token.json"));
    server.enqueue(
        "/oauth/r/acme/new.json",
        Reply.resource("/reddit/acme-new-1.json"),
        Reply.resource("/reddit/acme-new-2.json"));
    RedditSourceTask task =
        start(Map.of("reddit.client.id", "my-id", "reddit.client.secret", "my-secret"));

    assertThat(task.poll()).hasSize(3);
    assertThat(keys(pollUntilRecords(task, 5))).containsExactly("reddit:t3_d4");

    List<FixtureServer.Request> token = server.requests("/api/v1/access_token");
    assertThat(token).hasSize(1);
    assertThat(token.get(0).method()).isEqualTo("POST");
    assertThat(token.get(0).body()).isEqualTo("grant_type=client_credentials");
    assertThat(token.get(0).headers().get("authorization")).isEqualTo("Basic bXktaWQ6bXktc2VjcmV0");
    assertThat(server.requests("/oauth/r/acme/new.json"))
        .extracting(r -> r.headers().get("authorization"))
        .containsExactly("bearer tok-123", "bearer tok-123");
    assertThat(server.requests(NEW)).isEmpty();
  }

  @Test
  void shouldFetchANewTokenOnceWhenAListingAnswers401() throws InterruptedException {
    server.enqueue(
        "/api/v1/access_token",
        Reply.resource("/reddit/token.json"),
        Reply.json(200, "{\"access_token\": \"tok-456\", \"expires_in\": 86400}"));
    server.enqueue(
        "/oauth/r/acme/new.json",
        Reply.json(401, "{\"message\": \"Unauthorized\", \"error\": 401}"),
        Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask task =
        start(Map.of("reddit.client.id", "my-id", "reddit.client.secret", "my-secret"));

    assertThat(keys(task.poll())).containsExactly("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3");
    assertThat(server.requests("/api/v1/access_token")).hasSize(2);
    assertThat(server.requests("/oauth/r/acme/new.json"))
        .extracting(r -> r.headers().get("authorization"))
        .containsExactly("bearer tok-123", "bearer tok-456");
  }

  @Test
  void shouldFailNamingTheUrlWhenAListingAnswers401WithANewTokenToo() {
    server.always("/api/v1/access_token", Reply.resource("/reddit/token.json"));
    server.always("/oauth/r/acme/new.json", Reply.json(401, "{\"message\": \"Unauthorized\"}"));
    RedditSourceTask task =
        start(Map.of("reddit.client.id", "my-id", "reddit.client.secret", "my-secret"));

    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 401 from GET "
                + server.url()
                + "/oauth/r/acme/new.json?limit=100&raw_json=1 (authentication refused: check"
                + " reddit.client.id and reddit.client.secret): {\"message\": \"Unauthorized\"}");
    assertThat(server.requests("/api/v1/access_token")).hasSize(2);
    assertThat(server.requests("/oauth/r/acme/new.json")).hasSize(2);
  }

  @Test
  void shouldFailNamingTheTokenUrlAndKeysWhenCredentialsAreRefused() {
    server.enqueue("/api/v1/access_token", Reply.json(401, "{\"message\": \"Unauthorized\"}"));
    RedditSourceTask task =
        start(Map.of("reddit.client.id", "my-id", "reddit.client.secret", "wrong"));

    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 401 from POST "
                + server.url()
                + "/api/v1/access_token (authentication refused: check reddit.client.id and"
                + " reddit.client.secret): {\"message\": \"Unauthorized\"}");
  }

  @Test
  void shouldSkipAndCountAPageThatIsNotAListingAndCarryOn() throws InterruptedException {
    server.enqueue(
        NEW, Reply.resource("/reddit/not-json.html"), Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask task = start(Map.of());

    assertThat(task.poll()).isNull();
    assertThat(task.malformedPayloads()).isEqualTo(1L);
    assertThat(pollUntilRecords(task, 5)).hasSize(3);
    assertThat(task.malformedPayloads()).isEqualTo(2L);
  }

  @Test
  void shouldReadCommentsWithTheirParent() throws InterruptedException {
    server.always(NEW, Reply.resource("/reddit/acme-new-1.json"));
    server.enqueue("/r/acme/comments.json", Reply.resource("/reddit/acme-comments.json"));
    RedditSourceTask task = start(Map.of("reddit.comments", "true"));

    List<SourceRecord> all = new ArrayList<>(task.poll());
    all.addAll(task.poll());

    assertThat(keys(all))
        .containsExactly("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3", "reddit:t1_k1");
    Struct k1 = (Struct) all.get(3).value();
    assertThat(k1.getString("text")).isEqualTo("Try Skyways, Acme lost mine too.");
    assertThat(k1.getString("title")).isNull();
    assertThat(k1.getString("inReplyTo")).isEqualTo("t3_c3");
    assertThat(k1.get("createdAt")).isEqualTo(new Date(1767607230_500L));
    assertThat(k1.getString("source")).isEqualTo("reddit:r/acme/comments");
    assertThat(all.get(3).sourceOffset())
        .isEqualTo(Map.of("created_utc", 1767607230L, "ids", "t1_k1"));
  }

  private static final String GONE = "/r/gone/new.json";

  @Test
  void shouldKeepPollingTheOtherSubredditsWhenOneAnswers404() throws InterruptedException {
    // r/gone is not scripted: the fixture server answers 404
    server.enqueue(
        NEW, Reply.resource("/reddit/acme-new-1.json"), Reply.resource("/reddit/acme-new-2.json"));
    RedditSourceTask task = start(Map.of("reddit.subreddits", "gone,acme"));

    assertThat(task.poll()).isNull();
    assertThat(keys(task.poll())).containsExactly("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3");
    assertThat(keys(pollUntilRecords(task, 5))).containsExactly("reddit:t3_d4");

    assertThat(task.failedFetches()).isEqualTo(2L);
    assertThat(server.requests(GONE)).hasSize(2);
    assertThat(server.requests(NEW)).hasSize(2);
    assertThat(time.sleeps).containsExactly(1000L);
    assertThat(time.milliseconds()).isEqualTo(WALL + 1000);
  }

  @Test
  void shouldRetryAFailedSubredditAfterItsBackoff() throws InterruptedException {
    server.enqueue(
        GONE,
        Reply.resource("/reddit/private.json").withStatus(403),
        Reply.json(404, "{\"message\": \"Not Found\", \"error\": 404}"),
        Reply.resource("/reddit/acme-new-1.json"));
    server.always(NEW, Reply.resource("/reddit/empty.json"));
    RedditSourceTask task = start(Map.of("reddit.subreddits", "gone,acme"));

    List<SourceRecord> records = pollUntilRecords(task, 20);

    // r/gone: refused at WALL, read again 1 s (the poll interval) later, refused again, read
    // again 2 s later; r/acme read every second meanwhile
    assertThat(keys(records)).containsExactly("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3");
    assertThat(records.get(0).sourcePartition()).isEqualTo(Map.of("reddit", "r/gone"));
    assertThat(time.milliseconds()).isEqualTo(WALL + 3000);
    assertThat(time.sleeps).containsExactly(1000L, 1000L, 1000L);
    assertThat(server.requests(GONE)).hasSize(3);
    assertThat(server.requests(NEW)).hasSize(3);
    assertThat(task.failedFetches()).isEqualTo(2L);
  }

  @Test
  void shouldNotFailTheTaskWhenItsOnlySubredditIsRefusedAfterAGoodRead()
      throws InterruptedException {
    server.enqueue(
        NEW,
        Reply.resource("/reddit/acme-new-1.json"),
        Reply.json(404, "{\"message\": \"Not Found\", \"error\": 404}"),
        Reply.resource("/reddit/acme-new-2.json"));
    RedditSourceTask task = start(Map.of());

    assertThat(task.poll()).hasSize(3);
    assertThat(keys(pollUntilRecords(task, 10))).containsExactly("reddit:t3_d4");

    assertThat(task.failedFetches()).isEqualTo(1L);
    assertThat(time.milliseconds()).isEqualTo(WALL + 2000);
  }

  @Test
  void shouldStillFailTheTaskOn401() throws InterruptedException {
    server.enqueue(NEW, Reply.resource("/reddit/acme-new-1.json"));
    server.enqueue(GONE, Reply.json(401, "{\"message\": \"Unauthorized\", \"error\": 401}"));
    RedditSourceTask task = start(Map.of("reddit.subreddits", "acme,gone"));

    assertThat(task.poll()).hasSize(3);
    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 401 from GET "
                + server.url()
                + GONE
                + "?limit=100&raw_json=1 (authentication refused):"
                + " {\"message\": \"Unauthorized\", \"error\": 401}");
    assertThat(task.failedFetches()).isEqualTo(0L);
  }

  @Test
  void shouldFailTheTaskWhenEverySubredditIsRefusedAtItsFirstRead() throws InterruptedException {
    server.enqueue("/r/private/new.json", Reply.resource("/reddit/private.json").withStatus(403));
    RedditSourceTask task = start(Map.of("reddit.subreddits", "gone,private"));

    assertThat(task.poll()).isNull();
    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "Every feed of the task was refused at its first read (check reddit.subreddits and"
                + " reddit.queries): HTTP 404 from GET "
                + server.url()
                + GONE
                + "?limit=100&raw_json=1: {\"error\":\"not found\"}; HTTP 403 from GET "
                + server.url()
                + "/r/private/new.json?limit=100&raw_json=1 (authentication refused):"
                + " {\"reason\": \"private\", \"message\": \"Forbidden\", \"error\": 403}");
    assertThat(task.failedFetches()).isEqualTo(2L);
  }

  @Test
  void shouldFailTheTaskWhenTheTokenEndpointAnswers403() {
    server.enqueue("/api/v1/access_token", Reply.json(403, "{\"message\": \"Forbidden\"}"));
    RedditSourceTask task =
        start(
            Map.of(
                "reddit.subreddits",
                "acme,other",
                "reddit.client.id",
                "my-id",
                "reddit.client.secret",
                "my-secret"));

    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 403 from POST "
                + server.url()
                + "/api/v1/access_token (authentication refused: check reddit.client.id and"
                + " reddit.client.secret): {\"message\": \"Forbidden\"}");
    assertThat(task.failedFetches()).isEqualTo(0L);
  }

  @Test
  void shouldSkipABodyOverTheLimitAndGoOn() throws InterruptedException {
    // an empty listing, padded past the limit: read whole, it would parse
    String padded =
        "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"children\": []}}" + " ".repeat(1300);
    server.always("/r/big/new.json", Reply.json(200, padded));
    server.enqueue(NEW, Reply.resource("/reddit/acme-new-1.json"));
    RedditSourceTask task =
        start(Map.of("reddit.subreddits", "big,acme", "reddit.max.response.bytes", "1300"));

    assertThat(task.poll()).isNull();
    assertThat(task.malformedPayloads()).isEqualTo(1L);
    assertThat(keys(task.poll())).containsExactly("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3");
    assertThat(task.malformedPayloads()).isEqualTo(2L); // plus the bad child of acme-new-1
    assertThat(task.poll()).isNull(); // idles until r/big is due again
    assertThat(task.poll()).isNull();

    assertThat(task.malformedPayloads()).isEqualTo(3L);
    assertThat(task.failedFetches()).isEqualTo(0L);
    assertThat(server.requests("/r/big/new.json")).hasSize(2);
    assertThat(time.milliseconds()).isEqualTo(WALL + 1000);
  }
}
