package io.sociallistening.connect.social;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * A request that may succeed later: a timeout, a refused connection, HTTP 408, 429 or 5xx. Carries
 * the server's {@code Retry-After}, if it sent one. Tasks catch it, wait (see {@link RequestGate})
 * and try again; it never ends a task.
 */
public final class TransientFailure extends RetriableException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Duration retryAfter;

  public TransientFailure(String message, int status, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status, or 0 if no response arrived. */
  public int status() {
    return status;
  }

  /** The wait the server asked for. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
