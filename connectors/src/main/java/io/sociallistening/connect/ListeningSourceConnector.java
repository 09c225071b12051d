package io.sociallistening.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * What every source connector of the project shares: {@link #start} validates the properties by
 * building the source's config (failing with a {@link
 * org.apache.kafka.common.config.ConfigException} naming the key) and keeps them; by default one
 * task gets them all. A source whose work splits (queries, feeds) overrides {@link #taskConfigs}
 * with {@link #splitBetweenTasks}.
 *
 * @param <C> the source's config
 */
public abstract class ListeningSourceConnector<C extends AbstractConfig> extends SourceConnector {
  private final ConfigDef configDef;
  private final Class<? extends Task> taskClass;
  private final Function<Map<String, String>, C> parse;
  private Map<String, String> props;
  private C sourceConfig;

  protected ListeningSourceConnector(
      ConfigDef configDef,
      Class<? extends Task> taskClass,
      Function<Map<String, String>, C> parse) {
    this.configDef = configDef;
    this.taskClass = taskClass;
    this.parse = parse;
  }

  @Override
  public final void start(Map<String, String> props) {
    C config = parse.apply(props);
    check(config);
    this.sourceConfig = config;
    this.props = Map.copyOf(props);
  }

  /** Checks what the config definition cannot; throws to refuse to start. Does nothing here. */
  protected void check(C config) {}

  @Override
  public final Class<? extends Task> taskClass() {
    return taskClass;
  }

  /** One task with all the properties. */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  /**
   * Splits {@code values} into at most {@code maxTasks} groups; each task gets the properties with
   * {@code key} set to its group, comma-separated.
   */
  protected final List<Map<String, String>> splitBetweenTasks(
      String key, List<String> values, int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (List<String> group :
        ConnectorUtils.groupPartitions(values, Math.min(maxTasks, values.size()))) {
      Map<String, String> task = new HashMap<>(props);
      task.put(key, String.join(",", group));
      configs.add(task);
    }
    return configs;
  }

  /** The config built by the last {@link #start}. */
  protected final C sourceConfig() {
    return sourceConfig;
  }

  @Override
  public final void stop() {}

  @Override
  public final ConfigDef config() {
    return configDef;
  }

  @Override
  public final String version() {
    return ConnectorVersion.get();
  }
}
