package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.connect.bluesky.BlueskySourceConnector;
import io.sociallistening.connect.mastodon.MastodonSourceConnector;
import io.sociallistening.connect.reddit.RedditSourceConnector;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class SocialConnectorsTest {

  @Test
  void shouldListTheSocialConnectorsAsServices() {
    assertThat(ServiceLoader.load(SourceConnector.class).stream().map(p -> p.type().getName()))
        .contains(
            "io.sociallistening.connect.bluesky.BlueskySourceConnector",
            "io.sociallistening.connect.mastodon.MastodonSourceConnector",
            "io.sociallistening.connect.reddit.RedditSourceConnector");
  }

  @Test
  void shouldRunOneTaskWithTheGivenConfig() {
    Map<String, String> props = Map.of("reddit.subreddits", "acme");
    RedditSourceConnector reddit = new RedditSourceConnector();
    reddit.start(props);

    assertThat(reddit.taskConfigs(4)).isEqualTo(List.of(props));
    assertThat(reddit.version()).isEqualTo(ConnectorVersion.get());
    assertThat(new BlueskySourceConnector().config().names()).contains("bluesky.keywords");
  }

  @Test
  void shouldRefuseToStartOnABadConfig() {
    assertThatThrownBy(() -> new MastodonSourceConnector().start(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mastodon.hashtags");
    assertThatThrownBy(
            () -> new BlueskySourceConnector().start(Map.of("bluesky.jetstream.url", "x")))
        .hasMessageContaining("bluesky.jetstream.url");
  }
}
