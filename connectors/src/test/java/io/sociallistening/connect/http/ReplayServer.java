package io.sociallistening.connect.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 and an ephemeral port that answers requests with scripted
 * replies in order (then the fallback reply) and records every request.
 */
public final class ReplayServer implements AutoCloseable {
  /** A scripted reply; a chunked one is sent without Content-Length. */
  public record Reply(int status, Map<String, String> headers, byte[] body, boolean streamed) {
    public Reply(int status, Map<String, String> headers, byte[] body) {
      this(status, headers, body, false);
    }

    public static Reply ok(String body, String contentType) {
      return new Reply(200, Map.of("Content-Type", contentType), utf8(body));
    }

    public static Reply status(int status) {
      return new Reply(status, Map.of(), utf8("{\"message\":\"status " + status + "\"}"));
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, streamed);
    }

    /** This reply sent in chunks, without Content-Length. */
    public Reply chunked() {
      return new Reply(status, headers, body, true);
    }
  }

  /** A recorded request; header names in lower case, query decoded. */
  public record Request(
      String method, String path, String query, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private Reply fallback = Reply.status(404);
  private Function<Request, Reply> responder;

  public ReplayServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          URI uri = exchange.getRequestURI();
          Map<String, String> headers = new LinkedHashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String query =
              uri.getRawQuery() == null
                  ? null
                  : URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
          Reply reply;
          synchronized (this) {
            Request request =
                new Request(exchange.getRequestMethod(), uri.getPath(), query, headers, body);
            requests.add(request);
            reply =
                !script.isEmpty()
                    ? script.poll()
                    : responder != null ? responder.apply(request) : fallback;
          }
          reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.sendResponseHeaders(
              reply.status(),
              reply.streamed() ? 0 : reply.body().length == 0 ? -1 : reply.body().length);
          try {
            if (reply.body().length > 0) {
              exchange.getResponseBody().write(reply.body());
            }
          } catch (IOException e) {
            // the client stopped reading (a body over its limit)
          }
          exchange.close();
        });
    server.start();
  }

  public synchronized ReplayServer enqueue(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** The reply once the script is used up (404 unless set). */
  public synchronized ReplayServer fallback(Reply reply) {
    fallback = reply;
    return this;
  }

  /** Answers each request with {@code responder} once the script is used up. */
  public synchronized ReplayServer respond(Function<Request, Reply> responder) {
    this.responder = responder;
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The whole text of a test resource. */
  public static String resource(String name) {
    try (InputStream in = ReplayServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
