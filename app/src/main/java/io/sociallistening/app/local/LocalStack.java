package io.sociallistening.app.local;

import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.instance.SettingSources;
import io.sociallistening.app.web.WebServer;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.topology.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The whole product in one JVM for a laptop: an in-process KRaft broker, the schema registry, the
 * topology, a Kafka Connect worker replaying the bundled sample (a few brands, a daily rhythm, a
 * crisis burst, purchase-intent posts, duplicates, some malformed records) and a console feed of
 * the alerts. Everything stops cleanly on {@link #close()} (Ctrl-C); data stays in the data
 * directory, so a second start continues where the first stopped.
 *
 * <p>A port configured as 0 is any free port: the part binds one, and the addresses printed at
 * start and returned by {@link #bootstrapServers()}, {@link #registryUrl()}, {@link #connectUrl()}
 * and {@link #dashboardUrl()} carry the ports actually bound.
 */
public final class LocalStack implements AutoCloseable {
  public static final String APPLICATION_ID = "social-listening-demo";
  public static final String REPLAY_CONNECTOR = "sample-replay";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final PrintStream out;
  private String bootstrapServers;
  private String registryUrl;
  private String connectUrl;
  private Instance instance;

  private LocalStack(PrintStream out) {
    this.out = out;
  }

  /** Starts every part in order; on failure, stops what had started and rethrows. */
  public static LocalStack start(LocalStackConfig config, Map<String, String> env, PrintStream out)
      throws IOException {
    LocalStack stack = new LocalStack(out);
    try {
      stack.startAll(config, env);
      return stack;
    } catch (IOException | RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(LocalStackConfig config, Map<String, String> env) throws IOException {
    Path dataDir = config.dataDir();
    boolean resumed = Files.isDirectory(dataDir.resolve("kafka"));
    Files.createDirectories(dataDir);
    out.printf(
        resumed
            ? "Starting the local stack, continuing from %s (delete it to replay the sample from"
                + " the start)%n"
            : "Starting the local stack (data in %s)%n",
        dataDir);

    EmbeddedKafka kafka =
        EmbeddedKafka.start(
            dataDir, config.host(), config.kafkaPort(), config.controllerPort(), Map.of());
    started.push(kafka);
    bootstrapServers = kafka.bootstrapServers();
    out.printf("  Kafka broker        %s%n", bootstrapServers);

    EmbeddedSchemaRegistry registryServer =
        EmbeddedSchemaRegistry.start(
            config.host(),
            config.registryPort(),
            KafkaSchemaStore.open(Map.of("bootstrap.servers", bootstrapServers)));
    started.push(registryServer);
    registryUrl = registryServer.url();
    out.printf("  Schema registry     %s%n", registryUrl);

    Path rules = dataDir.resolve("sample-rules.jsonl");
    copyResource("sample/rules.jsonl", rules);
    Map<String, String> instanceSettings = new HashMap<>();
    instanceSettings.put(InstanceConfig.HTTP_HOST, config.host());
    instanceSettings.put(InstanceConfig.HTTP_ADVERTISED_HOST, config.host());
    instanceSettings.put(InstanceConfig.HTTP_PORT, Integer.toString(config.httpPort()));
    instanceSettings.putAll(
        Map.of(
            InstanceConfig.APPLICATION_ID,
            APPLICATION_ID,
            InstanceConfig.BOOTSTRAP_SERVERS,
            bootstrapServers,
            InstanceConfig.SCHEMA_REGISTRY_URL,
            registryUrl,
            InstanceConfig.STATE_DIR,
            dataDir.resolve("state").toString(),
            InstanceConfig.RULES_FILE,
            rules.toString()));
    InstanceConfig instanceConfig =
        InstanceConfig.load(java.util.Optional.empty(), withTuning(env), instanceSettings);
    instance = Instance.start(instanceConfig);
    started.push(instance);
    out.printf("  Topology            application.id=%s%n", APPLICATION_ID);
    if (dashboardUrl().isPresent()) {
      out.printf("  Dashboard           %s/%n", dashboardUrl().get());
      out.printf("  Metrics             %s/metrics%n", dashboardUrl().get());
    }

    Topics topics = instanceConfig.topics();
    SchemaRegistry registry =
        SchemaRegistries.fromConfig(Map.of(InstanceConfig.SCHEMA_REGISTRY_URL, registryUrl));
    started.push(registry);
    AlertConsole console =
        new AlertConsole(
            bootstrapServers,
            registry,
            topics.alerts(),
            topics.enriched(),
            topics.deadLetters(),
            out);
    console.start();
    started.push(console);

    writeMalformed(topics.raw(), config.malformedRecords());

    EmbeddedConnect connect =
        EmbeddedConnect.start(
            bootstrapServers, registryUrl, dataDir, config.host(), config.connectPort(), Map.of());
    started.push(connect);
    connectUrl = connect.restUrl();
    connect.putConnector(
        REPLAY_CONNECTOR,
        Map.of(
            "connector.class", "io.sociallistening.connect.replay.ReplaySourceConnector",
            "tasks.max", "1",
            "topic", topics.raw(),
            "replay.file", config.replayFile(),
            "replay.speedup", Double.toString(config.replaySpeedup())));
    out.printf("  Kafka Connect       %s (connector '%s')%n", connectUrl, REPLAY_CONNECTOR);
    out.printf(
        "%nReplaying the sample: alerts appear below as they fire. Topics: %s, %s, %s, %s, %s, %s, %s."
            + "%nPress Ctrl-C to stop.%n",
        topics.alerts(),
        topics.enriched(),
        topics.sentiment1m(),
        topics.sentiment1h(),
        topics.shareOfVoice1m(),
        topics.shareOfVoice1h(),
        topics.deadLetters());
  }

  private void writeMalformed(String topic, int count) {
    if (count == 0) {
      return;
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrapServers),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        byte[] garbage = ("{\"not\": \"avro\", \"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
        producer.send(
            new ProducerRecord<>(
                topic, ("malformed-" + i).getBytes(StandardCharsets.UTF_8), garbage));
      }
      producer.flush();
    }
  }

  private static void copyResource(String resource, Path target) throws IOException {
    try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("Bundled resource " + resource + " is missing");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The broker's {@code host:port}, on the port it bound (any free one when configured as 0). */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The schema registry's base URL, on the port it bound. */
  public String registryUrl() {
    return registryUrl;
  }

  /** The Connect worker's REST API base URL, on the port it bound. */
  public String connectUrl() {
    return connectUrl;
  }

  /**
   * The dashboard's base URL (REST API and metrics too), on the port it bound; empty when {@value
   * LocalStackConfig#HTTP_PORT} is -1.
   */
  public Optional<String> dashboardUrl() {
    return instance.web().map(WebServer::url);
  }

  public Instance instance() {
    return instance;
  }

  /** Waits until the topology stops by itself (it normally runs until {@link #close()}). */
  public void awaitStop() throws InterruptedException {
    instance.awaitStop();
  }

  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return instance.awaitStop(timeout);
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        out.printf("Error while stopping %s: %s%n", part.getClass().getSimpleName(), e);
      }
    }
  }

  /**
   * {@code env} with the stack's own choices for the sample as {@code SOCIAL_LISTENING_<KEY>}
   * variables, unless {@code env} sets them: the variables override them, as the message refusing
   * them as {@code --key=value} says.
   */
  static Map<String, String> withTuning(Map<String, String> env) {
    Map<String, String> tuning =
        Map.of(
            // The sample is replayed hundreds of times faster than real time. One partition
            // per topic keeps record time in order through every stage, however loaded the
            // laptop is; wider grace keeps stragglers counted. Scale-out uses more partitions.
            InstanceConfig.TOPICS_PARTITIONS,
            "1",
            InstanceConfig.CRISIS_GRACE_MS,
            Long.toString(Duration.ofMinutes(5).toMillis()),
            // The sample's brands are small (a crisis of 5 to 7 negative first copies a minute);
            // the default minimum of 5 would let bucket boundaries decide whether it opens.
            InstanceConfig.CRISIS_MIN_VOLUME,
            "3",
            InstanceConfig.AGGREGATE_GRACE_MS,
            Long.toString(Duration.ofHours(24).toMillis()));
    Map<String, String> withTuning = new HashMap<>();
    tuning.forEach(
        (key, value) ->
            withTuning.put(SettingSources.envName(InstanceConfig.ENV_PREFIX, key), value));
    withTuning.putAll(env);
    return withTuning;
  }
}
