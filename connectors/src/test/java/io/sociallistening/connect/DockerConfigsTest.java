package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.connect.hackernews.HackerNewsSourceConnector;
import io.sociallistening.connect.rss.RssSourceConnector;
import io.sociallistening.connect.webhook.WebhookSinkConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ready-to-POST configs of docker/connect name a real class and pass its validation. */
class DockerConfigsTest {
  @ParameterizedTest
  @CsvSource({
    "hackernews.json, io.sociallistening.connect.hackernews.HackerNewsSourceConnector",
    "rss.json, io.sociallistening.connect.rss.RssSourceConnector",
    "webhook-slack.json, io.sociallistening.connect.webhook.WebhookSinkConnector",
    "webhook-json.json, io.sociallistening.connect.webhook.WebhookSinkConnector"
  })
  @SuppressWarnings("unchecked")
  void shouldValidateEachDockerConfig(String file, String connectorClass) throws IOException {
    Map<String, Object> json =
        new ObjectMapper().readValue(Path.of("../docker/connect", file).toFile(), Map.class);
    Map<String, String> config = (Map<String, String>) json.get("config");

    Connector connector = connector(connectorClass);
    assertThat(config.get("connector.class")).isEqualTo(connectorClass);
    assertThat(
            connector.validate(config).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .map(ConfigValue::name))
        .isEmpty();
  }

  private static Connector connector(String name) {
    return switch (name) {
      case "io.sociallistening.connect.hackernews.HackerNewsSourceConnector" ->
          new HackerNewsSourceConnector();
      case "io.sociallistening.connect.rss.RssSourceConnector" -> new RssSourceConnector();
      default -> new WebhookSinkConnector();
    };
  }
}
