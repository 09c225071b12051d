package io.sociallistening.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackTuningTest {

  @Test
  void shouldLetEnvironmentVariablesOverrideTheStacksOwnChoices() {
    // the stack passed its choices as overrides, above the variables its own message names
    Map<String, String> env =
        LocalStack.withTuning(
            Map.of("SOCIAL_LISTENING_CRISIS_MIN_VOLUME", "100000", "HOME", "/home/ann"));

    assertThat(env)
        .containsEntry("SOCIAL_LISTENING_CRISIS_MIN_VOLUME", "100000")
        .containsEntry("SOCIAL_LISTENING_TOPICS_PARTITIONS", "1")
        .containsEntry("SOCIAL_LISTENING_CRISIS_GRACE_MS", "300000")
        .containsEntry("SOCIAL_LISTENING_AGGREGATE_GRACE_MS", "86400000")
        .containsEntry("HOME", "/home/ann");
  }
}
