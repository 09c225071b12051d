package io.sociallistening.app.bench;

import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.app.metrics.PrometheusText;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.Mention;
import io.sociallistening.connect.sample.SampleTimeline;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Topics;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.validate.MentionRules;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The end-to-end load run behind {@code social-listening bench}, all in one process on an
 * in-process broker and schema registry:
 *
 * <ol>
 *   <li>fill the raw topic with {@code warmup + records} Avro mentions from {@link MentionFeed}
 *       (producer rate);
 *   <li>{@code warmRuns} untimed runs of the full pipeline over them ({@link #warmRun}), so that
 *       the JIT has compiled the topology before anything is timed;
 *   <li>a pass-through Streams application with the same guarantee and serdes (exactly_once_v2,
 *       Avro decode and encode of every record) runs over them: timed from the moment its committed
 *       offsets on the raw topic cover the warm-up until they cover every record;
 *   <li>the full topology with the generated rule book runs over the same records: timed from the
 *       moment it has committed the warm-up until its committed offsets cover every record of the
 *       raw topic and of every repartition topic;
 *   <li>with the full topology still running, a paced producer offers half its rate for a while,
 *       stamping each mention's {@code createdAt} (hence the record time of everything derived from
 *       it) with the time it was due on its schedule ({@link PacedSchedule}), not the time it was
 *       sent; read_committed consumers of the enriched and alerts topics take latency as receive
 *       time minus record time (of lead alerts only: a crisis alert's is the end of its bucket);
 *   <li>heap after a full GC and RSS, then the per-stage costs ({@link StageCosts}).
 * </ol>
 *
 * Both applications run in the same JVM as the broker, registry, producer and consumers, on the
 * same cores: the ratio compares like with like, the absolute rates are those of a shared box. The
 * warm-up keeps the JIT's compilation of the (cold) broker, client and topology code out of both
 * timed parts; for each timed part the process CPU is split by thread group ({@link ThreadCpu}) and
 * the writes to every topic are counted ({@link TopicWrites}).
 */
public final class Benchmark {
  private static final String PASS_THROUGH_ID = "bench-pass-through";
  private static final String PIPELINE_ID = "bench-pipeline";
  private static final String WARM_RUN_ID = "bench-warm-up";
  private static final String PASS_THROUGH_TOPIC = "bench.pass-through";
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(15);

  private final BenchSettings settings;
  private final PrintStream progress;

  public Benchmark(BenchSettings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs every phase in a fresh temporary directory, removed afterwards. */
  public BenchResult run() throws Exception {
    Path dir = Files.createTempDirectory("social-listening-bench");
    try {
      return run(dir);
    } finally {
      deleteTree(dir);
    }
  }

  private BenchResult run(Path dir) throws Exception {
    Topics topics = Topics.defaults();
    Map<String, String> broker =
        Map.of(
            "num.partitions", String.valueOf(settings.partitions()),
            // The feed replays days of past posts: keep them regardless of age.
            "log.retention.ms", "-1",
            "log.retention.check.interval.ms", String.valueOf(TimeUnit.DAYS.toMillis(1)));
    progress.println("bench: starting the in-process broker and schema registry");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, "127.0.0.1", 0, 0, broker);
        EmbeddedSchemaRegistry registryServer =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(Map.of("bootstrap.servers", kafka.bootstrapServers())));
        SchemaRegistry registry =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryServer.url()));
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      String bootstrap = kafka.bootstrapServers();
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.raw(), settings.partitions(), (short) 1),
                  new NewTopic(PASS_THROUGH_TOPIC, settings.partitions(), (short) 1)))
          .all()
          .get();

      List<SampleTimeline.Entry> timeline = SampleTimeline.generate(SampleTimeline.DEFAULT_SEED);
      MentionFeed feed =
          new MentionFeed(
              timeline,
              MentionFeed.startFor(Instant.now()),
              MentionFeed.copiesFor(settings.total(), timeline.size()));
      AvroSerde<Mention> mentionSerde = AvroSerde.forValues(Mention.class, registry);

      double producerRate = fill(bootstrap, topics.raw(), feed, mentionSerde);
      progress.printf("bench: producer %,.0f records/s%n", producerRate);

      List<Rule> rules = SyntheticRules.generate(settings.rules(), SyntheticRules.DEFAULT_SEED);
      Path rulesFile = dir.resolve("rules.jsonl");
      Files.writeString(rulesFile, SyntheticRules.jsonLines(rules), StandardCharsets.UTF_8);
      for (int run = 1; run <= settings.warmRuns(); run++) {
        warmRun(dir, bootstrap, registryServer.url(), rulesFile, topics.raw(), admin, run);
      }

      Map<TopicPartition, Long> beforePassThrough = TopicWrites.partitionEnds(admin);
      Phase passThrough = passThrough(dir, bootstrap, topics.raw(), registry, admin, 1);
      progress.printf("bench: pass-through %,.0f records/s%n", passThrough.rate());

      InstanceConfig config =
          pipelineConfig(
              PIPELINE_ID,
              dir.resolve("state-pipeline"),
              bootstrap,
              registryServer.url(),
              rulesFile);
      Map<TopicPartition, Long> beforePipeline = TopicWrites.partitionEnds(admin);
      progress.printf("bench: publishing %,d rules and starting the full topology%n", rules.size());
      Phase full;
      TopicWrites.Written passThroughWrites;
      TopicWrites.Written fullWrites;
      int inForce;
      double pacedRate;
      Latencies toEnriched = new Latencies();
      Latencies toAlert = new Latencies();
      RocksDbFootprint rocksDb;
      long dropped;
      long heapAfterGc;
      long rss;
      try (Instance instance = Instance.start(config)) {
        full = timed(admin, PIPELINE_ID, topics.raw(), true, instance.streams());
        inForce = instance.rules().rules().size();
        progress.printf(
            "bench: the full topology ran with %,d rules in force (%d refused)%n",
            inForce, instance.rules().errors().size());
        progress.println("bench: counting what each application wrote");
        passThroughWrites = writes(bootstrap, topics.raw(), passThrough, beforePassThrough);
        fullWrites = writes(bootstrap, topics.raw(), full, beforePipeline);
        progress.printf("bench: full pipeline %,.0f records/s%n", full.rate());

        pacedRate = full.rate() / 2;
        paced(
            bootstrap,
            admin,
            instance.streams(),
            topics,
            feed,
            mentionSerde,
            registry,
            pacedRate,
            toEnriched,
            toAlert);

        rocksDb =
            RocksDbFootprint.take(instance.streams().metrics(), dir.resolve("state-pipeline"));
        dropped = droppedRecords(instance.streams().metrics());
        heapAfterGc = HeapAfterGc.take();
        rss = rss();
      }
      // The baseline again, over the same records, so that the two bracket the pipeline's phases
      // in time (a shared machine's load drifts between phases), with the pipeline stopped so that
      // nothing of it runs beside the baseline.
      Phase passThroughAgain = passThrough(dir, bootstrap, topics.raw(), registry, admin, 2);
      progress.printf("bench: pass-through again %,.0f records/s%n", passThroughAgain.rate());

      long heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
      progress.println("bench: per-stage costs in-process");
      List<Mention> sample = new ArrayList<>(timeline.size());
      for (SampleTimeline.Entry entry : timeline) {
        sample.add(entry.mention());
      }
      List<StageCosts.Cost> costs =
          StageCosts.measure(sample, rules, registry, topics.raw(), topics.enriched());
      return new BenchResult(
          settings,
          inForce,
          producerRate,
          passThrough.rate(),
          passThroughAgain.rate(),
          full.rate(),
          passThrough.cpuNanos(),
          full.cpuNanos(),
          passThrough.threadTime(),
          full.threadTime(),
          passThroughWrites,
          fullWrites,
          pacedRate,
          toEnriched,
          toAlert,
          heapAfterGc,
          heapMax,
          rss,
          rocksDb,
          dropped,
          costs);
    }
  }

  /** Kafka Streams' {@code dropped-records-total}, summed over the tasks of one application. */
  static long droppedRecords(Map<MetricName, ? extends Metric> metrics) {
    return PrometheusText.sum(metrics, "stream-task-metrics", "dropped-records-total");
  }

  /** Produces every record of the run to the raw topic; returns records/s. */
  private double fill(String bootstrap, String topic, MentionFeed feed, AvroSerde<Mention> serde) {
    progress.printf("bench: producing %,d mentions to %s%n", settings.total(), topic);
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap, 20)) {
      long start = System.nanoTime();
      for (long i = 0; i < settings.total(); i++) {
        Mention mention = feed.mention(i);
        producer.send(
            new ProducerRecord<>(
                topic,
                null,
                mention.getFetchedAt().toEpochMilli(),
                MentionRules.keyOf(mention).getBytes(StandardCharsets.UTF_8),
                serde.serialize(topic, mention)));
      }
      producer.flush();
      return settings.total() * 1e9 / (System.nanoTime() - start);
    }
  }

  /**
   * Records/s of one application over the timed records, the CPU nanoseconds the process spent on
   * them per thread group ({@link ThreadCpu#between}) and the end offsets of every topic when the
   * timed part began and ended.
   */
  private record Phase(
      double rate,
      long timedRecords,
      Map<String, Long> cpuNanos,
      StreamThreadTime threadTime,
      Map<String, Long> offsetsAtStart,
      Map<String, Long> offsetsAtEnd) {}

  /**
   * Times {@code group}, observed from the moment {@code application} was started (not from
   * RUNNING: Kafka Streams processes its tasks during a follow-up rebalance, and a fast application
   * could commit everything before it reported RUNNING): waits until it has committed the warm-up
   * records, then takes time, CPU and offsets until it has committed every record (and, when {@code
   * internalToo}, drained its repartition topics). The rate counts the records committed between
   * the two observations, not {@code records}: the first observation can come after the application
   * has gone past the warm-up, by up to a commit interval and a poll of work, or far more when the
   * application is fast. CPU is scaled from those records to {@code records}.
   *
   * @throws IllegalStateException when fewer than a quarter of the timed records were left when
   *     timing started: the phase is too short to time (use more {@code --records})
   */
  private Phase timed(
      Admin admin, String group, String raw, boolean internalToo, KafkaStreams application)
      throws Exception {
    Committed atStart =
        awaitCommitted(
            admin, group, raw, Committed.timingStartsAt(settings.warmup()), false, application);
    Map<String, Long> offsetsAtStart = TopicWrites.endOffsets(admin);
    ThreadCpu.Snapshot cpuAtStart = ThreadCpu.take();
    StreamThreadTime.Totals clientsAtStart = StreamThreadTime.Totals.of(application.metrics());
    Committed atEnd = awaitCommitted(admin, group, raw, settings.total(), internalToo, application);
    ThreadCpu.Snapshot cpuAtEnd = ThreadCpu.take();
    StreamThreadTime.Totals clientsAtEnd = StreamThreadTime.Totals.of(application.metrics());
    long timedRecords = atEnd.records() - atStart.records();
    if (timedRecords < settings.records() / 4) {
      throw new IllegalStateException(
          group
              + " had committed "
              + atStart.records()
              + " of "
              + settings.total()
              + " records when its timing started: too few left to time; run with more --records");
    }
    Map<String, Long> cpuBetween = ThreadCpu.between(cpuAtStart, cpuAtEnd);
    StreamThreadTime threadTime =
        StreamThreadTime.between(
            settings.threads(),
            clientsAtStart,
            clientsAtEnd,
            atEnd.nanos() - atStart.nanos(),
            cpuBetween.getOrDefault(ThreadCpu.STREAM_THREADS, 0L));
    Map<String, Long> cpu = new LinkedHashMap<>();
    cpuBetween.forEach(
        (threads, nanos) ->
            cpu.put(threads, Math.round(nanos * (double) settings.records() / timedRecords)));
    return new Phase(
        atEnd.rateSince(atStart),
        timedRecords,
        cpu,
        threadTime,
        offsetsAtStart,
        TopicWrites.endOffsets(admin));
  }

  /**
   * What {@code phase} wrote in its timed part: every topic whose end offset grew during it, but
   * the raw topic and the internal ones (only the application under test runs then), with the
   * records and bytes it wrote read back from the offsets {@code beforeStart} (taken before the
   * application started: earlier applications, such as a warm-up run, wrote to the same output
   * topics).
   */
  private static TopicWrites.Written writes(
      String bootstrap, String raw, Phase phase, Map<TopicPartition, Long> beforeStart) {
    Set<String> readable = new HashSet<>();
    for (var entry : phase.offsetsAtEnd().entrySet()) {
      String topic = entry.getKey();
      if (!topic.startsWith("_")
          && !topic.equals(raw)
          && entry.getValue() > phase.offsetsAtStart().getOrDefault(topic, 0L)) {
        readable.add(topic);
      }
    }
    return new TopicWrites.Written(
        phase.timedRecords(),
        TopicWrites.between(
            bootstrap, phase.offsetsAtStart(), phase.offsetsAtEnd(), readable, beforeStart));
  }

  /** The full pipeline's configuration under {@code applicationId}, as the timed run uses it. */
  private InstanceConfig pipelineConfig(
      String applicationId, Path stateDir, String bootstrap, String registryUrl, Path rulesFile) {
    return InstanceConfig.load(
        Optional.empty(),
        Map.of(),
        Map.of(
            InstanceConfig.APPLICATION_ID,
            applicationId,
            InstanceConfig.BOOTSTRAP_SERVERS,
            bootstrap,
            InstanceConfig.SCHEMA_REGISTRY_URL,
            registryUrl,
            InstanceConfig.STATE_DIR,
            stateDir.toString(),
            InstanceConfig.RULES_FILE,
            rulesFile.toString(),
            InstanceConfig.TOPICS_PARTITIONS,
            String.valueOf(settings.partitions()),
            InstanceConfig.NUM_STREAM_THREADS,
            String.valueOf(settings.threads()),
            InstanceConfig.KAFKA_PREFIX + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            String.valueOf(settings.commitMs()),
            InstanceConfig.KAFKA_PREFIX + ProducerConfig.BATCH_SIZE_CONFIG,
            String.valueOf(batchBytes()),
            InstanceConfig.ROCKSDB_MEMORY_BYTES,
            String.valueOf(settings.rocksDbMemory())));
  }

  /**
   * One untimed run of the full pipeline over every record, under its own application id (not
   * starting with the timed one's, whose repartition topics are found by that prefix), stopped when
   * it has committed them all. The JIT compiles the topology's code during it: in a short run that
   * compilation takes about as much CPU as the pipeline itself, and on two cores it would run
   * beside whichever phase came first. The compiled code stays for the applications timed after it,
   * as it would in a long-running instance.
   */
  private void warmRun(
      Path dir,
      String bootstrap,
      String registryUrl,
      Path rulesFile,
      String raw,
      Admin admin,
      int run)
      throws Exception {
    String applicationId = WARM_RUN_ID + "-" + run;
    progress.printf(
        "bench: warm-up run %d of %d of the full pipeline (%s), untimed%n",
        run, settings.warmRuns(), applicationId);
    long start = System.nanoTime();
    try (Instance instance =
        Instance.start(
            pipelineConfig(
                applicationId,
                dir.resolve("state-" + applicationId),
                bootstrap,
                registryUrl,
                rulesFile))) {
      awaitCommitted(admin, applicationId, raw, settings.total(), true, instance.streams());
    }
    progress.printf(
        "bench: warm-up run %d done in %.1f s%n", run, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The baseline: decode and re-encode every raw record under exactly_once_v2; {@code run} 1 before
   * the pipeline, 2 after it (its own application id, so it reads every record again).
   */
  private Phase passThrough(
      Path dir, String bootstrap, String raw, SchemaRegistry registry, Admin admin, int run)
      throws Exception {
    String applicationId = run == 1 ? PASS_THROUGH_ID : PASS_THROUGH_ID + "-" + run;
    AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(raw, Consumed.with(Serdes.ByteArray(), serde).withName("raw-source"))
        .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.ByteArray(), serde).withName("copy-sink"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + applicationId).toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitMs());
    // The same client settings as the instance, so both produce alike.
    props.putAll(InstanceConfig.clientDefaults());
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes());
    progress.println("bench: starting the pass-through application (" + applicationId + ")");
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.start();
      return timed(admin, applicationId, raw, false, streams);
    } finally {
      serde.close();
    }
  }

  /** Producer batch.size of both applications. */
  private int batchBytes() {
    return settings.batchBytes() > 0
        ? settings.batchBytes()
        : (Integer) InstanceConfig.clientDefaults().get(ProducerConfig.BATCH_SIZE_CONFIG);
  }

  /**
   * Waits until {@code group} has committed {@code records} records of {@code raw} and, when {@code
   * internalToo}, every record of its repartition topics ({@link #repartitionLag} 0); returns when
   * it saw that and how many records of {@code raw} were committed then.
   *
   * @throws IllegalStateException when {@code application} stopped or the phase timed out
   */
  private Committed awaitCommitted(
      Admin admin,
      String group,
      String raw,
      long records,
      boolean internalToo,
      KafkaStreams application)
      throws Exception {
    long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
    long lastReport = System.nanoTime();
    Map<TopicPartition, OffsetSpec> repartitions = new HashMap<>();
    if (internalToo) {
      for (String topic : admin.listTopics().names().get()) {
        if (topic.startsWith(group + "-") && topic.endsWith("-repartition")) {
          for (int p = 0; p < settings.partitions(); p++) {
            repartitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
          }
        }
      }
    }
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long rawDone = 0;
      for (var entry : committed.entrySet()) {
        if (entry.getValue() != null && entry.getKey().topic().equals(raw)) {
          rawDone += entry.getValue().offset();
        }
      }
      long now = System.nanoTime();
      if (rawDone >= records) {
        if (!internalToo) {
          return new Committed(now, rawDone);
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(repartitions).all().get().forEach((p, end) -> ends.put(p, end.offset()));
        Map<TopicPartition, Long> stable = new HashMap<>();
        admin
            .listOffsets(repartitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get()
            .forEach((p, end) -> stable.put(p, end.offset()));
        if (repartitionLag(ends, stable, committed) == 0) {
          return new Committed(now, rawDone);
        }
      }
      if (now > deadline) {
        throw new IllegalStateException(
            group + " committed " + rawDone + " of " + records + " records in time");
      }
      if (!application.state().isRunningOrRebalancing()) {
        throw new IllegalStateException(
            group + " stopped (" + application.state() + ") after " + rawDone + " records");
      }
      if (now - lastReport > TimeUnit.SECONDS.toNanos(5)) {
        progress.printf("bench:   %s committed %,d of %,d%n", group, rawDone, records);
        lastReport = now;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Records of the repartition topics the application has yet to process: per partition, those of a
   * transaction still open (from its last stable offset to its end; the records of an open
   * transaction are not readable yet, so one is never done) and the committed ones past its
   * committed offset but the final transaction marker (a partition it has no offset for counts from
   * 0).
   */
  static long repartitionLag(
      Map<TopicPartition, Long> ends,
      Map<TopicPartition, Long> stable,
      Map<TopicPartition, OffsetAndMetadata> committed) {
    long lag = 0;
    for (var entry : ends.entrySet()) {
      long end = entry.getValue();
      long lastStable = stable.getOrDefault(entry.getKey(), end);
      OffsetAndMetadata done = committed.get(entry.getKey());
      long position = done == null ? 0 : done.offset();
      lag += (end - lastStable) + Math.max(0, lastStable - 1 - position);
    }
    return lag;
  }

  /**
   * Offers {@code rate} live mentions/s for the paced phase and collects produce-to-output
   * latencies of the records derived from them: every one, however late, since the readers stop
   * only once they have read up to where the pipeline was when it had committed every paced record.
   */
  private void paced(
      String bootstrap,
      Admin admin,
      KafkaStreams pipeline,
      Topics topics,
      MentionFeed feed,
      AvroSerde<Mention> serde,
      SchemaRegistry registry,
      double rate,
      Latencies toEnriched,
      Latencies toAlert)
      throws Exception {
    long total = (long) (rate * settings.pacedSeconds());
    progress.printf(
        "bench: paced phase, %,.0f records/s for %d s (%,d records)%n",
        rate, settings.pacedSeconds(), total);
    AtomicReference<Map<TopicPartition, Long>> readUntil = new AtomicReference<>();
    long phaseStart = System.currentTimeMillis();
    Thread enriched =
        reader(
            bootstrap,
            topics.enriched(),
            value -> true,
            phaseStart,
            toEnriched,
            readUntil,
            "enriched");
    AvroSerde<Alert> alertSerde = AvroSerde.forValues(Alert.class, registry);
    Thread alerts =
        reader(
            bootstrap,
            topics.alerts(),
            value -> timesFromMention(alertSerde.deserialize(topics.alerts(), value)),
            phaseStart,
            toAlert,
            readUntil,
            "alerts");
    enriched.start();
    alerts.start();
    Thread.sleep(2_000); // both readers positioned at the end before the first paced record
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap, 1)) {
      producer.partitionsFor(topics.raw()); // the metadata fetch before the first record is due
      PacedSchedule schedule =
          new PacedSchedule(System.nanoTime(), System.currentTimeMillis(), rate);
      long maxBehind = 0;
      for (long i = 0; i < total; i++) {
        long due = schedule.dueNanos(i);
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
          Thread.sleep(wait / 1_000_000);
        }
        maxBehind = Math.max(maxBehind, System.nanoTime() - due);
        // Stamped with the time it was due: the latency of a record sent late starts on time.
        Instant dueAt = Instant.ofEpochMilli(schedule.dueMillis(i));
        Mention mention = feed.live(settings.total() + i, dueAt);
        producer.send(
            new ProducerRecord<>(
                topics.raw(),
                null,
                dueAt.toEpochMilli(),
                MentionRules.keyOf(mention).getBytes(StandardCharsets.UTF_8),
                serde.serialize(topics.raw(), mention)));
      }
      producer.flush();
      progress.printf(
          "bench: paced producer sent %,d records in %.1f s, at most %,d ms behind schedule%n",
          total,
          (System.nanoTime() - schedule.startNanos()) / 1e9,
          TimeUnit.NANOSECONDS.toMillis(maxBehind));
    }
    // Everything the paced records led to is in the output topics once the pipeline has committed
    // them all (exactly-once: its outputs commit with its offsets); the readers read up to there.
    awaitCommitted(admin, PIPELINE_ID, topics.raw(), settings.total() + total, true, pipeline);
    Map<TopicPartition, OffsetSpec> outputs = new HashMap<>();
    admin
        .describeTopics(List.of(topics.enriched(), topics.alerts()))
        .allTopicNames()
        .get()
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(
                        partition ->
                            outputs.put(
                                new TopicPartition(topic, partition.partition()),
                                OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(outputs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .forEach((partition, end) -> ends.put(partition, end.offset()));
    readUntil.set(ends);
    enriched.join(PHASE_TIMEOUT.toMillis());
    alerts.join(PHASE_TIMEOUT.toMillis());
    if (enriched.isAlive() || alerts.isAlive()) {
      throw new IllegalStateException(
          "the latency readers did not reach the outputs' ends in time");
    }
  }

  /**
   * Whether an alert's record time is the time of the mention it alerts on, so that its latency can
   * be taken from it: a lead alert carries its mention's record time, a crisis alert the end of the
   * bucket it closes (reached only when a later mention, up to the grace period later, moves stream
   * time past it).
   */
  static boolean timesFromMention(Alert alert) {
    return alert.getType() == AlertType.LEAD;
  }

  /**
   * A read_committed reader of {@code topic} from its end, adding receive time minus record time
   * for every record at or after {@code since} whose value is {@code timed}, until it has read up
   * to the offsets {@code readUntil} is set to (its partitions among them).
   */
  private static Thread reader(
      String bootstrap,
      String topic,
      Predicate<byte[]> timed,
      long since,
      Latencies latencies,
      AtomicReference<Map<TopicPartition, Long>> readUntil,
      String name) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("isolation.level", "read_committed");
    config.put("fetch.max.wait.ms", 10);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Thread thread =
        new Thread(
            () -> {
              try (consumer) {
                List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                while (!readUpTo(consumer, partitions, readUntil.get())) {
                  var records = consumer.poll(Duration.ofMillis(20));
                  long received = System.currentTimeMillis();
                  for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.timestamp() >= since && timed.test(record.value())) {
                      latencies.add(received - record.timestamp());
                    }
                  }
                }
              }
            },
            "bench-reader-" + name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Whether {@code consumer} is at or past {@code until} (null: not set yet) on every partition.
   */
  private static boolean readUpTo(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> until) {
    if (until == null) {
      return false;
    }
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < until.getOrDefault(partition, 0L)) {
        return false;
      }
    }
    return true;
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap, int lingerMs) {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "linger.ms",
            lingerMs,
            "batch.size",
            256 * 1024,
            "acks",
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** Resident set size from /proc/self/status, or -1. */
  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
