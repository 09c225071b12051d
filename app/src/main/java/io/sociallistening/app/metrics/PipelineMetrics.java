package io.sociallistening.app.metrics;

import io.sociallistening.avro.AlertType;
import io.sociallistening.topology.Topics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Our own counters of one instance, fed by the client interceptors Kafka Streams runs ({@link
 * ConsumedRecords} on the main consumer, {@link ProducedRecords} on the producers), so no stage
 * changes and nothing is decoded per mention: mentions consumed from the raw topic, dead letters,
 * enriched mentions and alerts (by type) produced, and the end-to-end latency (wall clock minus
 * record time) of enriched mentions and alerts as they are produced. Exact copies are counted by
 * exact dedup itself (a Kafka Streams metric, see {@code PrometheusText}). Counts are of this
 * instance; sum them over instances.
 *
 * <p>Interceptors are created by the Kafka clients through reflection; they find their {@code
 * PipelineMetrics} by the id in {@value #ID_CONFIG}.
 */
public final class PipelineMetrics {
  /** Client setting naming the {@code PipelineMetrics} an interceptor reports to. */
  public static final String ID_CONFIG = "social.listening.metrics.id";

  private static final Map<String, PipelineMetrics> REGISTERED = new ConcurrentHashMap<>();
  private static final AtomicLong IDS = new AtomicLong();
  private static final AlertType[] ALERT_TYPES = AlertType.values();

  private final String id;
  private final String rawTopic;
  private final String enrichedTopic;
  private final String deadLetterTopic;
  private final String alertsTopic;
  private final LongAdder mentionsIn = new LongAdder();
  private final LongAdder enriched = new LongAdder();
  private final LongAdder deadLetters = new LongAdder();
  private final LongAdder[] alerts = new LongAdder[ALERT_TYPES.length];
  private final LatencyHistogram enrichedLatency = new LatencyHistogram();
  private final LatencyHistogram alertLatency = new LatencyHistogram();

  private PipelineMetrics(String id, String applicationId, Topics topics) {
    this.id = id;
    this.rawTopic = topics.raw();
    this.enrichedTopic = topics.enriched();
    this.deadLetterTopic = topics.deadLetters();
    this.alertsTopic = topics.alerts();
    for (int i = 0; i < alerts.length; i++) {
      alerts[i] = new LongAdder();
    }
  }

  /** A new set of counters, registered so that interceptors configured with its id find it. */
  public static PipelineMetrics register(String applicationId, Topics topics) {
    String id = applicationId + "#" + IDS.incrementAndGet();
    PipelineMetrics metrics = new PipelineMetrics(id, applicationId, topics);
    REGISTERED.put(id, metrics);
    return metrics;
  }

  static PipelineMetrics lookup(Object id) {
    PipelineMetrics metrics = id == null ? null : REGISTERED.get(id.toString());
    if (metrics == null) {
      throw new IllegalStateException("No pipeline metrics registered as " + ID_CONFIG + "=" + id);
    }
    return metrics;
  }

  /** The id interceptors find this registration by. */
  public String streamsId() {
    return id;
  }

  /** Forgets this instance's registration (at close). */
  public void unregister() {
    REGISTERED.remove(id);
  }

  /**
   * Streams settings installing the interceptors: {@code interceptor.classes} of the main consumer
   * and of the producers, each with this registration's id. {@code existing} are the settings
   * already chosen, whose interceptors are kept first: those the client would have had, by Streams'
   * precedence ({@code main.consumer.} over {@code consumer.} over no prefix for the main consumer,
   * {@code producer.} over no prefix for the producers), since the keys set here override the
   * others.
   */
  public Map<String, Object> streamsProperties(Map<?, ?> existing) {
    String key = "interceptor.classes";
    String consumerKey = "main.consumer." + key;
    String producerKey = "producer." + key;
    return Map.of(
        consumerKey,
        append(firstOf(existing, consumerKey, "consumer." + key, key), ConsumedRecords.class),
        producerKey,
        append(firstOf(existing, producerKey, key), ProducedRecords.class),
        "main.consumer." + ID_CONFIG,
        id,
        "producer." + ID_CONFIG,
        id);
  }

  private static Object firstOf(Map<?, ?> settings, String... keys) {
    for (String key : keys) {
      if (settings.get(key) != null) {
        return settings.get(key);
      }
    }
    return null;
  }

  private static String append(Object existing, Class<?> type) {
    String before = existing == null ? "" : existing.toString().strip();
    return before.isEmpty() ? type.getName() : before + "," + type.getName();
  }

  void consumed(String topic) {
    if (topic.equals(rawTopic)) {
      mentionsIn.increment();
    }
  }

  void produced(String topic, Long timestamp, byte[] value, long now) {
    if (topic.equals(enrichedTopic)) {
      enriched.increment();
      if (timestamp != null) {
        enrichedLatency.record(now - timestamp);
      }
    } else if (topic.equals(deadLetterTopic)) {
      deadLetters.increment();
    } else if (topic.equals(alertsTopic)) {
      int type = AlertTypeIndex.of(value);
      alerts[type >= 0 && type < alerts.length ? type : 0].increment();
      if (timestamp != null) {
        alertLatency.record(now - timestamp);
      }
    }
  }

  public long mentionsIn() {
    return mentionsIn.sum();
  }

  public long enriched() {
    return enriched.sum();
  }

  public long deadLetters() {
    return deadLetters.sum();
  }

  public long alerts(AlertType type) {
    return alerts[type.ordinal()].sum();
  }

  public LatencyHistogram enrichedLatency() {
    return enrichedLatency;
  }

  public LatencyHistogram alertLatency() {
    return alertLatency;
  }

  /** The alert types counted, in schema order. */
  public static AlertType[] alertTypes() {
    return ALERT_TYPES.clone();
  }
}
