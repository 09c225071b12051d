package io.sociallistening.connect.bluesky;

import io.sociallistening.connect.ListeningSourceConnector;

/**
 * Reads new Bluesky posts matching keywords from the Jetstream firehose into the raw mentions
 * topic. One task: the firehose is one ordered stream with one cursor. Use {@code
 * org.apache.kafka.connect.storage.StringConverter} for keys and {@code
 * io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class BlueskySourceConnector extends ListeningSourceConnector<BlueskySourceConfig> {
  public BlueskySourceConnector() {
    super(BlueskySourceConfig.CONFIG_DEF, BlueskySourceTask.class, BlueskySourceConfig::new);
  }
}
