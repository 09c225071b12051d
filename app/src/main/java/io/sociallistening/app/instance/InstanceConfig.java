package io.sociallistening.app.instance;

import io.sociallistening.topology.PipelineSettings;
import io.sociallistening.topology.Topics;
import io.sociallistening.topology.crisis.CrisisSettings;
import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.lead.LeadThresholds;
import io.sociallistening.topology.validate.InputLimits;
import io.sociallistening.topology.validate.SkipUndecodableRecords;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Configuration of one topology instance. Sources, later ones winning: the defaults below, an
 * optional properties file, then environment variables named {@code SOCIAL_LISTENING_} + the key in
 * upper case with '.' as '_' (e.g. {@code SOCIAL_LISTENING_BOOTSTRAP_SERVERS}). Kafka client and
 * Streams settings pass through under the {@code kafka.} prefix (e.g. {@code
 * kafka.security.protocol}); schema-registry client settings under {@code schema.registry.} and
 * {@code basic.auth.}. A bad value fails at start-up with the key in the message.
 */
public final class InstanceConfig extends AbstractConfig {
  public static final String ENV_PREFIX = "SOCIAL_LISTENING_";
  public static final String KAFKA_PREFIX = "kafka.";

  /** Key prefixes of the settings passed through to the Kafka and registry clients. */
  static final List<String> PASS_THROUGH = List.of(KAFKA_PREFIX, "schema.registry.", "basic.auth.");

  private static final String LOCAL_STACK_ENV_PREFIX = "SOCIAL_LISTENING_DEMO_";

  public static final String APPLICATION_ID = "application.id";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  public static final String STATE_DIR = "state.dir";
  public static final String ROCKSDB_MEMORY_BYTES = BoundedRocksDbMemory.MEMORY_BYTES;
  public static final String TOPIC_RAW = "topic.raw";
  public static final String TOPIC_ENRICHED = "topic.enriched";
  public static final String TOPIC_ALERTS = "topic.alerts";
  public static final String TOPIC_SENTIMENT_1M = "topic.sentiment.1m";
  public static final String TOPIC_SENTIMENT_1H = "topic.sentiment.1h";
  public static final String TOPIC_SHARE_OF_VOICE_1M = "topic.share-of-voice.1m";
  public static final String TOPIC_SHARE_OF_VOICE_1H = "topic.share-of-voice.1h";
  public static final String TOPIC_DEAD_LETTERS = "topic.dead.letters";
  public static final String TOPIC_RULES = "topic.rules";
  public static final String TOPICS_CREATE = "topics.create";
  public static final String TOPICS_PARTITIONS = "topics.partitions";
  public static final String TOPICS_REPLICATION = "topics.replication.factor";
  public static final String RULES_FILE = "rules.bootstrap.file";
  public static final String TEXT_MAX_LENGTH = InputLimits.TEXT_LENGTH;
  public static final String INPUT_MAX_RECORD_BYTES = InputLimits.RECORD_BYTES;
  public static final String INPUT_MAX_TITLE_LENGTH = InputLimits.TITLE_LENGTH;
  public static final String INPUT_MAX_URL_LENGTH = InputLimits.URL_LENGTH;
  public static final String INPUT_MAX_FIELD_LENGTH = InputLimits.FIELD_LENGTH;
  public static final String DEDUP_RETENTION_MS = "dedup.retention.ms";
  public static final String DEDUP_NEAR_RETENTION_MS = "dedup.near.retention.ms";
  public static final String DEDUP_NEAR_MAX_ENTRIES = "dedup.near.max.entries";
  public static final String DEDUP_NEAR_MAX_TEXT_CHARS = "dedup.near.max.text.chars";
  public static final String AGGREGATE_GRACE_MS = "aggregate.grace.ms";
  public static final String CRISIS_BUCKET_MS = "crisis.bucket.ms";
  public static final String CRISIS_GRACE_MS = "crisis.grace.ms";
  public static final String CRISIS_MIN_VOLUME = "crisis.min.volume";
  public static final String CRISIS_COOLDOWN_MS = "crisis.cooldown.ms";
  public static final String LEAD_THRESHOLD = "lead.threshold";
  public static final String LEAD_THRESHOLD_PER_BRAND = "lead.threshold.per.brand";
  public static final String LEAD_AUTHOR_COOLDOWN_MS = "lead.author.cooldown.ms";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
  public static final String HTTP_TOKEN = "http.token";
  public static final String HTTP_MAX_ALERT_STREAMS = "http.max.alert.streams";
  public static final String HTTP_THREADS = "http.threads";
  public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";

