package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowQueriesTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void shouldForwardToTheOwnerByItsAdvertisedHostAndPort() {
    URI uri =
        WindowQueries.forwardUri(
            new HostInfo("topology-2", 8080),
            "acme air",
            WindowQueries.Size.MINUTE,
            FROM,
            TO,
            10,
            false);

    assertThat(uri)
        .hasToString(
            "http://topology-2:8080/api/brands/acme%20air/windows?size=1m"
                + "&from=2026-01-01T00%3A00%3A00Z&to=2026-01-02T00%3A00%3A00Z&limit=10&local=true");
  }

  @Test
  void shouldForwardToAnOwnerAdvertisedByAnIpv6AddressInBrackets() {
    // application.server "fd00::5:8080" names host fd00::5, port 8080; without brackets the
    // request URI has no host and the HTTP client refuses it
    URI uri =
        WindowQueries.forwardUri(
            new HostInfo("fd00::5", 8080), "nimbus", WindowQueries.Size.HOUR, FROM, TO, 10, true);

    assertThat(uri.getHost()).isEqualTo("[fd00::5]");
    assertThat(uri.getPort()).isEqualTo(8080);
    assertThat(uri.getRawQuery()).endsWith("&local=true&stale=true");
  }

  @Test
  void shouldAnswer503WhileKafkaStreamsIsNotRunning(@TempDir Path stateDir) throws Exception {
    // before it has started, and once it has stopped or failed, Streams refuses metadata queries
    // with an exception that the server answered 500 (logged with its stack trace per request)
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in");
    KafkaStreams streams =
        new KafkaStreams(
            builder.build(),
            new StreamsConfig(
                Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, "window-queries-test",
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                    StreamsConfig.STATE_DIR_CONFIG, stateDir.toString())));
    WindowQueries queries =
        new WindowQueries(streams, new HostInfo("localhost", 8080), Optional.empty());
    try {
      WindowQueries.Answer created =
          queries.windows("nimbus", WindowQueries.Size.MINUTE, FROM, TO, 10, false, false);

      assertThat(created.status()).isEqualTo(503);
      assertThat(created.body())
          .isEqualTo("{\"error\":\"Kafka Streams is not running here (CREATED)\"}");
    } finally {
      streams.close();
    }
    WindowQueries.Answer closed =
        queries.windows("nimbus", WindowQueries.Size.MINUTE, FROM, TO, 10, false, false);

    assertThat(closed.status()).isEqualTo(503);
    assertThat(closed.body())
        .isEqualTo("{\"error\":\"Kafka Streams is not running here (NOT_RUNNING)\"}");
  }
}
