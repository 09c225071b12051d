package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class ServiceFilesTest {
  @Test
  void shouldListEverySourceConnectorForServiceLoading() {
    assertThat(ServiceLoader.load(SourceConnector.class).stream().map(p -> p.type().getName()))
        .contains(
            "io.sociallistening.connect.replay.ReplaySourceConnector",
            "io.sociallistening.connect.synthetic.SyntheticSourceConnector",
            "io.sociallistening.connect.hackernews.HackerNewsSourceConnector",
            "io.sociallistening.connect.rss.RssSourceConnector");
  }

  @Test
  void shouldListTheWebhookSinkForServiceLoading() {
    assertThat(ServiceLoader.load(SinkConnector.class).stream().map(p -> p.type().getName()))
        .containsExactly("io.sociallistening.connect.webhook.WebhookSinkConnector");
  }
}
