package io.sociallistening.connect.hackernews;

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
  public static final String TOPIC_CONFIG = "topic";

  public static final String DEFAULT_API_URL = "https://hn.algolia.com/api/v1";
  public static final String DEFAULT_TOPIC = "social.mentions.raw";

  private static final String GROUP = "Hacker News";

  public static final ConfigDef CONFIG_DEF =
      HttpSettings.define(
          new ConfigDef()
              .define(
                  QUERIES_CONFIG,
                  Type.LIST,
                  ConfigDef.NO_DEFAULT_VALUE,
                  new QueriesValidator(),
                  Importance.HIGH,
                  "Keywords to search for, comma-separated; each is one Algolia full-text query"
                      + " and one source partition. Tasks split the queries between them.",
                  GROUP,
                  1,
                  Width.LONG,
                  "Queries")
              .define(
                  TOPIC_CONFIG,
                  Type.STRING,
                  DEFAULT_TOPIC,
                  new ConfigDef.NonEmptyStringWithoutControlChars(),
                  Importance.HIGH,
                  "Topic the mentions are written to.",
                  GROUP,
                  2,
                  Width.MEDIUM,
                  "Topic")
              .define(
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
                  "Tags")
              .define(
                  POLL_INTERVAL_CONFIG,
                  Type.LONG,
                  60_000L,
                  Range.atLeast(1_000L),
                  Importance.MEDIUM,
                  "Time between two searches of one query, in ms.",
                  GROUP,
                  4,
                  Width.SHORT,
                  "Poll interval")
              .define(
                  LOOKBACK_CONFIG,
                  Type.LONG,
                  3_600_000L,
                  Range.atLeast(0L),
                  Importance.MEDIUM,
                  "On the first start of a query (no stored offset), how far back to read, in ms.",
                  GROUP,
                  5,
                  Width.SHORT,
                  "First-start lookback")
              .define(
                  HITS_PER_PAGE_CONFIG,
                  Type.INT,
                  100,
                  Range.between(1, 1_000),
                  Importance.LOW,
                  "Hits per search page (Algolia's hitsPerPage, at most 1000).",
                  GROUP,
                  6,
                  Width.SHORT,
                  "Hits per page")
              .define(
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
                  "Max pages")
              .define(
                  API_URL_CONFIG,
                  Type.STRING,
                  DEFAULT_API_URL,
                  HttpUrlValidator.required(),
                  Importance.LOW,
                  "Base URL of the Hacker News Algolia API; '/search_by_date' is appended.",
                  GROUP,
                  8,
                  Width.LONG,
                  "API URL"));

  public HackerNewsSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  public List<String> queries() {
    return getList(QUERIES_CONFIG).stream().map(String::strip).toList();
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
