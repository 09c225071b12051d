package io.sociallistening.connect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class WatermarkTest {
  private static final Watermark.Fields SPACED = new Watermark.Fields("t", "k", ' ');
  private static final Watermark.Fields LINES = new Watermark.Fields("t", "k", '\n');

  @Test
  void shouldCoverOlderItemsAndKeysAtTheNewestTimeWithAZeroWindow() {
    Watermark w = new Watermark(0, 100);
    w.add(10, "a");
    w.add(10, "b");
    w.add(12, "c");

    assertThat(w.newest()).isEqualTo(12L);
    assertThat(w.toOffset(SPACED)).isEqualTo(Map.of("t", 12L, "k", "c"));
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

    assertThat(w.toOffset(SPACED)).isEqualTo(Map.of("t", 16L, "k", "b c"));
    Watermark restored = Watermark.fromOffset(w.toOffset(SPACED), SPACED, 5, 100);
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

    assertThat(w.toOffset(SPACED)).isEqualTo(Map.of("t", 3L, "k", "b c"));
  }

  @Test
  void shouldCoverNothingWhenEmpty() {
    Watermark w = new Watermark(0, 1);

    assertThat(w.isEmpty()).isTrue();
    assertThat(w.covers(Long.MIN_VALUE + 1, "a")).isFalse();
    assertThat(w.before(0)).isFalse();
  }

  @Test
  void shouldAdmitFromItsStartTimeAndAKeyAgainAtALaterTime() {
    Watermark w = Watermark.at(100, 0, Watermark.ALL_KEYS);

    assertThat(w.covers(99, "a")).isTrue();
    assertThat(w.covers(100, "a")).isFalse();
    w.add(100, "a");
    assertThat(w.covers(100, "a")).isTrue();
    assertThat(w.covers(101, "a")).isFalse();
  }

  @Test
  void shouldKeepKeysWithSpacesInANewlineSeparatedOffset() {
    Watermark w = Watermark.at(100, 0, Watermark.ALL_KEYS);
    w.add(100, LINES.storable("guid one\nsplit"));
    w.add(100, "b");

    Map<String, Object> offset = w.toOffset(LINES);
    Watermark restored = Watermark.fromOffset(offset, LINES, 0, Watermark.ALL_KEYS);

    assertThat(offset).isEqualTo(Map.of("t", 100L, "k", "guid one split\nb"));
    assertThat(restored.covers(100, "guid one split")).isTrue();
    assertThat(restored.covers(100, "c")).isFalse();
    assertThat(restored.size()).isEqualTo(2);
  }

  @Test
  void shouldRestoreAnItemDatedAfterTheNewestTimeAtItsOwnTime() {
    // a scheduled post dated after the fetch: restored at the newest time, it no longer covered
    // itself at its own date, and came back after every restart
    Watermark w = Watermark.at(100, 0, Watermark.ALL_KEYS);
    w.add(100, "a");
    w.add(500, "typo", 100);

    Map<String, Object> offset = w.toOffset(LINES);
    Watermark restored = Watermark.fromOffset(offset, LINES, 0, Watermark.ALL_KEYS);

    assertThat(offset).isEqualTo(Map.of("t", 100L, "k", "a", "k_ahead", "500=typo"));
    assertThat(restored.newest()).isEqualTo(100);
    assertThat(restored.covers(500, "typo")).isTrue();
    assertThat(restored.covers(100, "a")).isTrue();
    assertThat(restored.covers(101, "b")).isFalse();
    assertThatThrownBy(
            () -> Watermark.fromOffset(Map.of("t", 1L, "k_ahead", "soon=x"), LINES, 0, 1))
        .isInstanceOf(ConnectException.class)
        .hasMessage("Committed offset field 'k_ahead' holds 'soon=x', not <time>=<key>");
  }

  @Test
  void shouldRefuseAnOffsetWithoutItsTime() {
    assertThatThrownBy(() -> Watermark.fromOffset(Map.of("k", "a"), LINES, 0, 1))
        .isInstanceOf(ConnectException.class)
        .hasMessage("Committed offset {k=a} has no numeric 't'");
  }
}
