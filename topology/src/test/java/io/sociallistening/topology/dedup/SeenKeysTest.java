package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeenKeysTest {
  private static final long HOUR = 3_600_000L;
  private static final long T0 = 1_767_607_200_000L; // 2026-01-05T10:00:00Z

  @Test
  void shouldFindEveryAddedKeyAndFewOthersAcrossGenerationsAndGrowth() {
    SeenKeys keys = new SeenKeys(12 * HOUR);
    int added = 60_000;
    for (int i = 0; i < added; i++) {
      // two days of keys: four generations, each far past the first bit set's capacity
      keys.add("bluesky:" + i, T0 + i * (48 * HOUR / added));
    }

    int missed = 0;
    for (int i = 0; i < added; i++) {
      long time = T0 + i * (48 * HOUR / added);
      if (!keys.mightContain("bluesky:" + i, time - 24 * HOUR, time + 24 * HOUR)) {
        missed++;
      }
    }
    int falseYes = 0;
    for (int i = 0; i < added; i++) {
      long time = T0 + i * (48 * HOUR / added);
      if (keys.mightContain("mastodon:" + i, time - 24 * HOUR, time + 24 * HOUR)) {
        falseYes++;
      }
    }

    assertThat(missed).isZero();
    assertThat(falseYes).isLessThan(added / 100);
    assertThat(keys.bytes()).isLessThan(added * 5L);
  }

  @Test
  void shouldAnswerNoForARangeThatMissesTheKeysGeneration() {
    SeenKeys keys = new SeenKeys(12 * HOUR);
    keys.add("reddit:t3_abc", T0);

    assertThat(keys.mightContain("reddit:t3_abc", T0 - HOUR, T0 + HOUR)).isTrue();
    assertThat(keys.mightContain("reddit:t3_abc", T0 + 13 * HOUR, T0 + 30 * HOUR)).isFalse();
  }

  @Test
  void shouldAnswerYesBeforeTheOldestGenerationKeptOnceOthersWereForgotten() {
    SeenKeys keys = new SeenKeys(12 * HOUR);
    keys.add("hn:1", T0);
    keys.add("hn:2", T0 + 48 * HOUR);

    keys.forgetBefore(T0 + 36 * HOUR);

    assertThat(keys.mightContain("hn:3", T0 - HOUR, T0 + HOUR)).isTrue();
    assertThat(keys.mightContain("hn:3", T0 + 47 * HOUR, T0 + 49 * HOUR)).isFalse();
    assertThat(keys.mightContain("hn:2", T0 + 47 * HOUR, T0 + 49 * HOUR)).isTrue();
  }

  @Test
  void shouldNotHoldKeysAddedToGenerationsAlreadyForgotten() {
    SeenKeys keys = new SeenKeys(12 * HOUR);
    keys.add("live:1", T0 + 240 * HOUR);
    keys.forgetBefore(T0 + 204 * HOUR);
    long before = keys.bytes();

    for (int i = 0; i < 100_000; i++) {
      keys.add("backfill:" + i, T0 + (i % 1_000) * (72 * HOUR / 1_000));
    }

    assertThat(keys.bytes()).isEqualTo(before);
    assertThat(keys.mightContain("backfill:7", T0, T0 + HOUR)).isTrue();
  }

  @Test
  void shouldRefuseAGenerationOfZero() {
    assertThatThrownBy(() -> new SeenKeys(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("generationMs must be positive, got 0");
  }
}
