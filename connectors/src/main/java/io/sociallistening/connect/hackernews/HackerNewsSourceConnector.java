package io.sociallistening.connect.hackernews;

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
 * Searches Hacker News (stories and comments, through the public Algolia API) for keywords and
 * writes the hits as mentions to the raw mentions topic. Queries are split between at most {@code
 * tasks.max} tasks. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and
 * {@code io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class HackerNewsSourceConnector extends SourceConnector {
  private Map<String, String> props;
  private List<String> queries;

  @Override
  public void start(Map<String, String> props) {
    HackerNewsSourceConfig config = new HackerNewsSourceConfig(props);
    this.props = Map.copyOf(props);
    this.queries = config.queries();
  }

  @Override
  public Class<? extends Task> taskClass() {
    return HackerNewsSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (List<String> group :
        ConnectorUtils.groupPartitions(queries, Math.min(maxTasks, queries.size()))) {
      Map<String, String> task = new HashMap<>(props);
      task.put(HackerNewsSourceConfig.QUERIES_CONFIG, String.join(",", group));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return HackerNewsSourceConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }
}
