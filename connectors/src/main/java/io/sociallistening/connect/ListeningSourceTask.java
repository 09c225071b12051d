package io.sociallistening.connect;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.http.PollSchedule;
import io.sociallistening.connect.http.RequestGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * What every source task of the project shares: a clock (the system's, or a test's), the connector
 * version, the committed offset of a partition, idle waits of at most {@value #MAX_IDLE_MS} ms per
 * {@code poll()} (so that a stop is seen promptly), the feed a {@link PollSchedule} has due, and
 * the record of a mention: key {@code <platform>:<id>} as a string, value the {@link
 * MentionStruct}, timestamp {@code createdAt} (or {@code fetchedAt} when earlier, see {@link
 * #recordTime}).
 */
public abstract class ListeningSourceTask extends SourceTask {
  /** Longest sleep of one {@code poll()}. */
  public static final long MAX_IDLE_MS = 1_000;

  protected final Time time;

  protected ListeningSourceTask(Time time) {
    this.time = time;
  }

  @Override
  public final String version() {
    return ConnectorVersion.get();
  }

  /** The offset committed for {@code partition}, or null when there is none (or no context). */
  protected final Map<String, Object> committedOffset(Map<String, ?> partition) {
    return context == null ? null : context.offsetStorageReader().offset(partition);
  }

  /** Sleeps {@code waitMs} on the task's clock, at most {@value #MAX_IDLE_MS}; nothing if none. */
  protected final void idle(long waitMs) {
    if (waitMs > 0) {
      time.sleep(Math.min(waitMs, MAX_IDLE_MS));
    }
  }

  /**
   * The index of the feed of {@code schedule} to read now, or -1 after idling towards the time it
   * is due and {@code gate} lets a request go.
   */
  protected final int dueFeed(PollSchedule<?> schedule, RequestGate gate) {
    int index = schedule.next();
    long wait = schedule.waitMs(index, time.milliseconds(), gate);
    if (wait > 0) {
      idle(wait);
      return -1;
    }
    return index;
  }

  /**
   * Reads every feed of {@code schedule} due now with {@code read} (which adds its records to the
   * list and sets the feed's next due time), unless {@code stopped}; when none brought a record,
   * idles towards the next due feed. The records, or null if none.
   */
  protected final List<SourceRecord> pollDueFeeds(
      PollSchedule<?> schedule, BooleanSupplier stopped, ObjIntConsumer<List<SourceRecord>> read) {
    List<SourceRecord> out = new ArrayList<>();
    long now = time.milliseconds();
    for (int i = 0; i < schedule.size(); i++) {
      if (schedule.waitMs(i, now) == 0 && !stopped.getAsBoolean()) {
        read.accept(out, i);
      }
    }
    if (out.isEmpty() && !stopped.getAsBoolean()) {
      idleUntilDue(schedule);
    }
    return out.isEmpty() ? null : out;
  }

  /** Idles towards the time the first feed of {@code schedule} is due. */
  protected final void idleUntilDue(PollSchedule<?> schedule) {
    idle(schedule.waitMs(schedule.next(), time.milliseconds()));
  }

  /** The first instant of year 0 and the last of year 9999. */
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * The record of mention {@code m} at {@code offset} of {@code partition}, for {@code topic}; its
   * times are first brought into years 0 to 9999 ({@link #withinYears0To9999}).
   */
  protected static SourceRecord mentionRecord(
      Map<String, ?> partition, Map<String, ?> offset, String topic, Mention mention) {
    Mention m = withinYears0To9999(mention);
    return new SourceRecord(
        partition,
        offset,
        topic,
        null,
        Schema.STRING_SCHEMA,
        MentionKey.of(m),
        MentionStruct.SCHEMA,
        MentionStruct.toStruct(m),
        recordTime(m));
  }

  /**
   * {@code m}, its {@code createdAt} and {@code fetchedAt} moved into years 0 to 9999, the nearest
   * end of the range for a time outside it. A platform's date is whatever a posting app or server
   * wrote: one such as {@code +292278995-01-01T00:00:00Z} parses, but overflows the epoch
   * milliseconds of a record, and the task failed on it after every restart (it resumed before the
   * post). The pipeline then judges the mention as it does any other: one dated before 2000 is
   * dead-lettered with its reason, one in the future keeps the fetch time as its record time.
   */
  static Mention withinYears0To9999(Mention m) {
    // set in place: a builder's copy of the mention deep-copies its enums, which Avro's class
    // validation refuses inside Connect's plugin class loader
    m.setCreatedAt(clamp(m.getCreatedAt()));
    if (m.getFetchedAt() != null) {
      m.setFetchedAt(clamp(m.getFetchedAt()));
    }
    return m;
  }

  private static Instant clamp(Instant time) {
    return time.isBefore(EARLIEST) ? EARLIEST : time.isAfter(LATEST) ? LATEST : time;
  }

  /**
   * The timestamp of a mention's record: {@code createdAt}, or {@code fetchedAt} when that is
   * earlier. A post cannot be written after it was fetched; a feed that dates its posts in the
   * future (a wrong time zone, a skewed clock) would otherwise produce records the broker refuses
   * (Kafka rejects timestamps more than {@code log.message.timestamp.after.max.ms}, one hour by
   * default, ahead of its clock), failing the task. A post dated before 1970 (Bluesky's {@code
   * createdAt} is whatever the posting app wrote) takes {@code fetchedAt}, or 0: Connect refuses
   * negative timestamps whatever {@code errors.tolerance} says, and the task would fail on that
   * post after every restart. The pipeline dead-letters such a mention, with its reason.
   */
  static long recordTime(Mention m) {
    long created = m.getCreatedAt().toEpochMilli();
    long fetched = m.getFetchedAt() == null ? -1 : m.getFetchedAt().toEpochMilli();
    long time = fetched >= 0 ? Math.min(created, fetched) : created;
    return time >= 0 ? time : Math.max(0, fetched);
  }
}
