package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacedScheduleTest {
  private static final long T0_NANOS = 5_000_000_000L;
  private static final long T0_MILLIS = 1_764_000_000_000L;

  @Test
  void shouldSpaceTheRecordsEvenlyAtTheRate() {
    PacedSchedule schedule = new PacedSchedule(T0_NANOS, T0_MILLIS, 4_000);

    assertThat(schedule.dueNanos(0)).isEqualTo(T0_NANOS);
    assertThat(schedule.dueNanos(10)).isEqualTo(T0_NANOS + 2_500_000);
    assertThat(schedule.dueNanos(4_000)).isEqualTo(T0_NANOS + 1_000_000_000);
  }

  @Test
  void shouldStampARecordWithTheWallClockTimeItWasDueAtNotTruncatedPastIt() {
    PacedSchedule schedule = new PacedSchedule(T0_NANOS, T0_MILLIS, 4_000);

    assertThat(schedule.dueMillis(0)).isEqualTo(T0_MILLIS);
    assertThat(schedule.dueMillis(10)).isEqualTo(T0_MILLIS + 2); // due at 2.5 ms
    assertThat(schedule.dueMillis(12)).isEqualTo(T0_MILLIS + 3);
    assertThat(schedule.dueMillis(8_000)).isEqualTo(T0_MILLIS + 2_000);
  }

  @Test
  void shouldRefuseARateThatIsNotPositive() {
    assertThatThrownBy(() -> new PacedSchedule(T0_NANOS, T0_MILLIS, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be positive, got 0.0");
  }
}
