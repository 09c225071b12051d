package io.sociallistening.connect.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RedditSourceConfigTest {

  @Test
  void shouldHaveSensibleDefaults() {
    RedditSourceConfig config =
        new RedditSourceConfig(Map.of("reddit.subreddits", "r/acme, travel"));

    assertThat(config.subreddits()).containsExactly("acme", "travel");
    assertThat(config.feeds()).extracting(RedditFeed::name).containsExactly("r/acme", "r/travel");
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.baseUrl()).isEqualTo("https://www.reddit.com");
    assertThat(config.oauthUrl()).isEqualTo("https://oauth.reddit.com");
    assertThat(config.tokenUrl()).isEqualTo("https://www.reddit.com/api/v1/access_token");
    assertThat(config.authenticated()).isFalse();
    assertThat(config.http().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldReadASubredditListedTwiceInAnyCaseOnce() {
    RedditSourceConfig config =
        new RedditSourceConfig(Map.of("reddit.subreddits", "r/Acme, acme, /r/ACME, travel"));

    assertThat(config.subreddits()).containsExactly("Acme", "travel");
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> new RedditSourceConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value  for configuration reddit.subreddits: name at least one subreddit"
                + " here or one search query in reddit.queries");
    assertThatThrownBy(() -> new RedditSourceConfig(Map.of("reddit.subreddits", "acme/new")))
        .hasMessage(
            "Invalid value acme/new for configuration reddit.subreddits: is not a subreddit name"
                + " (2-21 letters, digits or '_')");
    assertThatThrownBy(
            () ->
                new RedditSourceConfig(
                    Map.of("reddit.subreddits", "acme", "reddit.client.id", "abc")))
        .hasMessage(
            "Invalid value [hidden] for configuration reddit.client.secret: is required when"
                + " reddit.client.id is set");
    assertThatThrownBy(
            () ->
                new RedditSourceConfig(
                    Map.of("reddit.subreddits", "acme", "reddit.base.url", "reddit.com")))
        .hasMessage(
            "Invalid value reddit.com for configuration reddit.base.url: must be an absolute http"
                + " or https URL with a host");
    assertThatThrownBy(
            () ->
                new RedditSourceConfig(
                    Map.of("reddit.subreddits", "acme", "reddit.poll.interval.ms", "10")))
        .hasMessageContaining("reddit.poll.interval.ms");
    assertThatThrownBy(
            () ->
                new RedditSourceConfig(
                    Map.of(
                        "reddit.subreddits",
                        "acme",
                        "reddit.retry.backoff.ms",
                        "5000",
                        "reddit.retry.backoff.max.ms",
                        "1000")))
        .hasMessage(
            "Invalid value 1000 for configuration reddit.retry.backoff.max.ms: must be at least"
                + " reddit.retry.backoff.ms (5000)");
  }

  @Test
  void shouldKeepSecretsOutOfItsStringForm() {
    RedditSourceConfig config =
        new RedditSourceConfig(
            Map.of(
                "reddit.subreddits", "acme",
                "reddit.client.id", "my-id",
                "reddit.client.secret", "my-secret"));

    assertThat(config.clientSecret()).isEqualTo("my-secret");
    assertThat(config.authenticated()).isTrue();
    assertThat(config.toString()).doesNotContain("my-secret").doesNotContain("my-id");
    assertThat(RedditSourceConfig.CONFIG_DEF.configKeys().get("reddit.client.secret").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
  }
}
