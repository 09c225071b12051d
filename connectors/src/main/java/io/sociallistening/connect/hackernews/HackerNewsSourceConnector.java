package io.sociallistening.connect.hackernews;

import io.sociallistening.connect.ListeningSourceConnector;
import java.util.List;
import java.util.Map;

/**
 * Searches Hacker News (stories and comments, through the public Algolia API) for keywords and
 * writes the hits as mentions to the raw mentions topic. Queries are split between at most {@code
 * tasks.max} tasks. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and
 * {@code io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class HackerNewsSourceConnector
    extends ListeningSourceConnector<HackerNewsSourceConfig> {
  public HackerNewsSourceConnector() {
    super(
        HackerNewsSourceConfig.CONFIG_DEF, HackerNewsSourceTask.class, HackerNewsSourceConfig::new);
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return splitBetweenTasks(
        HackerNewsSourceConfig.QUERIES_CONFIG, sourceConfig().queries(), maxTasks);
  }
}
