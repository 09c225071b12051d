package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.instance.TopicSetup;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out and failover: three topology instances as separate JVMs share one application id on a
 * real broker with six-partition topics; one is killed with SIGKILL while mentions stream in; the
 * other two take over its tasks, restore its state from the changelogs and finish the stream. The
 * alerts and the final aggregates (read with read_committed) must equal those of a single clean
 * instance that read the same input under another application id: nothing lost, nothing doubled.
 * Prints the rebalance time (kill to every survivor RUNNING again) and each state restoration.
 *
 * <p>Both runs use graces wider than the takeover stall (crisis buckets close 12 h of stream time
 * after they end, windows take records 24 h late) and end with one mention per brand a day later,
 * which closes every bucket: so what each run computes does not depend on how the partitions
 * interleaved, and any difference is a lost or doubled record.
 */
class FailoverIT {
  private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
  private static final int PARTITIONS = 6;
  private static final int BASELINE_MINUTES = 180;
  private static final int BURST_MINUTES = 10;
  private static final int CALM_MINUTES = 30;
  private static final int LEADS = 6;
  private static final long PACE_MILLIS_PER_MINUTE = 40;
  private static final String REFERENCE = "failover-reference";
  private static final String SCALED = "failover-scaled";
  private static final Pattern STATE =
      Pattern.compile("^(\\d+) .*Topology (\\w+) -> (\\w+)$", Pattern.MULTILINE);
  private static final Pattern RESTORED =
      Pattern.compile(
          "^(\\d+) .*Restored store (\\S+) partition (\\d+): (\\d+) records in (\\d+) ms$",
          Pattern.MULTILINE);

  @TempDir Path dataDir;

  @Test
  void shouldGiveTheAlertsAndAggregatesOfOneCleanRunWhenAnInstanceIsKilledMidStream()
      throws Exception {
    try (EmbeddedKafka kafka =
            EmbeddedKafka.start(
                dataDir,
                "127.0.0.1",
                0,
                0,
                Map.of(
                    // abandoned transactions of the killed instance are aborted soon after
                    // their timeout, so read_committed consumers are not held up for long
                    "transaction.abort.timed.out.transaction.cleanup.interval.ms",
                    "1000",
                    // the three instances starting together join one rebalance, not three
                    "group.initial.rebalance.delay.ms",
                    "3000"));
        EmbeddedSchemaRegistry registryServer =
            EmbeddedSchemaRegistry.start(
                "127.0.0.1",
                0,
                KafkaSchemaStore.open(Map.of("bootstrap.servers", kafka.bootstrapServers())));
        SchemaRegistry registry =
            SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryServer.url()));
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      String bootstrap = kafka.bootstrapServers();
      Path rules = dataDir.resolve("rules.jsonl");
      Files.writeString(
          rules,
          String.join(
              "\n",
              "{\"id\":\"acme-1\",\"brand\":\"acme-air\",\"query\":\"\\\"acme air\\\" OR acmeair\"}",
              "{\"id\":\"nimbus-1\",\"brand\":\"nimbus\",\"query\":\"nimbus\"}",
              "{\"id\":\"brewly-1\",\"brand\":\"brewly\",\"query\":\"brewly\"}",
              "{\"id\":\"skyways-1\",\"brand\":\"skyways\",\"query\":\"skyways\"}",
              ""));
      Map<String, String> common = new HashMap<>();
      common.put(InstanceConfig.BOOTSTRAP_SERVERS, bootstrap);
      common.put(InstanceConfig.SCHEMA_REGISTRY_URL, registryServer.url());
      common.put(InstanceConfig.TOPICS_PARTITIONS, Integer.toString(PARTITIONS));
      common.put(InstanceConfig.CRISIS_GRACE_MS, Long.toString(Duration.ofHours(12).toMillis()));
      common.put(InstanceConfig.AGGREGATE_GRACE_MS, Long.toString(Duration.ofHours(24).toMillis()));
      common.put("kafka.commit.interval.ms", "200");
      common.put("kafka.session.timeout.ms", "6000");
      common.put("kafka.heartbeat.interval.ms", "1500");
      common.put("kafka.transaction.timeout.ms", "5000");
      // The mentions are dated months back. Kafka Streams gives window-store changelogs a
      // retention.ms of the store's retention plus this, and the broker deletes records older than
      // that by record time, whatever its own default: its first retention pass (30 s after start)
      // removed the first window updates, and a task restored after the takeover lost those windows
      // (a late replayed mention then overwrote them with a smaller count). Keep them all.
      common.put(
          "kafka.windowstore.changelog.additional.retention.ms", Long.toString(Long.MAX_VALUE));

