package io.sociallistening.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WebhookSinkConfigTest {
  @Test
  void shouldDefaultToSlackWithoutAuthorization() {
    WebhookSinkConfig c =
        new WebhookSinkConfig(
            Map.of(
                "webhook.url", "https://hooks.example.com/services/x",
                "schema.registry.url", "http://localhost:8081"));

    assertThat(c.format()).isEqualTo(WebhookFormat.SLACK);
    assertThat(c.authorization()).isNull();
    assertThat(c.url().getHost()).isEqualTo("hooks.example.com");
  }

  @Test
  void shouldNameTheKeyOfABadUrlWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                new WebhookSinkConfig(
                    Map.of(
                        "webhook.url", "hooks.example.com/s3cr3t",
                        "schema.registry.url", "http://localhost:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value [hidden] for configuration webhook.url: must be an absolute http or"
                + " https URL with a host");
  }

  @Test
  void shouldNameTheKeyOfAnUnknownFormat() {
    assertThatThrownBy(
            () ->
                new WebhookSinkConfig(
                    Map.of(
                        "webhook.url", "https://hooks.example.com/x",
                        "webhook.format", "teams",
                        "schema.registry.url", "http://localhost:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid value teams for configuration webhook.format");
  }

  @Test
  void shouldRequireTheRegistryUrl() {
    assertThatThrownBy(
            () -> new WebhookSinkConfig(Map.of("webhook.url", "https://hooks.example.com/x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }
}
