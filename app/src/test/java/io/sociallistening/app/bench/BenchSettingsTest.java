package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  @Test
  void shouldUseTheDefaultsWithoutOptions() {
    assertThat(BenchSettings.parse(List.of()))
        .isEqualTo(new BenchSettings(300_000, 1_000, 3, 1, 20, 100, 100_000, 0, 134_217_728L, 1));
  }

  @Test
  void shouldParseEveryOptionWithThousandsSuffixes() {
    BenchSettings settings =
        BenchSettings.parse(
            List.of(
                "--records=1m",
                "--rules=10k",
                "--partitions=6",
                "--threads=2",
                "--paced-seconds=30",
                "--commit-ms=250",
                "--warmup=50k",
                "--batch-bytes=16k",
                "--rocksdb-memory=0",
                "--warm-runs=0"));

    assertThat(settings)
        .isEqualTo(new BenchSettings(1_000_000, 10_000, 6, 2, 30, 250, 50_000, 16_000, 0, 0));
  }

  @Test
  void shouldNameAnUnknownOption() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--recs=5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown bench option '--recs=5'");
  }

  @Test
  void shouldNameAnOptionThatIsNotANumber() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--records=lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--records expects a whole number, got 'lots'");
  }

  @Test
  void shouldRefuseANumberThatOverflowsInsteadOfWrappingAround() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--records=18446744073709552k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--records expects a whole number, got '18446744073709552k'");
  }

  @Test
  void shouldRefuseANegativeNumberBeyondTheRangeOfTheOption() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--threads=-4294967295")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--threads expects a whole number, got '-4294967295'");
  }

  @Test
  void shouldRefuseARocksDbBoundBelowTheInstanceMinimum() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--rocksdb-memory=1m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rocksdb-memory must be 0 or at least 16777216, got 1000000");
  }

  @Test
  void shouldRefuseFewerRulesThanTheSampleOnes() {
    assertThatThrownBy(() -> BenchSettings.parse(List.of("--rules=3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rules must be at least 6, got 3");
  }
}