  private static final String GROUP_KAFKA = "Kafka";
  private static final String GROUP_TOPICS = "Topics";
  private static final String GROUP_PIPELINE = "Pipeline";
  private static final String GROUP_SERVING = "Serving";

  public static final ConfigDef CONFIG = definition();

  public InstanceConfig(Map<?, ?> props) {
    super(CONFIG, props, false);
  }

  private static ConfigDef definition() {
    Topics topics = Topics.defaults();
    PipelineSettings pipeline = PipelineSettings.defaults();
    CrisisSettings crisis = pipeline.crisis();
    InputLimits limits = pipeline.inputLimits();
    int order = 0;
    ConfigDef def = new ConfigDef();
    def.define(
        APPLICATION_ID,
        Type.STRING,
        "social-listening",
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        "Kafka Streams application id: instances with the same id share the work.",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.MEDIUM,
        APPLICATION_ID);
    def.define(
        BOOTSTRAP_SERVERS,
        Type.LIST,
        "127.0.0.1:9092",
        new BootstrapServers(),
        Importance.HIGH,
        "Kafka brokers, host:port, comma-separated.",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.LONG,
        BOOTSTRAP_SERVERS);
    def.define(
        SCHEMA_REGISTRY_URL,
        Type.LIST,
        "http://127.0.0.1:8081",
        Importance.HIGH,
        "Confluent-compatible schema registry URL(s).",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.LONG,
        SCHEMA_REGISTRY_URL);
    def.define(
        PROCESSING_GUARANTEE,
        Type.STRING,
        StreamsConfig.EXACTLY_ONCE_V2,
        ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE),
        Importance.MEDIUM,
        "exactly_once_v2 (default) or at_least_once. Under at_least_once a crash replays the"
            + " records after the last commit: outputs and alerts may repeat, and a post whose first"
            + " copy was stored by exact or near dedup before the crash is read again as a copy of"
            + " itself, so its enriched record and its alerts can be missing.",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.SHORT,
        PROCESSING_GUARANTEE);
    def.define(
        NUM_STREAM_THREADS,
        Type.INT,
        1,
        Range.between(1, 64),
        Importance.MEDIUM,
        "Stream threads in this instance.",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.SHORT,
        NUM_STREAM_THREADS);
    def.define(
        STATE_DIR,
        Type.STRING,
        "social-listening-state",
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "Directory of the local state stores; a relative path is resolved against the working"
            + " directory. Not under the system's temporary directory, which the system may clean"
            + " while the instance runs (the stores would then be restored from their changelogs"
            + " in full).",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.LONG,
        STATE_DIR);
    def.define(
        ROCKSDB_MEMORY_BYTES,
        Type.LONG,
        BoundedRocksDbMemory.DEFAULT_BYTES,
        new BoundedRocksDbMemory.Bound(),
        Importance.MEDIUM,
        "Off-heap memory of all RocksDB state stores of the process together: one shared block"
            + " cache of this size holds data, index and filter blocks (index and filter at high"
            + " priority, in a pool of 10% of it), and the memtables of all stores are charged to"
            + " it: past half of it, the store being written flushes its memtable. 0 = no bound:"
            + " Kafka Streams' defaults,"
            + " a 50 MiB cache and up to 48 MiB of memtables per store and per window segment."
            + " Applies while kafka.rocksdb.config.setter is not set.",
        GROUP_KAFKA,
        ++order,
        ConfigDef.Width.SHORT,
        ROCKSDB_MEMORY_BYTES);

