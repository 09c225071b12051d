package io.sociallistening.connect.synthetic;

import io.sociallistening.connect.ConnectorVersion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * An endless live stream of generated mentions about the sample brands, for load tests and demos,
 * with optional periodic crisis bursts. One task.
 */
public final class SyntheticSourceConnector extends SourceConnector {
  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new SyntheticSourceConfig(props);
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return SyntheticSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return SyntheticSourceConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }
}
