package io.sociallistening.connect.http;

/**
 * When the next request to a server may go out, for tasks that wait between polls rather than in
 * place. After a failure the wait is the server's {@code Retry-After} if it sent a longer one, else
 * the {@link Backoff} for the number of consecutive failures; a success resets the count. A rate
 * limit can also pause requests until a given time. Times are epoch milliseconds of the task's
 * clock.
 */
public final class RequestGate {
  private final Backoff backoff;
  private long notBeforeMs;
  private int failures;

  public RequestGate(Backoff backoff) {
    this.backoff = backoff;
  }

  /** Milliseconds to wait at {@code nowMs} before the next request; 0 if it may go now. */
  public long waitMs(long nowMs) {
    return Math.max(0, notBeforeMs - nowMs);
  }

  /**
   * Records a failed request at {@code nowMs}; {@code retryAfterMs} is the server's wait, or -1 if
   * it asked for none. Returns the wait before the next request: the server's, but never less than
   * the backoff (a {@code Retry-After: 0}, or a rate-limit reset that looks past because the
   * server's clock is behind, would otherwise have every request go again at once for as long as
   * the server refuses).
   */
  public long failed(long nowMs, long retryAfterMs) {
    failures++;
    long wait = Math.max(retryAfterMs, backoff.waitMs(failures));
    notBeforeMs = Math.max(notBeforeMs, HttpErrors.after(nowMs, wait));
    return wait;
  }

  /** Records a failure that ended a call: waits what the server asked, else the backoff. */
  public long failed(long nowMs, RetryLaterException e) {
    return failed(nowMs, e.retryAfterMs());
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
}
