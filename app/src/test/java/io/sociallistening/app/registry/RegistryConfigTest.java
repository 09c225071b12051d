package io.sociallistening.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {
  @Test
  void shouldReadTheInstanceEnvironmentAndPassKafkaSettingsThrough() {
    RegistryConfig config =
        RegistryConfig.load(
            Map.of(
                "SOCIAL_LISTENING_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "SOCIAL_LISTENING_REGISTRY_PORT", "18081",
                "SOCIAL_LISTENING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "OTHER_VARIABLE", "ignored"),
            Map.of("registry.replication.factor", "3"));

    assertThat(config.port()).isEqualTo(18081);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.topic()).isEqualTo("_schemas");
    assertThat(config.replication()).isEqualTo((short) 3);
    assertThat(config.kafkaClientConfig())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bootstrap.servers", "kafka-1:9092,kafka-2:9092",
                "security.protocol", "SASL_SSL"));
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> RegistryConfig.load(Map.of(), Map.of("registry.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("registry.port");
  }

  @Test
  void shouldAcceptBrokersAsKafkaClientsDo() {
    RegistryConfig config =
        RegistryConfig.load(
            Map.of(), Map.of("bootstrap.servers", "kafka-1:9092, [::1]:9093,SASL_SSL://k3:9094"));

    assertThat(config.kafkaClientConfig().get("bootstrap.servers"))
        .isEqualTo("kafka-1:9092,[::1]:9093,SASL_SSL://k3:9094");
  }
}
