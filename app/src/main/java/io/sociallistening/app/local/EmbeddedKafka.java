package io.sociallistening.app.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import kafka.server.StandardFaultHandlerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.network.SocketServerConfigs;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller) running in this
 * JVM, for the local stack and integration tests. The log directory is formatted on first start and
 * reused afterwards, so a second start over the same directory keeps topics, offsets and data.
 *
 * <p>Every listener's socket (broker, controller, SASL) is bound here, before Kafka starts, and
 * handed to Kafka already bound. So port 0 means any free port for each of them, the controller
 * included (whose port must be known before start, as the quorum's voter address), with no moment
 * between choosing a port and binding it in which another process could take it; and a taken port
 * is reported before anything has started.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;

  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

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

  private final Node node;
  private final String bootstrapServers;
  private final int controllerPort;
  private final String saslBootstrapServers;

  private EmbeddedKafka(
      Node node, String bootstrapServers, int controllerPort, String saslBootstrapServers) {
    this.node = node;
    this.bootstrapServers = bootstrapServers;
    this.controllerPort = controllerPort;
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

  /**
   * Starts a broker whose PLAINTEXT listener is {@code listener}, a server socket the caller has
   * already bound (the broker advertises its address and port), with its controller on a free port.
   * The broker owns the socket from then on and closes it when it stops or fails to start. Clients
   * that connect before the broker runs wait in the socket's backlog and are answered once it does.
   */
  public static EmbeddedKafka start(
      Path dataDir, ServerSocketChannel listener, Map<String, String> overrides)
      throws IOException {
    InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
    if (address == null) {
      listener.close();
      throw new IllegalArgumentException("the broker's listener socket is not bound");
    }
    PreboundSockets sockets = new PreboundSockets();
    try {
      sockets.add(BROKER_LISTENER, listener);
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
    return start(dataDir, address.getHostString(), sockets, 0, overrides, Map.of());
  }

  private static EmbeddedKafka start(
      Path dataDir,
      String host,
      int port,
      int controllerPort,
      Map<String, String> overrides,
      Map<String, String> saslUsers)
      throws IOException {
    PreboundSockets sockets = new PreboundSockets();
    try {
      sockets.bind(BROKER_LISTENER, host, port);
    } catch (IOException | RuntimeException e) {
      sockets.close();
      throw cannotStart(host + ":" + port, controllerPort, rootMessage(e), e);
    }
    return start(dataDir, host, sockets, controllerPort, overrides, saslUsers);
  }

  /** Starts the broker on {@code sockets}, which hold its bound PLAINTEXT listener. */
  private static EmbeddedKafka start(
      Path dataDir,
      String host,
      PreboundSockets sockets,
      int controllerPort,
      Map<String, String> overrides,
      Map<String, String> saslUsers)
      throws IOException {
    try {
      return launch(dataDir, host, sockets, controllerPort, overrides, saslUsers);
    } finally {
      // the sockets no listener took: all of them when the start failed before Kafka opened its
      // listeners (Kafka closes the ones it took when it stops)
      sockets.close();
    }
  }

  private static EmbeddedKafka launch(
      Path dataDir,
      String host,
      PreboundSockets sockets,
      int controllerPort,
      Map<String, String> overrides,
      Map<String, String> saslUsers)
      throws IOException {
    int brokerPort = sockets.port(BROKER_LISTENER);
    String bootstrap = host + ":" + brokerPort;
    // Kafka takes a controller listener that cannot bind for a fatal fault and halts the JVM;
    // bound here, a taken controller port is reported instead
    int ctrlPort;
    try {
      ctrlPort = sockets.bind(CONTROLLER_LISTENER, "127.0.0.1", controllerPort);
    } catch (IOException | RuntimeException e) {
      throw cannotStart(bootstrap, controllerPort, rootMessage(e), e);
    }
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
      try {
        saslBootstrap = host + ":" + sockets.bind(SASL_LISTENER, host, 0);
      } catch (IOException | RuntimeException e) {
        throw cannotStart(bootstrap, ctrlPort, rootMessage(e), e);
      }
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
    format(logDir);
    Node node;
    try {
      node = Node.create(config, sockets);
    } catch (Exception e) {
      // Kafka's Scala code also throws checked exceptions (a metrics reporter class not found)
      throw cannotStart(bootstrap, ctrlPort, rootMessage(e), e);
    }
    try {
      node.startup();
    } catch (Exception e) {
      // a half-started server keeps its threads alive, and the process with them; the broker
      // rethrows whatever stopped it, checked exceptions included (a failed wait on its startup)
      node.shutdown();
      node.awaitShutdown();
      throw cannotStart(bootstrap, ctrlPort, rootMessage(e), e);
    }
    EmbeddedKafka kafka = new EmbeddedKafka(node, bootstrap, ctrlPort, saslBootstrap);
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

  /** The port of the KRaft controller's listener (on 127.0.0.1), the one bound. */
  int controllerPort() {
    return controllerPort;
  }

  /** {@code host:port} of the SASL_PLAINTEXT listener; fails if the broker has none. */
  public String saslBootstrapServers() {
    if (saslBootstrapServers == null) {
      throw new IllegalStateException("this broker has no SASL listener");
    }
    return saslBootstrapServers;
  }

  @Override
  public void close() {
    node.shutdown();
    node.awaitShutdown();
    LOG.info("Kafka broker on {} stopped", bootstrapServers);
  }

  /**
   * The combined broker and controller, built, started (controller, then broker) and stopped
   * (broker, then controller) as {@link KafkaRaftServer} does, but with listener sockets bound
   * beforehand ({@code KafkaRaftServer} always binds its own). Left out: its optional MX4J HTTP
   * adaptor ({@code -Dkafka_mx4jenable=true}).
   */
  private record Node(
      BrokerServer broker, ControllerServer controller, Metrics metrics, KafkaConfig config) {
    static Node create(KafkaConfig config, ServerSocketFactory sockets) {
      Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> dirs =
          KafkaRaftServer.initializeLogDirs(config, LOG, "[EmbeddedKafka] ");
      Metrics metrics =
          Server.initializeMetrics(config, Time.SYSTEM, dirs._1().clusterId().orElseThrow());
      try {
        SharedServer shared =
            new SharedServer(
                config,
                dirs._1(),
                Time.SYSTEM,
                metrics,
                CompletableFuture.completedFuture(
                    QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
                QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
                new StandardFaultHandlerFactory(),
                sockets);
        return new Node(
            new BrokerServer(shared),
            new ControllerServer(shared, KafkaRaftServer.configSchema(), dirs._2()),
            metrics,
            config);
      } catch (Exception e) {
        // the shared server closes the metrics when it stops; it never started, and the metrics'
        // sensor expiry thread would outlive the failed start
        Utils.closeQuietly(metrics, "metrics");
        throw e;
      }
    }

    void startup() {
      controller.startup();
      broker.startup();
      AppInfoParser.registerAppInfo(
          Server.MetricsPrefix(),
          Integer.toString(config.brokerId()),
          metrics,
          Time.SYSTEM.milliseconds());
    }

    void shutdown() {
      broker.shutdown();
      controller.shutdown();
      AppInfoParser.unregisterAppInfo(
          Server.MetricsPrefix(), Integer.toString(config.brokerId()), metrics);
    }

    void awaitShutdown() {
      broker.awaitShutdown();
      controller.awaitShutdown();
    }
  }

  /**
   * Listener sockets bound before Kafka starts, handed to Kafka's socket servers by listener name
   * when they open their listeners. Each socket is handed over once, and is Kafka's from then on
   * (it closes it when the listener stops); a listener without a socket here, or opened again, is
   * bound as Kafka does. They are bound with Kafka's default backlog ({@code
   * socket.listen.backlog.size} of the overrides does not apply to them).
   */
  static final class PreboundSockets implements ServerSocketFactory, AutoCloseable {
    private final Map<String, ServerSocketChannel> sockets = new HashMap<>();

    /** Binds {@code host:port} (0 = any free port) for {@code listener}; returns the port. */
    synchronized int bind(String listener, String host, int port) throws IOException {
      ServerSocketChannel socket =
          ServerSocketFactory.INSTANCE.openServerSocket(
              listener,
              new InetSocketAddress(host, port),
              SocketServerConfigs.SOCKET_LISTEN_BACKLOG_SIZE_DEFAULT,
              -1);
      add(listener, socket);
      return port(listener);
    }

    synchronized void add(String listener, ServerSocketChannel socket) throws IOException {
      socket.configureBlocking(false);
      sockets.put(listener, socket);
    }

    synchronized int port(String listener) throws IOException {
      return ((InetSocketAddress) sockets.get(listener).getLocalAddress()).getPort();
    }

    @Override
    public synchronized ServerSocketChannel openServerSocket(
        String listenerName, InetSocketAddress address, int backlog, int recvBufferSize)
        throws IOException {
      ServerSocketChannel socket = sockets.remove(listenerName);
      if (socket == null) {
        return ServerSocketFactory.INSTANCE.openServerSocket(
            listenerName, address, backlog, recvBufferSize);
      }
      try {
        if (recvBufferSize != -1) {
          // connections accepted from now on take it; Kafka would have set it before binding
          socket.socket().setReceiveBufferSize(recvBufferSize);
        }
      } catch (IOException | RuntimeException e) {
        Utils.closeQuietly(socket, listenerName + " listener socket");
        throw e;
      }
      return socket;
    }

    /** Closes the sockets no listener took. */
    @Override
    public synchronized void close() {
      sockets.forEach(
          (listener, socket) -> Utils.closeQuietly(socket, listener + " listener socket"));
      sockets.clear();
    }
  }
}
