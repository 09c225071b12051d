package io.sociallistening.app.local;

import io.sociallistening.app.instance.SettingSources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Configuration of the one-command local stack ({@code social-listening demo}): where data lives,
 * which ports the embedded broker, registry and Connect worker use, and how fast the bundled sample
 * is replayed. Set with {@code --key=value} arguments or {@code SOCIAL_LISTENING_DEMO_} environment
 * variables (e.g. {@code SOCIAL_LISTENING_DEMO_KAFKA_PORT=19092}). A port of 0 is any free port
 * ({@code http.port} -1 is no HTTP server at all); a negative port or one above 65535 is refused
 * with an error naming the key.
 */
public final class LocalStackConfig extends AbstractConfig {
  public static final String ENV_PREFIX = "SOCIAL_LISTENING_DEMO_";
  public static final String DATA_DIR = "data.dir";
  public static final String HOST = "host";
  public static final String KAFKA_PORT = "kafka.port";
  public static final String CONTROLLER_PORT = "kafka.controller.port";
  public static final String REGISTRY_PORT = "registry.port";
  public static final String CONNECT_PORT = "connect.port";
  public static final String HTTP_PORT = "http.port";
  public static final String REPLAY_FILE = "replay.file";
  public static final String REPLAY_SPEEDUP = "replay.speedup";
  public static final String MALFORMED_RECORDS = "malformed.records";

  public static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              DATA_DIR,
              Type.STRING,
              "data",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Directory of the broker log, Connect offsets and state stores (kept between runs).")
          .define(
              HOST,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Address the broker, registry and Connect REST API listen on.")
          .define(
              KAFKA_PORT,
              Type.INT,
              9092,
              Range.between(0, 65535),
              Importance.MEDIUM,
              "Kafka broker port (0 = any free port; the one bound is printed at start).")
          .define(
              CONTROLLER_PORT,
              Type.INT,
              9093,
              Range.between(0, 65535),
              Importance.LOW,
              "KRaft controller port (0 = any free port).")
          .define(
              REGISTRY_PORT,
              Type.INT,
              8081,
              Range.between(0, 65535),
              Importance.MEDIUM,
              "Schema registry port (0 = any free port; the one bound is printed at start).")
          .define(
              CONNECT_PORT,
              Type.INT,
              8083,
              Range.between(0, 65535),
              Importance.MEDIUM,
              "Kafka Connect REST API port (0 = any free port; the one bound is printed at start).")
          .define(
              HTTP_PORT,
              Type.INT,
              8080,
              Range.between(-1, 65535),
              Importance.MEDIUM,
              "Port of the dashboard, REST API and metrics (-1 = none; 0 = any free port, the one"
                  + " bound is printed at start).")
          .define(
              REPLAY_FILE,
              Type.STRING,
              "classpath:sample/mentions.jsonl.gz",
              Importance.MEDIUM,
              "JSON-lines file of mentions the replay connector plays.")
          .define(
              REPLAY_SPEEDUP,
              Type.DOUBLE,
              600.0,
              Range.atLeast(0.0),
              Importance.MEDIUM,
              "Replay speed: 600 plays one minute of the sample timeline in 0.1 s; 0 = as fast as"
                  + " possible.")
          .define(
              MALFORMED_RECORDS,
              Type.INT,
              3,
              Range.between(0, 1000),
              Importance.LOW,
              "Undecodable records written to the raw topic at start, to show the dead-letter"
                  + " path.");

  public LocalStackConfig(Map<?, ?> props) {
    super(CONFIG, props, false);
  }

  /** {@code --key=value} arguments over environment variables over defaults. */
  public static LocalStackConfig load(Map<String, String> env, Map<String, String> args) {
    Map<String, String> props =
        new HashMap<>(SettingSources.fromEnv(env, ENV_PREFIX, CONFIG, List.of()));
    SettingSources.requireKnown(
        args,
        CONFIG,
        List.of(),
        "given as --key=value to demo (the topology's own settings are read from"
            + " SOCIAL_LISTENING_<KEY> variables)");
    props.putAll(args);
    return new LocalStackConfig(props);
  }

  public Path dataDir() {
    return Path.of(getString(DATA_DIR)).toAbsolutePath();
  }

  public String host() {
    return getString(HOST);
  }

  public int kafkaPort() {
    return getInt(KAFKA_PORT);
  }

  public int controllerPort() {
    return getInt(CONTROLLER_PORT);
  }

  public int registryPort() {
    return getInt(REGISTRY_PORT);
  }

  public int connectPort() {
    return getInt(CONNECT_PORT);
  }

  public int httpPort() {
    return getInt(HTTP_PORT);
  }

  public String replayFile() {
    return getString(REPLAY_FILE);
  }

  public double replaySpeedup() {
    return getDouble(REPLAY_SPEEDUP);
  }

  public int malformedRecords() {
    return getInt(MALFORMED_RECORDS);
  }
}
