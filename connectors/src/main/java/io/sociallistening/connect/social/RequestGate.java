package io.sociallistening.connect.social;

import java.time.Duration;
import java.util.Optional;

/**
 * When the next request to a server may go out. After a failure the wait is the server's {@code
 * Retry-After} if it sent one, else an exponential backoff (initial, doubled per consecutive
 * failure, capped); a success resets the backoff. A rate limit can also pause requests until a
 * given time. Times are epoch milliseconds of the task's clock.
 */
public final class RequestGate {
  private final long initialMs;
  private final long maxMs;
  private long notBeforeMs;
  private int failures;

  public RequestGate(Duration initial, Duration max) {
    this.initialMs = Math.max(1, initial.toMillis());
    this.maxMs = Math.max(initialMs, max.toMillis());
  }

  /** Milliseconds to wait at {@code nowMs} before the next request; 0 if it may go now. */
  public long waitMs(long nowMs) {
    return Math.max(0, notBeforeMs - nowMs);
  }

  /** Records a failed request at {@code nowMs}; returns the wait before the next one. */
  public long failed(long nowMs, Optional<Duration> retryAfter) {
    failures++;
    long wait = retryAfter.map(Duration::toMillis).orElseGet(this::backoffMs);
    notBeforeMs = Math.max(notBeforeMs, nowMs + Math.max(0, wait));
    return wait;
  }

  /** Records a successful request: the backoff starts again from its initial value. */
  public void succeeded() {
    failures = 0;
  }

  /** Holds every request until {@code untilMs}. */
  public void pauseUntil(long untilMs) {
    notBeforeMs = Math.max(notBeforeMs, untilMs);
  }

  /** Consecutive failures since the last success. */
  public int failures() {
    return failures;
  }

  private long backoffMs() {
    int doublings = Math.min(failures - 1, 30);
    long wait = initialMs << doublings;
    return wait <= 0 || wait > maxMs ? maxMs : wait;
  }
}
