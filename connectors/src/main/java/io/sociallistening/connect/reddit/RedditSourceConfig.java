package io.sociallistening.connect.reddit;

import io.sociallistening.connect.CommonSourceConfig;
import io.sociallistening.connect.ConnectorVersion;
import io.sociallistening.connect.http.HttpSettings;
import io.sociallistening.connect.http.HttpUrlValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Configuration of the Reddit source; a bad value fails at start naming its key. */
public final class RedditSourceConfig extends AbstractConfig {
  public static final String PREFIX = "reddit";
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;
  public static final String SUBREDDITS_CONFIG = "reddit.subreddits";
  public static final String QUERIES_CONFIG = "reddit.queries";
  public static final String COMMENTS_CONFIG = "reddit.comments";
  public static final String CLIENT_ID_CONFIG = "reddit.client.id";
  public static final String CLIENT_SECRET_CONFIG = "reddit.client.secret";
  public static final String BASE_URL_CONFIG = "reddit.base.url";
  public static final String OAUTH_URL_CONFIG = "reddit.oauth.url";
  public static final String TOKEN_URL_CONFIG = "reddit.token.url";
  public static final String POLL_INTERVAL_CONFIG = "reddit.poll.interval.ms";
  public static final String PAGE_LIMIT_CONFIG = "reddit.page.limit";
  public static final String MAX_PAGES_CONFIG = "reddit.max.pages";
  public static final String LOOKBACK_CONFIG = "reddit.lookback.seconds";
  public static final String USER_AGENT_CONFIG = PREFIX + HttpSettings.USER_AGENT;

  public static final String DEFAULT_USER_AGENT =
      "java:io.sociallistening.connect.reddit:"
          + ConnectorVersion.get()
          + " (social-listening; set reddit.user.agent to name your deployment and a contact)";

  private static final String GROUP = "Reddit";

  public static final ConfigDef CONFIG_DEF = configDef();

  private final List<String> subreddits;

