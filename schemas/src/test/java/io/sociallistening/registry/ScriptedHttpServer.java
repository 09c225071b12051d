package io.sociallistening.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in registry for client tests: answers the n-th request with the n-th scripted response
 * (the last one repeats) and records every request it saw.
 */
final class ScriptedHttpServer implements AutoCloseable {
  record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(int status, String body) {
      return new Answer(status, Map.of(), body);
    }
  }

  record Seen(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  private final List<Answer> script;
  private final List<Seen> seen = new ArrayList<>();

  ScriptedHttpServer(Answer... script) {
    this.script = List.of(script);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Answer answer;
          synchronized (seen) {
            seen.add(
                new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            answer = this.script.get(Math.min(seen.size(), this.script.size()) - 1);
          }
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          exchange.getResponseHeaders().set("Content-Type", EmbeddedSchemaRegistry.CONFLUENT_JSON);
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
