package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommittedTest {
  @Test
  void shouldStartTimingAtTheFirstCommitWithoutAWarmUp() {
    assertThat(Committed.timingStartsAt(0)).isEqualTo(1);
    assertThat(Committed.timingStartsAt(100_000)).isEqualTo(100_000);
  }

  @Test
  void shouldCountOnlyTheRecordsCommittedBetweenTheTwoObservations() {
    // 100,000 warm-up records, but the application was first seen at 240,000 of 250,000:
    // 10,000 records in 0.1 s, not the 150,000 timed records a fixed count would assume
    Committed start = new Committed(5_000_000_000L, 240_000);
    Committed end = new Committed(5_100_000_000L, 250_000);

    assertThat(end.rateSince(start)).isEqualTo(100_000.0);
  }
}
