package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

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
}
