package io.sociallistening.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.instance.InstanceConfig.HttpSettings;
import io.sociallistening.app.metrics.PipelineMetrics;
import io.sociallistening.app.metrics.PrometheusText;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleBook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an instance, on the JDK's HTTP server: the REST API over the aggregates and
 * alerts, the server-sent-event stream of alerts, the dashboard, Prometheus metrics, and health and
 * readiness. Bound before Kafka Streams is created (so its port is known for {@code
 * application.server}), serving once Streams exists. See docs/operations.md for the endpoints.
 *
 * <p>With a token configured, every path but {@code /health}, {@code /ready} and the dashboard's
 * static files (which hold no data) needs {@code Authorization: Bearer <token>} or, for browsers'
 * EventSource which cannot set headers, {@code ?access_token=<token>}; else 401.
 *
 * <p>Requests are answered by at most {@code http.threads} threads (more wait in line); each open
 * alert stream has a thread of its own, at most {@code http.max.alert.streams} of them, so streams
 * never hold the threads the other requests need. A window query that may be forwarded to the
 * owning instance is answered by another {@code http.threads} threads: a thread waiting for another
 * instance's answer never holds one that instance's own forwarded queries ({@code local=true})
 * need, so two instances forwarding to each other cannot both run out.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final int ALERT_CAPACITY = 500;
  private static final long KEEP_ALIVE_MS = 15_000;

  /** How long a returning stream client may wait for the alert feed to place it. */
  private static final Duration RESUME_WAIT = Duration.ofSeconds(5);

  private static final Map<String, String> STATIC =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/dashboard.js", "dashboard.js",
          "/dashboard.css", "dashboard.css");

  /**
   * The dashboard page's policy: its own script, style sheet, API and event stream, nothing inline
   * and nothing from elsewhere, the empty {@code data:} icon, and never inside a frame.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src data:;"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final HttpServer server;
  private final ThreadPoolExecutor requests;
  private final ThreadPoolExecutor queries;
  private final ExecutorService streamThreads;
  private final HostInfo advertised;
  private final BearerToken token;
  private final HttpSettings settings;
  private final InstanceConfig config;
  private final PipelineMetrics metrics;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final int maxAlertStreams;
  private final Semaphore alertStreams;
  private KafkaStreams streams;
  private RuleBook rules;
  private AlertFeed feed;
  private WindowQueries windows;

  private WebServer(
      HttpServer server, HostInfo advertised, HttpSettings settings, InstanceConfig config) {
    this.server = server;
    this.advertised = advertised;
    this.token = new BearerToken(settings.token());
    this.settings = settings;
    this.maxAlertStreams = settings.maxAlertStreams();
    this.alertStreams = new Semaphore(maxAlertStreams);
    this.config = config;
    this.metrics =
        PipelineMetrics.register(config.getString(InstanceConfig.APPLICATION_ID), config.topics());
    this.requests =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons("http-"));
    requests.allowCoreThreadTimeOut(true);
    this.queries =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons("http-query-"));
    queries.allowCoreThreadTimeOut(true);
    this.streamThreads = Executors.newCachedThreadPool(daemons("http-stream-"));
    server.setExecutor(requests);
  }

  /** Binds the port of {@code config}'s HTTP settings, or empty when HTTP is off. */
  public static Optional<WebServer> bind(InstanceConfig config) {
    Optional<HttpSettings> http = config.http();
    if (http.isEmpty()) {
      return Optional.empty();
    }
    HttpSettings settings = http.get();
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
      int port = server.getAddress().getPort();
      return Optional.of(
          new WebServer(server, new HostInfo(advertisedHost(settings), port), settings, config));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on "
              + InstanceConfig.HTTP_HOST
              + "="
              + settings.host()
              + " "
              + InstanceConfig.HTTP_PORT
              + "="
              + settings.port()
              + ": "
              + e,
          e);
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String advertisedHost(HttpSettings settings) {
    if (!settings.advertisedHost().isBlank()) {
      return settings.advertisedHost();
    }
    try {
      InetAddress bound = InetAddress.getByName(settings.host());
      return bound.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : settings.host();
    } catch (UnknownHostException e) {
      return settings.host();
    }
  }

  /** Adds what Streams needs: {@code application.server} and the metrics interceptors. */
  public void configure(Properties streamsProperties) {
    streamsProperties.put(
        StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
    streamsProperties.putAll(metrics.streamsProperties(streamsProperties));
  }

  /** Starts serving {@code streams}' stores, the alert feed and the dashboard. */
  public void start(KafkaStreams streams, RuleBook rules, SchemaRegistry registry) {
    this.streams = streams;
    this.rules = rules;
    this.windows = new WindowQueries(streams, advertised, token.value());
    this.feed =
        new AlertFeed(
            config.kafkaClientConfig(), registry, config.topics().alerts(), ALERT_CAPACITY);
    feed.start();
    listen();
    LOG.info("Serving the API and dashboard on {}", url());
    if (settings.openToOtherHosts()) {
      LOG.warn(
          "The API answers any host that reaches {} without a token: set {} to require one, or"
              + " {} to a loopback address",
          url(),
          InstanceConfig.HTTP_TOKEN,
          InstanceConfig.HTTP_HOST);
    }
  }

  /** Starts answering requests; {@link #start} does, once Streams exists. */
  void listen() {
    server.createContext("/", this::handle);
    server.start();
  }

  /** The advertised base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    return "http://" + WindowQueries.authority(advertised);
  }

  public int port() {
    return advertised.port();
  }

  public PipelineMetrics metrics() {
    return metrics;
  }

  /** The alert feed, once {@link #start}ed. */
  AlertFeed feed() {
    return feed;
  }

  private void handle(HttpExchange exchange) throws IOException {
    // no answer is to be read as another type than it says (a JSON error as a script, say)
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean handedOver = false;
    try {
      handedOver = serve(exchange);
    } catch (BadParameter e) {
      send(exchange, 400, "application/json", error(e.getMessage()));
    } catch (RuntimeException e) {
      failed(exchange, e);
    } finally {
      // closed after the error answers too; a thread that took it over closes it
      if (!handedOver) {
        exchange.close();
      }
    }
  }

  /**
   * A defect while answering: logged with a reference, and the client learns nothing of it but that
   * reference, in a 500; or nothing at all when the answer has begun (its headers are sent), which
   * then ends short.
   */
  static void failed(HttpExchange exchange, RuntimeException e) throws IOException {
    String reference = UUID.randomUUID().toString();
    LOG.error("HTTP {} failed, reference {}", loggable(exchange.getRequestURI()), reference, e);
    if (exchange.getResponseCode() != -1) {
      return;
    }
    ObjectNode out = AlertJson.MAPPER.createObjectNode();
    out.put("error", "internal error");
    out.put("reference", reference);
    send(exchange, 500, "application/json", out.toString());
  }

  /** Answers {@code exchange}; true when an alert stream's thread has taken it over. */
  private boolean serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (!exchange.getRequestMethod().equals("GET") && !head(exchange)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      send(exchange, 405, "application/json", error("Only GET and HEAD are served"));
      return false;
    }
    if (path.equals("/health")) {
      health(exchange);
      return false;
    }
    if (path.equals("/ready")) {
      ready(exchange);
      return false;
    }
    if (STATIC.containsKey(path)) {
      resource(exchange, STATIC.get(path));
      return false;
    }
    if (!token.accepts(
        exchange.getRequestHeaders().getFirst("Authorization"), query.get("access_token"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      send(exchange, 401, "application/json", error("A bearer token is required"));
      return false;
    }
    if (path.equals("/api/alerts/stream")) {
      return stream(exchange, query);
    }
    return route(exchange, path, query);
  }

  /** Answers an API request; true when another thread has taken {@code exchange} over. */
  private boolean route(HttpExchange exchange, String path, Map<String, String> query)
      throws IOException {
    if (path.equals("/metrics")) {
      send(
          exchange,
          200,
          PrometheusText.CONTENT_TYPE,
          PrometheusText.of(streams.metrics(), metrics, streams.state().name()));
    } else if (path.equals("/api/brands")) {
      TreeSet<String> brands = new TreeSet<>();
      for (Rule rule : rules.rules().rules()) {
        brands.add(rule.brand());
      }
      ObjectNode out = AlertJson.MAPPER.createObjectNode();
      ArrayNode list = out.putArray("brands");
      brands.forEach(list::add);
      send(exchange, 200, "application/json", out.toString());
    } else if (windowsBrand(path).isPresent()) {
      // parameters read here, so a bad one is answered at once
      String brand = windowsBrand(path).get();
      TimeRange range = timeRange(query);
      WindowQueries.Size size = WindowQueries.Size.parse(query.getOrDefault("size", "1m"));
      int limit = intParam(query, "limit", 1000, 100_000);
      boolean local = "true".equals(query.get("local"));
      boolean stale = "true".equals(query.get("stale"));
      Answering answering =
          () -> {
            WindowQueries.Answer answer =
                windows.windows(brand, size, range.from(), range.to(), limit, local, stale);
            send(exchange, answer.status(), "application/json", answer.body());
          };
      if (!local) {
        return handOver(queries, exchange, answering);
      }
      try {
        answering.answer();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (path.equals("/api/alerts")) {
      send(
          exchange,
          200,
          "application/json",
          list("alerts", feed.recent(limit(query), query.getOrDefault("type", ""))));
    } else if (path.equals("/api/leads")) {
      send(exchange, 200, "application/json", list("leads", feed.leads(limit(query))));
    } else {
      send(exchange, 404, "application/json", error("No such endpoint: " + path));
    }
    return false;
  }

  /** Writes an answer; may wait (for another instance, for alerts). */
  @FunctionalInterface
  private interface Answering {
    void answer() throws IOException, InterruptedException;
  }

  /**
   * Answers {@code exchange} on a thread of {@code pool}, which closes it: a bad parameter is a
   * 400, any other failure a 500 ({@link #failed}), a client gone away nothing.
   *
   * @return true: {@code exchange} is the pool's now
   * @throws java.util.concurrent.RejectedExecutionException when the server is closing
   */
  private static boolean handOver(
      ExecutorService pool, HttpExchange exchange, Answering answering) {
    pool.execute(
        () -> {
          try {
            answering.answer();
          } catch (BadParameter e) {
            sendQuietly(exchange, 400, error(e.getMessage()));
          } catch (IOException e) {
            // the client went away
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            try {
              failed(exchange, e);
            } catch (IOException gone) {
              // the client went away too
            }
          } finally {
            exchange.close();
          }
        });
    return true;
  }

  private static void sendQuietly(HttpExchange exchange, int status, String body) {
    try {
      if (exchange.getResponseCode() == -1) {
        send(exchange, status, "application/json", body);
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
    boolean alive = alive(state);
    send(exchange, alive ? 200 : 503, "application/json", status(alive ? "UP" : "DOWN", state));
  }

  /**
   * Whether {@code /health} answers UP: not once Streams has failed or is failing ({@code
   * PENDING_ERROR} leads only to {@code ERROR}) or has stopped.
   */
  static boolean alive(KafkaStreams.State state) {
    return state != KafkaStreams.State.ERROR
        && state != KafkaStreams.State.PENDING_ERROR
        && state != KafkaStreams.State.NOT_RUNNING;
  }

  private void ready(HttpExchange exchange) throws IOException {
    KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
    boolean ready = state == KafkaStreams.State.RUNNING && storesQueryable();
    send(
        exchange,
        ready ? 200 : 503,
        "application/json",
        status(ready ? "READY" : "NOT_READY", state));
  }

  private boolean storesQueryable() {
    try {
      for (WindowQueries.Size size : WindowQueries.Size.values()) {
        if (streams.streamsMetadataForStore(size.store).isEmpty()) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      // Streams left RUNNING between the state check and this call: not ready, not a server error
      return false;
    }
  }

  private static String status(String status, KafkaStreams.State state) {
    ObjectNode out = AlertJson.MAPPER.createObjectNode();
    out.put("status", status);
    out.put("streams", state.name());
    return out.toString();
  }

  /**
   * Server-sent events: one {@code alert} event per new alert, each with the client's {@link
   * StreamPosition} as its id, and a comment every 15 s; a client that comes back with that id as
   * {@code Last-Event-ID} (or, from a new EventSource, as {@code ?lastEventId=}) first gets what it
   * missed. The response ends when the alert feed drops this subscriber for falling too far behind.
   * Each open stream has a thread of its own: with {@code http.max.alert.streams} open, one more is
   * answered 503.
   *
   * @return true when the stream's thread has taken {@code exchange} over
   */
  private boolean stream(HttpExchange exchange, Map<String, String> query) throws IOException {
    Optional<StreamPosition> from = lastEventId(exchange, query);
    if (!alertStreams.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "10");
      send(
          exchange,
          503,
          "application/json",
          error(
              "This instance has its "
                  + maxAlertStreams
                  + " alert streams open ("
                  + InstanceConfig.HTTP_MAX_ALERT_STREAMS
                  + "); try again later"));
      return false;
    }
    boolean handedOver = false;
    try {
      streamHeaders(exchange);
      if (head(exchange)) {
        exchange.sendResponseHeaders(200, -1);
        return false;
      }
      handedOver =
          handOver(
              streamThreads,
              exchange,
              () -> {
                try {
                  streamEvents(exchange, from);
                } finally {
                  alertStreams.release();
                }
              });
      return true;
    } finally {
      if (!handedOver) {
        alertStreams.release();
      }
    }
  }

  /** The position a returning stream client names, from its header or, else, the query. */
  private static Optional<StreamPosition> lastEventId(
      HttpExchange exchange, Map<String, String> query) {
    String id = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (id == null || id.isBlank()) {
      id = query.get("lastEventId");
    }
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(StreamPosition.parse(id));
  }

  private static void streamHeaders(HttpExchange exchange) {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    // nginx passes each event on at once instead of when its buffer is full
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
  }

  /** An alert stream, on its own thread. */
  private void streamEvents(HttpExchange exchange, Optional<StreamPosition> from)
      throws IOException, InterruptedException {
    exchange.sendResponseHeaders(200, 0);
    AlertFeed.Subscription subscription = feed.subscribe(from, RESUME_WAIT);
    try (OutputStream out = exchange.getResponseBody()) {
      stream(feed, subscription, out, open::get, KEEP_ALIVE_MS);
    } finally {
      feed.unsubscribe(subscription.queue());
    }
  }

  /**
   * Writes {@code subscription}'s alerts to {@code out} while {@code open}: first, when the client
   * came back, a notice if some alerts it missed are no longer held and those that are; then each
   * new alert it has not had, with a keep-alive comment after {@code keepAliveMs} without one.
   * Every event carries the client's position as its id (and the opening lines do, when the feed
   * has one), so a client that reconnects resumes where it was. Returns once the feed has dropped
   * the subscription (its backlog overflowed) and its backlog is written, so the response ends and
   * the client's EventSource reconnects (after the {@code retry} hint) and resumes instead of
   * waiting on a subscription that gets no more alerts.
   */
  static void stream(
      AlertFeed feed,
      AlertFeed.Subscription subscription,
      OutputStream out,
      BooleanSupplier open,
      long keepAliveMs)
      throws IOException, InterruptedException {
    StreamPosition position = subscription.position();
    StringBuilder opening = new StringBuilder("retry: 3000\n");
    if (!position.isEmpty()) {
      opening.append("id: ").append(position.id()).append('\n');
    }
    opening.append(": connected\n\n");
    if (subscription.incomplete()) {
      ObjectNode notice = AlertJson.MAPPER.createObjectNode();
      notice.put(
          "message",
          "Some alerts published since Last-Event-ID are no longer held; /api/alerts has the"
              + " latest");
      opening.append("event: incomplete\ndata: ").append(notice).append("\n\n");
    }
    out.write(opening.toString().getBytes(StandardCharsets.UTF_8));
    for (AlertFeed.Published alert : subscription.missed()) {
      position = write(alert, position, out);
    }
    out.flush();
    BlockingQueue<AlertFeed.Published> queue = subscription.queue();
    while (open.getAsBoolean()) {
      // a dropped queue gets nothing more, so "empty" is final once it is no longer subscribed
      if (!feed.subscribed(queue) && queue.isEmpty()) {
        out.write(": dropped (too far behind); reconnect\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return;
      }
      AlertFeed.Published alert = queue.poll(keepAliveMs, TimeUnit.MILLISECONDS);
      if (alert == null) {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
      } else {
        position = write(alert, position, out);
      }
      out.flush();
    }
  }

  /** Writes {@code alert} unless the client at {@code position} has had it; its new position. */
  private static StreamPosition write(
      AlertFeed.Published alert, StreamPosition position, OutputStream out) throws IOException {
    if (position.covers(alert.partition(), alert.offset())) {
      return position;
    }
    StreamPosition after = position.after(alert.partition(), alert.offset());
    String event = "id: " + after.id() + "\nevent: alert\ndata: " + alert.json() + "\n\n";
    out.write(event.getBytes(StandardCharsets.UTF_8));
    return after;
  }

  private void resource(HttpExchange exchange, String name) throws IOException {
    try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        send(exchange, 404, "application/json", error("Missing resource " + name));
        return;
      }
      String type =
          name.endsWith(".js")
              ? "text/javascript; charset=utf-8"
              : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
      if (name.endsWith(".html")) {
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
      }
      send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String list(String field, List<ObjectNode> items) {
    ObjectNode out = AlertJson.MAPPER.createObjectNode();
    ArrayNode array = out.putArray(field);
    items.forEach(array::add);
    return out.toString();
  }

  private static int limit(Map<String, String> query) {
    return intParam(query, "limit", 50, ALERT_CAPACITY);
  }

  private static int intParam(Map<String, String> query, String name, int fallback, int max) {
    String value = query.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 1 || parsed > max) {
        throw new BadParameter(name + " must be in 1.." + max + ", not " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new BadParameter(name + " must be a number, not '" + value + "'");
    }
  }

  /**
   * The brand of a raw (still percent-encoded) path {@code /api/brands/{brand}/windows}, decoded as
   * a path segment: a {@code +} is a plus ("Disney+"), not a space as in a form-encoded query.
   * Empty for any other path, including one without a brand segment.
   */
  static Optional<String> windowsBrand(String rawPath) {
    if (!rawPath.startsWith("/api/brands/")
        || !rawPath.endsWith("/windows")
        || rawPath.length() <= "/api/brands/".length() + "/windows".length()) {
      return Optional.empty();
    }
    String segment =
        rawPath.substring("/api/brands/".length(), rawPath.length() - "/windows".length());
    return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
  }

  /** The times a windows query covers; {@code from} after {@code to} is a bad parameter. */
  record TimeRange(Instant from, Instant to) {
    TimeRange {
      if (from.isAfter(to)) {
        throw new BadParameter("from " + from + " is after to " + to);
      }
    }
  }

  /** The {@code from} and {@code to} parameters of a windows query. */
  static TimeRange timeRange(Map<String, String> query) {
    return new TimeRange(
        instant(query.get("from"), Instant.EPOCH),
        instant(query.get("to"), WindowQueries.END_OF_TIME));
  }

  /**
   * An ISO-8601 instant parameter; one before 1970 or beyond epoch milliseconds is a bad parameter
   * (the window stores fail on it).
   */
  static Instant instant(String value, Instant fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    Instant parsed;
    try {
      parsed = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadParameter("not an ISO-8601 time: '" + value + "'");
    }
    try {
      parsed.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new BadParameter("time out of range: '" + value + "'");
    }
    if (parsed.isBefore(Instant.EPOCH)) {
      throw new BadParameter("time before 1970-01-01T00:00:00Z: '" + value + "'");
    }
    return parsed;
  }

  /**
   * The path and query of {@code uri} for a log line, the value of an {@code access_token}
   * parameter (however its name is encoded) replaced by {@code ***}: the alert stream's URL holds
   * the token.
   */
  static String loggable(URI uri) {
    String raw = uri.getRawQuery();
    if (raw == null) {
      return uri.getRawPath();
    }
    StringJoiner query = new StringJoiner("&", uri.getRawPath() + "?", "");
    for (String pair : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      boolean token;
      try {
        token = URLDecoder.decode(key, StandardCharsets.UTF_8).equals("access_token");
      } catch (IllegalArgumentException e) {
        token = false;
      }
      query.add(token ? key + "=***" : pair);
    }
    return query.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String error(String message) {
    ObjectNode out = AlertJson.MAPPER.createObjectNode();
    out.put("error", message);
    return out.toString();
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (head(exchange)) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** A HEAD request: answered as GET is, without the body. */
  private static boolean head(HttpExchange exchange) {
    return exchange.getRequestMethod().equals("HEAD");
  }

  /** Stops serving (open streams end within a second), then the alert feed. */
  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    // streams end first, so that stopping does not wait out its delay for them
    streamThreads.shutdownNow();
    server.stop(1);
    requests.shutdownNow();
    queries.shutdownNow();
    if (feed != null) {
      feed.close();
    }
    metrics.unregister();
  }
}
