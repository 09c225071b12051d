package io.sociallistening.app.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code social-listening bench [--records=N] [--warmup=N] [--rules=N] [--partitions=N]
 * [--threads=N] [--paced-seconds=N] [--commit-ms=N] [--batch-bytes=N] [--rocksdb-memory=N]
 * [--warm-runs=N]}: the end-to-end load run of {@link Benchmark}; progress on stderr, the report on
 * stdout, ending with {@code ratio=0.NN}.
 */
public final class BenchCommand {
  private BenchCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    BenchSettings settings = BenchSettings.parse(args);
    BenchResult result = new Benchmark(settings, err).run();
    result.lines().forEach(out::println);
    return 0;
  }
}
