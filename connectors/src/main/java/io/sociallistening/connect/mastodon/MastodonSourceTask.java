package io.sociallistening.connect.mastodon;

import io.sociallistening.connect.ListeningSourceTask;
import io.sociallistening.connect.MentionStruct;
import io.sociallistening.connect.http.FeedRefusals;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.HttpStatusException;
import io.sociallistening.connect.http.MalformedPayloadException;
import io.sociallistening.connect.http.PollSchedule;
import io.sociallistening.connect.http.RequestGate;
import io.sociallistening.connect.http.RetryLaterException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Mastodon timelines of one instance (hashtags, optionally the public timeline), one timeline
 * per poll, each every {@code mastodon.poll.interval.ms}, at once again after a full page.
 *
 * <p>Output: key {@code mastodon:<status uri>} (string schema), value the {@link MentionStruct},
 * record timestamp {@code createdAt}; oldest first.
 *
 * <p>Source partition {@code {"instance": <mastodon.url>, "timeline": "#<tag>" | "public:local" |
 * "public:federated"}}, source offset {@code {"id": <newest status id delivered>, "ids": "<ids
 * delivered within mastodon.lookback.seconds below it, space separated>"}} ({@link
 * StatusWatermark}). A read asks for {@code min_id=<that id minus the lookback>}, which returns the
 * page of statuses right after it (not the newest page like {@code since_id}, which would lose
 * statuses in bursts of more than a page), follows a full page with the next one at once, and keeps
 * the statuses the offset does not cover: a remote status that federated late, with an id below the
 * newest already read, still comes out, and one delivered comes out only once. A restart resumes
 * from the committed offset with no gap and no duplicate. The first start reads the newest page.
 *
 * <p>Timeouts, I/O errors, 429 and 5xx wait (the server's {@code Retry-After}, or on a 429 its
 * {@code X-RateLimit-Reset}, else exponential backoff) and retry; 401 stops the task with the URL
 * in the message. A timeline answered with 403, 404, 410 or another 4xx is logged, counted ({@link
 * #failedFetches()}) and read again after a backoff of its own while the other timelines go on; if
 * every timeline is refused at its first read the task stops, naming them ({@link FeedRefusals}). A
 * body that is not an array of statuses or is larger than {@code mastodon.max.response.bytes}, and
 * statuses lacking required fields, are skipped and counted ({@link #malformedPayloads()}).
 */
public final class MastodonSourceTask extends ListeningSourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonSourceTask.class);

  private MastodonSourceConfig config;
  private RequestGate gate;
  private HttpPoller api;
  private Map<String, String> headers;
  private PollSchedule<MastodonTimeline> schedule;
  private FeedRefusals refusals;
  static final int MAX_IDS = 400;

  private final Map<MastodonTimeline, StatusWatermark> marks = new HashMap<>();

  /** Where a read that follows a full page goes on; absent: from the watermark's min_id. */
  private final Map<MastodonTimeline, String> cursors = new HashMap<>();

  private volatile long malformed;
  private volatile boolean stopped;

  public MastodonSourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  MastodonSourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new MastodonSourceConfig(props);
    gate = config.http().gate();
    api = new HttpPoller(config.http(), time, false);
    headers =
        config.accessToken().isEmpty()
            ? Map.of("Accept", "application/json")
            : Map.of(
                "Accept", "application/json", "Authorization", "Bearer " + config.accessToken());
    List<MastodonTimeline> timelines = config.timelines();
    long lookbackMs = config.lookback().toMillis();
    List<Boolean> readBefore = new ArrayList<>();
    for (MastodonTimeline t : timelines) {
      Map<String, Object> offset = committedOffset(t.partition());
      readBefore.add(offset != null);
      marks.put(t, StatusWatermark.fromOffset(offset, lookbackMs, MAX_IDS));
    }
    schedule = new PollSchedule<>(timelines, time.milliseconds());
    refusals =
        new FeedRefusals(
            timelines.stream().map(MastodonTimeline::name).toList(),
            config.pollInterval(),
            config.http().retry().maxBackoff(),
            MastodonSourceConfig.URL_CONFIG
                + ", "
                + MastodonSourceConfig.HASHTAGS_CONFIG
                + ", "
                + MastodonSourceConfig.PUBLIC_CONFIG
                + " and "
                + MastodonSourceConfig.TOKEN_CONFIG);
    refusals.readBefore(readBefore);
    LOG.info(
        "Reading Mastodon timelines {} of {} to {}",
        timelines.stream().map(MastodonTimeline::name).toList(),
        config.url(),
        config.topic());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (stopped) {
      return null;
    }
    long now = time.milliseconds();
    int index = dueFeed(schedule, gate);
    if (index < 0) {
      return null;
    }
    MastodonTimeline timeline = schedule.feed(index);
    StatusWatermark mark = marks.get(timeline);
    String cursor = cursors.remove(timeline);
    String minId = cursor != null ? cursor : mark.minId();
    long interval = config.pollInterval().toMillis();
    HttpPoller.Response response;
    try {
      response =
          api.get(
              timeline.page(config.pageLimit(), minId), headers, MastodonSourceConfig.TOKEN_CONFIG);
      gate.succeeded();
      refusals.read(index);
    } catch (HttpStatusException e) {
      cursors.remove(timeline);
      gate.succeeded(); // the server answered: only this timeline is refused
      schedule.dueAt(index, refusals.refused(index, e, time.milliseconds()));
      return null;
    } catch (MalformedPayloadException e) {
      gate.succeeded();
      malformed++;
      LOG.warn("Skipping page of {} ({}): {}", timeline.name(), malformed, e.getMessage());
      schedule.dueAt(index, time.milliseconds() + interval);
      return null;
    } catch (RetryLaterException e) {
      if (cursor != null) {
        cursors.put(timeline, cursor);
      }
      long retryIn = gate.failed(time.milliseconds(), e);
      LOG.warn(
          "Reading Mastodon timeline {} failed ({} in a row), retrying in {} ms: {}",
          timeline.name(),
          gate.failures(),
          retryIn,
          e.getMessage());
      return null;
    }
    MastodonStatuses page;
    try {
      page =
          MastodonStatuses.parse(
              response.text(),
              config.host(),
              "mastodon:" + config.host() + timeline.name().replace("public:", "/public:"),
              Instant.ofEpochMilli(now));
    } catch (IllegalArgumentException e) {
      malformed++;
      LOG.warn("Skipping malformed page of {} ({}): {}", response.uri(), malformed, e.getMessage());
      schedule.dueAt(index, time.milliseconds() + interval);
      return null;
    }
    if (page.malformed() > 0) {
      malformed += page.malformed();
      LOG.warn(
          "Skipped {} malformed statuses of {} ({} so far)",
          page.malformed(),
          response.uri(),
          malformed);
    }
    List<SourceRecord> records = new ArrayList<>(page.statuses().size());
    for (MastodonStatuses.Status s : page.statuses()) {
      if (mark.covers(s.id())) {
        continue;
      }
      mark.add(s.id());
      records.add(
          mentionRecord(timeline.partition(), mark.toOffset(), config.topic(), s.mention()));
    }
    if (page.newestId() != null) {
      mark.add(page.newestId()); // a malformed status on top does not hold the newest id back
    }
    boolean full = page.statuses().size() + page.malformed() >= config.pageLimit();
    if (full && page.newestId() != null) {
      cursors.put(timeline, page.newestId());
    }
    schedule.dueAt(index, full ? time.milliseconds() : time.milliseconds() + interval);
    return records.isEmpty() ? null : records;
  }

  /** Pages and statuses skipped as malformed since this task started. */
  public long malformedPayloads() {
    return malformed;
  }

  /**
   * Reads refused with a status of the timeline's own (403, 404, 410, other 4xx but 401, 408, 425
   * and 429) since this task started.
   */
  public long failedFetches() {
    return refusals == null ? 0 : refusals.count();
  }

  @Override
  public void stop() {
    stopped = true;
    if (api != null) {
      api.close();
    }
  }
}
