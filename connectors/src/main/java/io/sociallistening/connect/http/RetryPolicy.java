package io.sociallistening.connect.http;

import java.time.Duration;

/**
 * How often and how long to retry a retriable HTTP failure (I/O error, timeout, 408, 425, 429,
 * 5xx): at most {@code maxAttempts} requests per call, waiting the {@link #backoff()} in between. A
 * {@code Retry-After} from the server replaces the computed wait when it is at most {@code
 * maxRetryAfter}; a longer one ends the attempts at once with a {@link RetryLaterException} that
 * carries the time the server asked for.
 *
 * <p>With one attempt nothing is waited in place: the call fails at once with a {@link
 * RetryLaterException} and the task waits between polls with a {@link RequestGate} built on the
 * same backoff (Mastodon, Reddit).
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

  /** The backoff between attempts (and between polls, for a {@link RequestGate}). */
  public Backoff backoff() {
    return new Backoff(initialBackoff, maxBackoff);
  }

  /** The wait after the {@code failures}-th consecutive failure (1 for the first), in ms. */
  public long backoffMs(int failures) {
    return backoff().waitMs(failures);
  }
}
