package io.sociallistening.connect.replay;

import io.sociallistening.connect.ListeningSourceConnector;
import org.apache.kafka.common.config.ConfigException;

/**
 * Replays a JSON-lines file of mentions, by default the bundled six-hour sample ({@code
 * classpath:sample/mentions.jsonl.gz}), to the raw mentions topic. One task: a file is read in
 * order. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and {@code
 * io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class ReplaySourceConnector extends ListeningSourceConnector<ReplaySourceConfig> {
  public ReplaySourceConnector() {
    super(ReplaySourceConfig.CONFIG_DEF, ReplaySourceTask.class, ReplaySourceConfig::new);
  }

  @Override
  protected void check(ReplaySourceConfig config) {
    if (!MentionLines.exists(config.file())) {
      throw new ConfigException(
          ReplaySourceConfig.FILE_CONFIG,
          config.file(),
          "no such readable file or classpath resource");
    }
  }
}
