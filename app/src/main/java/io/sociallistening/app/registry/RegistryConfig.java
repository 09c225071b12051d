package io.sociallistening.app.registry;

import io.sociallistening.app.instance.BootstrapServers;
import io.sociallistening.app.instance.SettingSources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of the stand-alone schema registry ({@code social-listening registry}): where it
 * listens and the Kafka topic that stores the schemas. Defaults, then environment variables with
 * the instance's prefix ({@code SOCIAL_LISTENING_BOOTSTRAP_SERVERS}, {@code
 * SOCIAL_LISTENING_REGISTRY_PORT}, ...), then {@code --key=value} arguments. Kafka client settings
 * (security) pass through under {@code kafka.}, as for the instance.
 */
public final class RegistryConfig extends AbstractConfig {
  public static final String ENV_PREFIX = "SOCIAL_LISTENING_";
  public static final String KAFKA_PREFIX = "kafka.";

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String HOST = "registry.host";
  public static final String PORT = "registry.port";
  public static final String TOPIC = "registry.topic";
  public static final String REPLICATION = "registry.replication.factor";

  private static final String GROUP = "Registry";

  public static final ConfigDef CONFIG = definition();

  public RegistryConfig(Map<?, ?> props) {
    super(CONFIG, props, false);
  }

  private static ConfigDef definition() {
    int order = 0;
    return new ConfigDef()
        .define(
            BOOTSTRAP_SERVERS,
            Type.LIST,
            "127.0.0.1:9092",
            new BootstrapServers(),
            Importance.HIGH,
            "Kafka brokers holding the schema topic, host:port, comma-separated.",
            GROUP,
            ++order,
            ConfigDef.Width.LONG,
            BOOTSTRAP_SERVERS)
        .define(
            HOST,
            Type.STRING,
            "0.0.0.0",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Interface the registry's HTTP API listens on.",
            GROUP,
            ++order,
            ConfigDef.Width.MEDIUM,
            HOST)
        .define(
            PORT,
            Type.INT,
            8081,
            Range.between(0, 65535),
            Importance.MEDIUM,
            "Port of the registry's HTTP API (the Confluent Schema Registry REST API).",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            PORT)
        .define(
            TOPIC,
            Type.STRING,
            "_schemas",
            new ConfigDef.NonEmptyString(),
            Importance.LOW,
            "Compacted single-partition topic storing the schemas (created if missing).",
            GROUP,
            ++order,
            ConfigDef.Width.MEDIUM,
            TOPIC)
        .define(
            REPLICATION,
            Type.SHORT,
            (short) 1,
            Range.atLeast(1),
            Importance.LOW,
            "Replication factor of the schema topic when it is created.",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            REPLICATION);
  }

  /** Defaults, then {@code env} entries with the {@link #ENV_PREFIX}, then {@code overrides}. */
  public static RegistryConfig load(Map<String, String> env, Map<String, String> overrides) {
    Map<String, Object> props =
        new HashMap<>(
            SettingSources.fromEnv(env, ENV_PREFIX, CONFIG, List.of("SOCIAL_LISTENING_DEMO_")));
    SettingSources.requireKnown(overrides, CONFIG, List.of(KAFKA_PREFIX), "given as --key=value");
    props.putAll(overrides);
    return new RegistryConfig(props);
  }

  public String host() {
    return getString(HOST);
  }

  public int port() {
    return getInt(PORT);
  }

  public String topic() {
    return getString(TOPIC);
  }

  public short replication() {
    return getShort(REPLICATION);
  }

  /** Kafka client settings of the schema store: {@code kafka.*} (prefix removed) and brokers. */
  public Map<String, Object> kafkaClientConfig() {
    Map<String, Object> out = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
    out.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
    return out;
  }
}
