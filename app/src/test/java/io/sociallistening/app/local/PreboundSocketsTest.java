package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

class PreboundSocketsTest {
  private static final int BACKLOG = 50;

  @Test
  void shouldHandTheBoundSocketToItsListenerNonBlockingWithTheReceiveBuffer() throws Exception {
    try (EmbeddedKafka.PreboundSockets sockets = new EmbeddedKafka.PreboundSockets()) {
      int port = sockets.bind("PLAINTEXT", "127.0.0.1", 0);
      // a buffer well below the system's default (Linux keeps twice the size asked for), so that
      // the size read back tells whether it was set
      int defaultSize;
      try (ServerSocketChannel plain = ServerSocketChannel.open()) {
        defaultSize = plain.socket().getReceiveBufferSize();
      }
      int receiveBuffer = Math.max(4096, defaultSize / 4);

      try (ServerSocketChannel socket =
          sockets.openServerSocket(
              "PLAINTEXT", new InetSocketAddress("127.0.0.1", port), BACKLOG, receiveBuffer)) {
        assertThat(((InetSocketAddress) socket.getLocalAddress()).getPort()).isEqualTo(port);
        assertThat(socket.isBlocking()).isFalse();
        assertThat(socket.socket().getReceiveBufferSize())
            .isGreaterThanOrEqualTo(receiveBuffer)
            .isLessThan(defaultSize);
      }
    }
  }

  @Test
  void shouldHandEachSocketOnceAndBindAListenerOpenedAgainAsKafkaDoes() throws Exception {
    try (EmbeddedKafka.PreboundSockets sockets = new EmbeddedKafka.PreboundSockets()) {
      int port = sockets.bind("PLAINTEXT", "127.0.0.1", 0);
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
      ServerSocketChannel first = sockets.openServerSocket("PLAINTEXT", address, BACKLOG, -1);
      // the listener stops (Kafka closes its socket) and is opened again
      first.close();

      try (ServerSocketChannel second =
          sockets.openServerSocket("PLAINTEXT", address, BACKLOG, -1)) {
        assertThat(second).isNotSameAs(first);
        assertThat(second.isOpen()).isTrue();
        assertThat(((InetSocketAddress) second.getLocalAddress()).getPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void shouldCloseOnlyTheSocketsNoListenerTook() throws Exception {
    ServerSocketChannel broker = ServerSocketChannel.open();
    broker.bind(new InetSocketAddress("127.0.0.1", 0));
    EmbeddedKafka.PreboundSockets sockets = new EmbeddedKafka.PreboundSockets();
    sockets.add("PLAINTEXT", broker);
    int controllerPort = sockets.bind("CONTROLLER", "127.0.0.1", 0);
    ServerSocketChannel controller =
        sockets.openServerSocket(
            "CONTROLLER", new InetSocketAddress("127.0.0.1", controllerPort), BACKLOG, -1);

    sockets.close();

    try (controller) {
      assertThat(controller.isOpen()).isTrue();
      assertThat(broker.isOpen()).isFalse();
    }
  }
}
