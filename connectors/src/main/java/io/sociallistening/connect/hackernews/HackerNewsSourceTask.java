package io.sociallistening.connect.hackernews;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.ListeningSourceTask;
import io.sociallistening.connect.MentionStruct;
import io.sociallistening.connect.http.FeedDeferrals;
import io.sociallistening.connect.http.FeedRefusals;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.HttpStatusException;
import io.sociallistening.connect.http.MalformedPayloadException;
import io.sociallistening.connect.http.PollSchedule;
import io.sociallistening.connect.http.RetryLaterException;
import io.sociallistening.connect.http.Watermark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the Hacker News Algolia search for each of its queries every {@code
 * hackernews.poll.interval.ms} and emits the new stories and comments, oldest first.
 *
 * <p>Output: key {@code hacker_news:<objectID>}, value the {@link MentionStruct}, timestamp {@code
 * created_at_i}. Source partition {@code {"query": <query>}}, offset {@code {"created_at_i": <last
 * second emitted>, "ids": <objectIDs emitted within hackernews.overlap.seconds of it,
 * newline-separated>}} (a {@link Watermark}): each search asks for {@code created_at_i >= <second -
 * overlap>} and drops the ids already emitted, so a restart resumes with no gap and no duplicate,
 * and a hit the search index adds late (behind newer ones already read) is still found. Without an
 * offset a query starts {@code hackernews.lookback.ms} before the first start.
 *
 * <p>A search with more pages than {@code hackernews.max.pages}, or with more hits than Algolia
 * pages through ({@code nbHits} above {@code nbPages} times the page size: Algolia stops at 1,000
 * hits), is narrowed to its older end ({@code created_at_i <= <oldest second read>}) until it fits.
 * The searches of one poll then cover the whole range from its older end on (each narrowed search
 * read the newest hits of its range, down to where the next one ends), and every hit they read is
 * emitted, oldest first. A poll narrows one query at most {@value #MAX_NARROWINGS} times; a longer
 * backlog goes on narrowing at the next poll, which comes at once, emitting nothing until its
 * oldest end is read whole. While a query catches up on a backlog like this, its searches start at
 * the last second emitted, without the overlap: with it, a backlog whose oldest part spans less
 * than the overlap was read again and again without getting past it. Errors: 408, 425, 429, 5xx,
 * timeouts are retried ({@link HttpPoller}); when the attempts run out the query waits a backoff of
 * its own and the others go on. A 400 (Algolia refusing that query's text) refuses that query only
 * ({@link FeedRefusals}): logged with the URL, counted ({@link #failedFetches()}) and searched
 * again after a backoff of its own, the poll interval doubled per refusal in a row up to the larger
 * of the interval and {@code http.retry.backoff.max.ms}, while the other queries go on; if every
 * query of the task gets a 400 at its first search since start (a bad {@code hackernews.tags} does
 * that), the task fails naming each. 401, 403, 404 and any other 4xx concern the endpoint every
 * query shares (the API URL, a block) and fail the task with the URL in the message. A body that is
 * not a search result or is longer than {@code http.max.response.bytes}, and hits missing a
 * required field, are skipped and counted ({@link #malformed()}).
 *
 * <p>A query whose search still fails after the retries (or whose server asks for a longer wait
 * than {@code http.retry.after.max.ms}) is deferred ({@link FeedDeferrals}, counted in {@link
 * #deferred()}): searched again one poll interval after the failed search began, twice as long
 * after each further failed search in a row, at most the larger of the interval and {@code
 * http.retry.backoff.max.ms}, and never before the server's {@code Retry-After}; a search the
 * server answers resets it.
 */
public final class HackerNewsSourceTask extends ListeningSourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(HackerNewsSourceTask.class);
  static final String QUERY_KEY = "query";
  static final Watermark.Fields OFFSET = new Watermark.Fields("created_at_i", "ids", '\n');
  private static final int MAX_NARROWINGS = 20;

  /** The one status that concerns a query's text rather than the endpoint of every query. */
  private static final IntPredicate QUERY_STATUS = status -> status == 400;

  private static final Comparator<Mention> OLDEST_FIRST =
      Comparator.comparing(Mention::getCreatedAt).thenComparing(Mention::getId);

  private HackerNewsSourceConfig config;
  private HttpPoller http;
  private HackerNewsClient client;
  private PollSchedule<QueryState> schedule;
  private FeedRefusals refusals;
  private FeedDeferrals deferrals;
  private volatile boolean stopped;
  private long malformed;

  /**
   * A query, its position and, while a backlog is narrowed, the newest second the search still has
   * to stop at ({@code -1}: none), kept across polls and deferrals.
   */
  private static final class QueryState {
    final String query;
    final Map<String, String> partition;
    final Watermark watermark;
    long until = -1;

    /** The last poll narrowed: the query is catching up on a backlog. */
    boolean catchingUp;

    QueryState(String query, Watermark watermark) {
      this.query = query;
      this.partition = Map.of(QUERY_KEY, query);
      this.watermark = watermark;
    }
  }

  public HackerNewsSourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  HackerNewsSourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new HackerNewsSourceConfig(props);
    http = new HttpPoller(config.http(), time, false);
    client = new HackerNewsClient(http, config.apiUrl(), config.tags(), config.hitsPerPage());
    long firstSecond = (time.milliseconds() - config.lookback().toMillis()) / 1000;
    List<QueryState> queries = new ArrayList<>();
    List<Boolean> readBefore = new ArrayList<>();
    for (String q : config.queries()) {
      Map<String, Object> offset = committedOffset(Map.of(QUERY_KEY, q));
      readBefore.add(offset != null);
      long overlap = config.overlapSeconds();
      Watermark w = Watermark.fromOffset(offset, OFFSET, overlap, Watermark.ALL_KEYS);
      QueryState s =
          new QueryState(q, w == null ? Watermark.at(firstSecond, overlap, Watermark.ALL_KEYS) : w);
      queries.add(s);
      LOG.info(
          "Hacker News query '{}' resumes at created_at_i >= {} ({} ids seen there)",
          q,
          s.watermark.newest(),
          s.watermark.size());
    }
    schedule = new PollSchedule<>(queries, time.milliseconds());
    refusals =
        new FeedRefusals(
            config.queries().stream().map(q -> "search '" + q + "'").toList(),
            config.pollInterval(),
            config.http().retry().maxBackoff(),
            HackerNewsSourceConfig.QUERIES_CONFIG + " and " + HackerNewsSourceConfig.TAGS_CONFIG,
            QUERY_STATUS);
    refusals.readBefore(readBefore);
    deferrals =
        new FeedDeferrals(
            config.queries().stream().map(q -> "search '" + q + "'").toList(),
            config.pollInterval(),
            config.http().retry().maxBackoff());
    stopped = false;
  }

  @Override
  public List<SourceRecord> poll() {
    if (stopped) {
      return null;
    }
    return pollDueFeeds(schedule, () -> stopped, this::search);
  }

  /** Hits skipped since start: unreadable pages and hits missing a required field. */
  public long malformed() {
    return malformed;
  }

  /** Searches refused with 400 (the query's text) since start. */
  public long failedFetches() {
    return refusals == null ? 0 : refusals.count();
  }

  /** Searches deferred since start because the retries of a retriable failure ran out. */
  public long deferred() {
    return deferrals == null ? 0 : deferrals.count();
  }

  /** HTTP requests sent since start, retries included. */
  public long requests() {
    return http == null ? 0 : http.requests();
  }

  @Override
  public void stop() {
    stopped = true;
    if (http != null) {
      http.close();
    }
  }

  private void search(List<SourceRecord> out, int index) {
    QueryState s = schedule.feed(index);
    String query = s.query;
    long now = time.milliseconds();
    Instant fetchedAt = Instant.ofEpochMilli(now);
    schedule.dueAt(index, now + config.pollInterval().toMillis());
    List<Mention> hits = new ArrayList<>();
    int malformedRead = 0;
    boolean narrowed;
    // the overlap re-reads what a lagging search index may have added behind the newest hit; a
    // backlog being caught up on is read from the last second emitted
    long from = s.watermark.newest() - (s.catchingUp ? 0 : config.overlapSeconds());
    try {
      int narrowings = 0;
      while (true) {
        Range r = read(query, from, s.until, fetchedAt);
        // each search of the poll reads its range's newest hits, down to the end of the next
        hits.addAll(r.mentions);
        malformedRead += r.malformedHits;
        narrowed = s.until >= 0;
        if (r.complete) {
          malformed += malformedRead;
          s.until = -1;
          break;
        }
        long oldest =
            r.mentions.stream().mapToLong(m -> m.getCreatedAt().getEpochSecond()).min().orElse(-1);
        if (oldest < 0 || oldest == s.until) {
          // no valid hit to narrow to, or more hits in one second than the pages hold
          LOG.warn(
              "Search '{}' from created_at_i {} to {} cannot be narrowed further (oldest second"
                  + " read: {}); the hits of that range beyond the {} pages read are skipped",
              query,
              from,
              s.until < 0 ? "now" : s.until,
              oldest,
              config.maxPages());
          malformed += malformedRead;
          narrowed = oldest >= 0;
          s.until = -1;
          break;
        }
        s.until = oldest;
        if (++narrowings == MAX_NARROWINGS) {
          LOG.info(
              "Search '{}' from created_at_i {} narrowed {} times this poll, down to created_at_i"
                  + " <= {}; it goes on narrowing at the next poll",
              query,
              from,
              narrowings,
              oldest);
          hits = new ArrayList<>();
          narrowed = true;
          break;
        }
      }
    } catch (RetryLaterException e) {
      schedule.dueAt(index, deferrals.deferred(index, e, now));
      return;
    } catch (MalformedPayloadException e) {
      deferrals.answered(index);
      refusals.read(index); // the search answered: the query was accepted
      malformed++;
      LOG.warn(
          "Search '{}' skipped until the next poll ({} malformed so far): {}",
          query,
          malformed,
          e.getMessage());
      return;
    } catch (HttpStatusException e) {
      if (!refusals.feedScoped(e)) {
        throw new ConnectException(
            "Hacker News search for '" + query + "' failed: " + e.getMessage(), e);
      }
      deferrals.answered(index);
      schedule.dueAt(index, refusals.refused(index, e, now));
      return;
    }
    deferrals.answered(index);
    refusals.read(index);
    s.catchingUp = narrowed;
    if (narrowed) {
      schedule.dueAt(index, now);
    }
    hits.sort(OLDEST_FIRST);
    for (Mention m : hits) {
      long second = m.getCreatedAt().getEpochSecond();
      if (s.watermark.covers(second, m.getId())) {
        continue;
      }
      s.watermark.add(second, OFFSET.storable(m.getId()));
      out.add(mentionRecord(s.partition, s.watermark.toOffset(OFFSET), config.topic(), m));
    }
  }

  /** The hits of one search; complete when every page was read and the pages hold every hit. */
  private record Range(List<Mention> mentions, boolean complete, int malformedHits) {}

  private Range read(String query, long since, long until, Instant fetchedAt) {
    List<Mention> all = new ArrayList<>();
    int bad = 0;
    for (int page = 0; page < config.maxPages(); page++) {
      HackerNewsClient.Page p = client.page(query, since, until, page, fetchedAt);
      all.addAll(p.mentions());
      bad += p.malformedHits();
      boolean last =
          p.pages() >= 0
              ? page + 1 >= p.pages()
              : p.mentions().size() + p.malformedHits() < config.hitsPerPage();
      if (last) {
        return new Range(all, p.reachesEveryHit(config.hitsPerPage()), bad);
      }
    }
    return new Range(all, false, bad);
  }
}
