package io.sociallistening.connect.bluesky;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A minimal RFC 6455 server on 127.0.0.1 for tests: it answers the opening handshake (with {@code
 * Sec-WebSocket-Accept}) or refuses it with a scripted status, sends the scripted text messages as
 * unmasked frames, then either drops the connection or keeps it open, ignoring what the client
 * sends. Connection n follows script n; later connections stay open and silent. A connection is
 * ended with a Close frame (1001) after its messages rather than a bare hang-up: on a hang-up the
 * JDK client may report the end of the stream before frames still in its buffers, which the source
 * tolerates (it resubscribes from the cursor) but which would make exact asserts racy.
 */
public final class WebSocketFixture implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** What one connection does. */
  public record Script(
      int refuseStatus, List<String> messages, boolean dropAfter, String retryAfter) {
    public static Script send(List<String> messages) {
      return new Script(0, messages, false, null);
    }

    public static Script sendThenClose(List<String> messages) {
      return new Script(0, messages, true, null);
    }

    public static Script refuse(int status, String retryAfter) {
      return new Script(status, List.of(), true, retryAfter);
    }
  }

  private final ServerSocket server;
  private final List<Script> scripts;
  private final List<String> requests = new ArrayList<>();
  private final List<Socket> open = new ArrayList<>();
  private final Thread acceptor;

  public WebSocketFixture(Script... scripts) {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.scripts = List.of(scripts);
    acceptor = new Thread(this::accept, "websocket-fixture");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code ws://127.0.0.1:<port>/subscribe}. */
  public String url() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "/subscribe";
  }

  /** Request targets (path and query) of the handshakes received so far. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    int n = 0;
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Script script = n < scripts.size() ? scripts.get(n) : Script.send(List.of());
        n++;
        Thread t =
            new Thread(
                () -> {
                  try {
                    serve(s, script);
                  } catch (IOException e) {
                    // the client went away
                  }
                },
                "websocket-fixture-" + n);
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, Script script) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    List<String> lines = readHead(in);
    String target = lines.get(0).split(" ")[1];
    String key = null;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
    }
    synchronized (this) {
      requests.add(target);
    }
    if (script.refuseStatus() != 0) {
      String head =
          "HTTP/1.1 "
              + script.refuseStatus()
              + " Refused\r\nContent-Length: 0\r\n"
              + (script.retryAfter() == null ? "" : "Retry-After: " + script.retryAfter() + "\r\n")
              + "Connection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.close();
      return;
    }
    String head =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept(key)
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    for (String m : script.messages()) {
      out.write(frame(m));
    }
    out.flush();
    if (script.dropAfter()) {
      out.write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xe9}); // close, 1001 going away
      out.flush();
      s.setSoTimeout(2_000);
      try {
        in.readAllBytes(); // until the client answers the close and hangs up
      } catch (IOException e) {
        // timed out or reset: hang up anyway
      }
      s.close();
    } else {
      synchronized (this) {
        open.add(s);
      }
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int prev = -1;
    int b;
    while ((b = in.read()) >= 0) {
      if (prev == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
      prev = b;
    }
    throw new IOException("handshake ended early");
  }

  private static String accept(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One final, unmasked text frame. */
  static byte[] frame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
    f.write(0x81);
    if (payload.length <= 125) {
      f.write(payload.length);
    } else if (payload.length <= 0xffff) {
      f.write(126);
      f.write(payload.length >>> 8);
      f.write(payload.length & 0xff);
    } else {
      f.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        f.write((int) (((long) payload.length >>> shift) & 0xff));
      }
    }
    f.writeBytes(payload);
    return f.toByteArray();
  }

  @Override
  public synchronized void close() {
    try {
      server.close();
      for (Socket s : open) {
        s.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
