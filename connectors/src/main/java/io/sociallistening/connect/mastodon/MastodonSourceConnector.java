package io.sociallistening.connect.mastodon;

import io.sociallistening.connect.ListeningSourceConnector;

/**
 * Reads hashtag timelines (and optionally the public timeline) of one Mastodon instance into the
 * raw mentions topic. One task: the instance's rate limit (300 requests per 5 minutes per IP or
 * token by default) is shared anyway. Run one connector per instance. Use {@code
 * org.apache.kafka.connect.storage.StringConverter} for keys and {@code
 * io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class MastodonSourceConnector extends ListeningSourceConnector<MastodonSourceConfig> {
  public MastodonSourceConnector() {
    super(MastodonSourceConfig.CONFIG_DEF, MastodonSourceTask.class, MastodonSourceConfig::new);
  }
}
