package io.sociallistening.connect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusWatermarkTest {
  private static final long T0 = 1767607200000L; // 2026-01-05T10:00:00Z

  private static String at(long ms, int seq) {
    return Long.toString((ms << 16) + seq);
  }

  @Test
  void shouldStartTheReadTheLookbackBelowTheNewestIdDelivered() {
    StatusWatermark w = new StatusWatermark(60_000, 10);
    w.add(at(T0, 5));

    assertThat(w.minId()).isEqualTo(Long.toString(((T0 - 60_000) << 16) + 5 - 1));
    assertThat(w.covers(at(T0, 5))).isTrue();
    assertThat(w.covers(at(T0 - 30_000, 0))).isFalse();
    assertThat(w.covers(at(T0 - 61_000, 0))).isTrue();
  }

  @Test
  void shouldRaiseTheFloorToTheOldestIdKeptWhenMoreWereDeliveredThanItKeeps() {
    StatusWatermark w = new StatusWatermark(60_000, 3);
    for (int i = 1; i <= 4; i++) {
      w.add(at(T0 + i * 1000L, 0));
    }

    assertThat(w.size()).isEqualTo(3);
    assertThat(w.toOffset())
        .isEqualTo(
            Map.of(
                "id",
                at(T0 + 4000, 0),
                "ids",
                at(T0 + 2000, 0) + " " + at(T0 + 3000, 0) + " " + at(T0 + 4000, 0)));
    assertThat(w.minId()).isEqualTo(Long.toString(((T0 + 2000) << 16) - 1));
    assertThat(w.covers(at(T0 + 1000, 0))).isTrue(); // evicted, not emitted again
    assertThat(w.covers(at(T0 + 2500, 0))).isFalse();
  }

  @Test
  void shouldRestoreTheIdsOfItsOffset() {
    StatusWatermark w =
        StatusWatermark.fromOffset(
            Map.of("id", at(T0, 0), "ids", at(T0 - 5000, 0) + " " + at(T0, 0)), 60_000, 10);

    assertThat(w.covers(at(T0 - 5000, 0))).isTrue();
    assertThat(w.covers(at(T0 - 4000, 0))).isFalse();
    assertThat(w.toOffset())
        .isEqualTo(Map.of("id", at(T0, 0), "ids", at(T0 - 5000, 0) + " " + at(T0, 0)));
  }

  @Test
  void shouldRestoreAnOffsetWithoutIdsAsItsNewestIdAlone() {
    StatusWatermark w = StatusWatermark.fromOffset(Map.of("id", at(T0, 0)), 60_000, 10);

    assertThat(w.covers(at(T0, 0))).isTrue();
    assertThat(w.covers(at(T0 - 1000, 0))).isFalse();
  }

  @Test
  void shouldReadOnlyNewerIdsWhenTheyAreNotSnowflakes() {
    StatusWatermark w = new StatusWatermark(60_000, 10);
    w.add("9zAbC");

    assertThat(w.minId()).isEqualTo("9zAbC");
    assertThat(w.covers("9zAbB")).isTrue();
    assertThat(w.covers("9zAbD")).isFalse();
    assertThat(w.toOffset()).isEqualTo(Map.of("id", "9zAbC", "ids", ""));
  }

  @Test
  void shouldReadOnlyNewerIdsWhenTheyAreSmallSequentialNumbers() {
    StatusWatermark w = new StatusWatermark(60_000, 10);
    w.add("105");

    assertThat(w.minId()).isEqualTo("105");
    assertThat(w.covers("104")).isTrue();
    assertThat(w.covers("106")).isFalse();
  }
}
