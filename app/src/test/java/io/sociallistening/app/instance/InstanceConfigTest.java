package io.sociallistening.app.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.app.web.WebServer;
import io.sociallistening.topology.validate.SkipUndecodableRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceConfigTest {
  private static InstanceConfig load(Map<String, String> env, Map<String, String> overrides) {
    return InstanceConfig.load(Optional.empty(), env, overrides);
  }

  @Test
  void shouldRefuseAnEmptyStateDirOrHttpHostNamingTheKey() {
    // an empty state.dir failed only in Kafka Streams, after the topics were created, without the
    // key; an empty http.host bound the loopback address, out of reach of other hosts
    for (String key : new String[] {InstanceConfig.STATE_DIR, InstanceConfig.HTTP_HOST}) {
      assertThatThrownBy(() -> load(Map.of(), Map.of(key, "")))
          .isInstanceOf(ConfigException.class)
          .hasMessage("Invalid value  for configuration " + key + ": String must be non-empty");
      assertThatThrownBy(
              () ->
                  load(
                      Map.of(SettingSources.envName(InstanceConfig.ENV_PREFIX, key), " "),
                      Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("for configuration " + key + ": String must be non-empty");
    }
  }

  @Test
  void shouldPassStandbyReplicasThroughToStreams() {
    InstanceConfig config =
        load(Map.of("SOCIAL_LISTENING_KAFKA_NUM_STANDBY_REPLICAS", "2"), Map.of());

    StreamsConfig streams = new StreamsConfig(config.streamsProperties());

    assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(2);
  }

  @Test
  void shouldBoundTheNearDedupIndexByTextTooUnlessSetOtherwise() {
    InstanceConfig defaults = load(Map.of(), Map.of());
    InstanceConfig set = load(Map.of(), Map.of(InstanceConfig.DEDUP_NEAR_MAX_TEXT_CHARS, "250000"));

    assertThat(defaults.pipeline().nearDedup().maxTextChars()).isEqualTo(10_000_000L);
    assertThat(set.pipeline().nearDedup().maxTextChars()).isEqualTo(250_000L);
  }

  @Test
  void shouldBatchProducerRecordsBy128KibUnlessKafkaSettingsSayOtherwise() {
    StreamsConfig defaults = new StreamsConfig(load(Map.of(), Map.of()).streamsProperties());
    StreamsConfig overridden =
        new StreamsConfig(
            load(Map.of(), Map.of(InstanceConfig.KAFKA_PREFIX + "batch.size", "32768"))
                .streamsProperties());

    assertThat(defaults.getProducerConfigs("c").get("batch.size")).isEqualTo(131_072);
    assertThat(overridden.getProducerConfigs("c").get("batch.size")).isEqualTo("32768");
  }

  @Test
  void shouldSkipUndecodableRecordsAndNotWaitForEmptyInputsUnlessKafkaSettingsSayOtherwise() {
    StreamsConfig defaults = new StreamsConfig(load(Map.of(), Map.of()).streamsProperties());
    StreamsConfig overridden =
        new StreamsConfig(
            load(
                    Map.of(),
                    Map.of(
                        InstanceConfig.KAFKA_PREFIX + "deserialization.exception.handler",
                        LogAndFailExceptionHandler.class.getName(),
                        InstanceConfig.KAFKA_PREFIX + "max.task.idle.ms",
                        "0"))
                .streamsProperties());

    assertThat(defaults.deserializationExceptionHandler())
        .isInstanceOf(SkipUndecodableRecords.class);
    assertThat(defaults.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
    assertThat(overridden.deserializationExceptionHandler())
        .isInstanceOf(LogAndFailExceptionHandler.class);
    assertThat(overridden.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isZero();
  }

  @Test
  void shouldBoundRocksDbMemoryBy128MibUnlessKafkaSettingsSayOtherwise() {
    Properties defaults = load(Map.of(), Map.of()).streamsProperties();
    Properties sized =
        load(Map.of("SOCIAL_LISTENING_ROCKSDB_MEMORY_BYTES", "268435456"), Map.of())
            .streamsProperties();
    Properties overridden =
        load(
                Map.of(),
                Map.of(
                    InstanceConfig.KAFKA_PREFIX + StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                    "com.example.OwnRocksDbConfig"))
            .streamsProperties();

    assertThat(defaults.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbMemory.class);
    assertThat(defaults.get(InstanceConfig.ROCKSDB_MEMORY_BYTES)).isEqualTo(134_217_728L);
    assertThat(sized.get(InstanceConfig.ROCKSDB_MEMORY_BYTES)).isEqualTo(268_435_456L);
    assertThat(overridden.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo("com.example.OwnRocksDbConfig");
  }

  @Test
  void shouldRefuseTwoKeysNamingTheSameTopicNamingBoth() {
    InstanceConfig config =
        load(Map.of(), Map.of(InstanceConfig.TOPIC_DEAD_LETTERS, "social.mentions.raw"));

    assertThatThrownBy(config::topics)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value social.mentions.raw for configuration topic.dead.letters: topic.raw"
                + " names the same topic; every topic of the pipeline must be its own");
  }

  @Test
  void shouldKeepStateOutOfTheSystemsTemporaryDirectoryByDefault() {
    String stateDir = load(Map.of(), Map.of()).getString(InstanceConfig.STATE_DIR);

    // relative, so in the working directory, and not the system's temporary directory
    assertThat(Path.of(stateDir).isAbsolute()).isFalse();
    assertThat(stateDir).isEqualTo("social-listening-state");
  }

  @Test
  void shouldAcceptZeroAsNoRocksDbBound() {
    Properties props =
        load(Map.of(), Map.of(InstanceConfig.ROCKSDB_MEMORY_BYTES, "0")).streamsProperties();

    assertThat(props.get(InstanceConfig.ROCKSDB_MEMORY_BYTES)).isEqualTo(0L);
  }

  @Test
  void shouldRefuseARocksDbBoundBelow16MibNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of(), Map.of(InstanceConfig.ROCKSDB_MEMORY_BYTES, "1000000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value 1000000 for configuration rocksdb.memory.bytes: must be 0 (no bound)"
                + " or at least 16777216");
    assertThatThrownBy(() -> load(Map.of(), Map.of(InstanceConfig.ROCKSDB_MEMORY_BYTES, "128MiB")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rocksdb.memory.bytes");
  }

  @Test
  void shouldServeNoHttpUnlessAPortIsSet() {
    assertThat(load(Map.of(), Map.of()).http()).isEmpty();
    assertThat(load(Map.of(), Map.of()).shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldReadHttpSettingsWithTheTokenFromTheEnvironment() {
    InstanceConfig config =
        load(
            Map.of("SOCIAL_LISTENING_HTTP_TOKEN", "t0k"),
            Map.of(InstanceConfig.HTTP_PORT, "0", InstanceConfig.HTTP_ADVERTISED_HOST, "node-1"));

    assertThat(config.http())
        .contains(
            new InstanceConfig.HttpSettings("0.0.0.0", 0, "node-1", Optional.of("t0k"), 64, 16));
    assertThat(config.toString()).doesNotContain("t0k");
  }

  @Test
  void shouldTellWhenTheApiAnswersOtherHostsWithoutAToken() {
    Map<String, String> port = Map.of(InstanceConfig.HTTP_PORT, "0");
    // the defaults: every interface, no token; an empty token is no token
    assertThat(load(Map.of(), port).http().orElseThrow().openToOtherHosts()).isTrue();
    assertThat(
            load(Map.of("SOCIAL_LISTENING_HTTP_TOKEN", ""), port)
                .http()
                .orElseThrow()
                .openToOtherHosts())
        .isTrue();
    assertThat(
            load(Map.of("SOCIAL_LISTENING_HTTP_TOKEN", "t0k"), port)
                .http()
                .orElseThrow()
                .openToOtherHosts())
        .isFalse();
    for (String loopback : List.of("127.0.0.1", "localhost", "::1")) {
      assertThat(
              load(
                      Map.of(),
                      Map.of(InstanceConfig.HTTP_PORT, "0", InstanceConfig.HTTP_HOST, loopback))
                  .http()
                  .orElseThrow()
                  .openToOtherHosts())
          .as(loopback)
          .isFalse();
    }
  }

  @Test
  void shouldRefuseAPortOutOfRangeNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of(), Map.of(InstanceConfig.HTTP_PORT, "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port");
  }

  @Test
  void shouldAdvertiseTheBoundPortAsApplicationServer() {
    InstanceConfig config =
        load(
            Map.of(),
            Map.of(
                InstanceConfig.HTTP_HOST, "127.0.0.1",
                InstanceConfig.HTTP_PORT, "0",
                InstanceConfig.HTTP_ADVERTISED_HOST, "node-1"));
    try (WebServer web = WebServer.bind(config).orElseThrow()) {
      Properties props = config.streamsProperties();
      web.configure(props);

      assertThat(web.port()).isPositive();
      assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG))
          .isEqualTo("node-1:" + web.port());
      assertThat(web.url()).isEqualTo("http://node-1:" + web.port());
    }
  }

  @Test
  void shouldSetAKeyWithADashFromItsEnvironmentVariable() {
    InstanceConfig config =
        load(
            Map.of(
                "SOCIAL_LISTENING_TOPIC_SHARE_OF_VOICE_1M", "sov-minutes",
                "SOCIAL_LISTENING_KAFKA_SASL_MECHANISM", "PLAIN"),
            Map.of());

    assertThat(config.topics().shareOfVoice1m()).isEqualTo("sov-minutes");
    assertThat(config.kafkaClientConfig()).containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void shouldRefuseAnUnknownKeyGivenAsAnArgumentNamingIt() {
    assertThatThrownBy(() -> load(Map.of(), Map.of("crisis.min.volme", "3", "replay-speedup", "6")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Unknown settings 'crisis.min.volme', 'replay-speedup' given as --key=value; settings"
                + " passed through start with kafka. or schema.registry. or basic.auth.");
    // pass-through keys are the clients' to check
    assertThat(load(Map.of(), Map.of("kafka.linger.ms", "5")).kafkaClientConfig())
        .containsEntry("linger.ms", "5");
  }

  @Test
  void shouldRefuseAnUnknownKeyInTheConfigFileNamingTheFile(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("my.properties"), "bootstrap.servers=b:9092\nnum.stream.thread=2\n");

    assertThatThrownBy(() -> InstanceConfig.load(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Unknown setting 'num.stream.thread' in " + file + ";");
  }

  @Test
  void shouldLeaveTheLocalStacksVariablesToIt() {
    // an unknown variable is not refused (the environment is shared by the commands), and the
    // local stack's own variables do not reach the instance at all
    InstanceConfig config =
        load(
            Map.of("SOCIAL_LISTENING_DEMO_KAFKA_PORT", "19092", "SOCIAL_LISTENING_NOT_A_KEY", "x"),
            Map.of());

    assertThat(config.originals()).doesNotContainKey("demo.kafka.port").containsKey("not.a.key");
  }
}
