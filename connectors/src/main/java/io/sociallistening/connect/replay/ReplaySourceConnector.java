package io.sociallistening.connect.replay;

import io.sociallistening.connect.ConnectorVersion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Replays a JSON-lines file of mentions, by default the bundled six-hour sample ({@code
 * classpath:sample/mentions.jsonl.gz}), to the raw mentions topic. One task: a file is read in
 * order. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and {@code
 * io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class ReplaySourceConnector extends SourceConnector {
  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    ReplaySourceConfig config = new ReplaySourceConfig(props);
    if (!MentionLines.exists(config.file())) {
      throw new ConfigException(
          ReplaySourceConfig.FILE_CONFIG,
          config.file(),
          "no such readable file or classpath resource");
    }
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return ReplaySourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return ReplaySourceConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }
}
