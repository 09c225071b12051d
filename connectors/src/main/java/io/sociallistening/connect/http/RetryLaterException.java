package io.sociallistening.connect.http;

import org.apache.kafka.connect.errors.RetriableException;

/**
 * A request that failed in a retriable way (I/O error, timeout, 408, 425, 429 or 5xx) on every
 * allowed attempt, or whose {@code Retry-After} was longer than the policy waits in place. {@link
 * #retryAtMs()} is the earliest time, on the caller's clock, at which it should try again; {@link
 * #retryAfterMs()} the wait the server asked for, if it did.
 */
public final class RetryLaterException extends RetriableException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long retryAtMs;
  private final long retryAfterMs;

  public RetryLaterException(
      String message, int status, long retryAtMs, long retryAfterMs, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAtMs = retryAtMs;
    this.retryAfterMs = retryAfterMs;
  }

  /** Earliest time (ms, the caller's clock) to try again. */
  public long retryAtMs() {
    return retryAtMs;
  }

  /** The wait the server's {@code Retry-After} asked for, in ms, or -1 if it sent none. */
  public long retryAfterMs() {
    return retryAfterMs;
  }

  /** The last HTTP status, or -1 when the last attempt failed without a response. */
  public int status() {
    return status;
  }
}
