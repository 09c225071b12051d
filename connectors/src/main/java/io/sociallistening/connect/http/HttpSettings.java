package io.sociallistening.connect.http;

import io.sociallistening.connect.ConnectorVersion;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * How every web source and the webhook sink talk HTTP: the User-Agent, the request timeout, the
 * {@link RetryPolicy} and the largest response body read ({@code maxResponseBytes}: a longer 2xx
 * body is not read on, see {@link HttpPoller}). The keys come in two documented families, both read
 * into this one record:
 *
 * <ul>
 *   <li>{@link #define(ConfigDef)} / {@link #from(AbstractConfig)}: the shared {@code http.*} keys
 *       of Hacker News, RSS and the webhook sink (group "HTTP"); retries wait in place, up to
 *       {@code http.retry.max.attempts} requests per call; {@code http.max.response.bytes}.
 *   <li>{@link #define(ConfigDef, String, String, int, String)} / {@link #from(AbstractConfig,
 *       String)}: {@code <prefix>.user.agent}, {@code <prefix>.request.timeout.ms}, {@code
 *       <prefix>.retry.backoff.ms}, {@code <prefix>.retry.backoff.max.ms} and {@code
 *       <prefix>.max.response.bytes} of Mastodon and Reddit; one request per call, the task waits
 *       between polls with the {@link #gate()}.
 * </ul>
 */
public record HttpSettings(
    String userAgent, Duration requestTimeout, RetryPolicy retry, int maxResponseBytes) {
  /** The User-Agent of the {@code http.*} family. */
  public static final String DEFAULT_USER_AGENT = "social-listening/" + ConnectorVersion.get();

  public static final String TIMEOUT_CONFIG = "http.timeout.ms";
  public static final String MAX_ATTEMPTS_CONFIG = "http.retry.max.attempts";
  public static final String BACKOFF_CONFIG = "http.retry.backoff.ms";
  public static final String BACKOFF_MAX_CONFIG = "http.retry.backoff.max.ms";
  public static final String RETRY_AFTER_MAX_CONFIG = "http.retry.after.max.ms";
  public static final String MAX_RESPONSE_BYTES_CONFIG = "http.max.response.bytes";

  /** The default largest response body: 16 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  /** The smallest allowed limit of a response body. */
  public static final int MIN_MAX_RESPONSE_BYTES = 1024;

  /** The largest allowed limit of a response body: 1 GiB. */
  public static final int MAX_MAX_RESPONSE_BYTES = 1 << 30;

  public static final String USER_AGENT = ".user.agent";
  public static final String REQUEST_TIMEOUT = ".request.timeout.ms";
  public static final String BACKOFF = ".retry.backoff.ms";
  public static final String BACKOFF_MAX = ".retry.backoff.max.ms";
  public static final String MAX_RESPONSE_BYTES = ".max.response.bytes";

  private static final String GROUP = "HTTP";
  private static final String MAX_RESPONSE_BYTES_DOC =
      "Largest response body read, in bytes. A successful response with a longer body (or a longer"
          + " Content-Length) is not read on: a source skips it as a malformed payload of that"
          + " feed (logged and counted) and goes on; the webhook sink counts the alert as"
          + " delivered.";

  public HttpSettings {
    if (maxResponseBytes < MIN_MAX_RESPONSE_BYTES || maxResponseBytes > MAX_MAX_RESPONSE_BYTES) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be between "
              + MIN_MAX_RESPONSE_BYTES
              + " and "
              + MAX_MAX_RESPONSE_BYTES
              + ", got "
              + maxResponseBytes);
    }
  }

  /**
   * Settings with the default largest response body, {@value #DEFAULT_MAX_RESPONSE_BYTES} bytes.
   */
  public HttpSettings(String userAgent, Duration requestTimeout, RetryPolicy retry) {
    this(userAgent, requestTimeout, retry, DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** Adds the HTTP keys to {@code def} and returns it. */
  public static ConfigDef define(ConfigDef def) {
    return def.define(
            TIMEOUT_CONFIG,
            Type.LONG,
            30_000L,
            Range.between(1L, 600_000L),
            Importance.LOW,
            "Timeout of one HTTP request as a whole (connecting, the response headers and the"
                + " whole body), in ms.",
            GROUP,
            1,
            Width.SHORT,
            "Request timeout")
        .define(
            MAX_ATTEMPTS_CONFIG,
            Type.INT,
            4,
            Range.between(1, 100),
            Importance.LOW,
            "Most requests per call, counting the first, when the server answers 408, 425, 429 or"
                + " 5xx or the request fails with an I/O error or a timeout. After the last one the"
                + " call gives up until the next poll (sources) or dead-letters the record (sink).",
            GROUP,
            2,
            Width.SHORT,
            "Max attempts")
        .define(
            BACKOFF_CONFIG,
            Type.LONG,
            1_000L,
            Range.between(0L, 3_600_000L),
            Importance.LOW,
            "Wait after the first retriable failure, in ms; doubled after each further one.",
            GROUP,
            3,
            Width.SHORT,
            "Backoff")
        .define(
            BACKOFF_MAX_CONFIG,
            Type.LONG,
            30_000L,
            Range.between(0L, 3_600_000L),
            Importance.LOW,
            "Longest computed wait between attempts, in ms. When longer than the poll interval, also"
                + " the longest wait before a source reads again a feed whose reads keep failing or"
                + " are refused.",
            GROUP,
            4,
            Width.SHORT,
            "Max backoff")
        .define(
            RETRY_AFTER_MAX_CONFIG,
            Type.LONG,
            60_000L,
            Range.between(0L, 86_400_000L),
            Importance.LOW,
            "Longest Retry-After (429 or 5xx) honoured by waiting in place, in ms. A longer one"
                + " ends the call at once; sources then resume polling that endpoint no earlier than"
                + " the server asked.",
            GROUP,
            5,
            Width.SHORT,
            "Max Retry-After wait")
        .define(
            MAX_RESPONSE_BYTES_CONFIG,
            Type.INT,
            DEFAULT_MAX_RESPONSE_BYTES,
            Range.between(MIN_MAX_RESPONSE_BYTES, MAX_MAX_RESPONSE_BYTES),
            Importance.LOW,
            MAX_RESPONSE_BYTES_DOC,
            GROUP,
            6,
            Width.SHORT,
            "Max response bytes");
  }

  /** The settings held by a config built on a {@link ConfigDef} from {@link #define}. */
  public static HttpSettings from(AbstractConfig config) {
    return new HttpSettings(
        DEFAULT_USER_AGENT,
        Duration.ofMillis(config.getLong(TIMEOUT_CONFIG)),
        new RetryPolicy(
            config.getInt(MAX_ATTEMPTS_CONFIG),
            Duration.ofMillis(config.getLong(BACKOFF_CONFIG)),
            Duration.ofMillis(config.getLong(BACKOFF_MAX_CONFIG)),
            Duration.ofMillis(config.getLong(RETRY_AFTER_MAX_CONFIG))),
        config.getInt(MAX_RESPONSE_BYTES_CONFIG));
  }

  /** Adds the five keys under {@code prefix} to {@code def}, ordered from {@code order}. */
  public static ConfigDef define(
      ConfigDef def, String prefix, String group, int order, String defaultUserAgent) {
    return def.define(
            prefix + USER_AGENT,
            Type.STRING,
            defaultUserAgent,
            new ConfigDef.NonEmptyStringWithoutControlChars(),
            Importance.MEDIUM,
            "User-Agent header of every request. Name the application, its version and a contact.",
            group,
            order,
            Width.LONG,
            "User-Agent")
        .define(
            prefix + REQUEST_TIMEOUT,
            Type.LONG,
            30_000L,
            Range.between(100L, 600_000L),
            Importance.LOW,
            "Timeout of one request as a whole (connecting, the response headers and the whole"
                + " body); a timeout is retried.",
            group,
            order + 1,
            Width.SHORT,
            "Request timeout (ms)")
        .define(
            prefix + BACKOFF,
            Type.LONG,
            1_000L,
            Range.between(1L, 3_600_000L),
            Importance.LOW,
            "First wait after a retriable failure (timeout, I/O error, HTTP 429 or 5xx) without a"
                + " Retry-After header; doubled per consecutive failure.",
            group,
            order + 2,
            Width.SHORT,
            "Retry backoff (ms)")
        .define(
            prefix + BACKOFF_MAX,
            Type.LONG,
            300_000L,
            Range.between(1L, 86_400_000L),
            Importance.LOW,
            "Longest wait between retries without a Retry-After header.",
            group,
            order + 3,
            Width.SHORT,
            "Retry backoff max (ms)")
        .define(
            prefix + MAX_RESPONSE_BYTES,
            Type.INT,
            DEFAULT_MAX_RESPONSE_BYTES,
            Range.between(MIN_MAX_RESPONSE_BYTES, MAX_MAX_RESPONSE_BYTES),
            Importance.LOW,
            MAX_RESPONSE_BYTES_DOC,
            group,
            order + 4,
            Width.SHORT,
            "Max response bytes");
  }

  /**
   * The settings under {@code prefix} of a config defined with {@link #define(ConfigDef, String,
   * String, int, String)}: one attempt per call, the backoff applied by the {@link #gate()}.
   */
  public static HttpSettings from(AbstractConfig config, String prefix) {
    long backoff = config.getLong(prefix + BACKOFF);
    long max = config.getLong(prefix + BACKOFF_MAX);
    if (max < backoff) {
      throw new ConfigException(
          prefix + BACKOFF_MAX, max, "must be at least " + prefix + BACKOFF + " (" + backoff + ")");
    }
    return new HttpSettings(
        config.getString(prefix + USER_AGENT),
        Duration.ofMillis(config.getLong(prefix + REQUEST_TIMEOUT)),
        new RetryPolicy(1, Duration.ofMillis(backoff), Duration.ofMillis(max), Duration.ZERO),
        config.getInt(prefix + MAX_RESPONSE_BYTES));
  }

  /** A gate that waits between polls with this backoff. */
  public RequestGate gate() {
    return new RequestGate(retry.backoff());
  }
}
