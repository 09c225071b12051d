package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.topology.match.RuleBook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReportDownOnceStreamsIsFailingNotOnlyWhenItHasFailed() {
    assertThat(WebServer.alive(org.apache.kafka.streams.KafkaStreams.State.PENDING_ERROR))
        .isFalse();
    assertThat(WebServer.alive(org.apache.kafka.streams.KafkaStreams.State.ERROR)).isFalse();
    assertThat(WebServer.alive(org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING)).isFalse();
    assertThat(WebServer.alive(org.apache.kafka.streams.KafkaStreams.State.REBALANCING)).isTrue();
    assertThat(WebServer.alive(org.apache.kafka.streams.KafkaStreams.State.RUNNING)).isTrue();
  }

  @Test
  void shouldKeepAPlusInABrandPathAsAPlus() {
    // '+' is a literal character in a URI path (RFC 3986); only form-encoded queries read it as
    // a space
    assertThat(WebServer.windowsBrand("/api/brands/Disney+/windows")).contains("Disney+");
    assertThat(WebServer.windowsBrand("/api/brands/C%2B%2B/windows")).contains("C++");
    assertThat(WebServer.windowsBrand("/api/brands/Caf%C3%A9%20Ol%C3%A9/windows"))
        .contains("Café Olé");
    assertThat(WebServer.windowsBrand("/api/brands/a%2Fb/windows")).contains("a/b");
  }

  @Test
  void shouldNotTakeTheWindowsPathWithoutABrandSegmentForABrand() {
    // "/api/brands/windows" both starts with "/api/brands/" and ends with "/windows": it must be
    // an unknown path (404), not an out-of-range substring (500); so is an empty brand
    assertThat(WebServer.windowsBrand("/api/brands/windows")).isEmpty();
    assertThat(WebServer.windowsBrand("/api/brands//windows")).isEmpty();
  }

  @Test
  void shouldRejectATimeBeyondEpochMillisAsABadParameter() {
    // Instant.parse reads it, but the window store cannot: that answered 503 ("not queryable
    // here"), which tells a client to retry, instead of 400
    assertThatThrownBy(() -> WebServer.instant("+1000000000-01-01T00:00:00Z", Instant.EPOCH))
        .isInstanceOf(BadParameter.class)
        .hasMessage("time out of range: '+1000000000-01-01T00:00:00Z'");
    assertThat(WebServer.instant("2125-01-01T00:00:00Z", Instant.EPOCH))
        .isEqualTo(Instant.parse("2125-01-01T00:00:00Z"));
    assertThat(WebServer.instant(null, Instant.EPOCH)).isEqualTo(Instant.EPOCH);
  }

  @Test
  void shouldRejectATimeBefore1970AsABadParameter() {
    // the window store fails on it ("segment interval has changed"), which answered 503
    assertThatThrownBy(() -> WebServer.instant("1960-01-01T00:00:00Z", Instant.EPOCH))
        .isInstanceOf(BadParameter.class)
        .hasMessage("time before 1970-01-01T00:00:00Z: '1960-01-01T00:00:00Z'");
    assertThat(WebServer.instant("1970-01-01T00:00:00Z", Instant.MAX)).isEqualTo(Instant.EPOCH);
  }

  @Test
  void shouldRejectAFromAfterToAsABadParameter() {
    // the window store fails on it ("segment interval has changed"), which answered 503
    assertThatThrownBy(
            () ->
                WebServer.timeRange(
                    Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z")))
        .isInstanceOf(BadParameter.class)
        .hasMessage("from 2026-01-02T00:00:00Z is after to 2026-01-01T00:00:00Z");
    assertThat(WebServer.timeRange(Map.of("to", "2026-01-01T00:00:00Z")))
        .isEqualTo(new WebServer.TimeRange(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(WebServer.timeRange(Map.of()))
        .isEqualTo(new WebServer.TimeRange(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z")));
  }

  @Test
  void shouldEndTheAlertStreamOnceTheFeedHasDroppedItsSubscriber() throws Exception {
    // a subscriber whose backlog overflows is dropped by the feed: its stream used to stay open
    // with keep-alives, so the browser's EventSource never reconnected and got no more alerts
    try (AlertFeed feed =
        new AlertFeed(
            Map.of("bootstrap.servers", "127.0.0.1:9"),
            new InMemorySchemaRegistry(),
            "alerts",
            10)) {
      AlertFeed.Subscription subscription = feed.subscribe(Optional.empty(), Duration.ZERO);
      for (int i = 0; i <= 1000; i++) {
        feed.publish(new AlertFeed.Published(0, i, "{\"n\":" + i + "}"));
      }
      assertThat(feed.subscribers()).isZero();
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      assertTimeoutPreemptively(
          Duration.ofSeconds(5), () -> WebServer.stream(feed, subscription, out, () -> true, 50));

      String events = out.toString(StandardCharsets.UTF_8);
      assertThat(events)
          .startsWith("retry: 3000\n: connected\n\nid: 0:1\nevent: alert\ndata: {\"n\":0}\n\n");
      assertThat(events.split("event: alert\n", -1)).hasSize(1001);
      assertThat(events).endsWith("data: {\"n\":999}\n\n: dropped (too far behind); reconnect\n\n");
    }
  }

  @Test
  void shouldAnswerHeadAsGetWithoutABodyAndNameTheMethodsItServes() throws Exception {
    // uptime checks send HEAD; a 405 must say which methods are allowed (RFC 9110)
    InstanceConfig config =
        InstanceConfig.load(
            Optional.empty(),
            Map.of(),
            Map.of(InstanceConfig.HTTP_PORT, "0", InstanceConfig.HTTP_HOST, "127.0.0.1"));
    try (WebServer server = WebServer.bind(config).orElseThrow()) {
      server.listen();
      HttpClient client = HttpClient.newHttpClient();
      URI root = URI.create("http://127.0.0.1:" + server.port());

      HttpResponse<String> health = send(client, "HEAD", root.resolve("/health"));
      HttpResponse<String> page = send(client, "HEAD", root.resolve("/"));
      HttpResponse<String> delete = send(client, "DELETE", root.resolve("/"));

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(health.body()).isEmpty();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
      assertThat(page.body()).isEmpty();
      assertThat(delete.statusCode()).isEqualTo(405);
      assertThat(delete.headers().firstValue("Allow")).contains("GET, HEAD");
      assertThat(delete.body()).isEqualTo("{\"error\":\"Only GET and HEAD are served\"}");
    }
  }

  @Test
  void shouldForbidSniffingEveryAnswerAndFramingOrForeignCodeInThePage() throws Exception {
    // without them a browser may run an answer it takes for a script, a foreign site may show the
    // page in a frame, and any markup that got into the page could load code from elsewhere
    try (WebServer server = WebServer.bind(httpConfig(Map.of())).orElseThrow()) {
      server.listen();
      HttpClient client = HttpClient.newHttpClient();
      URI root = URI.create("http://127.0.0.1:" + server.port());

      HttpResponse<String> page = send(client, "GET", root.resolve("/"));
      HttpResponse<String> script = send(client, "GET", root.resolve("/dashboard.js"));
      HttpResponse<String> health = send(client, "GET", root.resolve("/health"));
      HttpResponse<String> missing = send(client, "GET", root.resolve("/api/nothing"));

      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .contains(
              "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                  + " img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      for (HttpResponse<String> answer : List.of(page, script, health, missing)) {
        assertThat(answer.headers().firstValue("X-Content-Type-Options"))
            .as(answer.uri().getPath())
            .contains("nosniff");
      }
      assertThat(script.headers().firstValue("Content-Security-Policy")).isEmpty();
      assertThat(health.headers().firstValue("Content-Security-Policy")).isEmpty();
      assertThat(health.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Cache-Control")).contains("no-store");
    }
  }

  @Test
  void shouldAnswerAFailureWithAReferenceToItsLogEntryInsteadOfItsInternals(@TempDir Path stateDir)
      throws Exception {
    // the answer used to be the exception's toString(): its class and internal message
    RuntimeException failure = new UnsupportedOperationException("segment /var/state/0_1 is gone");
    try (Served served = serve(stateDir, Map.of(InstanceConfig.HTTP_TOKEN, "s3cret"), failure);
        CapturedLog log = new CapturedLog()) {

      HttpResponse<String> answer =
          send(
              HttpClient.newHttpClient(),
              "GET",
              served.uri("/api/brands/nimbus/windows?access_token=s3cret"));

      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.body()).doesNotContain("Unsupported").doesNotContain("/var/state");
      String reference = JSON.readTree(answer.body()).path("reference").asText();
      assertThat(reference).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(answer.body())
          .isEqualTo("{\"error\":\"internal error\",\"reference\":\"" + reference + "\"}");
      assertThat(log.events).hasSize(1);
      LogEvent logged = log.events.get(0);
      assertThat(logged.getLevel()).isEqualTo(Level.ERROR);
      assertThat(logged.getMessage().getFormattedMessage())
          .isEqualTo(
              "HTTP /api/brands/nimbus/windows?access_token=*** failed, reference " + reference);
      assertThat(logged.getThrown()).isSameAs(failure);
    }
  }

  @Test
  void shouldAnswer400ForABadParameterOnlyAndAFailureWhileAnsweringAs500(@TempDir Path stateDir)
      throws Exception {
    // any IllegalArgumentException, wherever thrown, was answered 400 with its message as if the
    // client had asked wrongly
    RuntimeException failure = new IllegalArgumentException("Unknown topic partition in store");
    try (Served served = serve(stateDir, Map.of(), failure)) {
      HttpClient client = HttpClient.newHttpClient();

      HttpResponse<String> inside = send(client, "GET", served.uri("/api/brands/nimbus/windows"));
      HttpResponse<String> size =
          send(client, "GET", served.uri("/api/brands/nimbus/windows?size=5m"));
      HttpResponse<String> limit =
          send(client, "GET", served.uri("/api/brands/nimbus/windows?limit=0"));
      HttpResponse<String> from =
          send(client, "GET", served.uri("/api/brands/nimbus/windows?from=yesterday"));
      HttpResponse<String> range =
          send(
              client,
              "GET",
              served.uri(
                  "/api/brands/nimbus/windows?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"));

      assertThat(inside.statusCode()).isEqualTo(500);
      assertThat(inside.body()).doesNotContain("Unknown topic partition");
      assertThat(size.statusCode()).isEqualTo(400);
      assertThat(size.body()).isEqualTo("{\"error\":\"size must be 1m or 1h, not '5m'\"}");
      assertThat(limit.statusCode()).isEqualTo(400);
      assertThat(limit.body()).isEqualTo("{\"error\":\"limit must be in 1..100000, not 0\"}");
      assertThat(from.statusCode()).isEqualTo(400);
      assertThat(from.body()).isEqualTo("{\"error\":\"not an ISO-8601 time: 'yesterday'\"}");
      assertThat(range.statusCode()).isEqualTo(400);
      assertThat(range.body())
          .isEqualTo("{\"error\":\"from 2026-01-02T00:00:00Z is after to 2026-01-01T00:00:00Z\"}");
    }
  }

  @Test
  void shouldAskProxiesNotToBufferNorCacheTheAlertStream(@TempDir Path stateDir) throws Exception {
    // nginx buffers a proxied answer unless told otherwise: alerts and keep-alive comments reached
    // the browser only once a buffer was full
    try (Served served = serve(stateDir, Map.of(), null)) {

      HttpResponse<InputStream> stream =
          openStream(HttpClient.newHttpClient(), served.uri("/api/alerts/stream"));

      try (InputStream body = stream.body()) {
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
            .contains("text/event-stream; charset=utf-8");
        assertThat(stream.headers().firstValue("X-Accel-Buffering")).contains("no");
        assertThat(stream.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(new String(body.readNBytes(12), StandardCharsets.UTF_8))
            .isEqualTo("retry: 3000\n");
      }
    }
  }

  @Test
  void shouldAnswer503WithRetryAfterOnceAsManyAlertStreamsAsAllowedAreOpen(@TempDir Path stateDir)
      throws Exception {
    // each open stream holds a thread of the server for as long as it is open: a flood of stream
    // requests took a thread each, without limit
    try (Served served =
        serve(stateDir, Map.of(InstanceConfig.HTTP_MAX_ALERT_STREAMS, "2"), null)) {
      HttpClient client = HttpClient.newHttpClient();
      URI streamUri = served.uri("/api/alerts/stream");
      for (int i = 0; i < 3; i++) {
        assertThat(send(client, "HEAD", streamUri).statusCode())
            .as("HEAD keeps no stream")
            .isEqualTo(200);
      }
      HttpResponse<InputStream> first = openStream(client, streamUri);
      HttpResponse<InputStream> second = openStream(client, streamUri);
      try (InputStream one = first.body();
          InputStream two = second.body()) {
        assertThat(new String(one.readNBytes(12), StandardCharsets.UTF_8))
            .isEqualTo("retry: 3000\n");
        assertThat(new String(two.readNBytes(12), StandardCharsets.UTF_8))
            .isEqualTo("retry: 3000\n");

        HttpResponse<InputStream> third = openStream(client, streamUri);
        HttpResponse<String> health = send(client, "GET", served.uri("/health"));
        HttpResponse<String> brands = send(client, "GET", served.uri("/api/brands"));

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).contains("10");
        assertThat(third.body().readAllBytes())
            .asString(StandardCharsets.UTF_8)
            .isEqualTo(
                "{\"error\":\"This instance has its 2 alert streams open"
                    + " (http.max.alert.streams); try again later\"}");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(brands.statusCode()).isEqualTo(200);
        assertThat(brands.body()).isEqualTo("{\"brands\":[]}");
      }
    }
  }

  @Test
  void shouldResumeAStreamFromTheIdTheClientGivesAndRefuseAnIdItCannotHaveSent(
      @TempDir Path stateDir) throws Exception {
    // an API client that reconnected started from new alerts only: what was published while it
    // was away was lost to it
    try (Served served = serve(stateDir, Map.of(), null)) {
      // as a feed that has reached the cluster and starts at offset 0
      served.server().feed().startAt(Map.of(0, 0L));
      for (long offset = 0; offset < 3; offset++) {
        served
            .server()
            .feed()
            .publish(new AlertFeed.Published(0, offset, "{\"id\":\"a" + offset + "\"}"));
      }
      HttpClient client = HttpClient.newHttpClient();
      URI streamUri = served.uri("/api/alerts/stream");

      HttpResponse<InputStream> byHeader =
          client.send(
              HttpRequest.newBuilder(streamUri).header("Last-Event-ID", "0:1").build(),
              HttpResponse.BodyHandlers.ofInputStream());
      HttpResponse<InputStream> byQuery =
          openStream(client, served.uri("/api/alerts/stream?lastEventId=0:2"));
      HttpResponse<String> bad =
          client.send(
              HttpRequest.newBuilder(streamUri).header("Last-Event-ID", "a1").build(),
              HttpResponse.BodyHandlers.ofString());

      try (InputStream one = byHeader.body();
          InputStream two = byQuery.body()) {
        assertThat(readUntil(one, "a2\"}\n\n"))
            .isEqualTo(
                "retry: 3000\nid: 0:1\n: connected\n\n"
                    + "id: 0:2\nevent: alert\ndata: {\"id\":\"a1\"}\n\n"
                    + "id: 0:3\nevent: alert\ndata: {\"id\":\"a2\"}\n\n");
        assertThat(readUntil(two, "a2\"}\n\n"))
            .isEqualTo(
                "retry: 3000\nid: 0:2\n: connected\n\n"
                    + "id: 0:3\nevent: alert\ndata: {\"id\":\"a2\"}\n\n");
      }
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body())
          .isEqualTo(
              "{\"error\":\"Last-Event-ID must be an id this stream sent (partition:offset pairs"
                  + " separated by commas), not 'a1'\"}");
    }
  }

  @Test
  void shouldAnswerOtherRequestsWhileStreamsAreOpenWithOneRequestThread(@TempDir Path stateDir)
      throws Exception {
    // each stream used to hold a thread of the pool that answers every request: with the pool
    // bounded, open streams would leave none for the API
    try (Served served = serve(stateDir, Map.of(InstanceConfig.HTTP_THREADS, "1"), null)) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<InputStream> first = openStream(client, served.uri("/api/alerts/stream"));
      HttpResponse<InputStream> second = openStream(client, served.uri("/api/alerts/stream"));
      try (InputStream one = first.body();
          InputStream two = second.body()) {
        assertThat(readUntil(one, "connected\n\n")).startsWith("retry: 3000\n");
        assertThat(readUntil(two, "connected\n\n")).startsWith("retry: 3000\n");

        for (int i = 0; i < 3; i++) {
          assertThat(send(client, "GET", served.uri("/health")).statusCode()).isEqualTo(200);
          assertThat(send(client, "GET", served.uri("/api/brands")).body())
              .isEqualTo("{\"brands\":[]}");
        }
      }
    }
  }

  @Test
  void shouldOnlyLogAFailureOnceTheAnswersHeadersAreSent() throws Exception {
    // the 500 was attempted after a stream's 200 had gone out, which the server refuses with an
    // IOException ("headers already sent") in place of the failure's log entry
    RuntimeException failure = new IllegalStateException("broken");
    try (CapturedLog log = new CapturedLog()) {
      RecordingExchange begun = new RecordingExchange(200);
      RecordingExchange fresh = new RecordingExchange(-1);

      WebServer.failed(begun, failure);
      WebServer.failed(fresh, failure);

      assertThat(begun.sent).isEmpty();
      assertThat(fresh.sent).hasSize(1);
      assertThat(fresh.sent.get(0)).isEqualTo(500);
      assertThat(log.events).hasSize(2);
      assertThat(log.events.get(0).getThrown()).isSameAs(failure);
    }
  }

  /** An exchange whose answer has {@code responseCode} (-1: not begun); records what is sent. */
  private static final class RecordingExchange extends HttpExchange {
    final List<Integer> sent = new ArrayList<>();
    private final int responseCode;
    private final Headers headers = new Headers();

    RecordingExchange(int responseCode) {
      this.responseCode = responseCode;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
      if (responseCode != -1) {
        throw new IOException("headers already sent");
      }
      sent.add(code);
    }

    @Override
    public int getResponseCode() {
      return responseCode;
    }

    @Override
    public Headers getResponseHeaders() {
      return headers;
    }

    @Override
    public Headers getRequestHeaders() {
      return new Headers();
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/api/alerts/stream");
    }

    @Override
    public String getRequestMethod() {
      return "GET";
    }

    @Override
    public OutputStream getResponseBody() {
      return new ByteArrayOutputStream();
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return InputStream.nullInputStream();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return null;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return null;
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream in, OutputStream out) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }

  @Test
  void shouldAnswerAForwardedQueryWhileAQueryWaitsForAnotherInstance(@TempDir Path stateDir)
      throws Exception {
    // a query waiting for another instance held a request thread: two instances forwarding to
    // each other could each hold all of theirs while the forwarded queries waited behind them
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger queries = new AtomicInteger();
    Runnable firstWaits =
        () -> {
          if (queries.incrementAndGet() == 1) {
            waiting.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    try (Served served =
        serveWith(stateDir, Map.of(InstanceConfig.HTTP_THREADS, "1"), firstWaits)) {
      HttpClient client = HttpClient.newHttpClient();
      var slow =
          client.sendAsync(
              HttpRequest.newBuilder(served.uri("/api/brands/nimbus/windows")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> forwarded =
          send(client, "GET", served.uri("/api/brands/nimbus/windows?local=true"));

      // answered (Streams never started here: 503), not stuck behind the waiting query
      assertThat(forwarded.statusCode()).isEqualTo(503);
      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    }
  }

  /** What {@code in} gives up to and including {@code end}, within 10 s. */
  private static String readUntil(InputStream in, String end) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          ByteArrayOutputStream read = new ByteArrayOutputStream();
          while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
              break;
            }
            read.write(b);
          }
          return read.toString(StandardCharsets.UTF_8);
        });
  }

  private static HttpResponse<InputStream> openStream(HttpClient client, URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /**
   * A server of {@code settings} started with Kafka Streams that is never started (its metadata
   * queries fail with {@code failure}, unless null) and an alert feed that finds no cluster.
   */
  private static Served serve(
      Path stateDir, Map<String, String> settings, RuntimeException failure) {
    return serveWith(
        stateDir,
        settings,
        () -> {
          if (failure != null) {
            throw failure;
          }
        });
  }

  /** As above, {@code onQuery} running first in each query for a key's owner. */
  private static Served serveWith(Path stateDir, Map<String, String> settings, Runnable onQuery) {
    Map<String, String> withFeed = new HashMap<>(settings);
    withFeed.put(InstanceConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9");
    WebServer server = WebServer.bind(httpConfig(withFeed)).orElseThrow();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in");
    KafkaStreams streams =
        new KafkaStreams(
            builder.build(),
            new StreamsConfig(
                Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, "web-server-test",
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                    StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()))) {
          @Override
          public <K> KeyQueryMetadata queryMetadataForKey(
              String storeName, K key, Serializer<K> keySerializer) {
            onQuery.run();
            return super.queryMetadataForKey(storeName, key, keySerializer);
          }
        };
    server.start(streams, new RuleBook(), new InMemorySchemaRegistry());
    return new Served(server, streams);
  }

  private record Served(WebServer server, KafkaStreams streams) implements AutoCloseable {
    URI uri(String pathAndQuery) {
      return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Override
    public void close() {
      server.close();
      streams.close();
    }
  }

  /** What {@link WebServer} logs while open. */
  private static final class CapturedLog extends AbstractAppender implements AutoCloseable {
    final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final org.apache.logging.log4j.core.Logger logger =
        (org.apache.logging.log4j.core.Logger) LogManager.getLogger(WebServer.class);

    CapturedLog() {
      super("captured", null, null, true, Property.EMPTY_ARRAY);
      start();
      logger.addAppender(this);
    }

    @Override
    public void append(LogEvent event) {
      events.add(event.toImmutable());
    }

    @Override
    public void close() {
      logger.removeAppender(this);
      stop();
    }
  }

  private static InstanceConfig httpConfig(Map<String, String> settings) {
    Map<String, String> overrides = new HashMap<>(settings);
    overrides.put(InstanceConfig.HTTP_PORT, "0");
    overrides.put(InstanceConfig.HTTP_HOST, "127.0.0.1");
    return InstanceConfig.load(Optional.empty(), Map.of(), overrides);
  }

  private static HttpResponse<String> send(HttpClient client, String method, URI uri)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldHideTheAccessTokenOfARequestItLogs() {
    // a failed request is logged with its URL, and the alert stream's URL carries the token
    assertThat(WebServer.loggable(URI.create("/api/alerts/stream?access_token=s3cret")))
        .isEqualTo("/api/alerts/stream?access_token=***");
    assertThat(
            WebServer.loggable(
                URI.create("/api/brands/a%20b/windows?size=1m&access%5Ftoken=s3cret&limit=5")))
        .isEqualTo("/api/brands/a%20b/windows?size=1m&access%5Ftoken=***&limit=5");
    assertThat(WebServer.loggable(URI.create("/api/alerts?limit=5&type=CRISIS")))
        .isEqualTo("/api/alerts?limit=5&type=CRISIS");
    assertThat(WebServer.loggable(URI.create("/metrics"))).isEqualTo("/metrics");
  }
}
