package io.sociallistening.connect.http;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Classifies HTTP statuses into success, retriable and fatal, reads {@code Retry-After} and shows
 * URLs in messages.
 */
public final class HttpErrors {
  /** What a status means for the caller. */
  public enum Outcome {
    SUCCESS,
    /** 408, 425, 429 and 5xx: wait and try again. */
    RETRIABLE,
    /** 401 and 403: credentials missing or refused. */
    AUTHENTICATION,
    /** Any other status: retrying the same request cannot help. */
    FATAL
  }

  private HttpErrors() {}

  public static Outcome classify(int status) {
    if (status >= 200 && status < 300) {
      return Outcome.SUCCESS;
    }
    if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
      return Outcome.RETRIABLE;
    }
    if (status == 401 || status == 403) {
      return Outcome.AUTHENTICATION;
    }
    return Outcome.FATAL;
  }

  /**
   * The wait a {@code Retry-After} header asks for, in ms from {@code nowMs}: delta-seconds ({@code
   * 120}) or an HTTP date ({@code Wed, 21 Oct 2015 07:28:00 GMT}); a date in the past is 0. Returns
   * -1 when the header is absent or unreadable.
   */
  public static long retryAfterMs(String header, long nowMs) {
    if (header == null) {
      return -1;
    }
    String value = header.strip();
    if (value.isEmpty()) {
      return -1;
    }
    if (Character.isDigit(value.charAt(0))) {
      try {
        long seconds = Long.parseLong(value);
        return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    try {
      long at =
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant()
              .toEpochMilli();
      return Math.max(0, at - nowMs);
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /**
   * The wait an {@code X-RateLimit-Reset} header of a 429 asks for, in ms from {@code nowMs}: an
   * ISO-8601 instant (Mastodon: {@code 2026-01-05T10:05:00.000Z}) or delta-seconds (Reddit: {@code
   * 42}); an instant in the past is 0. Returns -1 when the header is absent or unreadable.
   */
  public static long rateLimitResetMs(String header, long nowMs) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
      try {
        double seconds = Double.parseDouble(value);
        return seconds > Long.MAX_VALUE / 1000.0
            ? Long.MAX_VALUE
            : (long) Math.ceil(seconds * 1000);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    try {
      return Math.max(0, OffsetDateTime.parse(value).toInstant().toEpochMilli() - nowMs);
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /**
   * {@code uri} without its path, query and user info ({@code https://hooks.example.com/...}), for
   * messages about URLs whose path is a secret, such as webhook URLs.
   */
  public static String origin(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port + "/...";
  }
}
