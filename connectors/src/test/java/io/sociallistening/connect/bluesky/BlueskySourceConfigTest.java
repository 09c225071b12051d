package io.sociallistening.connect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class BlueskySourceConfigTest {

  @Test
  void shouldDefaultToThePublicJetstream() {
    BlueskySourceConfig config = new BlueskySourceConfig(Map.of());

    assertThat(config.url()).isEqualTo("wss://jetstream2.us-east.bsky.network/subscribe");
    assertThat(config.keywords()).isEmpty();
    assertThat(config.overlap()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.queueCapacity()).isEqualTo(10_000);
    assertThat(config.reconnectBackoffMax()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(
            () -> new BlueskySourceConfig(Map.of("bluesky.jetstream.url", "https://x.example")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value https://x.example for configuration bluesky.jetstream.url: must be an"
                + " absolute ws or wss URL with a host");
    assertThatThrownBy(
            () ->
                new BlueskySourceConfig(
                    Map.of("bluesky.jetstream.url", "wss://x.example/subscribe?cursor=1")))
        .hasMessage(
            "Invalid value wss://x.example/subscribe?cursor=1 for configuration"
                + " bluesky.jetstream.url: must not have a query");
    assertThatThrownBy(() -> new BlueskySourceConfig(Map.of("bluesky.queue.capacity", "0")))
        .hasMessage(
            "Invalid value 0 for configuration bluesky.queue.capacity: Value must be at least 1");
  }
}
