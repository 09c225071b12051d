package io.sociallistening.connect.http;

import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The HTTP keys shared by the polling connectors and the webhook sink (group "HTTP"): request
 * timeout and {@link RetryPolicy}. A connector's config adds them with {@link #define(ConfigDef)}
 * and reads them with {@link #from(AbstractConfig)}.
 */
public record HttpSettings(Duration requestTimeout, RetryPolicy retry) {
  public static final String TIMEOUT_CONFIG = "http.timeout.ms";
  public static final String MAX_ATTEMPTS_CONFIG = "http.retry.max.attempts";
  public static final String BACKOFF_CONFIG = "http.retry.backoff.ms";
  public static final String BACKOFF_MAX_CONFIG = "http.retry.backoff.max.ms";
  public static final String RETRY_AFTER_MAX_CONFIG = "http.retry.after.max.ms";

  private static final String GROUP = "HTTP";

  /** Adds the HTTP keys to {@code def} and returns it. */
  public static ConfigDef define(ConfigDef def) {
    return def.define(
            TIMEOUT_CONFIG,
            Type.LONG,
            30_000L,
            Range.between(1L, 600_000L),
            Importance.LOW,
            "Timeout of one HTTP request (connect and response), in ms.",
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
            "Longest computed wait between attempts, in ms.",
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
            "Max Retry-After wait");
  }

  /** The settings held by a config built on a {@link ConfigDef} from {@link #define}. */
  public static HttpSettings from(AbstractConfig config) {
    return new HttpSettings(
        Duration.ofMillis(config.getLong(TIMEOUT_CONFIG)),
        new RetryPolicy(
            config.getInt(MAX_ATTEMPTS_CONFIG),
            Duration.ofMillis(config.getLong(BACKOFF_CONFIG)),
            Duration.ofMillis(config.getLong(BACKOFF_MAX_CONFIG)),
            Duration.ofMillis(config.getLong(RETRY_AFTER_MAX_CONFIG))));
  }
}
