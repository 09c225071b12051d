package io.sociallistening.connect.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RssSourceConfigTest {
  @Test
  void shouldApplyDefaults() {
    RssSourceConfig c = new RssSourceConfig(Map.of("rss.feed.urls", "https://a.example/feed"));

    assertThat(c.platform()).isEqualTo(Platform.NEWS);
    assertThat(c.pollInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.lookback()).isEqualTo(Duration.ofDays(1));
    assertThat(c.topic()).isEqualTo("social.mentions.raw");
  }

  @Test
  void shouldNameTheKeyOfABadFeedUrl() {
    assertThatThrownBy(
            () -> new RssSourceConfig(Map.of("rss.feed.urls", "https://a.example/f,not a url")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid value not a url for configuration rss.feed.urls");
  }

  @Test
  void shouldNameTheKeyOfAnUnknownPlatform() {
    assertThatThrownBy(
            () ->
                new RssSourceConfig(
                    Map.of("rss.feed.urls", "https://a.example/f", "rss.platform", "REDDIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid value REDDIT for configuration rss.platform");
  }

  @Test
  void shouldSplitFeedsBetweenTasks() {
    RssSourceConnector connector = new RssSourceConnector();
    connector.start(
        Map.of("rss.feed.urls", "https://a.example/1,https://a.example/2,https://a.example/3"));

    List<Map<String, String>> tasks = connector.taskConfigs(2);

    assertThat(tasks)
        .extracting(t -> t.get("rss.feed.urls"))
        .containsExactly("https://a.example/1,https://a.example/2", "https://a.example/3");
  }

  @Test
  void shouldGiveEachTaskDistinctFeedsWhenOneIsListedTwice() {
    RssSourceConnector connector = new RssSourceConnector();
    connector.start(
        Map.of("rss.feed.urls", "https://a.example/1,https://a.example/2, https://a.example/1"));

    List<Map<String, String>> tasks = connector.taskConfigs(3);

    assertThat(tasks)
        .extracting(t -> t.get("rss.feed.urls"))
        .containsExactly("https://a.example/1", "https://a.example/2");
  }
}