      // The reference: one clean instance in this JVM, publishing the rules and creating topics.
      Map<String, String> reference = runConfig(common, REFERENCE);
      reference.put(InstanceConfig.RULES_FILE, rules.toString());
      reference.put(InstanceConfig.STATE_DIR, dataDir.resolve("state-reference").toString());
      InstanceConfig referenceConfig = InstanceConfig.load(Optional.empty(), Map.of(), reference);
      Map<String, String> scaled = runConfig(common, SCALED);
      scaled.put(InstanceConfig.TOPICS_CREATE, "false");
      InstanceConfig scaledConfig = InstanceConfig.load(Optional.empty(), Map.of(), scaled);
      TopicSetup.createMissing(
          referenceConfig.kafkaClientConfig(), scaledConfig.topics(), PARTITIONS, (short) 1);
      String raw = referenceConfig.topics().raw();
      AvroSerde<Mention> mentionSerde = AvroSerde.forValues(Mention.class, registry);
      Input input = input(mentionSerde, raw);

      List<Node> nodes = new ArrayList<>();
      try (Instance clean = Instance.start(referenceConfig)) {
        for (int i = 0; i < 3; i++) {
          nodes.add(Node.start(i, scaled, dataDir));
        }
        assertThat(clean.awaitRunning(Duration.ofSeconds(60))).isTrue();
        awaitMembers(admin, SCALED, 3, Duration.ofSeconds(90), nodes);
        System.out.printf("FAILOVER phase: three nodes stable at %d%n", System.currentTimeMillis());

        Node victim = nodes.get(1);
        long killedAt = produce(bootstrap, raw, input.mentions, victim);
        assertThat(victim.process.isAlive()).isFalse();
        assertThat(victim.process.exitValue()).as("exit status of SIGKILL").isEqualTo(137);
        assertThat(ProcessHandle.of(victim.process.pid()).map(ProcessHandle::isAlive))
            .isNotEqualTo(Optional.of(true));

        awaitCaughtUp(admin, SCALED, referenceConfig.topics().raw(), Duration.ofSeconds(90));
        awaitCaughtUp(admin, REFERENCE, referenceConfig.topics().raw(), Duration.ofSeconds(90));
        System.out.printf("FAILOVER phase: caught up at %d%n", System.currentTimeMillis());
        produce(bootstrap, raw, closing(mentionSerde, raw), null);
        awaitCaughtUp(admin, SCALED, referenceConfig.topics().raw(), Duration.ofSeconds(60));
        awaitCaughtUp(admin, REFERENCE, referenceConfig.topics().raw(), Duration.ofSeconds(60));

        report(killedAt, nodes, victim);
      } finally {
        for (Node node : nodes) {
          node.stop();
        }
      }

      // No changelog record may have been deleted for its age: a task restored after the takeover
      // would miss windows and dedup keys.
      assertThat(deletedChangelogRecords(admin, REFERENCE))
          .as("deleted changelog records")
          .isEmpty();
      assertThat(deletedChangelogRecords(admin, SCALED)).as("deleted changelog records").isEmpty();
      Outputs expected = Outputs.read(bootstrap, registry, referenceConfig.topics());
      Outputs actual = Outputs.read(bootstrap, registry, scaledConfig.topics());

