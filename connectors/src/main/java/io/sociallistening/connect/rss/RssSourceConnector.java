package io.sociallistening.connect.rss;

import io.sociallistening.connect.ConnectorVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * Polls RSS and Atom feeds (news, blogs, review sites) and writes their items as mentions of one
 * platform (NEWS, BLOG or REVIEW) to the raw mentions topic. Feeds are split between at most {@code
 * tasks.max} tasks. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and
 * {@code io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class RssSourceConnector extends SourceConnector {
  private Map<String, String> props;
  private List<String> feeds;

  @Override
  public void start(Map<String, String> props) {
    RssSourceConfig config = new RssSourceConfig(props);
    this.props = Map.copyOf(props);
    this.feeds = config.feedUrls().stream().map(Object::toString).toList();
  }

  @Override
  public Class<? extends Task> taskClass() {
    return RssSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (List<String> group :
        ConnectorUtils.groupPartitions(feeds, Math.min(maxTasks, feeds.size()))) {
      Map<String, String> task = new HashMap<>(props);
      task.put(RssSourceConfig.FEED_URLS_CONFIG, String.join(",", group));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return RssSourceConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }
}
