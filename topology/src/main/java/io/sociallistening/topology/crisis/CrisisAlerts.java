package io.sociallistening.topology.crisis;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.topology.dedup.ExactDedup;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
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
 * BrandCrisisState} bytes (detector baseline and lifecycle, end of the last closed bucket, last
 * bucket with a mention: under 1 KB), and key-value store {@value #BUCKET_STORE}, brand and bucket
 * start to the {@code OpenBucket} bytes of each bucket still open (counts and the material of an
 * explanation: at most about 80 KB, usually a few KB). A brand has about {@code grace / bucket + 2}
 * buckets open at once; each is its own record, so no record grows with the grace. Time: record
 * time puts a mention in its bucket; a stream-time punctuation closes every bucket that ended
 * {@code grace} ago, empty buckets included, and feeds it to the {@link CrisisDetector}. Mentions
 * for a bucket already closed are ignored, and counted in the Kafka Streams metric {@value
 * #LATE}{@code -total} (and {@code -rate}) of group {@code stream-social-listening-metrics}, one
 * series per task. A brand with no traffic at all is only evaluated when stream time of its task
 * advances. A brand without an open episode, open bucket or mention for {@link #idleLimit} of
 * stream time (28 days by default; a brand whose rules were deleted or renamed) is forgotten: both
 * its records are deleted, and a later mention starts it afresh, warm-up included.
 */
public final class CrisisAlerts implements Processor<String, EnrichedMention, String, Alert> {
  public static final String STORE = "crisis-state";
  public static final String BUCKET_STORE = "crisis-buckets";
  public static final String LATE = "crisis-late-mentions";
  private static final int TOP = 5;

  /**
   * Gaps longer than this many buckets (a day of 1-minute buckets) are skipped rather than replayed
   * bucket by bucket: the catch-up of every brand runs in one punctuation, inside one transaction.
   */
  private static final int MAX_EMPTY_BUCKETS = 24 * 60;

  private final CrisisDetector detector;
  private final long bucket;
  private final long grace;
  private final long idle;
  private KeyValueStore<String, byte[]> store;
  private KeyValueStore<Bytes, byte[]> buckets;
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
    this.idle = idleLimit(settings).toMillis();
  }

  /**
   * How long a brand without an open episode goes without a mention before it is forgotten: the
   * longest memory of the detector (its day-of-week profile, 28 days by default) or its cooldown if
   * longer. By then the baseline of a brand nobody mentions has decayed towards nothing anyway.
   */
  public static Duration idleLimit(CrisisSettings settings) {
    Duration longest = settings.weeklyMemory();
    for (Duration d : List.of(settings.dailyMemory(), settings.cooldown())) {
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    this.buckets = context.getStateStore(BUCKET_STORE);
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
    Bytes key = bucketKey(brand, start);
    OpenBucket counts;
    if (state.openStarts.add(start)) {
      counts = new OpenBucket(start);
    } else {
      counts = OpenBucket.fromBytes(buckets.get(key));
    }
    counts.add(record.value(), brand);
    buckets.put(key, counts.toBytes());
    if (start > state.lastMention || state.dirty) {
      state.lastMention = Math.max(state.lastMention, start);
      state.dirty = false;
      store.put(brand, state.toBytes());
    }
  }

  private BrandCrisisState load(String brand) {
    BrandCrisisState state = decoded.get(brand);
    if (state == null) {
      byte[] bytes = store.get(brand);
      state = bytes == null ? BrandCrisisState.initial() : decode(brand, bytes);
      decoded.put(brand, state);
    }
    return state;
  }

  /**
   * Decodes a brand's state and lists its open buckets; moves the open buckets of a version 1 state
   * (which held them inside) to the bucket store, where the next write of the state leaves them.
   */
  private BrandCrisisState decode(String brand, byte[] bytes) {
    BrandCrisisState state = BrandCrisisState.fromBytes(bytes);
    try (KeyValueIterator<Bytes, byte[]> open =
        buckets.range(bucketKey(brand, Long.MIN_VALUE), bucketKey(brand, Long.MAX_VALUE))) {
      while (open.hasNext()) {
        state.openStarts.add(bucketStart(open.next().key));
      }
    }
    for (OpenBucket legacy : state.legacyOpen) {
      if (state.openStarts.add(legacy.start)) {
        buckets.put(bucketKey(brand, legacy.start), legacy.toBytes());
      }
      state.dirty = true;
    }
    state.legacyOpen.clear();
    return state;
  }

  /**
   * The key of one open bucket: the brand's UTF-8 length and bytes, then the start with its sign
   * bit flipped, so that a brand's buckets sort by start and no other brand's key falls between
   * them.
   */
  static Bytes bucketKey(String brand, long start) {
    byte[] name = brand.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(Integer.BYTES + name.length + Long.BYTES)
            .putInt(name.length)
            .put(name)
            .putLong(start ^ Long.MIN_VALUE)
            .array());
  }

  private static long bucketStart(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong() ^ Long.MIN_VALUE;
  }

  /** The task's series leave with it (a rebalance that moves the task elsewhere closes it here). */
  @Override
  public void close() {
    if (late != null) {
      context.metrics().removeSensor(late);
    }
  }

  private void closeDue(long streamTime) {
    List<Map.Entry<String, BrandCrisisState>> changed = new ArrayList<>();
    List<String> idleBrands = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        BrandCrisisState state = decoded.get(entry.key);
        if (state == null) {
          state = decode(entry.key, entry.value);
          decoded.put(entry.key, state);
        }
        boolean closed = close(entry.key, state, streamTime - grace);
        if (isIdle(state, streamTime)) {
          idleBrands.add(entry.key);
        } else if (closed || state.dirty) {
          changed.add(Map.entry(entry.key, state));
        }
      }
    }
    for (var entry : changed) {
      entry.getValue().dirty = false;
      store.put(entry.getKey(), entry.getValue().toBytes());
    }
    for (String brand : idleBrands) {
      store.delete(brand);
      decoded.remove(brand);
    }
  }

  /** No open episode, no open bucket, and no mention for {@link #idleLimit}. */
  private boolean isIdle(BrandCrisisState state, long streamTime) {
    return state.openStarts.isEmpty()
        && state.detector.openEpisode().isEmpty()
        && state.lastMention != Long.MIN_VALUE
        && streamTime - state.lastMention >= idle;
  }

  /** Closes every bucket of {@code brand} that ends at or before {@code until}. */
  private boolean close(String brand, BrandCrisisState state, long until) {
    var open = state.openStarts;
    long next =
        state.closedUntil != Long.MIN_VALUE
            ? state.closedUntil
            : (open.isEmpty() ? Long.MAX_VALUE : open.first());
    if (next + bucket > until) {
      return false;
    }
    if (!open.isEmpty() && open.first() - next > MAX_EMPTY_BUCKETS * bucket) {
      // past the gap, but not past the buckets still open to late mentions: the first open bucket
      // can start after until, and closing up to it would turn away mentions within the grace
      next = Math.min(open.first(), until - Math.floorMod(until, bucket));
    } else if (open.isEmpty() && (until - next) / bucket > MAX_EMPTY_BUCKETS) {
      next = until - until % bucket - MAX_EMPTY_BUCKETS * bucket;
    }
    while (next + bucket <= until) {
      OpenBucket counts;
      if (open.remove(next)) {
        Bytes key = bucketKey(brand, next);
        counts = OpenBucket.fromBytes(buckets.get(key));
        buckets.delete(key);
      } else {
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
