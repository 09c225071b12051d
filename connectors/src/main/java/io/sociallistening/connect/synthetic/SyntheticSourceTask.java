package io.sociallistening.connect.synthetic;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.ListeningSourceTask;
import io.sociallistening.connect.sample.SampleBrand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Emits an endless stream of mentions at {@code synthetic.rate.per.second}, stamped with the wall
 * clock at emission ({@code createdAt} = record timestamp; {@code fetchedAt} the same). With {@code
 * synthetic.crisis.brand}, every {@code synthetic.crisis.every.minutes} after the task starts a
 * burst of {@code synthetic.crisis.duration.minutes} adds crisis posts about that brand on top of
 * the ordinary stream.
 *
 * <p>Each ordinary mention takes the next sequence number (slot); during a burst a slot may also
 * hold a crisis mention, emitted just before the ordinary one ({@link SyntheticStream}). Source
 * partition {@code {"synthetic": "seed-<seed>"}}, source offset {@code {"seq": n}}, the slots
 * emitted whole: n on an ordinary mention, n - 1 on the crisis mention of slot n. A restarted task
 * continues with the slot after the committed one, and a slot emitted again is the same posts under
 * the same keys (only the timestamps are those of the new emission); whether a burst runs depends
 * on the time since the task started, so a slot re-emitted in another burst state gains or loses
 * its crisis post.
 */
public final class SyntheticSourceTask extends ListeningSourceTask {
  static final long MAX_WAIT_MS = 200;

  private SyntheticSourceConfig config;
  private SyntheticStream stream;
  private Map<String, String> partition;
  private Optional<SampleBrand> crisisBrand;
  private long seq;
  private long startMs;
  private long lastMs;
  private double owed;

  public SyntheticSourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  SyntheticSourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new SyntheticSourceConfig(props);
    stream = new SyntheticStream(config.seed());
    crisisBrand = config.crisisBrand();
    partition = Map.of("synthetic", "seed-" + config.seed());
    Map<String, Object> offset = committedOffset(partition);
    if (offset != null) {
      if (!(offset.get("seq") instanceof Number n)) {
        throw new ConnectException("Committed offset " + offset + " has no numeric 'seq'");
      }
      seq = n.longValue();
    }
    startMs = time.milliseconds();
    lastMs = startMs;
  }

  /** Whether a crisis burst is running {@code elapsedMs} after the start. */
  boolean inCrisis(long elapsedMs) {
    if (crisisBrand.isEmpty()) {
      return false;
    }
    long every = config.crisisEveryMinutes() * 60_000L;
    long duration = config.crisisDurationMinutes() * 60_000L;
    return elapsedMs >= every && elapsedMs % every < duration;
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    long now = time.milliseconds();
    owed += (now - lastMs) * config.ratePerSecond() / 1000.0;
    lastMs = now;
    if (owed < 1) {
      long wait = (long) Math.ceil((1 - owed) * 1000.0 / config.ratePerSecond());
      time.sleep(Math.max(1, Math.min(wait, MAX_WAIT_MS)));
      return null;
    }
    int n = (int) Math.min(owed, config.batchSize());
    owed -= n;
    boolean crisis = inCrisis(now - startMs);
    double share = crisis ? SyntheticStream.crisisShare(crisisBrand.get()) : 0;
    Instant at = Instant.ofEpochMilli(now);
    List<SourceRecord> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long slot = seq + 1;
      if (crisis && stream.crisisIn(slot, share)) {
        batch.add(record(stream.crisis(slot, at, crisisBrand.get()), seq));
      }
      batch.add(record(stream.ordinary(slot, at), slot));
      seq = slot;
    }
    return batch;
  }

  /** The last slot emitted whole (its ordinary mention included). */
  long seq() {
    return seq;
  }

  @Override
  public void stop() {}

  private SourceRecord record(Mention m, long slotsDone) {
    return mentionRecord(partition, Map.of("seq", slotsDone), config.topic(), m);
  }
}
