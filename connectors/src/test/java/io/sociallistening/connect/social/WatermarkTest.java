package io.sociallistening.connect.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Test
  void shouldCoverOlderItemsAndKeysAtTheNewestTimeWithAZeroWindow() {
    Watermark w = new Watermark(0, 100);
    w.add(10, "a");
    w.add(10, "b");
    w.add(12, "c");

    assertThat(w.newest()).isEqualTo(12L);
    assertThat(w.keysText()).isEqualTo("c");
    assertThat(w.covers(11, "x")).isTrue();
    assertThat(w.covers(12, "c")).isTrue();
    assertThat(w.covers(12, "d")).isFalse();
  }

  @Test
  void shouldKeepKeysWithinTheWindowAndRestoreFromTheirText() {
    Watermark w = new Watermark(5, 100);
    w.add(10, "a");
    w.add(14, "b");
    w.add(16, "c");

    assertThat(w.keysText()).isEqualTo("b c");
    Watermark restored = Watermark.restore(5, 100, w.newest(), w.keysText());
    assertThat(restored.covers(14, "b")).isTrue();
    assertThat(restored.covers(12, "late")).isFalse();
    assertThat(restored.covers(10, "a")).isTrue();
    assertThat(restored.before(10)).isTrue();
    assertThat(restored.before(11)).isFalse();
  }

  @Test
  void shouldEvictTheOldestKeysBeyondTheLimit() {
    Watermark w = new Watermark(100, 2);
    w.add(1, "a");
    w.add(2, "b");
    w.add(3, "c");

    assertThat(w.keysText()).isEqualTo("b c");
  }

  @Test
  void shouldCoverNothingWhenEmpty() {
    Watermark w = new Watermark(0, 1);

    assertThat(w.isEmpty()).isTrue();
    assertThat(w.covers(Long.MIN_VALUE + 1, "a")).isFalse();
    assertThat(w.before(0)).isFalse();
  }
}
