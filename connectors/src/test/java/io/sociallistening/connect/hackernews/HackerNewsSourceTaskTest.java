package io.sociallistening.connect.hackernews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.MentionStruct;
import io.sociallistening.connect.OffsetStub;
import io.sociallistening.connect.SourceTaskRun;
import io.sociallistening.connect.http.ReplayServer;
import io.sociallistening.connect.http.ReplayServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HackerNewsSourceTaskTest {
  private static final long T0_MS = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
  private static final long LOOKBACK_SINCE = 1_767_603_600L;
  private static final long BASE = 1_767_604_000L;
  private static final Map<String, String> PARTITION = Map.of("query", "acme");

  private final ReplayServer server = new ReplayServer();
  private final SourceTaskRun run = new SourceTaskRun(T0_MS);
  private final FakeTime time = run.time;
  private final OffsetStub offsets = run.offsets;
  private HackerNewsSourceTask task;

  @AfterEach
  void stop() {
    run.close();
    server.close();
  }

  /** The task without overlap: each search starts at the newest second delivered. */
  private Map<String, String> props() {
    Map<String, String> p = new HashMap<>();
    p.put("hackernews.queries", "acme");
    p.put("hackernews.api.url", server.url("/api/v1"));
    p.put("hackernews.overlap.seconds", "0");
    return p;
  }

  private HackerNewsSourceTask start(Map<String, String> props) {
    return run.start(new HackerNewsSourceTask(time), Map.of(), props);
  }

  private static Reply page(String name) {
    return Reply.ok(ReplayServer.resource("/hackernews/" + name), "application/json");
  }

  private static List<String> ids(List<SourceRecord> records) {
    return records.stream().map(r -> ((Struct) r.value()).getString("id")).toList();
  }

  @Test
  void shouldEmitHitsOldestFirstAsMentionsWithHtmlStripped() {
    server.enqueue(page("page-first.json"));
    task = start(props());

    List<SourceRecord> records = task.poll();

    assertThat(ids(records)).containsExactly("42600000", "42600010", "42600011", "42600012");
    ReplayServer.Request request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/api/v1/search_by_date");
    assertThat(request.query())
        .isEqualTo(
            "query=acme&tags=(story,comment)&numericFilters=created_at_i>="
                + LOOKBACK_SINCE
                + "&hitsPerPage=100&page=0");

    SourceRecord story = records.get(0);
    assertThat(story.key()).isEqualTo("hacker_news:42600000");
    assertThat(story.topic()).isEqualTo("social.mentions.raw");
    assertThat(story.timestamp()).isEqualTo(1_767_607_000_000L);
    assertThat(story.sourcePartition()).isEqualTo(PARTITION);
    Mention s = MentionStruct.fromStruct((Struct) story.value());
    assertThat(s.getTitle()).isEqualTo("Acme Air cancels 300 flights after outage");
    assertThat(s.getText()).isEqualTo("Acme Air cancels 300 flights after outage");
    assertThat(s.getUrl()).isEqualTo("https://news.ycombinator.com/item?id=42600000");
    assertThat(s.getAuthor().getHandle()).isEqualTo("newsbot");
    assertThat(s.getAuthor().getUrl()).isEqualTo("https://news.ycombinator.com/user?id=newsbot");
    assertThat(s.getEngagement().getLikes()).isEqualTo(213L);
    assertThat(s.getEngagement().getReplies()).isEqualTo(57L);
    assertThat(s.getInReplyTo()).isNull();
    assertThat(s.getSource()).isEqualTo("hackernews:acme");
    assertThat(s.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(T0_MS));

    Mention ask = MentionStruct.fromStruct((Struct) records.get(2).value());
    assertThat(ask.getText())
        .isEqualTo("Thinking of flying Acme Air to Lisbon. Any recommendations vs. Skyways?");
    assertThat(ask.getTitle()).isEqualTo("Ask HN: Is Acme Air worth it?");

    Mention comment = MentionStruct.fromStruct((Struct) records.get(3).value());
    assertThat(comment.getText())
        .isEqualTo(
            "Switched from Acme Air to Skyways last year & never looked back. Their app \"just"
                + " works\": skyways.example");
    assertThat(comment.getTitle()).isNull();
    assertThat(comment.getInReplyTo()).isEqualTo("42600011");
    assertThat(comment.getEngagement()).isNull();

    assertThat(records.get(3).sourceOffset())
        .isEqualTo(Map.of("created_at_i", 1_767_607_150L, "ids", "42600012"));
    assertThat(records.get(2).sourceOffset())
        .isEqualTo(Map.of("created_at_i", 1_767_607_100L, "ids", "42600010\n42600011"));
  }

  @Test
  void shouldResumeFromTheCommittedOffsetWithNoGapAndNoDuplicate() {
    server.enqueue(page("page-first.json"));
    task = start(props());
    List<SourceRecord> first = task.poll();
    // the worker committed up to 42600011; 42600012 was polled but not committed
    offsets.commit(PARTITION, first.get(2).sourceOffset());
    task.stop();

    server.enqueue(page("page-after-restart.json"));
    time.advance(120_000);
    task = start(props());
    List<SourceRecord> resumed = task.poll();

    assertThat(server.requests().get(1).query())
        .contains("numericFilters=created_at_i>=1767607100&");
    assertThat(ids(resumed)).containsExactly("42600009", "42600012", "42600013");
    assertThat(resumed.get(0).sourceOffset())
        .isEqualTo(Map.of("created_at_i", 1_767_607_100L, "ids", "42600010\n42600011\n42600009"));
  }

  @Test
  void shouldFindAHitTheIndexAddedBehindNewerOnesWithTheDefaultOverlap() {
    Map<String, String> props = props();
    props.remove("hackernews.overlap.seconds");
    server.enqueue(
        page("page-first.json"),
        Reply.ok(
            "{\"hits\":["
                + "{\"objectID\":\"42600012\",\"created_at_i\":1767607150,\"author\":\"kestrel\","
                + "\"comment_text\":\"Switched from Acme Air\",\"parent_id\":42600011,"
                + "\"story_id\":42600000},"
                + "{\"objectID\":\"42600014\",\"created_at_i\":1767607120,\"author\":\"late\","
                + "\"comment_text\":\"Acme lost my bag\",\"parent_id\":42600000,"
                + "\"story_id\":42600000}"
                + "],\"nbHits\":2,\"nbPages\":1,\"page\":0}",
            "application/json"));
    task = start(props);
    assertThat(ids(task.poll())).containsExactly("42600000", "42600010", "42600011", "42600012");

    List<SourceRecord> next = null;
    for (int i = 0; i < 100 && next == null; i++) {
      next = task.poll();
    }

    assertThat(server.requests().get(1).query())
        .contains("numericFilters=created_at_i>=" + (1_767_607_150L - 60) + "&");
    assertThat(ids(next)).containsExactly("42600014");
  }

  @Test
  void shouldWaitTheRetryAfterOf429ThenRead() {
    server.enqueue(Reply.status(429).withHeader("Retry-After", "5"), page("page-first.json"));
    task = start(props());

    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(4);
    assertThat(task.requests()).isEqualTo(2);
    assertThat(server.requests()).hasSize(2);
    assertThat(run.slept()).isEqualTo(5_000);
  }

  @Test
  void shouldBackOffAfterA5xxThenRead() {
    server.enqueue(Reply.status(503), Reply.status(502), page("page-first.json"));
    task = start(props());

    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(4);
    assertThat(task.requests()).isEqualTo(3);
    assertThat(run.slept()).isEqualTo(1_000 + 2_000);
  }

  @Test
  void shouldDeferTheQueryWhenTheRetriesRunOutAndTryAgainAfterwards() {
    server.enqueue(Reply.status(500), Reply.status(500), Reply.status(500), Reply.status(500));
    server.enqueue(page("page-first.json"));
    task = start(props());

    assertThat(task.poll()).isNull();
    assertThat(task.deferred()).isEqualTo(1);
    assertThat(server.requests()).hasSize(4);
    // waited 1 + 2 + 4 s in place; the query is due again one poll interval after the search began
    long idle = 0;
    List<SourceRecord> records = null;
    while (records == null && idle++ < 100) {
      records = task.poll();
    }
    assertThat(records).hasSize(4);
    assertThat(time.milliseconds() - T0_MS).isEqualTo(60_000);
  }

  @Test
  void shouldSearchAQueryThatKeepsAnswering429LessOftenTheLongerItFails() {
    Map<String, String> p = props();
    p.put("hackernews.poll.interval.ms", "10000");
    p.put("http.retry.backoff.max.ms", "40000");
    server.fallback(Reply.status(429));
    task = start(p);

    while (time.milliseconds() - T0_MS < 120_000) {
      task.poll();
    }

    // searches at 0, 10, 30, 70 and 110 s (waits 10, 20, 40, 40 s), 4 requests each
    assertThat(task.deferred()).isEqualTo(5);
    assertThat(server.requests()).hasSize(20);
  }

  @Test
  void shouldFailOn401WithTheUrlInTheMessage() {
    server.enqueue(Reply.status(401));
    task = start(props());

    assertThatThrownBy(() -> task.poll())
        .isInstanceOf(ConnectException.class)
        .hasMessageStartingWith(
            "Hacker News search for 'acme' failed: HTTP 401 from GET "
                + server.url("/api/v1/search_by_date?query=acme&tags=%28story%2Ccomment%29"));
    assertThat(server.requests()).hasSize(1);
  }

  /** The URL of the first page of {@code encodedQuery} since the lookback. */
  private String searchUrl(String encodedQuery) {
    return server.url(
        "/api/v1/search_by_date?query="
            + encodedQuery
            + "&tags=%28story%2Ccomment%29&numericFilters=created_at_i%3E%3D"
            + LOOKBACK_SINCE
            + "&hitsPerPage=100&page=0");
  }

  @Test
  void shouldRefuseOnlyTheQueryAnswered400AndSearchTheOthers() {
    Map<String, String> p = props();
    p.put("hackernews.queries", "\"acme,acme");
    server.enqueue(Reply.status(400), page("page-first.json"));
    task = start(p);

    List<SourceRecord> records = task.poll();

    assertThat(ids(records)).containsExactly("42600000", "42600010", "42600011", "42600012");
    assertThat(records.get(0).sourcePartition()).isEqualTo(PARTITION);
    assertThat(task.failedFetches()).isEqualTo(1);
    assertThat(server.requests())
        .extracting(r -> r.query().substring(0, r.query().indexOf('&')))
        .containsExactly("query=\"acme", "query=acme");
  }

  @Test
  void shouldSearchARefusedQueryAgainAfterABackoffDoublingFromTheIntervalUpToTheMax() {
    Map<String, String> p = props();
    p.put("hackernews.poll.interval.ms", "1000");
    p.put("http.retry.backoff.max.ms", "4000");
    server.enqueue(
        page("page-first.json"),
        Reply.status(400),
        Reply.status(400),
        Reply.status(400),
        Reply.status(400),
        page("page-after-restart.json"));
    task = start(p);
    assertThat(task.poll()).hasSize(4);

    List<SourceRecord> records = null;
    for (int i = 0; i < 40 && records == null; i++) {
      records = task.poll();
    }

    // refused at +1 s (searched again 1 s later), +2 s (2 s), +4 s (4 s), +8 s (4 s, the max)
    assertThat(ids(records)).containsExactly("42600013");
    assertThat(time.milliseconds() - T0_MS).isEqualTo(12_000);
    assertThat(task.failedFetches()).isEqualTo(4);
    assertThat(server.requests()).hasSize(6);
  }

  @Test
  void shouldFailWhenEveryQueryAnswers400AtItsFirstSearch() {
    Map<String, String> p = props();
    p.put("hackernews.queries", "\"acme,acme (");
    server.enqueue(Reply.status(400), Reply.status(400));
    task = start(p);

    assertThatThrownBy(() -> task.poll())
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "Every feed of the task was refused at its first read (check hackernews.queries and"
                + " hackernews.tags): HTTP 400 from GET "
                + searchUrl("%22acme")
                + ": {\"message\":\"status 400\"}; HTTP 400 from GET "
                + searchUrl("acme+%28")
                + ": {\"message\":\"status 400\"}");
    assertThat(task.failedFetches()).isEqualTo(2);
  }

  @Test
  void shouldFailOnA404OfTheEndpointThoughOtherQueriesRemain() {
    Map<String, String> p = props();
    p.put("hackernews.queries", "acme,brewly");
    server.enqueue(Reply.status(404));
    task = start(p);

    assertThatThrownBy(() -> task.poll())
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "Hacker News search for 'acme' failed: HTTP 404 from GET "
                + searchUrl("acme")
                + ": {\"message\":\"status 404\"}");
    assertThat(task.failedFetches()).isEqualTo(0);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldSkipAndCountHitsMissingRequiredFields() {
    server.enqueue(page("page-malformed-hits.json"));
    task = start(props());

    List<SourceRecord> records = task.poll();

    assertThat(ids(records)).containsExactly("42600023");
    assertThat(((Struct) records.get(0).value()).getString("text"))
        .isEqualTo("Acme support was great.");
    assertThat(task.malformed()).isEqualTo(3);
  }

  @Test
  void shouldSkipAndCountABodyThatIsNotJsonAndReadAtTheNextPoll() {
    server.enqueue(page("truncated.json"), page("page-first.json"));
    task = start(props());

    assertThat(task.poll()).isNull();
    assertThat(task.malformed()).isEqualTo(1);
    List<SourceRecord> records = null;
    for (int i = 0; i < 100 && records == null; i++) {
      records = task.poll();
    }

    assertThat(records).hasSize(4);
    assertThat(time.milliseconds() - T0_MS).isEqualTo(60_000);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldNarrowABacklogToItsOlderEndAndEmitWhatEverySearchOfThePollRead() {
    Map<String, String> p = props();
    p.put("hackernews.hits.per.page", "2");
    p.put("hackernews.max.pages", "1");
    server.enqueue(
        algolia(3, 2, 0, hit("a3", 1_767_604_300L), hit("a2", 1_767_604_250L)),
        algolia(2, 1, 0, hit("a2", 1_767_604_250L), hit("a1", 1_767_604_200L)),
        algolia(1, 1, 0, hit("a3", 1_767_604_300L)));
    task = start(p);

    List<SourceRecord> first = task.poll();
    List<SourceRecord> next = task.poll();

    // the two searches cover the range: the newest hits, then the older end up to them
    assertThat(ids(first)).containsExactly("a1", "a2", "a3");
    assertThat(next).isNull();
    // caught up on a backlog, the next search starts at the last second emitted, no overlap
    assertThat(server.requests().stream().map(r -> filter(r.query())))
        .containsExactly(
            "created_at_i>=" + LOOKBACK_SINCE,
            "created_at_i>=" + LOOKBACK_SINCE + ",created_at_i<=1767604250",
            "created_at_i>=1767604300");
  }

  @Test
  void shouldSearchAQueryListedTwiceOnce() {
    Map<String, String> p = props();
    p.put("hackernews.queries", "acme, acme");
    server.fallback(page("page-first.json"));
    task = start(p);

    List<SourceRecord> records = task.poll();

    assertThat(ids(records)).containsExactly("42600000", "42600010", "42600011", "42600012");
    assertThat(server.requests()).hasSize(1);
  }

  /**
   * Algolia pages through at most paginationLimitedTo hits (1,000 on the HN index) and counts only
   * those in nbPages, so the last page of a long backlog looks like the end of the search. Here in
   * small: a limit of 4 hits (2 pages of 2) and a search with 6.
   */
  @Test
  void shouldNarrowASearchWithMoreHitsThanAlgoliaPagesThrough() {
    Map<String, String> p = props();
    p.put("hackernews.hits.per.page", "2");
    p.put("hackernews.max.pages", "2");
    server.enqueue(
        algolia(6, 2, 0, hit("h6", BASE + 6), hit("h5", BASE + 5)),
        algolia(6, 2, 1, hit("h4", BASE + 4), hit("h3", BASE + 3)),
        algolia(3, 2, 0, hit("h3", BASE + 3), hit("h2", BASE + 2)),
        algolia(3, 2, 1, hit("h1", BASE + 1)),
        algolia(4, 2, 0, hit("h6", BASE + 6), hit("h5", BASE + 5)),
        algolia(4, 2, 1, hit("h4", BASE + 4), hit("h3", BASE + 3)));
    task = start(p);

    List<SourceRecord> first = task.poll();

    assertThat(ids(first)).containsExactly("h1", "h2", "h3", "h4", "h5", "h6");
    assertThat(server.requests().stream().map(r -> filter(r.query())))
        .containsExactly(
            "created_at_i>=" + LOOKBACK_SINCE,
            "created_at_i>=" + LOOKBACK_SINCE,
            "created_at_i>=" + LOOKBACK_SINCE + ",created_at_i<=" + (BASE + 3),
            "created_at_i>=" + LOOKBACK_SINCE + ",created_at_i<=" + (BASE + 3));
  }

  /**
   * A poll narrows one query at most 20 times; a longer backlog emits nothing and goes on at the
   * next poll from where it stopped, so its oldest hits are not skipped; that poll emits what its
   * searches read. Here one second per narrowing (pages of 2 hits, one page per search) and 25
   * hits, one a second.
   */
  @Test
  void shouldGoOnNarrowingALongBacklogAtTheNextPollWithoutSkippingItsOldestHits() {
    Map<String, String> p = props();
    p.put("hackernews.hits.per.page", "2");
    p.put("hackernews.max.pages", "1");
    // the search up to second BASE + u finds the hits 1..u and pages through the newest 2
    for (int u = 25; u >= 2; u--) {
      server.enqueue(algolia(u, 1, 0, hit("h" + u, BASE + u), hit("h" + (u - 1), BASE + u - 1)));
    }
    task = start(p);

    List<SourceRecord> first = task.poll();
    int searchesOfTheFirstPoll = server.requests().size();
    List<SourceRecord> second = task.poll();

    assertThat(first).isNull();
    assertThat(searchesOfTheFirstPoll).isEqualTo(20);
    assertThat(filter(server.requests().get(20).query()))
        .isEqualTo("created_at_i>=" + LOOKBACK_SINCE + ",created_at_i<=" + (BASE + 5));
    assertThat(ids(second)).containsExactly("h1", "h2", "h3", "h4", "h5");
  }

  /**
   * With the default overlap (60 s), a backlog whose oldest part spans less than the overlap was
   * read again and again: each poll searched from the last second emitted minus the overlap, which
   * held more hits than Algolia pages through, narrowed to the same older end and emitted nothing
   * new, at once and without end. Here a search index of 10 hits 10 s apart that pages through 4.
   */
  @Test
  void shouldGetPastABacklogWhoseOlderEndSpansLessThanTheOverlap() {
    Map<String, String> p = props();
    p.put("hackernews.hits.per.page", "2");
    p.put("hackernews.max.pages", "2");
    server.respond(request -> searchIndex(request.query(), 10, 4));
    task = start(p);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      List<SourceRecord> records = task.poll();
      if (records != null) {
        ids.addAll(ids(records));
      }
    }

    assertThat(ids).containsExactly("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10");
    assertThat(server.requests().size()).isLessThan(12);
  }

  /**
   * A search index of {@code count} hits, h1 to h{@code count}, one every 10 s from {@code BASE +
   * 10}, answering a search's {@code created_at_i} range newest first and paging through at most
   * {@code limit} hits, as Algolia does.
   */
  private static Reply searchIndex(String query, int count, int limit) {
    long from = Long.MIN_VALUE;
    long until = Long.MAX_VALUE;
    for (String f : filter(query).split(",")) {
      if (f.startsWith("created_at_i>=")) {
        from = Long.parseLong(f.substring("created_at_i>=".length()));
      } else if (f.startsWith("created_at_i<=")) {
        until = Long.parseLong(f.substring("created_at_i<=".length()));
      }
    }
    int perPage = Integer.parseInt(param(query, "hitsPerPage"));
    int page = Integer.parseInt(param(query, "page"));
    List<String> matching = new ArrayList<>();
    for (int i = count; i >= 1; i--) {
      long second = BASE + 10L * i;
      if (second >= from && second <= until) {
        matching.add(hit("h" + i, second));
      }
    }
    int reachable = Math.min(matching.size(), limit);
    int pages = (reachable + perPage - 1) / perPage;
    List<String> hits =
        matching.subList(
            Math.min(reachable, page * perPage), Math.min(reachable, (page + 1) * perPage));
    return algolia(matching.size(), pages, page, hits.toArray(new String[0]));
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("no " + name + " in " + query);
  }

  private static String filter(String query) {
    int from = query.indexOf("numericFilters=") + "numericFilters=".length();
    return query.substring(from, query.indexOf('&', from));
  }

  private static String hit(String id, long second) {
    return "{\"objectID\":\""
        + id
        + "\",\"author\":\"u\",\"comment_text\":\"acme "
        + id
        + "\",\"created_at_i\":"
        + second
        + ",\"parent_id\":1,\"_tags\":[\"comment\"]}";
  }

  /** A search result as Algolia answers it: nbPages counts only the hits it pages through. */
  private static Reply algolia(int nbHits, int nbPages, int page, String... hits) {
    return Reply.ok(
        "{\"hits\":["
            + String.join(",", hits)
            + "],\"nbHits\":"
            + nbHits
            + ",\"nbPages\":"
            + nbPages
            + ",\"page\":"
            + page
            + ",\"hitsPerPage\":2}",
        "application/json");
  }
}
