package io.sociallistening.app.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.topology.validate.InputLimits;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class InstanceConfigLimitsTest {
  @Test
  void shouldReadInputLimitsFromEnvironmentAndArguments() {
    InstanceConfig config =
        InstanceConfig.load(
            Optional.empty(),
            Map.of("SOCIAL_LISTENING_INPUT_MAX_RECORD_BYTES", "65536"),
            Map.of("input.max.url.length", "512", "text.max.length", "5000"));

    assertThat(config.pipeline().inputLimits()).isEqualTo(new InputLimits(65536, 1000, 512, 256));
    assertThat(config.pipeline().maxTextLength()).isEqualTo(5000);
  }

  @Test
  void shouldRefuseANonPositiveLimitNamingTheKey() {
    assertThatThrownBy(
            () ->
                InstanceConfig.load(
                    Optional.empty(), Map.of(), Map.of("input.max.field.length", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("input.max.field.length");
  }

  @Test
  void shouldBoundDeadLettersByTheProducersMaxRequestSize() {
    assertThat(load(Map.of()).pipeline().inputLimits().maxDeadLetterBytes())
        .isEqualTo(InputLimits.DEFAULT_DEAD_LETTER_BYTES)
        .isEqualTo(896 * 1024);
    assertThat(
            load(Map.of("kafka.max.request.size", "8388608"))
                .pipeline()
                .inputLimits()
                .maxDeadLetterBytes())
        .isEqualTo(7 << 20);
    assertThat(
            load(Map.of(
                    "kafka.max.request.size", "8388608",
                    "kafka.producer.max.request.size", "2097152"))
                .pipeline()
                .inputLimits()
                .maxDeadLetterBytes())
        .isEqualTo(1792 * 1024);
  }

  @Test
  void shouldRefuseAnUnreadableMaxRequestSizeNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of("kafka.max.request.size", "lots")).pipeline())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.max.request.size");
  }

  private static InstanceConfig load(Map<String, String> arguments) {
    return InstanceConfig.load(Optional.empty(), Map.of(), arguments);
  }
}
