package io.sociallistening.connect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config keys every source connector has in the same form, defined once: the target {@code
 * topic}, a batch size, a poll interval and a first-start lookback. Each source's {@code
 * XxxSourceConfig} builds its {@link ConfigDef} from these fragments plus its own keys, in its own
 * group and order, so key names, defaults and documentation stay as each connector documents them.
 */
public final class CommonSourceConfig {
  private static final Logger LOG = LoggerFactory.getLogger(CommonSourceConfig.class);
  public static final String TOPIC_CONFIG = "topic";
  public static final String DEFAULT_TOPIC = "social.mentions.raw";

  /** Poll intervals below this are refused: one second between reads of one feed. */
  public static final long MIN_POLL_INTERVAL_MS = 1_000L;

  private CommonSourceConfig() {}

  /** Adds {@code topic} (default {@value #DEFAULT_TOPIC}) to {@code def} and returns it. */
  public static ConfigDef topic(ConfigDef def, String group, int order) {
    return def.define(
        TOPIC_CONFIG,
        Type.STRING,
        DEFAULT_TOPIC,
        new ConfigDef.NonEmptyStringWithoutControlChars(),
        Importance.HIGH,
        "Topic the mentions are written to.",
        group,
        order,
        Width.MEDIUM,
        "Topic");
  }

  /** Adds {@code key}, the most records (or messages) one poll handles: 1 to 100 000, 500. */
  public static ConfigDef batchSize(
      ConfigDef def, String key, String doc, String group, int order) {
    return def.define(
        key,
        Type.INT,
        500,
        Range.between(1, 100_000),
        Importance.LOW,
        doc,
        group,
        order,
        Width.SHORT,
        "Batch size");
  }

  /**
   * Adds {@code key}, the wait in ms between two reads of one feed: at least {@value
   * #MIN_POLL_INTERVAL_MS}, at most {@code maxMs} ({@link Long#MAX_VALUE}: no limit).
   */
  public static ConfigDef pollInterval(
      ConfigDef def,
      String key,
      long defaultMs,
      long maxMs,
      String doc,
      String group,
      int order,
      String displayName) {
    return def.define(
        key,
        Type.LONG,
        defaultMs,
        maxMs == Long.MAX_VALUE
            ? Range.atLeast(MIN_POLL_INTERVAL_MS)
            : Range.between(MIN_POLL_INTERVAL_MS, maxMs),
        Importance.MEDIUM,
        doc,
        group,
        order,
        Width.SHORT,
        displayName);
  }

  /** Adds {@code key}, how far back in ms a feed without a stored offset starts reading. */
  public static ConfigDef firstStartLookback(
      ConfigDef def, String key, long defaultMs, String doc, String group, int order) {
    return def.define(
        key,
        Type.LONG,
        defaultMs,
        Range.atLeast(0L),
        Importance.MEDIUM,
        doc,
        group,
        order,
        Width.SHORT,
        "First-start lookback");
  }

  /**
   * {@code values} (the feeds or queries of {@code key}) in their order with each listed once. A
   * feed listed twice is one source partition: read once per listing, its items would be emitted
   * once per listing, and split between tasks its copies would commit competing offsets. So a
   * repeat is dropped and logged at WARN naming the key.
   */
  public static <T> List<T> listedOnce(String key, List<T> values) {
    Set<T> once = new LinkedHashSet<>(values);
    if (once.size() < values.size()) {
      Set<T> seen = new LinkedHashSet<>();
      Set<T> repeated = new LinkedHashSet<>();
      for (T v : values) {
        if (!seen.add(v)) {
          repeated.add(v);
        }
      }
      LOG.warn("{} lists {} more than once; each is read once", key, new ArrayList<>(repeated));
    }
    return List.copyOf(once);
  }
}
