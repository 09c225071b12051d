package io.sociallistening.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.topology.SocialListeningTopology;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries over the per-brand sentiment windows ({@value
 * SocialListeningTopology#BRAND_SENTIMENT_1M_STORE} and {@value
 * SocialListeningTopology#BRAND_SENTIMENT_1H_STORE}). A brand's windows live in the instance that
 * owns its partition: Streams' metadata ({@code queryMetadataForKey}, fed by every instance's
 * {@code application.server}) names it; when that is another instance the request is forwarded to
 * it over HTTP (with {@code local=true}, so it is not forwarded again) and its answer returned as
 * is. When the active owner does not answer, standby owners are asked for their (possibly a little
 * stale) copy. An instance answers from its store of the brand's partition only; when that
 * partition is not here (it has just moved, or is being restored) the answer is 503, never an empty
 * list of windows.
 */
public final class WindowQueries {
  private static final Logger LOG = LoggerFactory.getLogger(WindowQueries.class);

  /** The end of time for queries without {@code to}: the last instant of year 9999. */
  public static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

  /** Window sizes and their stores. */
  public enum Size {
    MINUTE("1m", SocialListeningTopology.BRAND_SENTIMENT_1M_STORE, Duration.ofMinutes(1)),
    HOUR("1h", SocialListeningTopology.BRAND_SENTIMENT_1H_STORE, Duration.ofHours(1));

    final String label;
    final String store;
    final Duration length;

    Size(String label, String store, Duration length) {
      this.label = label;
      this.store = store;
      this.length = length;
    }

    /** The size written as {@code 1m} or {@code 1h}. */
    public static Size parse(String label) {
      for (Size size : values()) {
        if (size.label.equals(label)) {
          return size;
        }
      }
      throw new BadParameter("size must be 1m or 1h, not '" + label + "'");
    }
  }

  /** An answer: HTTP status and JSON body. */
  public record Answer(int status, String body) {}

  private final KafkaStreams streams;
  private final HostInfo self;
  private final Optional<String> token;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public WindowQueries(KafkaStreams streams, HostInfo self, Optional<String> token) {
    this.streams = streams;
    this.self = self;
    this.token = token;
  }

  /**
   * The windows of {@code brand} starting in [{@code from}, {@code to}], oldest first, at most the
   * latest {@code limit}; answered here or by the owning instance.
   */
  public Answer windows(
      String brand, Size size, Instant from, Instant to, int limit, boolean local, boolean stale)
      throws InterruptedException {
    KeyQueryMetadata owner;
    try {
      owner = streams.queryMetadataForKey(size.store, brand, Serdes.String().serializer());
    } catch (StreamsNotStartedException | IllegalStateException e) {
      // not started yet, or stopping, stopped or failed: nothing here to ask, not a server error
      return error(503, "Kafka Streams is not running here (" + streams.state() + ")");
    }
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return error(503, "No instance owns " + size.store + " yet (rebalancing?)");
    }
    if (local) {
      return localWindows(brand, owner.partition(), size, from, to, limit, stale);
    }
    if (owner.activeHost().equals(self)) {
      return localWindows(brand, owner.partition(), size, from, to, limit, false);
    }
    List<HostInfo> candidates = new ArrayList<>();
    candidates.add(owner.activeHost());
    candidates.addAll(owner.standbyHosts());
    String failures = "";
    for (int i = 0; i < candidates.size(); i++) {
      HostInfo host = candidates.get(i);
      if (host.equals(self)) {
        return localWindows(brand, owner.partition(), size, from, to, limit, true);
      }
      if (host.port() < 0) {
        // Streams' placeholder (HostInfo.unavailable()) for a member without application.server
        failures +=
            (i == 0 ? " its active owner" : " a standby")
                + " serves no HTTP ("
                + "http.port is not set there)";
        continue;
      }
      try {
        return forward(host, brand, size, from, to, limit, i > 0);
      } catch (IOException e) {
        LOG.warn("Forwarding a query for '{}' to {} failed: {}", brand, host, e.toString());
        failures += " " + host.host() + ":" + host.port() + " (" + e + ")";
      }
    }
    return error(502, "No owner of '" + brand + "' answered:" + failures);
  }

  /**
   * The windows of {@code brand} from this instance's copy of its {@code partition} (active, or
   * with {@code stale} a standby too). Only that partition's store is read: another partition's
   * store here has no windows of the brand, and an empty answer from it would claim the brand had
   * none, so a partition that is not here (it moved away, or is still being restored) is a 503.
   */
  private Answer localWindows(
      String brand, int partition, Size size, Instant from, Instant to, int limit, boolean stale) {
    ReadOnlyWindowStore<String, BrandSentimentWindow> store;
    try {
      StoreQueryParameters<ReadOnlyWindowStore<String, BrandSentimentWindow>> parameters =
          StoreQueryParameters.fromNameAndType(
                  size.store, QueryableStoreTypes.<String, BrandSentimentWindow>windowStore())
              .withPartition(partition);
      store = streams.store(stale ? parameters.enableStaleStores() : parameters);
    } catch (RuntimeException e) {
      return error(503, "Store " + size.store + " is not queryable here: " + e.getMessage());
    }
    Deque<BrandSentimentWindow> latest = new ArrayDeque<>();
    try (WindowStoreIterator<BrandSentimentWindow> it = store.fetch(brand, from, to)) {
      while (it.hasNext()) {
        KeyValue<Long, BrandSentimentWindow> entry = it.next();
        long start = entry.key;
        latest.addLast(
            BrandSentimentWindow.newBuilder(entry.value)
                .setBrand(brand)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(start + size.length.toMillis()))
                .build());
        if (latest.size() > limit) {
          latest.removeFirst();
        }
      }
    } catch (RuntimeException e) {
      return error(503, "Store " + size.store + " is not queryable here: " + e.getMessage());
    }
    ObjectNode out = AlertJson.MAPPER.createObjectNode();
    out.put("brand", brand);
    out.put("size", size.label);
    out.put("servedBy", self.host() + ":" + self.port());
    out.put("stale", stale);
    ArrayNode windows = out.putArray("windows");
    for (BrandSentimentWindow window : latest) {
      windows.add(AlertJson.window(window));
    }
    return new Answer(200, out.toString());
  }

  private Answer forward(
      HostInfo host, String brand, Size size, Instant from, Instant to, int limit, boolean stale)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(forwardUri(host, brand, size, from, to, limit, stale))
            .timeout(Duration.ofSeconds(10))
            .GET();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.body());
  }

  /** The request for {@code brand}'s windows that {@code host} answers from its own store. */
  static URI forwardUri(
      HostInfo host, String brand, Size size, Instant from, Instant to, int limit, boolean stale) {
    return URI.create(
        String.format(
            Locale.ROOT,
            "http://%s/api/brands/%s/windows?size=%s&from=%s&to=%s&limit=%d&local=true%s",
            authority(host),
            URLEncoder.encode(brand, StandardCharsets.UTF_8).replace("+", "%20"),
            size.label,
            URLEncoder.encode(from.toString(), StandardCharsets.UTF_8),
            URLEncoder.encode(to.toString(), StandardCharsets.UTF_8),
            limit,
            stale ? "&stale=true" : ""));
  }

  /**
   * {@code host:port} for a URL, an IPv6 address in brackets ({@code [fd00::5]:8080}): Streams
   * reads {@code application.server} {@code fd00::5:8080} as host {@code fd00::5}, port 8080.
   */
  static String authority(HostInfo host) {
    String name = host.host();
    boolean ipv6 = name.indexOf(':') >= 0 && !name.startsWith("[");
    return (ipv6 ? "[" + name + "]" : name) + ":" + host.port();
  }

  static Answer error(int status, String message) {
    ObjectNode out = AlertJson.MAPPER.createObjectNode();
    out.put("error", message);
    return new Answer(status, out.toString());
  }
}
