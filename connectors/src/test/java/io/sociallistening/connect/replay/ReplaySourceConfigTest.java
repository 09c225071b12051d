package io.sociallistening.connect.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ReplaySourceConfigTest {

  @Test
  void shouldDefaultToTheBundledSample() {
    ReplaySourceConfig config = new ReplaySourceConfig(Map.of());

    assertThat(config.file()).isEqualTo("classpath:sample/mentions.jsonl.gz");
    assertThat(config.topic()).isEqualTo("social.mentions.raw");
    assertThat(config.speedup()).isEqualTo(600.0);
    assertThat(config.rebase()).isTrue();
    assertThat(config.batchSize()).isEqualTo(500);
    assertThat(config.loop()).isFalse();
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("replay.speedup", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value -1.0 for configuration replay.speedup: Value must be at least 0.0");
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("replay.speedup", "fast")))
        .hasMessageContaining("replay.speedup");
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("replay.batch.size", "0")))
        .hasMessage(
            "Invalid value 0 for configuration replay.batch.size: Value must be at least 1");
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("replay.rebase", "maybe")))
        .hasMessageContaining("replay.rebase");
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("replay.file", "")))
        .hasMessageContaining("replay.file");
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("replay.file", "classpath:")))
        .hasMessage(
            "Invalid value classpath: for configuration replay.file: names no classpath resource");
    assertThatThrownBy(() -> new ReplaySourceConfig(Map.of("topic", "")))
        .hasMessageContaining("topic");
  }

  @Test
  void shouldRefuseToStartOnAMissingFile() {
    ReplaySourceConnector connector = new ReplaySourceConnector();

    assertThatThrownBy(() -> connector.start(Map.of("replay.file", "/no/such/mentions.jsonl")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value /no/such/mentions.jsonl for configuration replay.file: no such readable"
                + " file or classpath resource");
    assertThatThrownBy(
            () -> connector.start(Map.of("replay.file", "classpath:sample/missing.jsonl.gz")))
        .hasMessageContaining("replay.file");
  }

  @Test
  void shouldStartOneTaskOnTheBundledSample() {
    ReplaySourceConnector connector = new ReplaySourceConnector();

    connector.start(Map.of());

    assertThat(connector.taskConfigs(4)).containsExactly(Map.of());
    assertThat(connector.taskClass()).isEqualTo(ReplaySourceTask.class);
  }
}
