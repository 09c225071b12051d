package io.sociallistening.connect.social;

import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The HTTP settings every social source shares, under its own prefix: {@code <prefix>.user.agent},
 * {@code <prefix>.request.timeout.ms}, {@code <prefix>.retry.backoff.ms} and {@code
 * <prefix>.retry.backoff.max.ms}.
 */
public record HttpSettings(
    String userAgent, Duration requestTimeout, Duration backoff, Duration backoffMax) {

  public static final String USER_AGENT = ".user.agent";
  public static final String REQUEST_TIMEOUT = ".request.timeout.ms";
  public static final String BACKOFF = ".retry.backoff.ms";
  public static final String BACKOFF_MAX = ".retry.backoff.max.ms";

  /** Adds the four keys under {@code prefix} to {@code def}, ordered from {@code order}. */
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
            ConfigDef.Width.LONG,
            "User-Agent")
        .define(
            prefix + REQUEST_TIMEOUT,
            Type.LONG,
            30_000L,
            Range.between(100L, 600_000L),
            Importance.LOW,
            "Connect and response timeout of one request; a timeout is retried.",
            group,
            order + 1,
            ConfigDef.Width.SHORT,
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
            ConfigDef.Width.SHORT,
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
            ConfigDef.Width.SHORT,
            "Retry backoff max (ms)");
  }

  /** The settings under {@code prefix} of a config defined with {@link #define}. */
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
        Duration.ofMillis(backoff),
        Duration.ofMillis(max));
  }

  /** A gate with this backoff. */
  public RequestGate gate() {
    return new RequestGate(backoff, backoffMax);
  }
}
