package io.sociallistening.connect.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A server on 127.0.0.1 and a free port that answers every request with the headers of a 200 and
 * the start of its body, then sends nothing more and keeps the connection open until closed, as a
 * server or proxy that stalls mid-body does.
 */
public final class StallingServer implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> connections = new ArrayList<>();
  private final Semaphore stalled = new Semaphore(0);

  public StallingServer() {
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::serve, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + listener.getLocalPort() + path;
  }

  /** Waits until a request has its headers and is stalled in its body; false after 5 s. */
  public boolean awaitStall() throws InterruptedException {
    return stalled.tryAcquire(5, TimeUnit.SECONDS);
  }

  /** Requests answered so far. */
  public synchronized int requests() {
    return connections.size();
  }

  private void serve() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        synchronized (this) {
          connections.add(s);
        }
        s.getInputStream().read(new byte[8192]); // the request
        OutputStream out = s.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"hits\":[")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        stalled.release();
      } catch (IOException e) {
        // closed
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      listener.close();
      for (Socket s : connections) {
        s.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
