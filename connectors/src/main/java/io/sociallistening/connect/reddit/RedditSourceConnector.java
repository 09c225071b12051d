package io.sociallistening.connect.reddit;

import io.sociallistening.connect.ListeningSourceConnector;

/**
 * Reads new Reddit posts (and optionally comments) of subreddits and site-wide searches into the
 * raw mentions topic. One task: Reddit's rate limit is per client, so more tasks would only share
 * it. Use {@code org.apache.kafka.connect.storage.StringConverter} for keys and {@code
 * io.sociallistening.connect.MentionAvroConverter} for values.
 */
public final class RedditSourceConnector extends ListeningSourceConnector<RedditSourceConfig> {
  public RedditSourceConnector() {
    super(RedditSourceConfig.CONFIG_DEF, RedditSourceTask.class, RedditSourceConfig::new);
  }
}
