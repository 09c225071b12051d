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
}