    order = 0;
    def.define(
        TOPIC_RAW,
        Type.STRING,
        topics.raw(),
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        "Raw mentions (input).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_RAW);
    def.define(
        TOPIC_ENRICHED,
        Type.STRING,
        topics.enriched(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "Enriched mentions (output).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_ENRICHED);
    def.define(
        TOPIC_ALERTS,
        Type.STRING,
        topics.alerts(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "Crisis and lead alerts (output).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_ALERTS);
    def.define(
        TOPIC_SENTIMENT_1M,
        Type.STRING,
        topics.sentiment1m(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "1-minute brand sentiment windows (output).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_SENTIMENT_1M);
    def.define(
        TOPIC_SENTIMENT_1H,
        Type.STRING,
        topics.sentiment1h(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "1-hour brand sentiment windows (output).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_SENTIMENT_1H);
    def.define(
        TOPIC_SHARE_OF_VOICE_1M,
        Type.STRING,
        topics.shareOfVoice1m(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "1-minute share of voice of all brands per window (output).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_SHARE_OF_VOICE_1M);
    def.define(
        TOPIC_SHARE_OF_VOICE_1H,
        Type.STRING,
        topics.shareOfVoice1h(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "1-hour share of voice of all brands per window (output).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_SHARE_OF_VOICE_1H);
    def.define(
        TOPIC_DEAD_LETTERS,
        Type.STRING,
        topics.deadLetters(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "Records that failed validation, original bytes with error headers.",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_DEAD_LETTERS);
    def.define(
        TOPIC_RULES,
        Type.STRING,
        topics.rules(),
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "Compacted topic of brand rules, keyed by rule id.",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.MEDIUM,
        TOPIC_RULES);
    def.define(
        TOPICS_CREATE,
        Type.BOOLEAN,
        true,
        Importance.LOW,
        "Create missing topics at start-up.",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.SHORT,
        TOPICS_CREATE);
    def.define(
        TOPICS_PARTITIONS,
        Type.INT,
        3,
        Range.atLeast(1),
        Importance.LOW,
        "Partitions of topics created at start-up.",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.SHORT,
        TOPICS_PARTITIONS);
    def.define(
        TOPICS_REPLICATION,
        Type.SHORT,
        (short) 1,
        Range.atLeast(1),
        Importance.LOW,
        "Replication factor of topics created at start-up (and of internal topics).",
        GROUP_TOPICS,
        ++order,
        ConfigDef.Width.SHORT,
        TOPICS_REPLICATION);

    order = 0;
    def.define(
        RULES_FILE,
        Type.STRING,
        "",
        Importance.MEDIUM,
        "Optional JSON-lines file of brand rules that seeds the rules topic: at every start the"
            + " instance reads the topic and publishes only the file's rules whose id it has never"
            + " held (no record, not even a deletion). A rule the topic holds, live or deleted, is"
            + " kept as it is, and one that differs from the file is logged at WARN; publish the"
            + " file over the topic with `social-listening rules publish FILE`.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.LONG,
        RULES_FILE);
    def.define(
        TEXT_MAX_LENGTH,
        Type.INT,
        pipeline.maxTextLength(),
        Range.atLeast(1),
        Importance.LOW,
        "Mentions with longer text go to dead letters (header dlq.limit names the limit).",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        TEXT_MAX_LENGTH);
    def.define(
        INPUT_MAX_RECORD_BYTES,
        Type.INT,
        limits.maxRecordBytes(),
        Range.atLeast(1),
        Importance.LOW,
        "Raw records with a larger value (serialized bytes) go to dead letters undecoded.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        INPUT_MAX_RECORD_BYTES);
    def.define(
        INPUT_MAX_TITLE_LENGTH,
        Type.INT,
        limits.maxTitleLength(),
        Range.atLeast(1),
        Importance.LOW,
        "Mentions with a longer title (characters) go to dead letters.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        INPUT_MAX_TITLE_LENGTH);
    def.define(
        INPUT_MAX_URL_LENGTH,
        Type.INT,
        limits.maxUrlLength(),
        Range.atLeast(1),
        Importance.LOW,
        "Mentions with a longer post or author URL (characters) go to dead letters.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        INPUT_MAX_URL_LENGTH);
    def.define(
        INPUT_MAX_FIELD_LENGTH,
        Type.INT,
        limits.maxFieldLength(),
        Range.atLeast(1),
        Importance.LOW,
        "Mentions with a longer id, author handle or display name, language, source, in-reply-to"
            + " or repost-of id (characters) go to dead letters.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        INPUT_MAX_FIELD_LENGTH);
    def.define(
        DEDUP_RETENTION_MS,
        Type.LONG,
        pipeline.dedupRetention().toMillis(),
        Range.atLeast(1000),
        Importance.MEDIUM,
        "How long a platform id is remembered for exact dedup; ids are kept "
            + AGGREGATE_GRACE_MS
            + " longer, so a copy late within the grace is still recognised.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        DEDUP_RETENTION_MS);
    def.define(
        DEDUP_NEAR_RETENTION_MS,
        Type.LONG,
        pipeline.nearDedup().maxAge().toMillis(),
        Range.atLeast(1000),
        Importance.MEDIUM,
        "How long a first copy is remembered for near-duplicate detection (per brand, by record"
            + " time); first copies are kept "
            + AGGREGATE_GRACE_MS
            + " longer, as exact dedup keeps ids.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        DEDUP_NEAR_RETENTION_MS);
    def.define(
        DEDUP_NEAR_MAX_ENTRIES,
        Type.INT,
        pipeline.nearDedup().maxEntries(),
        Range.atLeast(1),
        Importance.LOW,
        "First copies remembered for near-duplicate detection per stream task; the oldest is"
            + " forgotten beyond this.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        DEDUP_NEAR_MAX_ENTRIES);
    def.define(
        DEDUP_NEAR_MAX_TEXT_CHARS,
        Type.LONG,
        pipeline.nearDedup().maxTextChars(),
        Range.atLeast(1),
        Importance.LOW,
        "Characters of normalised text remembered for near-duplicate detection per stream task,"
            + " over all its first copies; the oldest are forgotten beyond this. A first copy's"
            + " heap grows with its text, so this bounds the index when posts are long (news"
            + " articles, reviews) where dedup.near.max.entries bounds it for short ones.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        DEDUP_NEAR_MAX_TEXT_CHARS);
    def.define(
        AGGREGATE_GRACE_MS,
        Type.LONG,
        pipeline.aggregateGrace().toMillis(),
        Range.atLeast(0),
        Importance.MEDIUM,
        "How late a mention may arrive and still count in its window.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        AGGREGATE_GRACE_MS);
    def.define(
        CRISIS_BUCKET_MS,
        Type.LONG,
        crisis.bucket().toMillis(),
        Range.atLeast(1000),
        Importance.MEDIUM,
        "Bucket length of crisis detection.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        CRISIS_BUCKET_MS);
    def.define(
        CRISIS_GRACE_MS,
        Type.LONG,
        pipeline.crisisGrace().toMillis(),
        Range.atLeast(0),
        Importance.LOW,
        "How long after its end (stream time) a bucket is closed and evaluated.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        CRISIS_GRACE_MS);
    def.define(
        CRISIS_MIN_VOLUME,
        Type.LONG,
        crisis.minVolume(),
        Range.atLeast(0),
        Importance.MEDIUM,
        "Minimum negative mentions in a bucket before a crisis can open.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        CRISIS_MIN_VOLUME);
    def.define(
        CRISIS_COOLDOWN_MS,
        Type.LONG,
        crisis.cooldown().toMillis(),
        Range.atLeast(0),
        Importance.MEDIUM,
        "After a crisis resolves, no new crisis opens for this long.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        CRISIS_COOLDOWN_MS);
    def.define(
        LEAD_THRESHOLD,
        Type.DOUBLE,
        pipeline.leadThreshold(),
        Range.between(0.0, 1.0),
        Importance.MEDIUM,
        "Lead score at or above which a mention is a lead: it raises a lead alert and counts in the"
            + " leads of the brand windows.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        LEAD_THRESHOLD);
    def.define(
        LEAD_THRESHOLD_PER_BRAND,
        Type.STRING,
        "",
        new PerBrandThresholds(),
        Importance.LOW,
        "Lead thresholds of single brands, e.g. 'acme-air=0.6,nimbus=0.4'; other brands use "
            + LEAD_THRESHOLD
            + ".",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.LONG,
        LEAD_THRESHOLD_PER_BRAND);
    def.define(
        LEAD_AUTHOR_COOLDOWN_MS,
        Type.LONG,
        pipeline.leadAuthorCooldown().toMillis(),
        Range.atLeast(0),
        Importance.LOW,
        "At most one lead alert per brand and author (a handle on one platform) within this time"
            + " either side of the author's latest alerted lead, whatever order leads arrive in.",
        GROUP_PIPELINE,
        ++order,
        ConfigDef.Width.SHORT,
        LEAD_AUTHOR_COOLDOWN_MS);
    defineServing(def);
    return def;
  }

  private static void defineServing(ConfigDef def) {
    int order = 0;
    def.define(
        HTTP_PORT,
        Type.INT,
        -1,
        Range.between(-1, 65535),
        Importance.MEDIUM,
        "Port of the REST API, dashboard and metrics: -1 = no HTTP server (and no interactive"
            + " queries), 0 = any free port. Also sets Streams' application.server, so instances"
            + " route queries to each other.",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.SHORT,
        HTTP_PORT);
    def.define(
        HTTP_HOST,
        Type.STRING,
        "0.0.0.0",
        new ConfigDef.NonEmptyString(),
        Importance.LOW,
        "Address the HTTP server binds to.",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.MEDIUM,
        HTTP_HOST);
    def.define(
        HTTP_ADVERTISED_HOST,
        Type.STRING,
        "",
        Importance.MEDIUM,
        "Host name other instances use to reach this one (application.server); empty = "
            + HTTP_HOST
            + " unless that is a wildcard address, else this machine's host name.",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.MEDIUM,
        HTTP_ADVERTISED_HOST);
    def.define(
        HTTP_TOKEN,
        Type.PASSWORD,
        null,
        Importance.MEDIUM,
        "When set, the API and /metrics need 'Authorization: Bearer <token>' (not /health, /ready"
            + " nor the dashboard's static files; the dashboard asks for it once per browser tab).",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.MEDIUM,
        HTTP_TOKEN);
    def.define(
        HTTP_MAX_ALERT_STREAMS,
        Type.INT,
        64,
        Range.atLeast(1),
        Importance.LOW,
        "Alert streams (/api/alerts/stream) open at once on this instance, each holding a thread"
            + " of its own; one more is answered 503 with Retry-After.",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.SHORT,
        HTTP_MAX_ALERT_STREAMS);
    def.define(
        HTTP_THREADS,
        Type.INT,
        16,
        Range.between(1, 1024),
        Importance.LOW,
        "Threads answering the other HTTP requests (API, metrics, dashboard files); requests that"
            + " come while all are busy wait in line for one.",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.SHORT,
        HTTP_THREADS);
    def.define(
        SHUTDOWN_TIMEOUT_MS,
        Type.LONG,
        30_000L,
        Range.atLeast(0),
        Importance.LOW,
        "On SIGTERM or Ctrl-C, how long Streams may take to close (commit, flush, leave the"
            + " group) before the process exits anyway.",
        GROUP_SERVING,
        ++order,
        ConfigDef.Width.SHORT,
        SHUTDOWN_TIMEOUT_MS);
  }

  /** Validates {@value #LEAD_THRESHOLD_PER_BRAND}: comma-separated brand=threshold pairs. */
  private static final class PerBrandThresholds implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        LeadThresholds.parse(
            io.sociallistening.topology.lead.LeadScorer.DEFAULT_THRESHOLD, (String) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "brand=threshold, comma-separated, thresholds in [0,...,1]";
    }
  }

  /**
   * Loads the configuration: defaults, then {@code file} if given, then {@code env} entries with
   * the {@link #ENV_PREFIX}, then {@code overrides}.
   */
  public static InstanceConfig load(
      Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, Object> props = new HashMap<>();
    if (file.isPresent()) {
      Properties fromFile = new Properties();
      try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        fromFile.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read config file " + file.get() + ": " + e, e);
      }
      fromFile.forEach((k, v) -> props.put(k.toString(), v.toString().strip()));
      SettingSources.requireKnown(props, CONFIG, PASS_THROUGH, "in " + file.get());
    }
    // SOCIAL_LISTENING_DEMO_* are the local stack's own
    props.putAll(SettingSources.fromEnv(env, ENV_PREFIX, CONFIG, List.of(LOCAL_STACK_ENV_PREFIX)));
    SettingSources.requireKnown(overrides, CONFIG, PASS_THROUGH, "given as --key=value");
    props.putAll(overrides);
    return new InstanceConfig(props);
  }

  /** The HTTP server's settings, or empty when {@value #HTTP_PORT} is -1. */
  public Optional<HttpSettings> http() {
    int port = getInt(HTTP_PORT);
    if (port < 0) {
      return Optional.empty();
    }
    Password token = getPassword(HTTP_TOKEN);
    String host = getString(HTTP_HOST);
    return Optional.of(
        new HttpSettings(
            host,
            port,
            getString(HTTP_ADVERTISED_HOST),
            token == null || token.value().isEmpty()
                ? Optional.empty()
                : Optional.of(token.value()),
            getInt(HTTP_MAX_ALERT_STREAMS),
            getInt(HTTP_THREADS)));
  }

  /** How long Streams may take to close on shutdown. */
  public Duration shutdownTimeout() {
    return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS));
  }

  /**
   * Settings of the HTTP server: bind address, port (0 = any free), advertised host (empty =
   * derived), optional bearer token, how many alert streams may be open at once and how many
   * threads answer the other requests.
   */
  public record HttpSettings(
      String host,
      int port,
      String advertisedHost,
      Optional<String> token,
      int maxAlertStreams,
      int threads) {

    /**
     * Whether the API answers other hosts without a token: no {@code http.token} (or an empty one)
     * and a bind address other than a loopback one. The instance says so at start.
     */
    public boolean openToOtherHosts() {
      if (token.isPresent()) {
        return false;
      }
      String address = host.strip();
      return !(address.equals("localhost")
          || address.equals("::1")
          || address.equals("[::1]")
          || address.startsWith("127."));
    }
  }

  /**
   * The topics, each named by its key.
   *
   * @throws ConfigException when two keys name the same topic: the pipeline would read what it
   *     writes (a dead letter on the raw topic comes back as a bad record, forever)
   */
  public Topics topics() {
    Map<String, String> keyByTopic = new HashMap<>();
    for (String key :
        List.of(
            TOPIC_RAW,
            TOPIC_ENRICHED,
            TOPIC_ALERTS,
            TOPIC_SENTIMENT_1M,
            TOPIC_SENTIMENT_1H,
            TOPIC_SHARE_OF_VOICE_1M,
            TOPIC_SHARE_OF_VOICE_1H,
            TOPIC_DEAD_LETTERS,
            TOPIC_RULES)) {
      String other = keyByTopic.putIfAbsent(getString(key), key);
      if (other != null) {
        throw new ConfigException(
            key,
            getString(key),
            other + " names the same topic; every topic of the pipeline must be its own");
      }
    }
    return new Topics(
        getString(TOPIC_RAW),
        getString(TOPIC_ENRICHED),
        getString(TOPIC_ALERTS),
        getString(TOPIC_SENTIMENT_1M),
        getString(TOPIC_SENTIMENT_1H),
        getString(TOPIC_SHARE_OF_VOICE_1M),
        getString(TOPIC_SHARE_OF_VOICE_1H),
        getString(TOPIC_DEAD_LETTERS),
        getString(TOPIC_RULES));
  }

  public PipelineSettings pipeline() {
    PipelineSettings d = PipelineSettings.defaults();
    return new PipelineSettings(
        topics(),
        getInt(TEXT_MAX_LENGTH),
        Duration.ofMillis(getLong(DEDUP_RETENTION_MS)),
        Duration.ofMillis(getLong(AGGREGATE_GRACE_MS)),
        d.crisis()
            .withBucket(Duration.ofMillis(getLong(CRISIS_BUCKET_MS)))
            .withMinVolume(getLong(CRISIS_MIN_VOLUME))
            .withCooldown(Duration.ofMillis(getLong(CRISIS_COOLDOWN_MS))),
        Duration.ofMillis(getLong(CRISIS_GRACE_MS)),
        LeadThresholds.parse(getDouble(LEAD_THRESHOLD), getString(LEAD_THRESHOLD_PER_BRAND)),
        Duration.ofMillis(getLong(LEAD_AUTHOR_COOLDOWN_MS)),
        new DedupSettings(
            getInt(DEDUP_NEAR_MAX_ENTRIES),
            Duration.ofMillis(getLong(DEDUP_NEAR_RETENTION_MS)),
            getLong(DEDUP_NEAR_MAX_TEXT_CHARS)),
        0,
        new InputLimits(
            getInt(INPUT_MAX_RECORD_BYTES),
            getInt(INPUT_MAX_TITLE_LENGTH),
            getInt(INPUT_MAX_URL_LENGTH),
            getInt(INPUT_MAX_FIELD_LENGTH),
            InputLimits.deadLetterBytesFor(producerMaxRequestSize())));
  }

  /**
   * The largest request the pipeline's producer sends: {@code kafka.producer.max.request.size},
   * else {@code kafka.max.request.size}, else Kafka's default (1 MiB). Dead letters are cut to fit
   * it ({@link InputLimits#deadLetterBytesFor}).
   */
  int producerMaxRequestSize() {
    Map<String, Object> kafka = kafkaClientConfig();
    String key = StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    Object value = kafka.get(key);
    if (value == null) {
      key = ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
      value = kafka.get(key);
    }
    if (value == null) {
      return 1024 * 1024;
    }
    try {
      int size = Integer.parseInt(value.toString().trim());
      if (size <= 0) {
        throw new NumberFormatException("not positive");
      }
      return size;
    } catch (NumberFormatException e) {
      throw new ConfigException(KAFKA_PREFIX + key, value, "must be a positive int");
    }
  }

  public String bootstrapServers() {
    return String.join(",", getList(BOOTSTRAP_SERVERS));
  }

  public Optional<Path> rulesFile() {
    String file = getString(RULES_FILE);
    return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
  }

  public boolean createTopics() {
    return getBoolean(TOPICS_CREATE);
  }

  public int topicPartitions() {
    return getInt(TOPICS_PARTITIONS);
  }

  public short topicReplication() {
    return getShort(TOPICS_REPLICATION);
  }

  /**
   * Settings for the schema-registry client: the URL plus every schema.registry.* / basic.auth.*
   * key.
   */
  public Map<String, Object> registryClientConfig() {
    Map<String, Object> out = new HashMap<>();
    originals()
        .forEach(
            (k, v) -> {
              if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.")) {
                out.put(k, v);
              }
            });
    out.put(SCHEMA_REGISTRY_URL, String.join(",", getList(SCHEMA_REGISTRY_URL)));
    return out;
  }

  /** Kafka client settings passed through under {@code kafka.} (prefix removed). */
  public Map<String, Object> kafkaClientConfig() {
    Map<String, Object> out = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
    out.put("bootstrap.servers", bootstrapServers());
    return out;
  }

  /**
   * Client settings the instance uses unless {@code kafka.*} sets them.
   *
   * <ul>
   *   <li>Producer batches of 128 KiB instead of 16 KiB. Under exactly-once every commit flushes
   *       the producer, so larger batches add no latency; they cut the produce requests (and the
   *       broker's per-request work) for the four or so records a mention writes.
   *   <li>{@code max.task.idle.ms} -1 instead of 0: a task reading the raw topic and the re-key by
   *       id topic processes what it has without first asking whether the other input has records
   *       to fetch. Exact dedup does not depend on that order (whichever copy it sees first is the
   *       first copy), and Kafka Streams 4.3 formats a log string for every record of a task with
   *       an empty input under the default (4% of the stream thread in the benchmark's profile).
   *   <li>{@code rocksdb.config.setter} {@link BoundedRocksDbMemory}: every state store shares one
   *       block cache and write-buffer budget of {@value #ROCKSDB_MEMORY_BYTES}, instead of a cache
   *       and memtables of its own per store, task and window segment.
   * </ul>
   */
  public static Map<String, Object> clientDefaults() {
    return Map.of(
        ProducerConfig.BATCH_SIZE_CONFIG,
        128 * 1024,
        StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
        -1L,
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
        BoundedRocksDbMemory.class);
  }

  /**
   * Kafka Streams properties: ours, then {@link #clientDefaults()}, then pass-through {@code
   * kafka.*} settings.
   */
  public Properties streamsProperties() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, getString(APPLICATION_ID));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(NUM_STREAM_THREADS));
    props.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
    // Read by BoundedRocksDbMemory from the configuration Kafka Streams hands every store.
    props.put(ROCKSDB_MEMORY_BYTES, getLong(ROCKSDB_MEMORY_BYTES));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topicReplication());
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
    // The raw topic is read as bytes and validated (bad records go to the dead-letter topic); the
    // other topics Kafka Streams decodes itself. A record there that is not what it should be is
    // logged and skipped; one that cannot be decoded because the registry is failing stops the task
    // (SkipUndecodableRecords).
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUndecodableRecords.class);
    props.putAll(clientDefaults());
    props.putAll(kafkaClientConfig());
    return props;
  }
}
