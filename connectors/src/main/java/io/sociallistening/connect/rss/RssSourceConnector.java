package io.sociallistening.connect.rss;

import io.sociallistening.connect.ListeningSourceConnector;
import java.util.List;
import java.util.Map;

/**
 * Polls RSS and Atom feeds (news, blogs, review sites) and writes their items as mentions of one
 * platform (NEWS, BLOG or REVIEW) to the raw mentions topic. Feeds are split between at most {@code
 * tasks.max} tasks. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and
 * {@code io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class RssSourceConnector extends ListeningSourceConnector<RssSourceConfig> {
  public RssSourceConnector() {
    super(RssSourceConfig.CONFIG_DEF, RssSourceTask.class, RssSourceConfig::new);
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<String> feeds = sourceConfig().feedUrls().stream().map(Object::toString).toList();
    return splitBetweenTasks(RssSourceConfig.FEED_URLS_CONFIG, feeds, maxTasks);
  }
}
