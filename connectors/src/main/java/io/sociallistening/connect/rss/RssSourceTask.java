package io.sociallistening.connect.rss;

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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches each of its RSS/Atom feeds every {@code rss.poll.interval.ms} and emits the items not yet
 * emitted, oldest first.
 *
 * <p>Output: key {@code <platform>:<item id>} (see {@link RssClient} for the id), value the {@link
 * MentionStruct}, timestamp the item's published date. Source partition {@code {"feed": <url>}},
 * offset {@code {"published_ms": <newest date emitted>, "guids": <ids emitted at that instant,
 * newline-separated>}} (a {@link Watermark}): a restart emits only items later than the date, or at
 * that date with an id not in the list, so it resumes with no gap and no duplicate. Without an
 * offset a feed starts {@code rss.lookback.ms} before the first start. An item that shows up later
 * with a date older than the watermark (back-dated) is not emitted.
 *
 * <p>Errors are per feed, the others go on: 408, 425, 429, 5xx and timeouts are retried ({@link
 * HttpPoller}) and then defer the feed by its own backoff. Any other status (every other 4xx, 401
 * and 403 included: the feeds share no credentials, and a 403 is often one site's bot wall) refuses
 * that feed only ({@link FeedRefusals}): it is logged with the URL, counted ({@link
 * #failedFetches()}) and fetched again after a backoff of its own, the poll interval doubled per
 * refusal in a row up to the larger of the interval and {@code http.retry.backoff.max.ms}. If every
 * feed of the task is refused at its first fetch since start, the task fails naming each (a task
 * whose feeds all answer 404 is misconfigured). Unparsable documents, documents longer than {@code
 * http.max.response.bytes} (not read on, never parsed) and items missing a required field are
 * skipped and counted ({@link #malformed()}).
 *
 * <p>A feed whose fetch still fails after the retries (or whose server asks for a longer wait than
 * {@code http.retry.after.max.ms}) is deferred ({@link FeedDeferrals}, counted in {@link
 * #deferred()}): fetched again one poll interval after the failed fetch began, twice as long after
 * each further failed fetch in a row, at most the larger of the interval and {@code
 * http.retry.backoff.max.ms}, and never before the server's {@code Retry-After}; a fetch the server
 * answers resets it.
 */
public final class RssSourceTask extends ListeningSourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(RssSourceTask.class);
  static final String FEED_KEY = "feed";
  static final Watermark.Fields OFFSET = new Watermark.Fields("published_ms", "guids", '\n');
  private static final Comparator<Mention> OLDEST_FIRST =
      Comparator.comparing(Mention::getCreatedAt).thenComparing(Mention::getId);

  private RssSourceConfig config;
  private HttpPoller http;
  private RssClient client;
  private PollSchedule<FeedState> schedule;
  private FeedRefusals refusals;
  private FeedDeferrals deferrals;
  private volatile boolean stopped;
  private long malformed;

  /** A feed and its position. */
  private record FeedState(URI url, Map<String, String> partition, Watermark watermark) {
    FeedState(URI url, Watermark watermark) {
      this(url, Map.of(FEED_KEY, url.toString()), watermark);
    }
  }

  public RssSourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  RssSourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new RssSourceConfig(props);
    http = new HttpPoller(config.http(), time, false);
    client = new RssClient(http, config.platform());
    long firstMs = time.milliseconds() - config.lookback().toMillis();
    List<FeedState> feeds = new ArrayList<>();
    List<Boolean> readBefore = new ArrayList<>();
    for (URI url : config.feedUrls()) {
      Map<String, Object> offset = committedOffset(Map.of(FEED_KEY, url.toString()));
      readBefore.add(offset != null);
      Watermark w = Watermark.fromOffset(offset, OFFSET, 0, Watermark.ALL_KEYS);
      FeedState s =
          new FeedState(url, w == null ? Watermark.at(firstMs, 0, Watermark.ALL_KEYS) : w);
      feeds.add(s);
      LOG.info(
          "Feed {} resumes after {} ({} ids seen there)",
          url,
          Instant.ofEpochMilli(s.watermark.newest()),
          s.watermark.size());
    }
    schedule = new PollSchedule<>(feeds, time.milliseconds());
    refusals =
        new FeedRefusals(
            config.feedUrls().stream().map(URI::toString).toList(),
            config.pollInterval(),
            config.http().retry().maxBackoff(),
            RssSourceConfig.FEED_URLS_CONFIG,
            FeedRefusals.ANY);
    refusals.readBefore(readBefore);
    deferrals =
        new FeedDeferrals(
            config.feedUrls().stream().map(URI::toString).toList(),
            config.pollInterval(),
            config.http().retry().maxBackoff());
    stopped = false;
  }

  @Override
  public List<SourceRecord> poll() {
    if (stopped) {
      return null;
    }
    return pollDueFeeds(schedule, () -> stopped, this::fetch);
  }

  /** Unparsable documents plus items missing a required field, since start. */
  public long malformed() {
    return malformed;
  }

  /**
   * Fetches refused with a status of the feed's own (any 4xx but 408, 425 and 429, 401 and 403
   * included), since start.
   */
  public long failedFetches() {
    return refusals == null ? 0 : refusals.count();
  }

  /** Fetches deferred because the retries of a retriable failure ran out, since start. */
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

  private void fetch(List<SourceRecord> out, int index) {
    FeedState s = schedule.feed(index);
    long now = time.milliseconds();
    schedule.dueAt(index, now + config.pollInterval().toMillis());
    RssClient.Items items;
    try {
      items = client.fetch(s.url, Instant.ofEpochMilli(now));
    } catch (RetryLaterException e) {
      schedule.dueAt(index, deferrals.deferred(index, e, now));
      return;
    } catch (MalformedPayloadException e) {
      deferrals.answered(index);
      refusals.read(index); // the server answered with a body: the feed is there
      malformed++;
      LOG.warn(
          "Feed {} skipped until the next poll ({} malformed so far): {}",
          s.url,
          malformed,
          e.getMessage());
      return;
    } catch (HttpStatusException e) {
      deferrals.answered(index);
      schedule.dueAt(index, refusals.refused(index, e, now));
      return;
    }
    deferrals.answered(index);
    refusals.read(index);
    malformed += items.malformed();
    List<Mention> mentions = new ArrayList<>(items.mentions());
    mentions.sort(OLDEST_FIRST);
    for (Mention m : mentions) {
      long ms = m.getCreatedAt().toEpochMilli();
      String id = OFFSET.storable(m.getId());
      if (s.watermark.covers(ms, id)) {
        continue;
      }
      s.watermark.add(ms, id, now); // a future-dated item must not hide the next ones
      out.add(mentionRecord(s.partition, s.watermark.toOffset(OFFSET), config.topic(), m));
    }
  }
}
