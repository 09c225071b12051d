package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchResultTest {

  private static BenchResult result(double before, double full, double after) {
    return result(before, full, after, new TopicWrites.Written(300_000, List.of()));
  }

  private static BenchResult result(
      double before, double full, double after, TopicWrites.Written passThroughWrites) {
    Latencies toEnriched = new Latencies();
    toEnriched.add(120);
    return new BenchResult(
        BenchSettings.DEFAULTS,
        1_000,
        200_000,
        before,
        after,
        full,
        Map.of("total (process)", 3_000_000_000L, "JVM JIT", 600_000_000L),
        Map.of("total (process)", 30_000_000_000L, "JVM JIT", 6_000_000_000L),
        new StreamThreadTime(1, 10_000_000_000L, 4_000_000_000L, 2_000_000_000L, 0, 0),
        new StreamThreadTime(1, 10_000_000_000L, 7_000_000_000L, 1_500_000_000L, 0, 0),
        passThroughWrites,
        new TopicWrites.Written(300_000, List.of()),
        full / 2,
        toEnriched,
        new Latencies(),
        100L << 20,
        1024L << 20,
        -1,
        new RocksDbFootprint(40, 3L << 20, 1L << 20, 5L << 20, 0),
        1_234,
        List.of());
  }

  @Test
  void shouldTakeTheRatioAgainstTheMeanOfThePassThroughsBeforeAndAfter() {
    BenchResult result = result(100_000, 30_000, 50_000);

    assertThat(result.baselineRate()).isEqualTo(75_000);
    assertThat(result.ratio()).isEqualTo(0.4);
  }

  @Test
  void shouldTakeTheOffsetsPerRecordOverTheRecordsOfTheTimedPart() {
    // timing began at 340,000 of 400,000 (warm-up 100,000): 60,000 records in the timed part,
    // which wrote 61,200 offsets (records and transaction markers); 400,000 committed records in
    // the topic over the whole run, 286 bytes each
    TopicWrites.Written written =
        new TopicWrites.Written(
            60_000,
            List.of(new TopicWrites.Topic("bench.pass-through", 61_200, 400_000, 114_400_000)));

    assertThat(result(100_000, 30_000, 50_000, written).lines())
        .contains(
            "  bench.pass-through                                         "
                + " 1.020  1.000    286 B");
  }

  @Test
  void shouldGiveNoP99OfFewerThanAHundredSamples() {
    Latencies toAlert = new Latencies();
    for (long v : new long[] {298, 250, 424}) {
      toAlert.add(v);
    }
    Latencies toEnriched = new Latencies();
    for (int i = 1; i <= 100; i++) {
      toEnriched.add(i);
    }

    assertThat(BenchResult.summary(toAlert))
        .isEqualTo("p50 298 ms, max 424 ms (n=3, too few samples for a p99)");
    assertThat(BenchResult.summary(toEnriched))
        .isEqualTo("p50 50 ms, p99 99 ms, max 100 ms (n=100)");
  }

  @Test
  void shouldSayThatASharedCacheIsCountedOncePerStore() {
    RocksDbFootprint footprint = new RocksDbFootprint(24, 46L << 20, 0, 1050L << 20, 58L << 20);

    assertThat(footprint.line())
        .isEqualTo(
            "RocksDB at the end: 24 databases; shared cache in use 58 MiB (blocks and memtables);"
                + " Streams metrics summed over stores: memtables 46 MiB, table readers 0 MiB,"
                + " block cache 1050 MiB (the shared cache counted once per store)");
  }

  @Test
  void shouldPrintBothPassThroughsAndEndWithTheRatio() {
    List<String> lines = result(100_000, 30_000, 50_000).lines();

    assertThat(lines)
        .contains(
            "pass-through (Avro in, Avro out)       100,000 records/s",
            "records dropped by the full pipeline's tasks (late window updates, mostly): 1,234",
            "full pipeline                           30,000 records/s",
            "pass-through again, after the full      50,000 records/s",
            "ratio full / pass-through                 0.40 (full / mean of both pass-throughs;"
                + " 0.30 and 0.60 against each)",
            "process CPU per record (pass-through: its first phase): pass-through 10 us, full"
                + " 100 us, ratio 0.10");
    assertThat(lines).contains("heap used after GC 100 MiB (max 1024 MiB), RSS n/a");
    assertThat(lines)
        .contains(
            "RocksDB at the end: 40 databases; shared cache in use 0 MiB (blocks and memtables);"
                + " Streams metrics summed over stores: memtables 3 MiB, table readers 1 MiB,"
                + " block cache 5 MiB");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio=0.40");
  }
}
