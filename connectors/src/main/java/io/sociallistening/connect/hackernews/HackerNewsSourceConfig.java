package io.sociallistening.connect.hackernews;

import io.sociallistening.connect.CommonSourceConfig;
import io.sociallistening.connect.http.HttpSettings;
import io.sociallistening.connect.http.HttpUrlValidator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** Configuration of the Hacker News source; a bad value fails at start naming its key. */
public final class HackerNewsSourceConfig extends AbstractConfig {
  public static final String QUERIES_CONFIG = "hackernews.queries";
  public static final String TAGS_CONFIG = "hackernews.tags";
  public static final String API_URL_CONFIG = "hackernews.api.url";
  public static final String POLL_INTERVAL_CONFIG = "hackernews.poll.interval.ms";
  public static final String LOOKBACK_CONFIG = "hackernews.lookback.ms";
  public static final String HITS_PER_PAGE_CONFIG = "hackernews.hits.per.page";
  public static final String MAX_PAGES_CONFIG = "hackernews.max.pages";
  public static final String OVERLAP_CONFIG = "hackernews.overlap.seconds";
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;

  public static final String DEFAULT_API_URL = "https://hn.algolia.com/api/v1";
  public static final String DEFAULT_TOPIC = CommonSourceConfig.DEFAULT_TOPIC;

  private static final String GROUP = "Hacker News";

  public static final ConfigDef CONFIG_DEF = configDef();

  private final List<String> queries;

  public HackerNewsSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    queries =
        CommonSourceConfig.listedOnce(
            QUERIES_CONFIG, getList(QUERIES_CONFIG).stream().map(String::strip).toList());
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    def.define(
        QUERIES_CONFIG,
        Type.LIST,
        ConfigDef.NO_DEFAULT_VALUE,
        new QueriesValidator(),
        Importance.HIGH,
        "Keywords to search for, comma-separated; each is one Algolia full-text query"
            + " and one source partition. Tasks split the queries between them. A query listed"
            + " more than once is searched once (logged at WARN).",
        GROUP,
        1,
        Width.LONG,
        "Queries");
    CommonSourceConfig.topic(def, GROUP, 2);
    def.define(
        TAGS_CONFIG,
        Type.STRING,
        "(story,comment)",
        new ConfigDef.NonEmptyStringWithoutControlChars(),
        Importance.MEDIUM,
        "Algolia 'tags' filter: '(story,comment)' for stories and comments, 'story' for"
            + " stories only.",
        GROUP,
        3,
        Width.SHORT,
        "Tags");
    CommonSourceConfig.pollInterval(
        def,
        POLL_INTERVAL_CONFIG,
        60_000L,
        Long.MAX_VALUE,
        "Time between two searches of one query, in ms.",
        GROUP,
        4,
        "Poll interval");
    CommonSourceConfig.firstStartLookback(
        def,
        LOOKBACK_CONFIG,
        3_600_000L,
        "On the first start of a query (no stored offset), how far back to read, in ms.",
        GROUP,
        5);
    def.define(
        HITS_PER_PAGE_CONFIG,
        Type.INT,
        100,
        Range.between(1, 1_000),
        Importance.LOW,
        "Hits per search page (Algolia's hitsPerPage, at most 1000).",
        GROUP,
        6,
        Width.SHORT,
        "Hits per page");
    def.define(
        MAX_PAGES_CONFIG,
        Type.INT,
        10,
        Range.between(1, 100),
        Importance.LOW,
        "Most pages read per search. When a search has more, the task narrows it to"
            + " the older end and reads forward from there, so a backlog is read oldest"
            + " first with no gap.",
        GROUP,
        7,
        Width.SHORT,
        "Max pages");
    def.define(
        API_URL_CONFIG,
        Type.STRING,
        DEFAULT_API_URL,
        HttpUrlValidator.required(),
        Importance.LOW,
        "Base URL of the Hacker News Algolia API; '/search_by_date' is appended.",
        GROUP,
        8,
        Width.LONG,
        "API URL");
    def.define(
        OVERLAP_CONFIG,
        Type.LONG,
        60L,
        Range.between(0L, 86_400L),
        Importance.LOW,
        "Each search re-reads this many seconds before the newest hit delivered and drops the"
            + " ids already delivered, so a hit the search index adds after newer ones were read"
            + " is still found.",
        GROUP,
        9,
        Width.SHORT,
        "Overlap (s)");
    return HttpSettings.define(def);
  }

  /** The queries, each once (a query listed again is dropped, logged at WARN). */
  public List<String> queries() {
    return queries;
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public String tags() {
    return getString(TAGS_CONFIG);
  }

  public URI apiUrl() {
    String url = getString(API_URL_CONFIG).strip();
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_CONFIG));
  }

  public Duration lookback() {
    return Duration.ofMillis(getLong(LOOKBACK_CONFIG));
  }

  public long overlapSeconds() {
    return getLong(OVERLAP_CONFIG);
  }

  public int hitsPerPage() {
    return getInt(HITS_PER_PAGE_CONFIG);
  }

  public int maxPages() {
    return getInt(MAX_PAGES_CONFIG);
  }

  public HttpSettings http() {
    return HttpSettings.from(this);
  }

  /** At least one query, none blank. */
  private static final class QueriesValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      List<?> list = (List<?>) value;
      if (list == null || list.isEmpty()) {
        throw new ConfigException(name, value, "needs at least one query");
      }
      for (Object q : list) {
        if (q == null || q.toString().isBlank()) {
          throw new ConfigException(name, value, "has an empty query");
        }
      }
    }

    @Override
    public String toString() {
      return "non-empty list of non-blank queries";
    }
  }
}
