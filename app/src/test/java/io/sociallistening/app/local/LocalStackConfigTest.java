package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}
