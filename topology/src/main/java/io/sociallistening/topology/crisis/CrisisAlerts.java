package io.sociallistening.topology.crisis;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.topology.dedup.ExactDedup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 5, crisis detection per brand.
 *
 * <p>Input: key brand, value {@link EnrichedMention} (first copies only). Output: key brand, value
 * {@link Alert} of type CRISIS_OPENED, CRISIS_ESCALATED or CRISIS_RESOLVED with metrics, top terms,
 * platforms and sample mentions. State: key-value store {@value #STORE}, brand to {@code
 * BrandCrisisState} bytes (detector baseline, lifecycle, open buckets). Time: record time puts a
 * mention in its bucket; a stream-time punctuation closes every bucket that ended {@code grace}
 * ago, empty buckets included, and feeds it to the {@link CrisisDetector}. Mentions for a bucket
 * already closed are ignored, and counted in the Kafka Streams metric {@value #LATE}{@code -total}
 * (and {@code -rate}) of group {@code stream-social-listening-metrics}, one series per task. A
 * brand with no traffic at all is only evaluated when stream time of its task advances.
 */
public final class CrisisAlerts implements Processor<String, EnrichedMention, String, Alert> {
  public static final String STORE = "crisis-state";
  public static final String LATE = "crisis-late-mentions";
  private static final int TOP = 5;

  /** Gaps longer than this many buckets are skipped rather than replayed bucket by bucket. */
  private static final int MAX_EMPTY_BUCKETS = 7 * 24 * 60;

  private final CrisisDetector detector;
  private final long bucket;
  private final long grace;
  private KeyValueStore<String, byte[]> store;
  private ProcessorContext<String, Alert> context;
  private Sensor late;

  /**
   * Decoded states of this task's brands. The store stays the truth (every change is written
   * through, so commits and restores see it); this only saves decoding it again on every mention.
   * Cleared in {@link #init}, which runs again whenever the task is re-created from the store.
   */
  private final Map<String, BrandCrisisState> decoded = new HashMap<>();

  public CrisisAlerts(CrisisSettings settings, Duration grace) {
    this.detector = new CrisisDetector(settings);
    this.bucket = settings.bucket().toMillis();
    this.grace = grace.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    this.late =
        context
            .metrics()
            .addRateTotalSensor(
                ExactDedup.METRICS_SCOPE,
                "crisis-" + context.taskId(),
                LATE,
                Sensor.RecordingLevel.INFO);
    decoded.clear();
    context.schedule(
        Duration.ofMillis(Math.max(1000, bucket / 2)), PunctuationType.STREAM_TIME, this::closeDue);
  }

  @Override
  public void process(Record<String, EnrichedMention> record) {
    String brand = record.key();
    long start = record.timestamp() - Math.floorMod(record.timestamp(), bucket);
    BrandCrisisState state = load(brand);
    if (start < state.closedUntil) {
      late.record();
      return;
    }
    state.open.computeIfAbsent(start, OpenBucket::new).add(record.value(), brand);
    store.put(brand, state.toBytes());
  }

  private BrandCrisisState load(String brand) {
    return decoded.computeIfAbsent(
        brand,
        key -> {
          byte[] bytes = store.get(key);
          return bytes == null ? BrandCrisisState.initial() : BrandCrisisState.fromBytes(bytes);
        });
  }

  private void closeDue(long streamTime) {
    List<Map.Entry<String, BrandCrisisState>> changed = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        BrandCrisisState state =
            decoded.computeIfAbsent(entry.key, key -> BrandCrisisState.fromBytes(entry.value));
        if (close(entry.key, state, streamTime - grace)) {
          changed.add(Map.entry(entry.key, state));
        }
      }
    }
    for (var entry : changed) {
      store.put(entry.getKey(), entry.getValue().toBytes());
    }
  }

  /** Closes every bucket of {@code brand} that ends at or before {@code until}. */
  private boolean close(String brand, BrandCrisisState state, long until) {
    long next =
        state.closedUntil != Long.MIN_VALUE
            ? state.closedUntil
            : (state.open.isEmpty() ? Long.MAX_VALUE : state.open.firstKey());
    if (next + bucket > until) {
      return false;
    }
    if (!state.open.isEmpty() && state.open.firstKey() - next > MAX_EMPTY_BUCKETS * bucket) {
      next = state.open.firstKey();
    } else if (state.open.isEmpty() && (until - next) / bucket > MAX_EMPTY_BUCKETS) {
      next = until - until % bucket - MAX_EMPTY_BUCKETS * bucket;
    }
    while (next + bucket <= until) {
      OpenBucket counts = state.open.remove(next);
      if (counts == null) {
        counts = new OpenBucket(next);
      }
      evaluate(brand, state, counts);
      next += bucket;
    }
    state.closedUntil = next;
    return true;
  }

  private void evaluate(String brand, BrandCrisisState state, OpenBucket counts) {
    long end = counts.start + bucket;
    Step step =
        detector.onBucket(
            state.detector, new Bucket(counts.start, end, counts.volume, counts.negative));
    state.detector = step.state();
    double share = counts.volume == 0 ? 0 : counts.negative / (double) counts.volume;
    step.event()
        .ifPresent(
            event ->
                context.forward(
                    new Record<>(brand, alert(brand, state, counts, share, event), end)));
  }

  private Alert alert(
      String brand, BrandCrisisState state, OpenBucket counts, double share, CrisisEvent event) {
    AlertType type =
        switch (event.type()) {
          case OPENED -> AlertType.CRISIS_OPENED;
          case ESCALATED -> AlertType.CRISIS_ESCALATED;
          case RESOLVED -> AlertType.CRISIS_RESOLVED;
        };
    double baselineShare = Math.max(0, state.detector.share());
    String episode = brand + ":" + event.episodeId();
    List<String> topTerms = OpenBucket.top(counts.terms, TOP);
    List<String> topSources = OpenBucket.top(counts.platforms, TOP);
    List<String> reasons = new ArrayList<>(event.reasons());
    if (counts.volume > 0) {
      reasons.add(
          String.format(Locale.ROOT, "reposts: %d of %d mentions", counts.reposts, counts.volume));
    }
    return Alert.newBuilder()
        .setId(
            "crisis:" + episode + ":" + type.name().toLowerCase(Locale.ROOT) + ":" + counts.start)
        .setType(type)
        .setBrand(brand)
        .setSeverity(Math.max(1, Math.min(10, event.severity())))
        .setEventTime(Instant.ofEpochMilli(counts.start + bucket))
        .setEpisodeId(episode)
        .setSummary(summary(brand, type, event, counts, share, baselineShare, topTerms))
        .setMetrics(
            CrisisMetrics.newBuilder()
                .setBucketStart(Instant.ofEpochMilli(counts.start))
                .setBucketEnd(Instant.ofEpochMilli(counts.start + bucket))
                .setVolume(counts.volume)
                .setNegativeVolume(counts.negative)
                .setNegativeShare(share)
                .setBaselineNegativeVolume(event.expected())
                .setBaselineNegativeShare(baselineShare)
                .setScore(event.score())
                .build())
        .setTopTerms(topTerms)
        .setTopSources(topSources)
        .setReasons(reasons)
        .setScore(null)
        .setSamples(new ArrayList<>(counts.samples))
        .build();
  }

  private static String summary(
      String brand,
      AlertType type,
      CrisisEvent event,
      OpenBucket counts,
      double share,
      double baselineShare,
      List<String> topTerms) {
    return switch (type) {
      case CRISIS_RESOLVED ->
          String.format(
              Locale.ROOT,
              "Crisis for %s resolved: %d negative mentions in the last bucket, expected %.1f",
              brand,
              counts.negative,
              event.expected());
      default ->
          String.format(
              Locale.ROOT,
              "%s for %s, severity %d: %d negative mentions in %d s (expected %.1f), negative share"
                  + " %.0f%% (usually %.0f%%); top terms: %s",
              type == AlertType.CRISIS_OPENED ? "Crisis" : "Crisis escalating",
              brand,
              event.severity(),
              counts.negative,
              (event.bucketEnd() - event.bucketStart()) / 1000,
              event.expected(),
              share * 100,
              baselineShare * 100,
              String.join(", ", topTerms));
    };
  }
}
