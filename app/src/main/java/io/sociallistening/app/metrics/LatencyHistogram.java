package io.sociallistening.app.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus-style cumulative histogram of latencies in milliseconds, with fixed bucket bounds
 * from 5 ms to 1 hour; lock-free for the stream threads that record into it.
 */
public final class LatencyHistogram {
  /** Upper bounds of the buckets, in seconds (the {@code le} label). */
  static final double[] BOUNDS_SECONDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600
  };

  private static final long[] BOUNDS_MILLIS = new long[BOUNDS_SECONDS.length];

  static {
    for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
      BOUNDS_MILLIS[i] = Math.round(BOUNDS_SECONDS[i] * 1000);
    }
  }

  private final LongAdder[] buckets = new LongAdder[BOUNDS_SECONDS.length + 1];
  private final LongAdder sumMillis = new LongAdder();

  public LatencyHistogram() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  /** Records one latency; negative ones (clock skew, future record times) count as 0. */
  public void record(long millis) {
    long value = Math.max(0, millis);
    int i = 0;
    while (i < BOUNDS_MILLIS.length && value > BOUNDS_MILLIS[i]) {
      i++;
    }
    buckets[i].increment();
    sumMillis.add(value);
  }

  /** Cumulative counts per bound of {@link #BOUNDS_SECONDS}, then the total (+Inf). */
  long[] cumulativeCounts() {
    long[] out = new long[buckets.length];
    long running = 0;
    for (int i = 0; i < buckets.length; i++) {
      running += buckets[i].sum();
      out[i] = running;
    }
    return out;
  }

  public long count() {
    long total = 0;
    for (LongAdder bucket : buckets) {
      total += bucket.sum();
    }
    return total;
  }

  double sumSeconds() {
    return sumMillis.sum() / 1000.0;
  }
}
