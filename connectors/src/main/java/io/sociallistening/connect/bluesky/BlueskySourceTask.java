package io.sociallistening.connect.bluesky;

import io.sociallistening.connect.ListeningSourceTask;
import io.sociallistening.connect.MentionStruct;
import io.sociallistening.connect.http.Backoff;
import io.sociallistening.connect.http.RequestGate;
import io.sociallistening.connect.http.RetryLaterException;
import io.sociallistening.connect.http.Watermark;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new Bluesky posts from the Jetstream firehose ({@code
 * ?wantedCollections=app.bsky.feed.post}) over a {@link java.net.http.WebSocket}, keeps those whose
 * text holds one of {@code bluesky.keywords} as a whole word ({@link KeywordFilter}) and emits them
 * in arrival order.
 *
 * <p>Output: key {@code bluesky:at://<did>/app.bsky.feed.post/<rkey>} (string schema), value the
 * {@link MentionStruct} (see {@link JetstreamEvent}), record timestamp {@code createdAt}.
 *
 * <p>Source partition {@code {"jetstream": <bluesky.jetstream.url>}}, source offset {@code
 * {"time_us": <newest time_us delivered>, "keys": "<did/rkey of the posts delivered within
 * bluesky.cursor.overlap.ms of it, space separated>"}}. A restart subscribes with {@code
 * cursor=<time_us - overlap>} and drops the posts the offset lists, so it resumes with no gap and
 * no duplicate. Within a run, a reconnect subscribes from the newest time_us received (matching or
 * not) minus the overlap and drops what was delivered. Until a post matches, no offset is
 * committed: with rare keywords a restart may re-read (and re-filter) a long stretch.
 *
 * <p>A connection that ends or fails, or that brings no message for {@code bluesky.idle.timeout.ms}
 * (half open), is reopened after a backoff ({@code bluesky.reconnect.backoff.ms}, doubled per
 * attempt that brings no message, capped); a handshake answered with 429 or 5xx is retried the same
 * way, honouring {@code Retry-After}; one answered with 401, 403 or another 4xx stops the task with
 * the URL in the message. Messages that are not valid Jetstream events are skipped and counted
 * ({@link #malformedMessages()}).
 */
public final class BlueskySourceTask extends ListeningSourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(BlueskySourceTask.class);

  /** Longest real-time wait for a message in one poll. */
  static final long MESSAGE_WAIT_MS = 500;

  /** When the open connection last brought a message (or opened), on the task's clock. */
  private long lastMessageMs;

  static final int MAX_KEYS = 10_000;
  static final Watermark.Fields OFFSET = new Watermark.Fields("time_us", "keys", ' ');

  private BlueskySourceConfig config;
  private KeywordFilter filter;
  private RequestGate gate;
  private HttpClient http;
  private Map<String, String> partition;
  private Watermark delivered;
  private long cursorUs = -1;
  private volatile JetstreamConnection connection;
  private volatile long malformed;
  private volatile long duplicates;
  private volatile boolean stopped;

  public BlueskySourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  BlueskySourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new BlueskySourceConfig(props);
    filter = new KeywordFilter(config.keywords());
    gate = new RequestGate(new Backoff(config.reconnectBackoff(), config.reconnectBackoffMax()));
    http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    partition = Map.of("jetstream", config.url());
    long overlapUs = config.overlap().toMillis() * 1000;
    Map<String, Object> offset = committedOffset(partition);
    delivered = Watermark.fromOffset(offset, OFFSET, overlapUs, MAX_KEYS);
    if (delivered == null) {
      delivered = new Watermark(overlapUs, MAX_KEYS);
    } else {
      cursorUs = delivered.newest();
    }
    LOG.info(
        "Reading Bluesky posts from {} {} to {}",
        config.url(),
        cursorUs < 0 ? "live" : "from time_us " + cursorUs,
        config.topic());
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (stopped) {
      return null;
    }
    JetstreamConnection c = connection;
    long silentMs = time.milliseconds() - lastMessageMs;
    if (c != null && c.ended() == null && silentMs > config.idleTimeout().toMillis()) {
      c.close("silent for " + silentMs + " ms (" + BlueskySourceConfig.IDLE_TIMEOUT_CONFIG + ")");
    }
    if (c != null && c.ended() != null && !c.hasQueued()) {
      long wait = gate.failed(time.milliseconds(), -1);
      LOG.warn("Jetstream connection to {} {}; reconnecting in {} ms", c.uri(), c.ended(), wait);
      c = null;
      connection = null;
    }
    if (c == null) {
      long wait = gate.waitMs(time.milliseconds());
      if (wait > 0) {
        idle(wait);
        return null;
      }
      URI uri = subscribeUri();
      try {
        c =
            JetstreamConnection.open(
                http,
                uri,
                config.queueCapacity(),
                config.maxMessageChars(),
                config.connectTimeout(),
                time.milliseconds());
      } catch (RetryLaterException e) {
        long retryIn = gate.failed(time.milliseconds(), e);
        LOG.warn("Cannot subscribe to Jetstream, retrying in {} ms: {}", retryIn, e.getMessage());
        return null;
      }
      connection = c;
      lastMessageMs = time.milliseconds();
      if (stopped) {
        c.close();
        return null;
      }
    }
    Instant fetchedAt = Instant.ofEpochMilli(time.milliseconds());
    List<SourceRecord> batch = new ArrayList<>();
    for (int i = 0; i < config.batchSize(); i++) {
      String message = c.take(i == 0 ? MESSAGE_WAIT_MS : 0);
      if (message == null) {
        break;
      }
      if (i == 0) {
        gate.succeeded();
        lastMessageMs = time.milliseconds();
      }
      handle(message, fetchedAt, batch);
    }
    return batch.isEmpty() ? null : batch;
  }

  /** Messages skipped because they were not valid Jetstream events, since this task started. */
  public long malformedMessages() {
    return malformed;
  }

  /** Matching posts dropped because they had been delivered before a reconnect or restart. */
  public long duplicatesDropped() {
    return duplicates;
  }

  @Override
  public void stop() {
    stopped = true;
    JetstreamConnection c = connection;
    if (c != null) {
      c.close();
    }
  }

  URI subscribeUri() {
    StringBuilder b =
        new StringBuilder(config.url()).append("?wantedCollections=").append(JetstreamEvent.POST);
    if (cursorUs >= 0) {
      b.append("&cursor=").append(Math.max(0, cursorUs - config.overlap().toMillis() * 1000));
    }
    return URI.create(b.toString());
  }

  private void handle(String message, Instant fetchedAt, List<SourceRecord> batch) {
    JetstreamEvent event;
    try {
      event = JetstreamEvent.parse(message, fetchedAt);
    } catch (IllegalArgumentException e) {
      long count = ++malformed;
      if (Long.bitCount(count) == 1) {
        LOG.warn(
            "Skipped {} malformed Jetstream messages so far; latest: {}", count, e.getMessage());
      }
      return;
    }
    if (event.timeUs() > cursorUs) {
      cursorUs = event.timeUs();
    }
    if (!event.isPost() || !filter.matches(event.text())) {
      return;
    }
    String key = event.key();
    if (delivered.covers(event.timeUs(), key)) {
      duplicates++;
      return;
    }
    delivered.add(event.timeUs(), key);
    batch.add(
        mentionRecord(partition, delivered.toOffset(OFFSET), config.topic(), event.mention()));
  }
}
