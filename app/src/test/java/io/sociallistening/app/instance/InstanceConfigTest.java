package io.sociallistening.app.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.app.web.WebServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;

class InstanceConfigTest {
  private static InstanceConfig load(Map<String, String> env, Map<String, String> overrides) {
    return InstanceConfig.load(Optional.empty(), env, overrides);
  }

  @Test
  void shouldPassStandbyReplicasThroughToStreams() {
    InstanceConfig config =
        load(Map.of("SOCIAL_LISTENING_KAFKA_NUM_STANDBY_REPLICAS", "2"), Map.of());

    StreamsConfig streams = new StreamsConfig(config.streamsProperties());

    assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(2);
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
        .isInstanceOf(LogAndContinueExceptionHandler.class);
    assertThat(defaults.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(-1L);
    assertThat(overridden.deserializationExceptionHandler())
        .isInstanceOf(LogAndFailExceptionHandler.class);
    assertThat(overridden.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isZero();
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
        .contains(new InstanceConfig.HttpSettings("0.0.0.0", 0, "node-1", Optional.of("t0k")));
    assertThat(config.toString()).doesNotContain("t0k");
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
}
