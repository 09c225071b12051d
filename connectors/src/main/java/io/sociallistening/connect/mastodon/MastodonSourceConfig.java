package io.sociallistening.connect.mastodon;

import io.sociallistening.connect.CommonSourceConfig;
import io.sociallistening.connect.ConnectorVersion;
import io.sociallistening.connect.http.HttpSettings;
import io.sociallistening.connect.http.HttpUrlValidator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Mastodon source; a bad value fails at start naming its key. */
public final class MastodonSourceConfig extends AbstractConfig {
  public static final String PREFIX = "mastodon";
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;
  public static final String URL_CONFIG = "mastodon.url";
  public static final String HASHTAGS_CONFIG = "mastodon.hashtags";
  public static final String PUBLIC_CONFIG = "mastodon.public.timeline";
  public static final String TOKEN_CONFIG = "mastodon.access.token";
  public static final String POLL_INTERVAL_CONFIG = "mastodon.poll.interval.ms";
  public static final String PAGE_LIMIT_CONFIG = "mastodon.page.limit";
  public static final String LOOKBACK_CONFIG = "mastodon.lookback.seconds";

  /** Which public timeline to read besides the hashtags. */
  public enum PublicTimeline {
    OFF,
    LOCAL,
    FEDERATED
  }

  private static final String GROUP = "Mastodon";

  public static final ConfigDef CONFIG_DEF = configDef();

  private final List<String> hashtags;
  private final PublicTimeline publicTimeline;

  public MastodonSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    hashtags = new ArrayList<>();
    for (String raw : getList(HASHTAGS_CONFIG)) {
      String tag = raw.strip();
      if (tag.startsWith("#")) {
        tag = tag.substring(1);
      }
      if (!hashtag(tag)) {
        throw new ConfigException(
            HASHTAGS_CONFIG, raw, "is not a hashtag (letters, digits and '_' only)");
      }
      // hashtags are case-insensitive: #AcmeAir and #acmeair are one timeline, read once
      String name = tag;
      if (hashtags.stream().noneMatch(known -> known.equalsIgnoreCase(name))) {
        hashtags.add(tag);
      }
    }
    String p = getString(PUBLIC_CONFIG).strip().toUpperCase(Locale.ROOT);
    try {
      publicTimeline = PublicTimeline.valueOf(p);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          PUBLIC_CONFIG, getString(PUBLIC_CONFIG), "must be off, local or federated");
    }
    if (hashtags.isEmpty() && publicTimeline == PublicTimeline.OFF) {
      throw new ConfigException(
          HASHTAGS_CONFIG, "", "name at least one hashtag or set " + PUBLIC_CONFIG);
    }
    http();
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    CommonSourceConfig.topic(def, GROUP, 1);
    def.define(
        URL_CONFIG,
        Type.STRING,
        "https://mastodon.social",
        HttpUrlValidator.required(),
        Importance.HIGH,
        "Base URL of the Mastodon instance to read. Run one connector per instance.",
        GROUP,
        2,
        ConfigDef.Width.LONG,
        "Instance URL");
    def.define(
        HASHTAGS_CONFIG,
        Type.LIST,
        "",
        Importance.HIGH,
        "Hashtags whose timelines are read (/api/v1/timelines/tag/<tag>), comma"
            + " separated, with or without '#'.",
        GROUP,
        3,
        ConfigDef.Width.LONG,
        "Hashtags");
    def.define(
        PUBLIC_CONFIG,
        Type.STRING,
        "off",
        ConfigDef.CaseInsensitiveValidString.in("off", "local", "federated"),
        Importance.MEDIUM,
        "Also read the public timeline: 'local' (posts of this instance), 'federated'"
            + " (everything the instance knows) or 'off'. Many instances require a token"
            + " for it.",
        GROUP,
        4,
        ConfigDef.Width.SHORT,
        "Public timeline");
    def.define(
        TOKEN_CONFIG,
        Type.PASSWORD,
        "",
        Importance.MEDIUM,
        "Optional access token (scope read:statuses) sent as a bearer token.",
        GROUP,
        5,
        ConfigDef.Width.MEDIUM,
        "Access token");
    CommonSourceConfig.pollInterval(
        def,
        POLL_INTERVAL_CONFIG,
        30_000L,
        86_400_000L,
        "Wait between two reads of one timeline; a timeline that returned a full page is"
            + " read again at once.",
        GROUP,
        6,
        "Poll interval (ms)");
    def.define(
        PAGE_LIMIT_CONFIG,
        Type.INT,
        40,
        Range.between(1, 40),
        Importance.LOW,
        "Statuses per request (Mastodon allows at most 40).",
        GROUP,
        7,
        ConfigDef.Width.SHORT,
        "Page size");
    def.define(
        LOOKBACK_CONFIG,
        Type.LONG,
        300L,
        Range.between(0L, 86_400L),
        Importance.LOW,
        "How far below the newest status read each read starts again: a remote status that"
            + " federates late gets an id of its publication time and lands below the ids already"
            + " read. The ids delivered within it are kept in the offset (at most 400) and not"
            + " emitted again. Each read goes over this span again; 0 reads only newer ids.",
        GROUP,
        8,
        ConfigDef.Width.SHORT,
        "Lookback (s)");
    return HttpSettings.define(
        def,
        PREFIX,
        GROUP,
        9,
        "social-listening/" + ConnectorVersion.get() + " (Kafka Connect Mastodon source)");
  }

  private static boolean hashtag(String tag) {
    if (tag.isEmpty() || tag.length() > 100) {
      return false;
    }
    for (int i = 0; i < tag.length(); ) {
      int cp = tag.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)
          && cp != '_'
          && Character.getType(cp) != Character.NON_SPACING_MARK) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public String url() {
    return HttpUrlValidator.trimmed(getString(URL_CONFIG));
  }

  /** The instance's host (with the port if it has one), as used in handles and partitions. */
  public String host() {
    URI uri = URI.create(url());
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** Hashtags without the leading '#'. */
  public List<String> hashtags() {
    return List.copyOf(hashtags);
  }

  public PublicTimeline publicTimeline() {
    return publicTimeline;
  }

  public String accessToken() {
    Password p = getPassword(TOKEN_CONFIG);
    return p == null ? "" : p.value().strip();
  }

  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_CONFIG));
  }

  public Duration lookback() {
    return Duration.ofSeconds(getLong(LOOKBACK_CONFIG));
  }

  public int pageLimit() {
    return getInt(PAGE_LIMIT_CONFIG);
  }

  public HttpSettings http() {
    return HttpSettings.from(this, PREFIX);
  }

  /** The timelines to read: each hashtag, then the public timeline if enabled. */
  public List<MastodonTimeline> timelines() {
    List<MastodonTimeline> out = new ArrayList<>();
    for (String tag : hashtags) {
      out.add(MastodonTimeline.tag(url(), tag));
    }
    if (publicTimeline != PublicTimeline.OFF) {
      out.add(MastodonTimeline.publicTimeline(url(), publicTimeline == PublicTimeline.LOCAL));
    }
    return out;
  }
}
