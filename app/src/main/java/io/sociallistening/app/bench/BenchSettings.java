package io.sociallistening.app.bench;

import io.sociallistening.app.instance.BoundedRocksDbMemory;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code bench} run measures.
 *
 * @param records mentions pre-produced to the raw topic and read by both applications
 * @param rules brand rules loaded into the full pipeline (the six sample rules included)
 * @param partitions partitions of the raw topic and of every topic the applications create
 * @param threads stream threads of each application
 * @param pacedSeconds length of the paced phase that measures latency at half the full rate
 * @param commitMs {@code commit.interval.ms} of both applications (100, the Kafka Streams default
 *     under exactly-once, unless given)
 * @param warmup mentions each application processes before its timed {@code records}: the JIT
 *     compiles the broker, client and pipeline code during them, not during the timed part; with 0,
 *     timing starts at the application's first commit, after its start-up
 * @param batchBytes producer {@code batch.size} of both applications; 0 keeps the instance's
 *     default ({@code InstanceConfig.clientDefaults()})
 * @param rocksDbMemory {@code rocksdb.memory.bytes} of the full pipeline: the bytes all its RocksDB
 *     stores share, 0 = Kafka Streams' per-store defaults (no bound)
 * @param warmRuns untimed runs of the full pipeline over every record (each under its own
 *     application id) before the first timed phase, so that both applications are timed with the
 *     JIT's compilation of the topology behind them, not beside them on the same cores
 */
public record BenchSettings(
    long records,
    int rules,
    int partitions,
    int threads,
    int pacedSeconds,
    int commitMs,
    long warmup,
    int batchBytes,
    long rocksDbMemory,
    int warmRuns) {
  public static final BenchSettings DEFAULTS =
      new BenchSettings(
          300_000, 1_000, 3, 1, 20, 100, 100_000, 0, BoundedRocksDbMemory.DEFAULT_BYTES, 1);

  public BenchSettings {
    if (records < 1) {
      throw new IllegalArgumentException("--records must be at least 1, got " + records);
    }
    if (rules < SyntheticRules.SAMPLE_RULES) {
      throw new IllegalArgumentException(
          "--rules must be at least " + SyntheticRules.SAMPLE_RULES + ", got " + rules);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    if (pacedSeconds < 1) {
      throw new IllegalArgumentException("--paced-seconds must be at least 1, got " + pacedSeconds);
    }
    if (commitMs < 1) {
      throw new IllegalArgumentException("--commit-ms must be at least 1, got " + commitMs);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
    }
    if (batchBytes < 0) {
      throw new IllegalArgumentException("--batch-bytes must not be negative, got " + batchBytes);
    }
    if (rocksDbMemory != 0 && rocksDbMemory < BoundedRocksDbMemory.MIN_BYTES) {
      throw new IllegalArgumentException(
          "--rocksdb-memory must be 0 or at least "
              + BoundedRocksDbMemory.MIN_BYTES
              + ", got "
              + rocksDbMemory);
    }
    if (warmRuns < 0) {
      throw new IllegalArgumentException("--warm-runs must not be negative, got " + warmRuns);
    }
  }

  /** Mentions in the raw topic: the warm-up, then the timed records. */
  public long total() {
    return warmup + records;
  }

  /**
   * Parses {@code --records=N --rules=N --partitions=N --threads=N --paced-seconds=N --commit-ms=N
   * --warmup=N --batch-bytes=N --rocksdb-memory=N --warm-runs=N}; missing options keep their
   * defaults.
   *
   * @throws IllegalArgumentException naming the option that is unknown or not a number
   */
  public static BenchSettings parse(List<String> args) {
    long records = DEFAULTS.records;
    int rules = DEFAULTS.rules;
    int partitions = DEFAULTS.partitions;
    int threads = DEFAULTS.threads;
    int paced = DEFAULTS.pacedSeconds;
    int commitMs = DEFAULTS.commitMs;
    long warmup = DEFAULTS.warmup;
    int batchBytes = DEFAULTS.batchBytes;
    long rocksDbMemory = DEFAULTS.rocksDbMemory;
    int warmRuns = DEFAULTS.warmRuns;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? "" : arg.substring(eq + 1);
      switch (name) {
        case "--records" -> records = number(name, value);
        case "--rules" -> rules = (int) number(name, value);
        case "--partitions" -> partitions = (int) number(name, value);
        case "--threads" -> threads = (int) number(name, value);
        case "--paced-seconds" -> paced = (int) number(name, value);
        case "--commit-ms" -> commitMs = (int) number(name, value);
        case "--warmup" -> warmup = number(name, value);
        case "--batch-bytes" -> batchBytes = (int) number(name, value);
        case "--rocksdb-memory" -> rocksDbMemory = number(name, value);
        case "--warm-runs" -> warmRuns = (int) number(name, value);
        default -> throw new IllegalArgumentException("Unknown bench option '" + arg + "'");
      }
    }
    return new BenchSettings(
        records,
        rules,
        partitions,
        threads,
        paced,
        commitMs,
        warmup,
        batchBytes,
        rocksDbMemory,
        warmRuns);
  }

  private static long number(String name, String value) {
    String digits = value.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
    long scale = 1;
    if (digits.endsWith("k")) {
      scale = 1_000;
      digits = digits.substring(0, digits.length() - 1);
    } else if (digits.endsWith("m")) {
      scale = 1_000_000;
      digits = digits.substring(0, digits.length() - 1);
    }
    try {
      // multiplyExact: 18446744073709552k wraps to 384 in plain long arithmetic
      long n = Math.multiplyExact(Long.parseLong(digits), scale);
      boolean wide =
          name.equals("--records") || name.equals("--warmup") || name.equals("--rocksdb-memory");
      // both bounds: a narrowing cast turns -4294967295 into 1
      if (!wide && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(name + " expects a whole number, got '" + value + "'");
    }
  }
}
