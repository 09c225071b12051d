package io.sociallistening.connect.http;

import java.time.Duration;

/**
 * How often and how long to retry a retriable HTTP failure (I/O error, timeout, 408, 425, 429,
 * 5xx): at most {@code maxAttempts} requests in all, waiting {@code initialBackoff} after the first
 * failure and twice as long after each further one, at most {@code maxBackoff}. A {@code
 * Retry-After} from the server replaces the computed wait when it is at most {@code maxRetryAfter};
 * a longer one ends the attempts at once with a {@link RetryLaterException} that carries the time
 * the server asked for. No jitter: waits are reproducible in tests.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** The wait after the {@code failures}-th consecutive failure (1 for the first), in ms. */
  public long backoffMs(int failures) {
    long initial = initialBackoff.toMillis();
    long max = maxBackoff.toMillis();
    if (failures <= 1 || initial == 0) {
      return Math.min(initial, max);
    }
    int shift = Math.min(failures - 1, 30);
    long wait = initial << shift;
    return wait < 0 || wait > max ? max : wait;
  }
}
