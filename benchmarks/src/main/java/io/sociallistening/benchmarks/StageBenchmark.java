package io.sociallistening.benchmarks;

import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.connect.sample.SampleTimeline;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Scorers;
import io.sociallistening.topology.ThreadLocalAvroSerde;
import io.sociallistening.topology.aggregate.BrandWindows;
import io.sociallistening.topology.crisis.CrisisAlerts;
import io.sociallistening.topology.crisis.CrisisSettings;
import io.sociallistening.topology.dedup.Copy;
import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.ExactDedup;
import io.sociallistening.topology.dedup.NearDuplicateIndex;
import io.sociallistening.topology.enrich.Enrichment;
import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.lead.LeadDecision;
import io.sociallistening.topology.lead.LeadThresholds;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.match.Rules;
import io.sociallistening.topology.validate.MentionRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per mention of each stage of the hot path, one stage at a time, over the bundled
 * six-hour sample (the mentions of {@code social-listening bench}) with its six brand rules plus
 * 1,000 generated ones ({@link BrandCorpus}):
 *
 * <ul>
 *   <li>{@link #validateAndDecode}: Avro decode of the raw record (Confluent format), normalise,
 *       check;
 *   <li>{@link #exactDedup}: {@link ExactDedup} on its RocksDB window store (fetch and put per
 *       mention; keys cycle over 200,000 ids, so later rounds are copies); {@link
 *       #exactDedupFirstCopies} the same on ids never seen before;
 *   <li>{@link #enrich}: brand match, language, sentiment and lead score; {@link #detectLanguage}
 *       the language identification alone, on every mention's text (the enrichment skips it when
 *       the source gave the language);
 *   <li>{@link #nearDedup}: the per-brand {@link NearDuplicateIndex} lookup and insert;
 *   <li>{@link #windowUpdate}: one windowed sentiment aggregate updated in place;
 *   <li>{@link #crisisUpdate}: {@link CrisisAlerts} adding a mention to its brand's open bucket and
 *       writing that bucket to its RocksDB store;
 *   <li>{@link #encodeEnriched}: Avro encode of the enriched mention with the registry serde
 *       ({@code AvroSerde}), and {@link #encodeEnrichedPerThread} with the topology's {@link
 *       ThreadLocalAvroSerde} (same bytes, encoder and buffer reused).
 * </ul>
 *
 * Kafka Streams' own per-record work (consumer, record collector, changelogs, transactions) is not
 * here: {@code social-listening bench} measures the whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmark {
  private static final String RAW = "social.mentions.raw";
  private static final String ENRICHED = "social.mentions.enriched";
  private static final int KEYS = 200_000;

  private Mention[] mentions;
  private byte[][] encoded;
  private Copy[] copies;
  private EnrichedMention[] enriched;
  private String[] brands;
  private String[] keys;
  private AvroSerde<Mention> mentionSerde;
  private AvroSerde<EnrichedMention> enrichedSerde;
  private ThreadLocalAvroSerde<EnrichedMention> perThreadSerde;
  private MentionRules mentionRules;
  private Enrichment enrichment;
  private LanguageDetector languages;
  private NearDuplicateIndex nearIndex;
  private BrandSentimentWindow window;
  private LeadDecision leadDecision;
  private Path stateDir;
  private MockProcessorContext<String, Copy> dedupContext;
  private WindowStore<String, Long> dedupStore;
  private ExactDedup exactDedup;
  private MockProcessorContext<String, io.sociallistening.avro.Alert> crisisContext;
  private KeyValueStore<String, byte[]> crisisStore;
  private KeyValueStore<Bytes, byte[]> crisisBuckets;
  private CrisisAlerts crisisAlerts;
  private long bucketTime;
  private int next;
  private int nextKey;

  @Setup
  public void setUp() throws IOException {
    List<SampleTimeline.Entry> timeline = SampleTimeline.generate(SampleTimeline.DEFAULT_SEED);
    int n = timeline.size();
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    mentionSerde = AvroSerde.forValues(Mention.class, registry);
    enrichedSerde = AvroSerde.forValues(EnrichedMention.class, registry);
    perThreadSerde = ThreadLocalAvroSerde.forValues(EnrichedMention.class, registry);
    mentionRules = new MentionRules(20_000);
    RuleBook book = new RuleBook();
    List<Rule> rules = new ArrayList<>(sampleRules());
    rules.addAll(new BrandCorpus(1_000, BrandCorpus.Mix.WORDS, 20261125L).rules());
    for (Rule rule : rules) {
      book.put(
          BrandRule.newBuilder()
              .setId(rule.id())
              .setBrand(rule.brand())
              .setQuery(rule.query())
              .setCompetitorOf(rule.competitorOf())
              .setTags(List.of())
              .setEnabled(true)
              .build());
    }
    Scorers scorers = Scorers.loadDefault(0.5);
    enrichment = new Enrichment(book, scorers.languages(), scorers.sentiment(), scorers.leads());
    languages = scorers.languages();
    leadDecision = new LeadDecision(LeadThresholds.of(0.5), book::isCompetitor);

    mentions = new Mention[n];
    encoded = new byte[n][];
    copies = new Copy[n];
    enriched = new EnrichedMention[n];
    brands = new String[n];
    for (int i = 0; i < n; i++) {
      Mention m = timeline.get(i).mention();
      mentions[i] = m;
      encoded[i] = mentionSerde.serialize(RAW, m);
      copies[i] = new Copy(MentionRules.keyOf(m), m, 1, null);
      enriched[i] = enrichment.enrich(copies[i], 0L);
      brands[i] =
          enriched[i].getBrands().isEmpty() ? "none" : enriched[i].getBrands().get(0).getBrand();
    }
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = MentionRules.keyOf(mentions[i % n]) + "#" + i;
    }
    nearIndex = new NearDuplicateIndex(DedupSettings.defaults());
    window = BrandWindows.empty();

    stateDir = Files.createTempDirectory("stage-benchmark");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stage-benchmark");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

    dedupContext = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    Duration retention = Duration.ofHours(24);
    dedupStore =
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ExactDedup.STORE, retention, retention, false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingDisabled()
            .build();
    dedupStore.init(dedupContext.getStateStoreContext(), dedupStore);
    dedupContext.addStateStore(dedupStore);
    exactDedup = new ExactDedup(retention);
    exactDedup.init(dedupContext);

    crisisContext = new MockProcessorContext<>(props, new TaskId(0, 1), stateDir.toFile());
    crisisStore =
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CrisisAlerts.STORE),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    crisisStore.init(crisisContext.getStateStoreContext(), crisisStore);
    crisisContext.addStateStore(crisisStore);
    crisisBuckets =
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CrisisAlerts.BUCKET_STORE),
                Serdes.Bytes(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    crisisBuckets.init(crisisContext.getStateStoreContext(), crisisBuckets);
    crisisContext.addStateStore(crisisBuckets);
    CrisisSettings crisis = CrisisSettings.defaults();
    crisisAlerts = new CrisisAlerts(crisis, Duration.ofSeconds(60));
    crisisAlerts.init(crisisContext);
    // Every mention in one open bucket: the state of a busy brand between two bucket closes.
    bucketTime = SampleTimeline.START.toEpochMilli();
  }

  @TearDown
  public void tearDown() throws IOException {
    dedupStore.close();
    crisisStore.close();
    crisisBuckets.close();
    try (Stream<Path> paths = Files.walk(stateDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Forwarded records the mock contexts keep are dropped between iterations. */
  @Setup(Level.Iteration)
  public void resetForwards() {
    dedupContext.resetForwards();
    crisisContext.resetForwards();
  }

  private int next() {
    int i = next;
    next = i + 1 == mentions.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public Object validateAndDecode() {
    Mention mention = mentionSerde.deserialize(RAW, encoded[next()]);
    return mentionRules.problem(mentionRules.normalize(mention));
  }

  private long nextFirstCopy;

  @Benchmark
  public int exactDedup() {
    int i = next();
    int k = nextKey;
    nextKey = k + 1 == KEYS ? 0 : k + 1;
    exactDedup.process(
        new Record<>(keys[k], mentions[i], mentions[i].getCreatedAt().toEpochMilli()));
    dedupContext.resetForwards(); // forwarded() copies the list: keep it empty instead
    return k;
  }

  /** {@link ExactDedup} on new ids only, as most of a real feed: every mention a first copy. */
  @Benchmark
  public long exactDedupFirstCopies() {
    int i = next();
    long k = nextFirstCopy++;
    exactDedup.process(
        new Record<>("first:" + k, mentions[i], mentions[i].getCreatedAt().toEpochMilli()));
    dedupContext.resetForwards();
    return k;
  }

  @Benchmark
  public String detectLanguage() {
    return languages.detect(mentions[next()].getText());
  }

  @Benchmark
  public EnrichedMention enrich() {
    return enrichment.enrich(copies[next()], 0L);
  }

  @Benchmark
  public boolean nearDedup() {
    int i = next();
    int k = nextKey;
    nextKey = k + 1 == KEYS ? 0 : k + 1;
    return nearIndex
        .findOrAdd(
            brands[i], keys[k], mentions[i].getText(), mentions[i].getCreatedAt().toEpochMilli())
        .isPresent();
  }

  @Benchmark
  public BrandSentimentWindow windowUpdate() {
    int i = next();
    return BrandWindows.add(brands[i], enriched[i], window, leadDecision);
  }

  @Benchmark
  public int crisisUpdate() {
    int i = next();
    crisisAlerts.process(new Record<>(brands[i], enriched[i], bucketTime));
    return i;
  }

  @Benchmark
  public byte[] encodeEnriched() {
    return enrichedSerde.serialize(ENRICHED, enriched[next()]);
  }

  @Benchmark
  public byte[] encodeEnrichedPerThread() {
    return perThreadSerde.serialize(ENRICHED, enriched[next()]);
  }

  private static List<Rule> sampleRules() {
    try (InputStream in =
            StageBenchmark.class.getClassLoader().getResourceAsStream("sample/rules.jsonl");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Rules.readJsonLines(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