      assertThat(expected.alerts)
          .filteredOn(a -> a.startsWith("CRISIS_OPENED acme-air"))
          .hasSize(1);
      assertThat(expected.alerts).filteredOn(a -> a.startsWith("CRISIS_RESOLVED")).hasSize(1);
      assertThat(expected.alerts).filteredOn(a -> a.startsWith("LEAD nimbus")).hasSize(LEADS);
      assertThat(expected.volume("acme-air", expected.windows1m)).isEqualTo(input.acmeTotal + 1);
      assertThat(expected.volume("acme-air", expected.windows1h)).isEqualTo(input.acmeTotal + 1);
      assertThat(expected.enrichedKeys).hasSize(input.uniqueKeys + 4);
      assertThat(expected.deadLetters).isEqualTo(input.invalid);

      assertThat(actual.alerts).as("alerts").isEqualTo(expected.alerts);
      String enrichment = expected.enrichmentDifferences(actual);
      assertThat(actual.windows1m)
          .as("1-minute windows (%s)", enrichment)
          .isEqualTo(expected.windows1m);
      assertThat(actual.windows1h)
          .as("1-hour windows (%s)", enrichment)
          .isEqualTo(expected.windows1h);
      assertThat(actual.enrichedKeys).as("enriched mention keys").isEqualTo(expected.enrichedKeys);
      assertThat(actual.deadLetters).as("dead letters").isEqualTo(expected.deadLetters);
    }
  }

  private static Map<String, String> runConfig(Map<String, String> common, String run) {
    Map<String, String> config = new HashMap<>(common);
    config.put(InstanceConfig.APPLICATION_ID, run);
    config.put(InstanceConfig.TOPIC_ENRICHED, run + ".enriched");
    config.put(InstanceConfig.TOPIC_ALERTS, run + ".alerts");
    config.put(InstanceConfig.TOPIC_SENTIMENT_1M, run + ".sentiment.1m");
    config.put(InstanceConfig.TOPIC_SENTIMENT_1H, run + ".sentiment.1h");
    config.put(InstanceConfig.TOPIC_SHARE_OF_VOICE_1M, run + ".share-of-voice.1m");
    config.put(InstanceConfig.TOPIC_SHARE_OF_VOICE_1H, run + ".share-of-voice.1h");
    config.put(InstanceConfig.TOPIC_DEAD_LETTERS, run + ".dead-letters");
    return config;
  }

  /** {@code spec} for every partition of {@code topics}. */
  private static Map<TopicPartition, OffsetSpec> everyPartition(
      Admin admin, java.util.Collection<String> topics, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get()
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(p -> specs.put(new TopicPartition(name, p.partition()), spec)));
    return specs;
  }

  /** The changelog partitions of {@code run} whose first records are gone, with their start. */
  private static Map<TopicPartition, Long> deletedChangelogRecords(Admin admin, String run)
      throws Exception {
    Map<TopicPartition, OffsetSpec> earliest =
        everyPartition(
            admin,
            admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(run + "-") && t.endsWith("-changelog"))
                .toList(),
            OffsetSpec.earliest());
    Map<TopicPartition, Long> deleted =
        new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
    admin
        .listOffsets(earliest)
        .all()
        .get()
        .forEach(
            (partition, info) -> {
              if (info.offset() > 0) {
                deleted.put(partition, info.offset());
              }
            });
    return deleted;
  }

  /** Prints the takeover figures measured from the survivors' logs. */
  private static void report(long killedAt, List<Node> nodes, Node victim) throws IOException {
    long firstRebalance = Long.MAX_VALUE;
    long lastRunning = Long.MIN_VALUE;
    List<String> restores = new ArrayList<>();
    long restoredRecords = 0;
    long slowestRestore = 0;
    for (Node node : nodes) {
      if (node == victim) {
        continue;
      }
      String log = node.log();
      Matcher state = STATE.matcher(log);
      while (state.find()) {
        long at = Long.parseLong(state.group(1));
        if (at < killedAt) {
          continue;
        }
        if (state.group(3).equals("REBALANCING")) {
          firstRebalance = Math.min(firstRebalance, at);
        } else if (state.group(3).equals("RUNNING")) {
          lastRunning = Math.max(lastRunning, at);
        }
      }
      Matcher restored = RESTORED.matcher(log);
      while (restored.find()) {
        if (Long.parseLong(restored.group(1)) < killedAt) {
          continue;
        }
        long records = Long.parseLong(restored.group(4));
        long ms = Long.parseLong(restored.group(5));
        restoredRecords += records;
        slowestRestore = Math.max(slowestRestore, ms);
        restores.add(
            String.format(
                Locale.ROOT,
                "    node %d: %s partition %s, %d records, %d ms",
                node.index,
                restored.group(2),
                restored.group(3),
                records,
                ms));
      }
    }
    assertThat(lastRunning).as("survivors RUNNING again after the kill").isGreaterThan(killedAt);
    System.out.printf(
        Locale.ROOT,
        "FAILOVER node %d killed (SIGKILL): rebalance started after %d ms, all survivors RUNNING"
            + " after %d ms; %d store partitions restored, %d records, slowest %d ms%n%s%n",
        victim.index,
        firstRebalance - killedAt,
        lastRunning - killedAt,
        restores.size(),
        restoredRecords,
        slowestRestore,
        String.join("\n", restores));
  }

  /** Waits until the group has {@code count} members and is stable. */
  private static void awaitMembers(
      Admin admin, String group, int count, Duration timeout, List<Node> nodes) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ConsumerGroupDescription description = null;
      try {
        description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
          throw e;
        }
      }
      if (description != null
          && description.groupState() == GroupState.STABLE
          && description.members().size() == count
          && description.members().stream()
              .allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
        return;
      }
      for (Node node : nodes) {
        assertThat(node.process.isAlive())
            .as("node %d alive; log:%n%s", node.index, node.log())
            .isTrue();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "group " + group + " not stable with " + count + " members: " + description);
      }
      Thread.sleep(250);
    }
  }

  /**
   * Waits until {@code group} has committed the end of the raw topic and of its repartition topics
   * (read_committed), twice in a row a second apart.
   */
  private static void awaitCaughtUp(Admin admin, String group, String raw, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    int clean = 0;
    Map<TopicPartition, Long> lag = Map.of();
    while (clean < 2) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("group " + group + " not caught up; lag " + lag);
      }
      Thread.sleep(1000);
      Set<String> topics =
          admin.listTopics().names().get().stream()
              .filter(
                  t -> t.equals(raw) || (t.startsWith(group + "-") && t.endsWith("-repartition")))
              .collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> latest = everyPartition(admin, topics, OffsetSpec.latest());
      var ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      lag = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      for (var end : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        long behind = end.getValue().offset() - (at == null ? 0 : at.offset());
        if (behind > 0) {
          lag.put(end.getKey(), behind);
        }
      }
      clean = lag.isEmpty() ? clean + 1 : 0;
    }
  }

  /**
   * Sends the mentions to {@code topic}, about 1,500 times faster than real time; kills {@code
   * victim} half way and returns when (epoch ms).
   */
  private static long produce(
      String bootstrap, String topic, List<ProducerRecord<byte[], byte[]>> records, Node victim)
      throws Exception {
    long killedAt = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      long minute = Long.MIN_VALUE;
      for (int i = 0; i < records.size(); i++) {
        ProducerRecord<byte[], byte[]> record = records.get(i);
        long recordMinute = record.timestamp() / 60_000;
        if (recordMinute != minute) {
          minute = recordMinute;
          Thread.sleep(PACE_MILLIS_PER_MINUTE);
        }
        if (victim != null && i == records.size() / 2) {
          producer.flush();
          killedAt = victim.kill();
        }
        producer.send(
            new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value()));
      }
      producer.flush();
    }
    System.out.printf(
        "FAILOVER phase: %d records produced at %d, kill at %d%n",
        records.size(), System.currentTimeMillis(), killedAt);
    return killedAt;
  }

  /** One topology instance in its own JVM, started with the {@code run} command. */
  private static final class Node {
    final int index;
    final Process process;
    final Path log;

    private Node(int index, Process process, Path log) {
      this.index = index;
      this.process = process;
      this.log = log;
    }

    static Node start(int index, Map<String, String> config, Path dataDir) throws IOException {
      Path logs = Path.of("target", "failover-it");
      Files.createDirectories(logs);
      Path log = logs.resolve("node-" + index + ".log");
      Path logConfig = dataDir.resolve("node-log4j2.xml");
      if (!Files.exists(logConfig)) {
        Files.writeString(
            logConfig,
            """
            <Configuration status="WARN">
              <Appenders>
                <Console name="Console" target="SYSTEM_OUT">
                  <PatternLayout pattern="%d{UNIX_MILLIS} %-5level %c{1} - %msg%n"/>
                </Console>
              </Appenders>
              <Loggers>
                <Logger name="io.sociallistening" level="INFO"/>
                <Logger name="io.sociallistening.app.instance.RestoreLog" level="DEBUG"/>
                <!-- assignments, task life cycle, unstable (pending transactional) offsets -->
                <Logger name="org.apache.kafka.streams" level="INFO"/>
                <Logger name="org.apache.kafka.clients.consumer.internals.ConsumerCoordinator"
                    level="INFO"/>
                <Root level="WARN"><AppenderRef ref="Console"/></Root>
              </Loggers>
            </Configuration>
            """);
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Xmx256m",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Dlog4j2.configurationFile=" + logConfig,
              "-cp",
              System.getProperty("java.class.path"),
              Cli.class.getName(),
              "run"));
      Map<String, String> own = new HashMap<>(config);
      own.put(InstanceConfig.STATE_DIR, dataDir.resolve("state-" + index).toString());
      own.forEach((k, v) -> command.add("--" + k + "=" + v));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Node(index, process, log);
    }

    /** Sends SIGKILL and waits for the process to be gone; returns when (epoch ms). */
    long kill() throws InterruptedException {
      long at = System.currentTimeMillis();
      process.destroyForcibly();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      return at;
    }

    void stop() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    }

    String log() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  /** The outputs of one run, in forms that two runs can be compared by. */
  private record Outputs(
      List<String> alerts,
      Map<String, String> windows1m,
      Map<String, String> windows1h,
      Set<String> enrichedKeys,
      Map<String, String> enrichedMentions,
      int deadLetters) {

    static Outputs read(String bootstrap, SchemaRegistry registry, Topics topics) {
      AvroSerde<Alert> alertSerde = AvroSerde.forValues(Alert.class, registry);
      List<String> alerts =
          drain(bootstrap, topics.alerts()).stream()
              .map(r -> alertSerde.deserialize(topics.alerts(), r.value()))
              .map(Outputs::alert)
              .sorted()
              .toList();
      AvroSerde<EnrichedMention> enrichedSerde =
          AvroSerde.forValues(EnrichedMention.class, registry);
      List<String> enriched = new ArrayList<>();
      Map<String, String> enrichedMentions = new TreeMap<>();
      for (ConsumerRecord<byte[], byte[]> record : drain(bootstrap, topics.enriched())) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        enriched.add(key);
        EnrichedMention m = enrichedSerde.deserialize(topics.enriched(), record.value());
        enrichedMentions.put(
            key,
            String.format(
                Locale.ROOT,
                "at=%s brands=%s %s",
                m.getMention().getCreatedAt(),
                m.getBrands().stream().map(b -> b.getBrand() + "/" + b.getRuleId()).toList(),
                m.getSentiment().getLabel()));
      }
      assertThat(enriched).as("enriched keys of " + topics.enriched()).doesNotHaveDuplicates();
      return new Outputs(
          alerts,
          windows(bootstrap, registry, topics.sentiment1m()),
          windows(bootstrap, registry, topics.sentiment1h()),
          Set.copyOf(enriched),
          enrichedMentions,
          drain(bootstrap, topics.deadLetters()).size());
    }

    /**
     * The enriched mentions (expected: this run's) that {@code other} (actual) lacks or enriched
     * differently (time, brands, sentiment label), and those only {@code other} has: tells a record
     * lost before the enriched topic from one that reached it but not the brand windows.
     */
    String enrichmentDifferences(Outputs other) {
      List<String> out = new ArrayList<>();
      enrichedMentions.forEach(
          (key, value) -> {
            String theirs = other.enrichedMentions.get(key);
            if (!value.equals(theirs)) {
              out.add(
                  key + ": expected " + value + ", actual " + (theirs == null ? "none" : theirs));
            }
          });
      other.enrichedMentions.forEach(
          (key, value) -> {
            if (!enrichedMentions.containsKey(key)) {
              out.add(key + ": expected none, actual " + value);
            }
          });
      return out.isEmpty()
          ? "every enriched mention equal"
          : "enriched mentions that differ: " + String.join("; ", out);
    }

    /** An alert without the parts that depend on arrival order (samples, top terms). */
    private static String alert(Alert a) {
      var m = a.getMetrics();
      return String.format(
          Locale.ROOT,
          "%s %s %s severity=%d at=%s episode=%s%s",
          a.getType(),
          a.getBrand(),
          a.getId(),
          a.getSeverity(),
          a.getEventTime(),
          a.getEpisodeId(),
          m == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  " bucket=%s volume=%d negative=%d score=%.6f",
                  m.getBucketStart(),
                  m.getVolume(),
                  m.getNegativeVolume(),
                  m.getScore()));
    }

    /** The latest value of every window, by brand and start. */
    private static Map<String, String> windows(
        String bootstrap, SchemaRegistry registry, String topic) {
      AvroSerde<BrandSentimentWindow> serde =
          AvroSerde.forValues(BrandSentimentWindow.class, registry);
      Map<String, String> latest = new TreeMap<>();
      for (ConsumerRecord<byte[], byte[]> record : drain(bootstrap, topic)) {
        BrandSentimentWindow w = serde.deserialize(topic, record.value());
        latest.put(
            w.getBrand() + "@" + w.getWindowStart(),
            String.format(
                Locale.ROOT,
                "volume=%d unique=%d +%d =%d -%d mean=%.6f net=%.6f reach=%d leads=%d",
                w.getVolume(),
                w.getUniqueVolume(),
                w.getPositive(),
                w.getNeutral(),
                w.getNegative(),
                w.getMeanSentiment(),
                w.getNetSentiment(),
                w.getReach(),
                w.getLeads()));
      }
      return latest;
    }

    long volume(String brand, Map<String, String> windows) {
      long sum = 0;
      for (var e : windows.entrySet()) {
        if (e.getKey().startsWith(brand + "@")) {
          String v = e.getValue();
          sum += Long.parseLong(v.substring("volume=".length(), v.indexOf(' ')));
        }
      }
      return sum;
    }

    /** Every committed record of {@code topic}, up to its end. */
    private static List<ConsumerRecord<byte[], byte[]>> drain(String bootstrap, String topic) {
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(
              Map.of(
                  "bootstrap.servers", bootstrap,
                  "isolation.level", "read_committed",
                  "enable.auto.commit", "false"),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer())) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("cannot read " + topic + " to its end " + ends);
          }
          consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        }
      }
      return out;
    }
  }

  /** The mentions sent, and what must come out of them. */
  private record Input(
      List<ProducerRecord<byte[], byte[]>> mentions, int uniqueKeys, int invalid, long acmeTotal) {}

  /**
   * Calm traffic for four brands, a negative burst for acme-air, purchase questions about nimbus,
   * re-delivered copies (same key), retweets (same time as the post) and a few invalid mentions and
   * malformed records. The same every time.
   */
  private static Input input(AvroSerde<Mention> serde, String topic) {
    Random random = new Random(7);
    List<Mention> mentions = new ArrayList<>();
    Set<String> keys = new java.util.HashSet<>();
    String[] calm = {
      "Boarding my Acme Air flight to Lisbon", "Acme Air crew was lovely today, thanks!",
      "Anyone flown Acme Air business class?", "Acme Air lounge has good coffee"
    };
    String[] angry = {
      "Acme Air cancelled my flight again, worst airline ever",
      "Stuck at the gate for 5 hours, Acme Air is a disgrace",
      "Acme Air lost my bag and refuses a refund, terrible",
      "Never flying Acme Air again, awful service and rude staff"
    };
    String[] others = {
      "Morning cup from Brewly, smooth as always", "Brewly beans arrived, nice roast",
      "Skyways seat was comfy enough", "Skyways boarding took a while today",
      "My Nimbus battery lasts two days", "Nimbus camera is decent in low light"
    };
    long acmeTotal = 0;
    int n = 0;
    int minutes = BASELINE_MINUTES + BURST_MINUTES + CALM_MINUTES;
    for (int minute = 0; minute < minutes; minute++) {
      boolean burst = minute >= BASELINE_MINUTES && minute < BASELINE_MINUTES + BURST_MINUTES;
      int count = burst ? 40 : 3 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        String text =
            burst || random.nextInt(10) == 0
                ? angry[random.nextInt(angry.length)]
                : calm[random.nextInt(calm.length)];
        Instant at = T0.plus(Duration.ofMinutes(minute)).plusMillis(random.nextInt(60_000));
        String author = "user" + random.nextInt(500);
        String post = text + " (ref " + n + ")";
        Mention mention = mention("p" + (n++), post, author, at);
        mentions.add(mention);
        keys.add(mention.getId());
        acmeTotal++;
        if (random.nextInt(40) == 0) {
          mentions.add(mention);
          acmeTotal++;
        }
        if (random.nextInt(40) == 1) {
          Mention retweet =
              mention("p" + (n++), "RT @" + author + ": " + post, "fan" + random.nextInt(500), at);
          mentions.add(retweet);
          keys.add(retweet.getId());
          acmeTotal++;
        }
      }
      for (int i = 0; i < 2; i++) {
        Instant at = T0.plus(Duration.ofMinutes(minute)).plusMillis(random.nextInt(60_000));
        Mention other =
            mention(
                "o" + (n++),
                others[random.nextInt(others.length)] + " (ref " + n + ")",
                "person" + random.nextInt(300),
                at);
        mentions.add(other);
        keys.add(other.getId());
      }
    }
    for (int i = 0; i < LEADS; i++) {
      Instant at = T0.plus(Duration.ofMinutes(20 + 25L * i));
      Mention lead =
          mention(
              "lead" + i,
              "Thinking of getting the Nimbus X"
                  + (i + 2)
                  + ", is it worth it? Any recommendations?",
              "buyer" + i,
              at);
      mentions.add(lead);
      keys.add(lead.getId());
    }
    mentions.add(mention("blank1", "   ", "dave", T0.plus(Duration.ofMinutes(30))));
    mentions.add(mention("blank2", "", "dave", T0.plus(Duration.ofMinutes(90))));
    mentions.sort(java.util.Comparator.comparing(Mention::getFetchedAt));

    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (Mention mention : mentions) {
      records.add(record(mention, serde, topic));
    }
    for (int i = 0; i < 3; i++) {
      records.add(
          records.size() / 3 * (i + 1) - 1,
          new ProducerRecord<>(
              "",
              null,
              T0.plus(Duration.ofMinutes(60L * i)).toEpochMilli(),
              ("bad-" + i).getBytes(StandardCharsets.UTF_8),
              new byte[] {0, 0, 0, 0, 99, 1, 2}));
    }
    return new Input(records, keys.size(), 5, acmeTotal);
  }

  /** One mention per brand a day after the input: closes every crisis bucket of both runs. */
  private static List<ProducerRecord<byte[], byte[]>> closing(
      AvroSerde<Mention> serde, String topic) {
    Instant at = T0.plus(Duration.ofDays(1));
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
    int i = 0;
    for (String text :
        List.of("Acme Air flight fine", "Nimbus phone fine", "Brewly coffee fine", "Skyways ok")) {
      out.add(record(mention("closing" + (i++), text, "closer", at), serde, topic));
    }
    return out;
  }

  private static ProducerRecord<byte[], byte[]> record(
      Mention mention, AvroSerde<Mention> serde, String topic) {
    return new ProducerRecord<>(
        "",
        null,
        mention.getCreatedAt().toEpochMilli(),
        ("bluesky:" + mention.getId()).getBytes(StandardCharsets.UTF_8),
        serde.serialize(topic, mention));
  }

  private static Mention mention(String id, String text, String handle, Instant at) {
    return TestMentions.bluesky(id, text, handle, 100L, at);
  }
}
