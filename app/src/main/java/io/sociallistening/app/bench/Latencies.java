package io.sociallistening.app.bench;

import java.util.Arrays;

/**
 * Latency samples in milliseconds, appended by one thread, summarised by nearest-rank percentiles.
 * Grows by doubling; a paced phase of a few hundred thousand records costs a few MiB.
 */
public final class Latencies {
  private long[] values = new long[1024];
  private int size;

  public void add(long millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = millis;
  }

  public int count() {
    return size;
  }

  /**
   * The nearest-rank percentile: the smallest sample such that at least {@code p} percent of the
   * samples are less than or equal to it.
   *
   * @throws IllegalStateException if there are no samples
   */
  public long percentile(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    // p * size / 100 rather than p / 100 * size: the quotient of two exact values is exact when it
    // is whole, where 0.07 * 100 is 7.000000000000001 and would round up to the next rank.
    int rank = (int) Math.ceil(p * size / 100.0);
    return sorted[Math.max(1, rank) - 1];
  }
}
