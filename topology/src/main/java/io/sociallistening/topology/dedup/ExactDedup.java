package io.sociallistening.topology.dedup;

import io.sociallistening.avro.Mention;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 2, exact dedup by platform id.
 *
 * <p>Input: key {@code <platform>:<id>} (re-partitioned upstream so that every copy of a post meets
 * in the same task), value {@link Mention}. Output: {@link Copy} with the copy count. State: window
 * store {@value #STORE} keyed by mention key, value = copies seen, stored at the first copy's
 * record time; retention {@code retention} (older keys are forgotten by segment expiry, so state is
 * bounded). Time: record time ({@code createdAt}); a copy is recognised when its time is within
 * {@code retention} of the first copy's.
 *
 * <p>A {@link SeenKeys} filter in memory, rebuilt from the store when the task starts, answers
 * "certainly not seen" for most first copies, so the store is read only for likely copies (and for
 * records too late for the filter). Generations of half the retention; those a retention and a half
 * older than the newest record time are forgotten.
 *
 * <p>Metrics: every later copy is counted in the Kafka Streams metric {@value #DUPLICATES}{@code
 * -total} (and {@code -rate}) of group {@code stream-}{@value #METRICS_SCOPE}{@code -metrics}, one
 * series per task.
 */
public final class ExactDedup implements Processor<String, Mention, String, Copy> {
  public static final String STORE = "dedup-exact";
  public static final String METRICS_SCOPE = "social-listening";
  public static final String DUPLICATES = "exact-duplicates";

  private final Duration retention;
  private WindowStore<String, Long> seen;
  private ProcessorContext<String, Copy> context;
  private Sensor duplicates;
  private SeenKeys filter;
  private long newest = Long.MIN_VALUE;

  public ExactDedup(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, Copy> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
    this.filter = new SeenKeys(Math.max(1, retention.toMillis() / 2));
    try (KeyValueIterator<Windowed<String>, Long> all = seen.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        filter.add(entry.key.key(), entry.key.window().start());
        newest = Math.max(newest, entry.key.window().start());
      }
    }
    this.duplicates =
        context
            .metrics()
            .addRateTotalSensor(
                METRICS_SCOPE,
                "exact-dedup-" + context.taskId(),
                DUPLICATES,
                Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(Record<String, Mention> record) {
    String key = record.key();
    long time = record.timestamp();
    long window = retention.toMillis();
    if (time > newest) {
      newest = time;
      filter.forgetBefore(newest - window - window / 2);
    }
    long firstSeenAt = -1;
    long copies = 0;
    // saturating: a createdAt within the retention of Long.MAX_VALUE must not wrap the range
    long to = time > Long.MAX_VALUE - window ? Long.MAX_VALUE : time + window;
    if (filter.mightContain(key, time - window, to)) {
      try (WindowStoreIterator<Long> it = seen.fetch(key, time - window, to)) {
        if (it.hasNext()) {
          var entry = it.next();
          firstSeenAt = entry.key;
          copies = entry.value;
        }
      }
    }
    if (firstSeenAt < 0) {
      seen.put(key, 1L, time);
      filter.add(key, time);
      context.forward(record.withValue(new Copy(key, record.value(), 1, null)));
    } else {
      seen.put(key, copies + 1, firstSeenAt);
      duplicates.record();
      context.forward(
          record.withValue(
              new Copy(key, record.value(), (int) Math.min(copies + 1, 1 << 30), key)));
    }
  }

  /** The task's series leave with it (a rebalance that moves the task elsewhere closes it here). */
  @Override
  public void close() {
    if (duplicates != null) {
      context.metrics().removeSensor(duplicates);
    }
  }
}
