package io.sociallistening.connect.http;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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

  /**
   * The longest wait read from a server's {@code Retry-After} or {@code X-RateLimit-Reset}: one
   * day. A longer one (a date years ahead, {@code 9223372036854775807} seconds) is read as a day,
   * so that a feed is not given up for good and no time computed from it overflows.
   */
  public static final long MAX_SERVER_WAIT_MS = 86_400_000L;

  private HttpErrors() {}

  /** {@code nowMs + waitMs} for a wait of at least 0, or {@link Long#MAX_VALUE} if it overflows. */
  public static long after(long nowMs, long waitMs) {
    return waitMs > Long.MAX_VALUE - nowMs ? Long.MAX_VALUE : nowMs + waitMs;
  }

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
   * 120}) or an HTTP date ({@code Wed, 21 Oct 2015 07:28:00 GMT}); a date in the past is 0, a wait
   * longer than {@link #MAX_SERVER_WAIT_MS} is that. Returns -1 when the header is absent or
   * unreadable.
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
        return seconds > MAX_SERVER_WAIT_MS / 1000 ? MAX_SERVER_WAIT_MS : seconds * 1000;
      } catch (NumberFormatException e) {
        // more digits than a long holds: a very long wait
        return value.chars().allMatch(c -> c >= '0' && c <= '9') ? MAX_SERVER_WAIT_MS : -1;
      }
    }
    try {
      return serverWait(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), nowMs);
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /**
   * The wait an {@code X-RateLimit-Reset} header of a 429 asks for, in ms from {@code nowMs}: an
   * ISO-8601 instant (Mastodon: {@code 2026-01-05T10:05:00.000Z}) or delta-seconds (Reddit: {@code
   * 42}); an instant in the past is 0, a wait longer than {@link #MAX_SERVER_WAIT_MS} is that.
   * Returns -1 when the header is absent or unreadable.
   */
  public static long rateLimitResetMs(String header, long nowMs) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
      try {
        double seconds = Double.parseDouble(value);
        return seconds > MAX_SERVER_WAIT_MS / 1000.0
            ? MAX_SERVER_WAIT_MS
            : (long) Math.ceil(seconds * 1000);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    try {
      return serverWait(OffsetDateTime.parse(value).toInstant(), nowMs);
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** The wait from {@code nowMs} until {@code at}: 0 if past, at most a day. */
  private static long serverWait(Instant at, long nowMs) {
    Instant now = Instant.ofEpochMilli(nowMs);
    if (!at.isAfter(now)) {
      return 0;
    }
    return at.isAfter(now.plusMillis(MAX_SERVER_WAIT_MS))
        ? MAX_SERVER_WAIT_MS
        : Duration.between(now, at).toMillis();
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
