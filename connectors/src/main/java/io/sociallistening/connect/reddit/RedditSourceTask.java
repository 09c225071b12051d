package io.sociallistening.connect.reddit;

import io.sociallistening.connect.ListeningSourceTask;
import io.sociallistening.connect.MentionStruct;
import io.sociallistening.connect.http.FeedRefusals;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.HttpStatusException;
import io.sociallistening.connect.http.MalformedPayloadException;
import io.sociallistening.connect.http.PollSchedule;
import io.sociallistening.connect.http.RequestGate;
import io.sociallistening.connect.http.RetryLaterException;
import io.sociallistening.connect.http.Watermark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Reddit listings (subreddit posts, subreddit comments, site-wide searches sorted by new),
 * one feed per poll, each every {@code reddit.poll.interval.ms}.
 *
 * <p>Output: key {@code reddit:<fullname>} (string schema), value the {@link MentionStruct}, record
 * timestamp {@code createdAt}; within a poll oldest first.
 *
 * <p>Source partition {@code {"reddit": "r/<sub>" | "r/<sub>/comments" | "search:<query>"}}, source
 * offset {@code {"created_utc": <newest second delivered>, "ids": "<fullnames delivered within
 * reddit.lookback.seconds of it, space separated>"}}. A read walks pages newest first until it
 * reaches items older than the lookback (at most {@code reddit.max.pages} pages), keeps the ones
 * the offset does not cover and emits them oldest first, each with the offset after it; a restart
 * therefore resumes with no gap and no duplicate. The first start reads one page. A walk cut short
 * above the offset (a page that is not a listing or too large, or an empty page ending the listing
 * early because the post named by {@code after} was removed) emits what it read but keeps the
 * offset's time where it was, adding only the keys: the next poll walks through the unread pages
 * again and skips what was emitted. The items emitted meanwhile come again only after a restart
 * from such an offset. An early end is retried once; a second one in a row is taken as the end.
 *
 * <p>Timeouts, I/O errors, 429 and 5xx wait (the server's {@code Retry-After}, else exponential
 * backoff) and retry; the rate-limit headers pause requests when the budget is spent. 401 (and any
 * refusal of the token endpoint) stops the task with the URL in the message; with OAuth, a listing
 * answered with 401 is first asked once more with a new token. A feed answered with 403 (private or
 * quarantined subreddit), 404 (deleted or renamed), 410 or another 4xx is logged, counted ({@link
 * #failedFetches()}) and read again after a backoff of its own while the other feeds go on; if
 * every feed is refused at its first read the task stops, naming them ({@link FeedRefusals}). A
 * page that is not a listing or is larger than {@code reddit.max.response.bytes}, and listed
 * children that are not valid posts or comments, are skipped and counted ({@link
 * #malformedPayloads()}).
 */
public final class RedditSourceTask extends ListeningSourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(RedditSourceTask.class);
  static final int MAX_KEYS = 2_000;
  static final Watermark.Fields OFFSET = new Watermark.Fields("created_utc", "ids", ' ');

  private RedditSourceConfig config;
  private RequestGate gate;
  private HttpPoller http;
  private RedditClient client;
  private PollSchedule<RedditFeed> schedule;
  private FeedRefusals refusals;
  private final Map<RedditFeed, Watermark> marks = new HashMap<>();
  private final Set<RedditFeed> endedEarly = new HashSet<>();
  private volatile long malformed;
  private volatile boolean stopped;

  public RedditSourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  RedditSourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new RedditSourceConfig(props);
    gate = config.http().gate();
    http = new HttpPoller(config.http(), time, false);
    client = new RedditClient(config, http, gate, time::milliseconds);
    long lookback = config.lookback().toSeconds();
    List<Boolean> readBefore = new ArrayList<>();
    for (RedditFeed feed : config.feeds()) {
      Map<String, Object> offset = committedOffset(feed.partition());
      readBefore.add(offset != null);
      Watermark mark = Watermark.fromOffset(offset, OFFSET, lookback, MAX_KEYS);
      marks.put(feed, mark == null ? new Watermark(lookback, MAX_KEYS) : mark);
    }
    schedule = new PollSchedule<>(config.feeds(), time.milliseconds());
    refusals =
        new FeedRefusals(
            config.feeds().stream().map(RedditFeed::name).toList(),
            config.pollInterval(),
            config.http().retry().maxBackoff(),
            RedditSourceConfig.SUBREDDITS_CONFIG + " and " + RedditSourceConfig.QUERIES_CONFIG);
    refusals.readBefore(readBefore);
    LOG.info(
        "Reading Reddit feeds {} ({}) to {}",
        marks.keySet().stream().map(RedditFeed::name).toList(),
        config.authenticated() ? "OAuth" : "public pages",
        config.topic());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (stopped) {
      return null;
    }
    int index = dueFeed(schedule, gate);
    if (index < 0) {
      return null;
    }
    RedditFeed feed = schedule.feed(index);
    try {
      List<SourceRecord> records = read(feed, marks.get(feed));
      gate.succeeded();
      refusals.read(index);
      if (records == null) {
        return null;
      }
      schedule.dueAt(index, time.milliseconds() + config.pollInterval().toMillis());
      return records.isEmpty() ? null : records;
    } catch (RetryLaterException e) {
      long retryIn = gate.failed(time.milliseconds(), e);
      LOG.warn(
          "Reading Reddit feed {} failed ({} in a row), retrying in {} ms: {}",
          feed.name(),
          gate.failures(),
          retryIn,
          e.getMessage());
      return null;
    } catch (HttpStatusException e) {
      gate.succeeded(); // the server answered: only this feed is refused
      schedule.dueAt(index, refusals.refused(index, e, time.milliseconds()));
      return null;
    }
  }

  /** Listing children and pages skipped as malformed since this task started. */
  public long malformedPayloads() {
    return malformed;
  }

  /**
   * Reads refused with a status of the feed's own (403, 404, 410, other 4xx but 401, 408, 425 and
   * 429) since this task started.
   */
  public long failedFetches() {
    return refusals == null ? 0 : refusals.count();
  }

  @Override
  public void stop() {
    stopped = true;
    if (http != null) {
      http.close();
    }
  }

  /**
   * The new items of {@code feed} as records, oldest first; null if a rate limit cut a catch-up.
   *
   * <p>A walk that stops above the watermark's floor because a page could not be read (or the
   * listing ended early) leaves a gap of unread items between the pages read and the offset. The
   * items read are emitted and remembered by key, but the newest time stays where it was, so the
   * next walk pages back through the gap again; only a walk that reaches the floor (or runs out of
   * {@code reddit.max.pages}) moves it on.
   */
  private List<SourceRecord> read(RedditFeed feed, Watermark mark) throws InterruptedException {
    Instant fetchedAt = Instant.ofEpochMilli(time.milliseconds());
    String source = "reddit:" + feed.name();
    List<RedditListing.Item> seen = new ArrayList<>();
    Set<String> fresh = new HashSet<>();
    Set<String> taken = new HashSet<>();
    boolean gap = false;
    String after = null;
    for (int page = 0; page < config.maxPages(); page++) {
      if (page > 0 && gate.waitMs(time.milliseconds()) > 0) {
        return null;
      }
      HttpPoller.Response response;
      RedditListing listing;
      try {
        response = client.page(feed, after);
        listing = RedditListing.parse(response.text(), source, fetchedAt);
      } catch (MalformedPayloadException | IllegalArgumentException e) {
        malformed++;
        LOG.warn("Skipping malformed page of {} ({}): {}", feed.name(), malformed, e.getMessage());
        gap = !mark.isEmpty();
        break;
      }
      if (listing.malformed() > 0) {
        malformed += listing.malformed();
        LOG.warn(
            "Skipped {} malformed children of {} ({} so far)",
            listing.malformed(),
            response.uri(),
            malformed);
      }
      boolean reached = false;
      for (RedditListing.Item item : listing.items()) {
        if (mark.before(item.createdSecond())) {
          reached = true;
        } else if (taken.add(item.fullname())) {
          seen.add(item);
          if (!mark.covers(item.createdSecond(), item.fullname())) {
            fresh.add(item.fullname());
          }
        }
      }
      if (mark.isEmpty() || reached) {
        break;
      }
      if (listing.after() == null) {
        // an empty page after a full one: the post named by "after" was removed, and Reddit ends
        // the listing there; the next walk asks with another "after"
        gap = page > 0 && listing.items().isEmpty() && endedEarly.add(feed);
        break;
      }
      if (page == config.maxPages() - 1) {
        LOG.warn(
            "Reddit feed {} has more than {} new pages since {}; older items are skipped",
            feed.name(),
            config.maxPages(),
            Instant.ofEpochSecond(mark.newest()));
      }
      after = listing.after();
    }
    if (gap) {
      LOG.warn(
          "Reddit feed {} was not read back to {}; its offset stays there until a read reaches it",
          feed.name(),
          Instant.ofEpochSecond(mark.newest()));
    } else {
      endedEarly.remove(feed);
    }
    seen.sort(
        Comparator.comparingLong(RedditListing.Item::createdSecond)
            .thenComparing(RedditListing.Item::fullname));
    long ceiling = gap ? mark.newest() : Long.MAX_VALUE;
    List<SourceRecord> records = new ArrayList<>(fresh.size());
    for (RedditListing.Item item : seen) {
      boolean isFresh = fresh.contains(item.fullname());
      if (isFresh || !gap) {
        // after a gap is closed, the items emitted meanwhile move the newest time on as well
        mark.add(item.createdSecond(), item.fullname(), ceiling);
      }
      if (isFresh) {
        records.add(
            mentionRecord(feed.partition(), mark.toOffset(OFFSET), config.topic(), item.mention()));
      }
    }
    return records;
  }
}
