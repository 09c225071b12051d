package io.sociallistening.app.instance;

import io.sociallistening.app.web.WebServer;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.topology.PipelineSettings;
import io.sociallistening.topology.Scorers;
import io.sociallistening.topology.SocialListeningTopology;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.match.Rules;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running topology instance: creates missing topics, seeds the rules topic with the bootstrap
 * rules it never held ({@link RuleSeeder}), builds and starts Kafka Streams. Start more instances
 * with the same {@code application.id} to scale out.
 */
public final class Instance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Instance.class);

  /** How long reading the rules topic to its end at start-up may take. */
  private static final Duration RULES_TOPIC_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaStreams streams;
  private final SchemaRegistry registry;
  private final RuleBook rules;
  private final Lifecycle lifecycle = new Lifecycle();
  private final Optional<WebServer> web;
  private final Duration shutdownTimeout;

  private Instance(
      KafkaStreams streams,
      SchemaRegistry registry,
      RuleBook rules,
      Optional<WebServer> web,
      Duration shutdownTimeout) {
    this.streams = streams;
    this.registry = registry;
    this.rules = rules;
    this.web = web;
    this.shutdownTimeout = shutdownTimeout;
  }

  /** Prepares topics and rules, then starts the topology; returns once Streams is starting. */
  public static Instance start(InstanceConfig config) {
    StateDirCheck.ensureFree(
        config.getString(InstanceConfig.STATE_DIR),
        config.getString(InstanceConfig.APPLICATION_ID));
    PipelineSettings settings = config.pipeline().withIdPartitions(config.topicPartitions());
    SchemaRegistry registry = SchemaRegistries.fromConfig(config.registryClientConfig());
    try {
      return start(config, settings, registry);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  /** The rules of {@code file} (JSON lines); a line that is not a rule is logged and ignored. */
  private static List<Rule> readRulesFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Rules.readJsonLines(
          reader,
          warning -> LOG.warn("{} {}: {}, ignored", InstanceConfig.RULES_FILE, file, warning));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read " + InstanceConfig.RULES_FILE + " " + file + ": " + e, e);
    }
  }

  private static Instance start(
      InstanceConfig config, PipelineSettings settings, SchemaRegistry registry) {
    // The rules file is read before anything touches the cluster: a missing or unreadable file
    // stops the start naming the file, not after the topics were created (up to 30 s on a cluster
    // that does not answer).
    Optional<Path> rulesFile = config.rulesFile();
    Optional<List<Rule>> seedRules = rulesFile.map(Instance::readRulesFile);
    // So are the Kafka Streams settings (kafka.* included): a bad value is named at once (parsed,
    // not built into a StreamsConfig, which would log every value a second time).
    StreamsConfig.configDef().parse(config.streamsProperties());
    if (config.createTopics()) {
      TopicSetup.createMissing(
          config.kafkaClientConfig(),
          settings.topics(),
          config.topicPartitions(),
          config.topicReplication());
    }
    if (seedRules.isPresent()) {
      RuleSeeder.seed(
          config.kafkaClientConfig(),
          registry,
          settings.topics().rules(),
          rulesFile.get(),
          seedRules.get(),
          RULES_TOPIC_TIMEOUT);
    }
    RuleBook rules = new RuleBook();
    Topology topology =
        SocialListeningTopology.build(
            settings, registry, rules, Scorers.loadDefault(settings.leadThreshold()));
    Optional<WebServer> web = WebServer.bind(config);
    Properties properties = config.streamsProperties();
    web.ifPresent(server -> server.configure(properties));
    KafkaStreams streams;
    try {
      streams = new KafkaStreams(topology, properties);
    } catch (RuntimeException e) {
      // the port is bound: free it for the next attempt
      web.ifPresent(WebServer::close);
      throw new IllegalStateException("Cannot create Kafka Streams: " + e.getMessage(), e);
    }
    Instance instance = new Instance(streams, registry, rules, web, config.shutdownTimeout());
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Stream thread failed; stopping this instance", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          instance.lifecycle.onChange(now, before);
          if (now == KafkaStreams.State.RUNNING && rules.rules().rules().isEmpty()) {
            // nothing is matched, so nothing is enriched, counted or alerted: say why
            LOG.warn(
                "No brand rules are in force: {} holds none and no {} seeded any; publish rules"
                    + " with `social-listening rules publish FILE`",
                settings.topics().rules(),
                InstanceConfig.RULES_FILE);
          }
        });
    streams.setGlobalStateRestoreListener(new RestoreLog());
    streams.start();
    web.ifPresent(server -> server.start(streams, rules, registry));
    return instance;
  }

  /** The HTTP server (API, dashboard, metrics), when {@code http.port} is set. */
  public Optional<WebServer> web() {
    return web;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public RuleBook rules() {
    return rules;
  }

  /** Waits until Streams is RUNNING. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /** Blocks until the topology stops. */
  public void awaitStop() throws InterruptedException {
    lifecycle.awaitStop();
  }

  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return lifecycle.awaitStop(timeout);
  }

  /** Whether the topology stopped because it failed, not because it was closed. */
  public boolean failed() {
    return lifecycle.failed();
  }

  /**
   * Stops serving, then closes Streams within the shutdown timeout: it commits, flushes and leaves
   * the group, so the other instances take over this one's partitions at once instead of after the
   * consumer's session timeout (45 s by default), then the registry client.
   */
  @Override
  public void close() {
    web.ifPresent(WebServer::close);
    boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(shutdownTimeout));
    if (!closed) {
      LOG.warn(
          "Kafka Streams did not close within shutdown.timeout.ms ({} ms): the last commit may not"
              + " have been made, and the instance may not have left the group",
          shutdownTimeout.toMillis());
    }
    registry.close();
  }
}
