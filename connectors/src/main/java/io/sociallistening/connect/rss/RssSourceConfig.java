package io.sociallistening.connect.rss;

import io.sociallistening.avro.Platform;
import io.sociallistening.connect.CommonSourceConfig;
import io.sociallistening.connect.http.HttpSettings;
import io.sociallistening.connect.http.HttpUrlValidator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Configuration of the RSS/Atom source; a bad value fails at start naming its key. */
public final class RssSourceConfig extends AbstractConfig {
  public static final String FEED_URLS_CONFIG = "rss.feed.urls";
  public static final String PLATFORM_CONFIG = "rss.platform";
  public static final String POLL_INTERVAL_CONFIG = "rss.poll.interval.ms";
  public static final String LOOKBACK_CONFIG = "rss.lookback.ms";
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;

  public static final String DEFAULT_TOPIC = CommonSourceConfig.DEFAULT_TOPIC;

  private static final String GROUP = "RSS";

  public static final ConfigDef CONFIG_DEF = configDef();

  private final List<URI> feedUrls;

  public RssSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    feedUrls =
        CommonSourceConfig.listedOnce(
            FEED_URLS_CONFIG,
            getList(FEED_URLS_CONFIG).stream().map(s -> URI.create(s.strip())).toList());
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    def.define(
        FEED_URLS_CONFIG,
        Type.LIST,
        ConfigDef.NO_DEFAULT_VALUE,
        HttpUrlValidator.required(),
        Importance.HIGH,
        "RSS 0.9x/1.0/2.0 or Atom feed URLs, comma-separated; each feed is one source"
            + " partition. Tasks split the feeds between them. A URL listed more than once is"
            + " read once (logged at WARN).",
        GROUP,
        1,
        Width.LONG,
        "Feed URLs");
    def.define(
        PLATFORM_CONFIG,
        Type.STRING,
        Platform.NEWS.name(),
        ConfigDef.CaseInsensitiveValidString.in("NEWS", "BLOG", "REVIEW"),
        Importance.HIGH,
        "Platform of the mentions of these feeds: NEWS, BLOG or REVIEW. Run one"
            + " connector per platform.",
        GROUP,
        2,
        Width.SHORT,
        "Platform");
    CommonSourceConfig.topic(def, GROUP, 3);
    CommonSourceConfig.pollInterval(
        def,
        POLL_INTERVAL_CONFIG,
        300_000L,
        Long.MAX_VALUE,
        "Time between two fetches of one feed, in ms.",
        GROUP,
        4,
        "Poll interval");
    CommonSourceConfig.firstStartLookback(
        def,
        LOOKBACK_CONFIG,
        86_400_000L,
        "On the first start of a feed (no stored offset), the oldest item age read, in" + " ms.",
        GROUP,
        5);
    return HttpSettings.define(def);
  }

  /** The feeds, each once (a URL listed again is dropped, logged at WARN). */
  public List<URI> feedUrls() {
    return feedUrls;
  }

  public Platform platform() {
    return Platform.valueOf(getString(PLATFORM_CONFIG).toUpperCase(Locale.ROOT));
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_CONFIG));
  }

  public Duration lookback() {
    return Duration.ofMillis(getLong(LOOKBACK_CONFIG));
  }

  public HttpSettings http() {
    return HttpSettings.from(this);
  }
}
