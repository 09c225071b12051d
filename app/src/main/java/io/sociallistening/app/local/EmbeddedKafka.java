package io.sociallistening.app.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller) running in this
 * JVM, for the local stack and integration tests. The log directory is formatted on first start and
 * reused afterwards, so a second start over the same directory keeps topics, offsets and data.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;

  /** Name of the optional SASL_PLAINTEXT listener (PLAIN mechanism). */
  public static final String SASL_LISTENER = "SASL";

  /**
   * Broker setting: how long a produce request that opens a partition's part of a transaction
   * (transactions v2) may wait, retrying every {@code add.partitions.to.txn.retry.backoff.ms},
   * while the coordinator still answers CONCURRENT_TRANSACTIONS because the producer's previous
   * transaction is completing.
   */
  static final String ADD_PARTITIONS_TO_TXN_RETRY_MAX_MS =
      "add.partitions.to.txn.retry.backoff.max.ms";

  /**
   * {@value #ADD_PARTITIONS_TO_TXN_RETRY_MAX_MS} of this broker: 5 s instead of Kafka's 100 ms.
   *
   * <p>Under exactly_once_v2 a producer's commit returns as soon as the coordinator has prepared
   * it; the commit markers are written afterwards, and the producer's next transaction starts at
   * once. Its first produce request to a partition (sequence 0) waits for the markers. This broker
   * shares its JVM and cores with the applications (a GC pause, a busy core), so the markers can
   * take more than 100 ms: the request then failed with CONCURRENT_TRANSACTIONS, and the requests
   * the producer had pipelined behind it to the same partitions (sequence above 0) reached the log
   * before its retry and were refused with OutOfOrderSequenceException, which the broker logs as an
   * ERROR per partition ("Expected sequence 0 for transactions v2 idempotent producer with no
   * existing state"). The producer retried them all and nothing was lost, but the console showed
   * errors. Waiting longer on the broker side keeps the first request in place until the markers
   * are written. The broker caps the wait at its {@code request.timeout.ms} (30 s).
   */
  static final int ADD_PARTITIONS_TO_TXN_RETRY_MAX = 5_000;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final String saslBootstrapServers;

  private EmbeddedKafka(
      KafkaRaftServer server, String bootstrapServers, String saslBootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.saslBootstrapServers = saslBootstrapServers;
  }

  /**
   * Starts a broker listening on {@code host:port} (port 0 picks a free one) with its controller on
   * {@code controllerPort} (0 picks a free one), storing data under {@code dataDir}, and waits
   * until it answers an admin request.
   *
   * @param overrides broker settings that replace the defaults (e.g. {@code num.partitions})
   */
  public static EmbeddedKafka start(
      Path dataDir, String host, int port, int controllerPort, Map<String, String> overrides)
      throws IOException {
    return start(dataDir, host, port, controllerPort, overrides, Map.of());
  }

  /**
   * Starts a broker on free ports with, besides the PLAINTEXT listener, a SASL_PLAINTEXT listener
   * ({@value #SASL_LISTENER}, mechanism PLAIN) that accepts {@code users} (name to password). No
   * ACLs: every authenticated user may do everything. Clients reach it at {@link
   * #saslBootstrapServers()}.
   */
  public static EmbeddedKafka startWithSaslPlain(Path dataDir, Map<String, String> users)
      throws IOException {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("at least one SASL user is needed");
    }
    return start(dataDir, "127.0.0.1", 0, 0, Map.of(), users);
  }

  private static EmbeddedKafka start(
      Path dataDir,
      String host,
      int port,
      int controllerPort,
      Map<String, String> overrides,
      Map<String, String> saslUsers)
      throws IOException {
    int brokerPort = port == 0 ? freePort() : port;
    int ctrlPort = controllerPort == 0 ? freePort() : controllerPort;
    Path logDir = dataDir.resolve("kafka");
    Files.createDirectories(logDir);

    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put(
        "listeners",
        "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://127.0.0.1:" + ctrlPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + ctrlPort);
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", "3");
    props.put("default.replication.factor", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    // Mentions carry their post time as record time, and replays (the bundled sample, backfills,
    // tests) are dated months back: with the default 7-day time retention the broker deleted whole
    // partitions minutes after they were written.
    // This broker is for local use: keep records regardless of age.
    props.put("log.retention.ms", "-1");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    props.put(ADD_PARTITIONS_TO_TXN_RETRY_MAX_MS, String.valueOf(ADD_PARTITIONS_TO_TXN_RETRY_MAX));
    String saslBootstrap = null;
    if (!saslUsers.isEmpty()) {
      int saslPort = freePort();
      saslBootstrap = host + ":" + saslPort;
      String listener = SASL_LISTENER + "://" + saslBootstrap;
      props.put("listeners", props.getProperty("listeners") + "," + listener);
      props.put("advertised.listeners", props.getProperty("advertised.listeners") + "," + listener);
      props.put(
          "listener.security.protocol.map",
          props.getProperty("listener.security.protocol.map")
              + ","
              + SASL_LISTENER
              + ":SASL_PLAINTEXT");
      String prefix = "listener.name." + SASL_LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
      props.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
      StringBuilder jaas =
          new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      saslUsers.forEach(
          (user, password) ->
              jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
      props.put(prefix + "plain.sasl.jaas.config", jaas.append(';').toString());
    }
    props.putAll(overrides);

    KafkaConfig config = new KafkaConfig(props, false);
    String bootstrap = host + ":" + brokerPort;
    // Kafka takes a controller listener that cannot bind for a fatal fault and halts the JVM, so
    // a taken controller port is found here, while it can still be reported
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", ctrlPort));
    } catch (IOException e) {
      throw cannotStart(bootstrap, ctrlPort, e.getMessage(), e);
    }
    format(logDir);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      // a half-started server (a port taken) keeps its threads alive, and the process with them
      server.shutdown();
      server.awaitShutdown();
      throw cannotStart(bootstrap, ctrlPort, rootMessage(e), e);
    }
    EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, saslBootstrap);
    try {
      kafka.awaitReady(Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
    LOG.info("Kafka broker ready on {} (data in {})", bootstrap, logDir);
    return kafka;
  }

  private static IllegalStateException cannotStart(
      String bootstrap, int ctrlPort, String detail, Exception cause) {
    return new IllegalStateException(
        "Cannot start the Kafka broker on "
            + bootstrap
            + " (controller port "
            + ctrlPort
            + "): "
            + detail,
        cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** Starts a broker on free ports under {@code dataDir}, for tests. */
  public static EmbeddedKafka startOnFreePorts(Path dataDir) throws IOException {
    return start(dataDir, "127.0.0.1", 0, 0, Map.of());
  }

  private static void format(Path logDir) throws IOException {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(print)
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .setDirectories(List.of(logDir.toString()))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .run();
    } catch (Exception e) {
      throw new IOException("Cannot format Kafka log directory " + logDir + ": " + e, e);
    }
    LOG.debug("format: {}", out.toString(StandardCharsets.UTF_8).trim());
  }

  private void awaitReady(Duration timeout) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "Kafka broker on " + bootstrapServers + " not ready after " + timeout, e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
      }
    }
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** {@code host:port} of the SASL_PLAINTEXT listener; fails if the broker has none. */
  public String saslBootstrapServers() {
    if (saslBootstrapServers == null) {
      throw new IllegalStateException("this broker has no SASL listener");
    }
    return saslBootstrapServers;
  }

  /** Returns a free TCP port on the loopback interface. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Kafka broker on {} stopped", bootstrapServers);
  }
}
