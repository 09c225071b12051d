package io.sociallistening.connect.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server on 127.0.0.1 and a free port that answers from a script: replies queued per path
 * are served in order, then the path's standing reply, else 404. Remembers every request.
 */
public final class FixtureServer implements AutoCloseable {
  /** A scripted reply. */
  public record Reply(int status, String body, Map<String, String> headers) {
    public static Reply json(int status, String body) {
      return new Reply(status, body, Map.of());
    }

    /** A 200 reply with the text of test resource {@code resource}. */
    public static Reply resource(String resource) {
      try (InputStream in = FixtureServer.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("No test resource " + resource);
        }
        return json(200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Reply withStatus(int newStatus) {
      return new Reply(newStatus, body, headers);
    }

    public Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, h);
    }
  }

  /** A received request: method, path with query, headers (names in lower case) and body. */
  public record Request(String method, String uri, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Reply>> queued = new LinkedHashMap<>();
  private final Map<String, Reply> standing = new LinkedHashMap<>();
  private final List<Request> requests = new ArrayList<>();

  private FixtureServer(HttpServer server) {
    this.server = server;
  }

  public static FixtureServer start() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FixtureServer fixture = new FixtureServer(http);
      http.createContext("/", fixture::handle);
      http.start();
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code replies} in order to requests whose path is {@code path}. */
  public synchronized FixtureServer enqueue(String path, Reply... replies) {
    Deque<Reply> q = queued.computeIfAbsent(path, p -> new ArrayDeque<>());
    q.addAll(List.of(replies));
    return this;
  }

  /** Serves {@code reply} to requests for {@code path} once its queue is empty. */
  public synchronized FixtureServer always(String path, Reply reply) {
    standing.put(path, reply);
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests whose path is {@code path}. */
  public synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> path(r.uri()).equals(path)).toList();
  }

  private static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    String uri = exchange.getRequestURI().toString();
    Reply reply;
    synchronized (this) {
      requests.add(new Request(exchange.getRequestMethod(), uri, headers, body));
      Deque<Reply> q = queued.get(path(uri));
      reply = q != null && !q.isEmpty() ? q.poll() : standing.get(path(uri));
    }
    if (reply == null) {
      reply = Reply.json(404, "{\"error\":\"not found\"}");
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
