package io.sociallistening.connect.http;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A response whose status retrying cannot fix: 401 and 403 (credentials missing or refused) and
 * every other 4xx except 408, 425 and 429. The message names the status and the URL. Callers decide
 * whether it ends the task ({@link #authentication()} always should) or only one item.
 */
public final class HttpStatusException extends ConnectException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public HttpStatusException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** True for 401 and 403. */
  public boolean authentication() {
    return status == 401 || status == 403;
  }
}
