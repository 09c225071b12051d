package io.sociallistening.connect.hackernews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class HackerNewsSourceConfigTest {
  @Test
  void shouldApplyDefaults() {
    HackerNewsSourceConfig c =
        new HackerNewsSourceConfig(Map.of("hackernews.queries", "acme, skyways"));

    assertThat(c.queries()).containsExactly("acme", "skyways");
    assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.apiUrl().toString()).isEqualTo("https://hn.algolia.com/api/v1");
    assertThat(c.tags()).isEqualTo("(story,comment)");
    assertThat(c.http().retry().maxAttempts()).isEqualTo(4);
  }

  @Test
  void shouldNameTheKeyOfAMissingQueryList() {
    assertThatThrownBy(() -> new HackerNewsSourceConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hackernews.queries");
  }

  @Test
  void shouldNameTheKeyOfABadApiUrl() {
    assertThatThrownBy(
            () ->
                new HackerNewsSourceConfig(
                    Map.of("hackernews.queries", "acme", "hackernews.api.url", "ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value ftp://x for configuration hackernews.api.url: must be an absolute http"
                + " or https URL with a host");
  }

  @Test
  void shouldSplitQueriesBetweenTasks() {
    HackerNewsSourceConnector connector = new HackerNewsSourceConnector();
    connector.start(Map.of("hackernews.queries", "a,b,c"));

    List<Map<String, String>> tasks = connector.taskConfigs(2);

    assertThat(tasks).extracting(t -> t.get("hackernews.queries")).containsExactly("a,b", "c");
    assertThat(connector.taskConfigs(5)).hasSize(3);
  }

  @Test
  void shouldGiveEachTaskDistinctQueriesWhenOneIsListedTwice() {
    HackerNewsSourceConnector connector = new HackerNewsSourceConnector();
    connector.start(Map.of("hackernews.queries", "a, b,a ,c"));

    List<Map<String, String>> tasks = connector.taskConfigs(3);

    assertThat(tasks).extracting(t -> t.get("hackernews.queries")).containsExactly("a", "b", "c");
  }
}
