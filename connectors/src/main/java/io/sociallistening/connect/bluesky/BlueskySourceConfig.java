package io.sociallistening.connect.bluesky;

import io.sociallistening.connect.CommonSourceConfig;
import io.sociallistening.connect.http.HttpUrlValidator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Configuration of the Bluesky Jetstream source; a bad value fails at start naming its key. */
public final class BlueskySourceConfig extends AbstractConfig {
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;
  public static final String URL_CONFIG = "bluesky.jetstream.url";
  public static final String KEYWORDS_CONFIG = "bluesky.keywords";
  public static final String OVERLAP_CONFIG = "bluesky.cursor.overlap.ms";
  public static final String QUEUE_CONFIG = "bluesky.queue.capacity";
  public static final String BATCH_SIZE_CONFIG = "bluesky.batch.size";
  public static final String MAX_MESSAGE_CONFIG = "bluesky.max.message.chars";
  public static final String CONNECT_TIMEOUT_CONFIG = "bluesky.connect.timeout.ms";
  public static final String BACKOFF_CONFIG = "bluesky.reconnect.backoff.ms";
  public static final String BACKOFF_MAX_CONFIG = "bluesky.reconnect.backoff.max.ms";
  public static final String IDLE_TIMEOUT_CONFIG = "bluesky.idle.timeout.ms";

  public static final String DEFAULT_URL = "wss://jetstream2.us-east.bsky.network/subscribe";

  private static final String GROUP = "Bluesky";

  public static final ConfigDef CONFIG_DEF = configDef();

  public BlueskySourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    if (getString(URL_CONFIG).indexOf('?') >= 0) {
      throw new ConfigException(URL_CONFIG, getString(URL_CONFIG), "must not have a query");
    }
    if (reconnectBackoffMax().compareTo(reconnectBackoff()) < 0) {
      throw new ConfigException(
          BACKOFF_MAX_CONFIG,
          getLong(BACKOFF_MAX_CONFIG),
          "must be at least " + BACKOFF_CONFIG + " (" + getLong(BACKOFF_CONFIG) + ")");
    }
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    CommonSourceConfig.topic(def, GROUP, 1);
    def.define(
        URL_CONFIG,
        Type.STRING,
        DEFAULT_URL,
        HttpUrlValidator.webSocket(),
        Importance.HIGH,
        "Jetstream subscribe endpoint, without query; the source adds"
            + " wantedCollections=app.bsky.feed.post and the cursor.",
        GROUP,
        2,
        ConfigDef.Width.LONG,
        "Jetstream URL");
    def.define(
        KEYWORDS_CONFIG,
        Type.LIST,
        "",
        Importance.HIGH,
        "Keywords or phrases, comma separated; a post is kept if its text contains one as a"
            + " whole word, ignoring case. Empty keeps every post (the whole network, tens"
            + " of posts per second).",
        GROUP,
        3,
        ConfigDef.Width.LONG,
        "Keywords");
    def.define(
        OVERLAP_CONFIG,
        Type.LONG,
        2_000L,
        Range.between(0L, 3_600_000L),
        Importance.LOW,
        "A reconnect or restart subscribes from the last cursor minus this much, and drops"
            + " posts already delivered in that span.",
        GROUP,
        4,
        ConfigDef.Width.SHORT,
        "Cursor overlap (ms)");
    def.define(
        QUEUE_CONFIG,
        Type.INT,
        10_000,
        Range.between(1, 1_000_000),
        Importance.LOW,
        "Messages held between the socket and poll(); when full, the socket is not read.",
        GROUP,
        5,
        ConfigDef.Width.SHORT,
        "Queue capacity");
    CommonSourceConfig.batchSize(
        def, BATCH_SIZE_CONFIG, "Most messages handled by one poll.", GROUP, 6);
    def.define(
        MAX_MESSAGE_CONFIG,
        Type.INT,
        1_000_000,
        Range.between(1_000, 100_000_000),
        Importance.LOW,
        "Longer messages are skipped and counted as malformed.",
        GROUP,
        7,
        ConfigDef.Width.SHORT,
        "Max message length");
    def.define(
        CONNECT_TIMEOUT_CONFIG,
        Type.LONG,
        30_000L,
        Range.between(100L, 600_000L),
        Importance.LOW,
        "Timeout of the WebSocket handshake; a timeout is retried.",
        GROUP,
        8,
        ConfigDef.Width.SHORT,
        "Connect timeout (ms)");
    def.define(
        BACKOFF_CONFIG,
        Type.LONG,
        1_000L,
        Range.between(1L, 3_600_000L),
        Importance.LOW,
        "First wait before reconnecting after the connection ended or failed; doubled per"
            + " attempt that brings no message.",
        GROUP,
        9,
        ConfigDef.Width.SHORT,
        "Reconnect backoff (ms)");
    def.define(
        BACKOFF_MAX_CONFIG,
        Type.LONG,
        60_000L,
        Range.between(1L, 86_400_000L),
        Importance.LOW,
        "Longest wait between reconnects (a Retry-After of the server wins).",
        GROUP,
        10,
        ConfigDef.Width.SHORT,
        "Reconnect backoff max (ms)");
    def.define(
        IDLE_TIMEOUT_CONFIG,
        Type.LONG,
        60_000L,
        Range.between(1_000L, 86_400_000L),
        Importance.LOW,
        "A connection that brings no message for this long is dropped and resubscribed from the"
            + " cursor: Jetstream carries every post of the network, so silence means a connection"
            + " that is half open (a network path that died without closing it).",
        GROUP,
        11,
        ConfigDef.Width.SHORT,
        "Idle timeout (ms)");
    return def;
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public String url() {
    return getString(URL_CONFIG);
  }

  public List<String> keywords() {
    return getList(KEYWORDS_CONFIG);
  }

  public Duration overlap() {
    return Duration.ofMillis(getLong(OVERLAP_CONFIG));
  }

  public int queueCapacity() {
    return getInt(QUEUE_CONFIG);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE_CONFIG);
  }

  public int maxMessageChars() {
    return getInt(MAX_MESSAGE_CONFIG);
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(getLong(CONNECT_TIMEOUT_CONFIG));
  }

  public Duration reconnectBackoff() {
    return Duration.ofMillis(getLong(BACKOFF_CONFIG));
  }

  public Duration idleTimeout() {
    return Duration.ofMillis(getLong(IDLE_TIMEOUT_CONFIG));
  }

  public Duration reconnectBackoffMax() {
    return Duration.ofMillis(getLong(BACKOFF_MAX_CONFIG));
  }
}