  public RedditSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    subreddits = new ArrayList<>();
    for (String s : getList(SUBREDDITS_CONFIG)) {
      String name = s.strip();
      if (name.startsWith("/")) {
        name = name.substring(1);
      }
      if (name.startsWith("r/")) {
        name = name.substring(2);
      }
      if (!subredditName(name)) {
        throw new ConfigException(
            SUBREDDITS_CONFIG, s, "is not a subreddit name (2-21 letters, digits or '_')");
      }
      // subreddit names are case-insensitive: r/Acme and r/acme are one listing, read once
      String listed = name;
      if (subreddits.stream().noneMatch(known -> known.equalsIgnoreCase(listed))) {
        subreddits.add(name);
      }
    }
    for (String q : getList(QUERIES_CONFIG)) {
      if (q.isBlank()) {
        throw new ConfigException(QUERIES_CONFIG, q, "holds an empty search query");
      }
    }
    if (subreddits.isEmpty() && queries().isEmpty()) {
      throw new ConfigException(
          SUBREDDITS_CONFIG,
          "",
          "name at least one subreddit here or one search query in " + QUERIES_CONFIG);
    }
    if (!clientId().isEmpty() && clientSecret().isEmpty()) {
      throw new ConfigException(
          CLIENT_SECRET_CONFIG, "[hidden]", "is required when " + CLIENT_ID_CONFIG + " is set");
    }
    http();
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    CommonSourceConfig.topic(def, GROUP, 1);
    def.define(
        SUBREDDITS_CONFIG,
        Type.LIST,
        "",
        Importance.HIGH,
        "Subreddits whose new posts are read (/r/<name>/new), comma separated, without"
            + " or with the 'r/' prefix.",
        GROUP,
        2,
        ConfigDef.Width.LONG,
        "Subreddits");
    def.define(
        QUERIES_CONFIG,
        Type.LIST,
        "",
        Importance.HIGH,
        "Site-wide search queries (/search?q=...&sort=new), comma separated. Reddit's"
            + " search syntax applies, e.g. '\"acme air\" OR acmeair'.",
        GROUP,
        3,
        ConfigDef.Width.LONG,
        "Search queries");
    def.define(
        COMMENTS_CONFIG,
        Type.BOOLEAN,
        false,
        Importance.MEDIUM,
        "Also read the new comments of each subreddit (/r/<name>/comments).",
        GROUP,
        4,
        ConfigDef.Width.SHORT,
        "Comments");
    def.define(
        CLIENT_ID_CONFIG,
        Type.PASSWORD,
        "",
        Importance.MEDIUM,
        "OAuth client id of a Reddit 'script' or 'web' app. When set, the source gets an"
            + " application-only token (client_credentials) and reads oauth.reddit.com,"
            + " which allows more requests; when empty it reads the public JSON pages.",
        GROUP,
        5,
        ConfigDef.Width.MEDIUM,
        "Client id");
    def.define(
        CLIENT_SECRET_CONFIG,
        Type.PASSWORD,
        "",
        Importance.MEDIUM,
        "OAuth client secret, required with " + CLIENT_ID_CONFIG + ".",
        GROUP,
        6,
        ConfigDef.Width.MEDIUM,
        "Client secret");
    CommonSourceConfig.pollInterval(
        def,
        POLL_INTERVAL_CONFIG,
        60_000L,
        86_400_000L,
        "Wait between two reads of one feed (subreddit, comments or query).",
        GROUP,
        7,
        "Poll interval (ms)");
    def.define(
        PAGE_LIMIT_CONFIG,
        Type.INT,
        100,
        Range.between(1, 100),
        Importance.LOW,
        "Items per listing page (Reddit allows at most 100).",
        GROUP,
        8,
        ConfigDef.Width.SHORT,
        "Page size");
    def.define(
        MAX_PAGES_CONFIG,
        Type.INT,
        5,
        Range.between(1, 10),
        Importance.LOW,
        "Most pages read per poll of one feed while catching up after a pause; items"
            + " beyond are lost and a warning is logged. The first start reads one page.",
        GROUP,
        9,
        ConfigDef.Width.SHORT,
        "Max pages");
    def.define(
        LOOKBACK_CONFIG,
        Type.LONG,
        60L,
        Range.between(0L, 86_400L),
        Importance.LOW,
        "Items up to this many seconds older than the newest delivered one are still"
            + " accepted if not delivered yet (search results can appear late). Their ids"
            + " are kept in the source offset.",
        GROUP,
        10,
        ConfigDef.Width.SHORT,
        "Lookback (s)");
    def.define(
        BASE_URL_CONFIG,
        Type.STRING,
        "https://www.reddit.com",
        HttpUrlValidator.required(),
        Importance.LOW,
        "Base URL of the public JSON pages.",
        GROUP,
        11,
        ConfigDef.Width.LONG,
        "Base URL");
    def.define(
        OAUTH_URL_CONFIG,
        Type.STRING,
        "https://oauth.reddit.com",
        HttpUrlValidator.required(),
        Importance.LOW,
        "Base URL of the API used with a token.",
        GROUP,
        12,
        ConfigDef.Width.LONG,
        "OAuth API URL");
    def.define(
        TOKEN_URL_CONFIG,
        Type.STRING,
        "https://www.reddit.com/api/v1/access_token",
        HttpUrlValidator.required(),
        Importance.LOW,
        "Token endpoint (client_credentials grant).",
        GROUP,
        13,
        ConfigDef.Width.LONG,
        "Token URL");
    return HttpSettings.define(def, PREFIX, GROUP, 14, DEFAULT_USER_AGENT);
  }

  private static boolean subredditName(String name) {
    if (name.length() < 2 || name.length() > 21) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!ok && c != '_') {
        return false;
      }
    }
    return true;
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  /** Subreddit names without the 'r/' prefix. */
  public List<String> subreddits() {
    return List.copyOf(subreddits);
  }

  public List<String> queries() {
    return getList(QUERIES_CONFIG).stream().map(String::strip).toList();
  }

  public boolean comments() {
    return getBoolean(COMMENTS_CONFIG);
  }

  public String clientId() {
    Password p = getPassword(CLIENT_ID_CONFIG);
    return p == null ? "" : p.value().strip();
  }

  public String clientSecret() {
    Password p = getPassword(CLIENT_SECRET_CONFIG);
    return p == null ? "" : p.value().strip();
  }

  public boolean authenticated() {
    return !clientId().isEmpty();
  }

  public String baseUrl() {
    return HttpUrlValidator.trimmed(getString(BASE_URL_CONFIG));
  }

  public String oauthUrl() {
    return HttpUrlValidator.trimmed(getString(OAUTH_URL_CONFIG));
  }

  public String tokenUrl() {
    return getString(TOKEN_URL_CONFIG);
  }

  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_CONFIG));
  }

  public int pageLimit() {
    return getInt(PAGE_LIMIT_CONFIG);
  }

  public int maxPages() {
    return getInt(MAX_PAGES_CONFIG);
  }

  public Duration lookback() {
    return Duration.ofSeconds(getLong(LOOKBACK_CONFIG));
  }

  public HttpSettings http() {
    return HttpSettings.from(this, PREFIX);
  }

  /** The feeds to read: each subreddit (and its comments if enabled), then each query. */
  public List<RedditFeed> feeds() {
    List<RedditFeed> feeds = new ArrayList<>();
    for (String s : subreddits) {
      feeds.add(RedditFeed.subreddit(s));
      if (comments()) {
        feeds.add(RedditFeed.comments(s));
      }
    }
    for (String q : queries()) {
      feeds.add(RedditFeed.search(q));
    }
    return feeds;
  }
}
