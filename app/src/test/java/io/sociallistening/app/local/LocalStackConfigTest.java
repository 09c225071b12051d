package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {
  @Test
  void shouldRefuseAnEmptyDataDirOrHostNamingTheKey() {
    // an empty data.dir put the broker log, Connect offsets and state stores in the working
    // directory; an empty host made the broker listen on every interface
    for (String key : new String[] {LocalStackConfig.DATA_DIR, LocalStackConfig.HOST}) {
      assertThatThrownBy(() -> LocalStackConfig.load(Map.of(), Map.of(key, "")))
          .isInstanceOf(ConfigException.class)
          .hasMessage("Invalid value  for configuration " + key + ": String must be non-empty");
    }
    assertThatThrownBy(
            () -> LocalStackConfig.load(Map.of("SOCIAL_LISTENING_DEMO_DATA_DIR", " "), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("for configuration data.dir: String must be non-empty");
  }

  @Test
  void shouldResolveTheDataDirAgainstTheWorkingDirectory() {
    assertThat(LocalStackConfig.load(Map.of(), Map.of()).dataDir())
        .isEqualTo(Path.of("data").toAbsolutePath());
  }

  @Test
  void shouldTakePortZeroAsAnyFreePort() {
    LocalStackConfig config =
        LocalStackConfig.load(
            Map.of("SOCIAL_LISTENING_DEMO_KAFKA_PORT", "0"),
            Map.of(
                LocalStackConfig.CONTROLLER_PORT, "0",
                LocalStackConfig.REGISTRY_PORT, "0",
                LocalStackConfig.CONNECT_PORT, "0",
                LocalStackConfig.HTTP_PORT, "0"));

    assertThat(ports(config)).containsOnly(0);
  }

  @Test
  void shouldKeepTheDocumentedDefaultPorts() {
    LocalStackConfig config = LocalStackConfig.load(Map.of(), Map.of());

    assertThat(ports(config)).containsExactly(9092, 9093, 8081, 8083, 8080);
  }

  @Test
  void shouldRefuseANegativePortOrOneAbove65535NamingTheKey() {
    for (String key :
        List.of(
            LocalStackConfig.KAFKA_PORT,
            LocalStackConfig.CONTROLLER_PORT,
            LocalStackConfig.REGISTRY_PORT,
            LocalStackConfig.CONNECT_PORT)) {
      assertThatThrownBy(() -> LocalStackConfig.load(Map.of(), Map.of(key, "-1")))
          .isInstanceOf(ConfigException.class)
          .hasMessage("Invalid value -1 for configuration " + key + ": Value must be at least 0");
    }
    // -1 is no HTTP server
    assertThat(LocalStackConfig.load(Map.of(), Map.of(LocalStackConfig.HTTP_PORT, "-1")).httpPort())
        .isEqualTo(-1);
    assertThatThrownBy(
            () -> LocalStackConfig.load(Map.of(), Map.of(LocalStackConfig.HTTP_PORT, "-2")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value -2 for configuration http.port: Value must be at least -1");
    for (String key :
        List.of(
            LocalStackConfig.KAFKA_PORT,
            LocalStackConfig.CONTROLLER_PORT,
            LocalStackConfig.REGISTRY_PORT,
            LocalStackConfig.CONNECT_PORT,
            LocalStackConfig.HTTP_PORT)) {
      assertThatThrownBy(() -> LocalStackConfig.load(Map.of(), Map.of(key, "65536")))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "Invalid value 65536 for configuration "
                  + key
                  + ": Value must be no more than 65535");
    }
  }

  private static List<Integer> ports(LocalStackConfig config) {
    return List.of(
        config.kafkaPort(),
        config.controllerPort(),
        config.registryPort(),
        config.connectPort(),
        config.httpPort());
  }
}
