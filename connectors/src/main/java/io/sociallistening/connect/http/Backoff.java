package io.sociallistening.connect.http;

import java.time.Duration;

/**
 * An exponential backoff without jitter: {@code initial} after the first failure, twice as long
 * after each further one, at most {@code max}. Waits are reproducible in tests.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** The wait after the {@code failures}-th consecutive failure (1 for the first), in ms. */
  public long waitMs(int failures) {
    long initialMs = initial.toMillis();
    long maxMs = max.toMillis();
    if (failures <= 1 || initialMs == 0) {
      return Math.min(initialMs, maxMs);
    }
    int shift = Math.min(failures - 1, 30);
    long wait = initialMs << shift;
    return wait < 0 || wait > maxMs ? maxMs : wait;
  }
}
