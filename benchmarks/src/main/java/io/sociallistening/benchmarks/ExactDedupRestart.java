package io.sociallistening.benchmarks;

import io.sociallistening.topology.dedup.Copy;
import io.sociallistening.topology.dedup.ExactDedup;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * What a task start costs exact dedup: {@link ExactDedup#init} rebuilds its in-memory filter of
 * seen keys by reading every key of its RocksDB window store, on the stream thread, before the task
 * processes anything. Fills one task's store (RocksDB, as in the topology, without a changelog)
 * with {@code --keys=N} (default 1,000,000) mention keys spread over the retention (7 days), then
 * starts a new {@link ExactDedup} on it {@code --rounds=R} times (default 7) and prints each time
 * and the median.
 *
 * <p>Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.sociallistening.benchmarks.ExactDedupRestart --keys=1000000}.
 */
public final class ExactDedupRestart {
  private static final Duration RETENTION = Duration.ofDays(7);

  private ExactDedupRestart() {}

  public static void main(String[] args) throws IOException {
    int keys = 1_000_000;
    int rounds = 7;
    for (String arg : args) {
      if (arg.startsWith("--keys=")) {
        keys = Integer.parseInt(arg.substring("--keys=".length()));
      } else if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      } else {
        System.err.println("usage: ExactDedupRestart [--keys=N] [--rounds=R]");
        System.exit(2);
      }
    }
    Path dir = Files.createTempDirectory("exact-dedup-restart");
    try {
      run(dir.toFile(), keys, rounds);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void run(File dir, int keys, int rounds) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "exact-dedup-restart");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<String, Copy> context =
        new MockProcessorContext<>(config, new TaskId(0, 0), dir);
    WindowStore<String, Long> store =
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(ExactDedup.STORE, RETENTION, RETENTION, false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    try {
      long start = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
      long step = RETENTION.toMillis() / keys;
      long fillStart = System.nanoTime();
      for (int i = 0; i < keys; i++) {
        // keys shaped like the connectors' (platform and a post id of a dozen characters)
        store.put(
            "bluesky:3l" + Long.toString(1_000_000_000L + i * 7_919L, 36), 1L, start + i * step);
      }
      store.flush();
      System.out.printf(
          Locale.ROOT, "filled %,d keys in %.1f s%n", keys, (System.nanoTime() - fillStart) / 1e9);
      double[] millis = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long begin = System.nanoTime();
        ExactDedup dedup = new ExactDedup(RETENTION);
        dedup.init(context);
        millis[round] = (System.nanoTime() - begin) / 1e6;
        dedup.close();
        System.out.printf(Locale.ROOT, "task start %d: %,.0f ms%n", round + 1, millis[round]);
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "median task start with %,d keys: %,.0f ms (%.2f us per key)%n",
          keys,
          millis[rounds / 2],
          millis[rounds / 2] * 1e3 / keys);
    } finally {
      store.close();
    }
  }
}
