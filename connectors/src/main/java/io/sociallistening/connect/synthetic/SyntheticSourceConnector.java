package io.sociallistening.connect.synthetic;

import io.sociallistening.connect.ListeningSourceConnector;

/**
 * An endless live stream of generated mentions about the sample brands, for load tests and demos,
 * with optional periodic crisis bursts. One task.
 */
public final class SyntheticSourceConnector
    extends ListeningSourceConnector<SyntheticSourceConfig> {
  public SyntheticSourceConnector() {
    super(SyntheticSourceConfig.CONFIG_DEF, SyntheticSourceTask.class, SyntheticSourceConfig::new);
  }
}
