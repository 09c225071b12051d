package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedConnectIT {
  @TempDir Path dataDir;

  @Test
  void shouldNameTheRestAddressWhenItsPortIsTaken() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.startOnFreePorts(dataDir.resolve("broker"));
        ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  EmbeddedConnect.start(
                      kafka.bootstrapServers(),
                      "http://127.0.0.1:1",
                      dataDir,
                      "127.0.0.1",
                      port,
                      Map.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Cannot start Kafka Connect with its REST API on http://127.0.0.1:" + port + ": ");
    }
  }
}
