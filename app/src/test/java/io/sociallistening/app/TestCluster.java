package io.sociallistening.app;

import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.local.EmbeddedKafka;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the integration tests run on: an in-process broker on free ports, a schema registry on it
 * ({@code 127.0.0.1}, a free port, schemas kept in the broker), a client of that registry, and the
 * instance config that runs a pipeline on them. {@link #close()} stops them in reverse order.
 */
final class TestCluster implements AutoCloseable {
  final EmbeddedKafka kafka;
  final EmbeddedSchemaRegistry registryServer;
  final SchemaRegistry registry;
  private final Path dataDir;

  private TestCluster(
      EmbeddedKafka kafka,
      EmbeddedSchemaRegistry registryServer,
      SchemaRegistry registry,
      Path dataDir) {
    this.kafka = kafka;
    this.registryServer = registryServer;
    this.registry = registry;
    this.dataDir = dataDir;
  }

  /** Starts a broker with its data under {@code dataDir}, then the registry. */
  static TestCluster start(Path dataDir) throws IOException {
    EmbeddedKafka kafka = EmbeddedKafka.startOnFreePorts(dataDir);
    EmbeddedSchemaRegistry registryServer = null;
    try {
      registryServer =
          EmbeddedSchemaRegistry.start(
              "127.0.0.1",
              0,
              KafkaSchemaStore.open(Map.of("bootstrap.servers", kafka.bootstrapServers())));
      SchemaRegistry registry =
          SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryServer.url()));
      return new TestCluster(kafka, registryServer, registry, dataDir);
    } catch (RuntimeException e) {
      if (registryServer != null) {
        registryServer.close();
      }
      kafka.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /**
   * The config of an instance {@code applicationId} on this cluster: state under the data
   * directory, the rules {@code rulesJsonl} written to a file there, commits every 200 ms.
   */
  InstanceConfig instanceConfig(String applicationId, String rulesJsonl) throws IOException {
    Path rules = dataDir.resolve("rules.jsonl");
    Files.writeString(rules, rulesJsonl);
    return InstanceConfig.load(
        Optional.empty(),
        Map.of(),
        Map.of(
            InstanceConfig.APPLICATION_ID,
            applicationId,
            InstanceConfig.BOOTSTRAP_SERVERS,
            kafka.bootstrapServers(),
            InstanceConfig.SCHEMA_REGISTRY_URL,
            registryServer.url(),
            InstanceConfig.STATE_DIR,
            dataDir.resolve("state").toString(),
            InstanceConfig.RULES_FILE,
            rules.toString(),
            "kafka.commit.interval.ms",
            "200"));
  }

  @Override
  public void close() throws Exception {
    try (kafka;
        registryServer;
        registry) {
      // closed in reverse order: registry client, registry, broker
    }
  }
}
