package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void shouldReturnNearestRankPercentilesOfUnsortedSamples() {
    Latencies latencies = new Latencies();
    for (long v : new long[] {70, 10, 100, 30, 50, 20, 90, 40, 80, 60}) {
      latencies.add(v);
    }

    assertThat(latencies.count()).isEqualTo(10);
    assertThat(latencies.percentile(50)).isEqualTo(50);
    assertThat(latencies.percentile(99)).isEqualTo(100);
    assertThat(latencies.percentile(90)).isEqualTo(90);
    assertThat(latencies.percentile(91)).isEqualTo(100);
    assertThat(latencies.percentile(1)).isEqualTo(10);
    assertThat(latencies.percentile(100)).isEqualTo(100);
  }

  @Test
  void shouldKeepEverySampleBeyondTheInitialCapacity() {
    Latencies latencies = new Latencies();
    for (int i = 1; i <= 5_000; i++) {
      latencies.add(i);
    }

    assertThat(latencies.count()).isEqualTo(5_000);
    assertThat(latencies.percentile(50)).isEqualTo(2_500);
    assertThat(latencies.percentile(99)).isEqualTo(4_950);
  }

  @Test
  void shouldRankInWholeSamplesWhereTheFractionIsNotExactInBinary() {
    // 0.07 * 100 is 7.000000000000001 in floating point: the rank must still be 7, not 8
    Latencies latencies = new Latencies();
    for (int i = 1; i <= 100; i++) {
      latencies.add(i);
    }

    assertThat(latencies.percentile(7)).isEqualTo(7);
    assertThat(latencies.percentile(14)).isEqualTo(14);
    assertThat(latencies.percentile(99)).isEqualTo(99);
    assertThat(latencies.percentile(99.5)).isEqualTo(100);
  }

  @Test
  void shouldRefuseAPercentileOfNoSamples() {
    assertThatThrownBy(() -> new Latencies().percentile(50))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no samples");
  }
}
