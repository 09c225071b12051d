package io.sociallistening.connect.http;

import org.apache.kafka.connect.errors.DataException;

/**
 * A response body that is not the document the source expects (bad JSON, bad XML, a missing
 * top-level field). Sources skip it, count it and try again at the next poll.
 */
public final class MalformedPayloadException extends DataException {
  private static final long serialVersionUID = 1L;

  public MalformedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
