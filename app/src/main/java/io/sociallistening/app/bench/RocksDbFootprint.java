package io.sociallistening.app.bench;

import io.sociallistening.app.instance.BoundedRocksDbMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * RocksDB's memory in the full pipeline at one moment: the databases open under its state directory
 * (one per store per task, one per segment of a window store) and what Kafka Streams' store metrics
 * report for them, summed over stores, plus the use of the caches the instance's stores share
 * ({@link BoundedRocksDbMemory}).
 *
 * @param databases RocksDB databases under the state directory
 * @param memtableBytes {@code size-all-mem-tables} summed over stores
 * @param tableReaderBytes {@code estimate-table-readers-mem} (index and filter blocks held outside
 *     the block cache) summed over stores
 * @param blockCacheBytes {@code block-cache-usage} summed over stores (a cache shared by several
 *     stores is counted once for each)
 * @param sharedCacheBytes bytes in use in the process's shared caches (blocks and the memtables
 *     charged to them), 0 when no store shares one
 */
public record RocksDbFootprint(
    int databases,
    long memtableBytes,
    long tableReaderBytes,
    long blockCacheBytes,
    long sharedCacheBytes) {
  private static final String GROUP = "stream-state-metrics";

  /** Takes the footprint of the databases under {@code stateDir} from {@code metrics}. */
  public static RocksDbFootprint take(Map<MetricName, ? extends Metric> metrics, Path stateDir) {
    long memtables = 0;
    long tableReaders = 0;
    long blockCache = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      if (!entry.getKey().group().equals(GROUP)
          || !(entry.getValue().metricValue() instanceof Number value)) {
        continue;
      }
      switch (entry.getKey().name()) {
        case "size-all-mem-tables" -> memtables += value.longValue();
        case "estimate-table-readers-mem" -> tableReaders += value.longValue();
        case "block-cache-usage" -> blockCache += value.longValue();
        default -> {}
      }
    }
    return new RocksDbFootprint(
        databases(stateDir),
        memtables,
        tableReaders,
        blockCache,
        BoundedRocksDbMemory.sharedCacheUsage());
  }

  /** Directories holding a RocksDB database (its {@code CURRENT} file) under {@code stateDir}. */
  static int databases(Path stateDir) {
    if (!Files.isDirectory(stateDir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(stateDir)) {
      return (int) files.filter(f -> f.getFileName().toString().equals("CURRENT")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of the report. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "RocksDB at the end: %d databases; shared cache in use %d MiB (blocks and memtables);"
            + " Streams metrics summed over stores: memtables %d MiB, table readers %d MiB,"
            + " block cache %d MiB%s",
        databases,
        sharedCacheBytes >> 20,
        memtableBytes >> 20,
        tableReaderBytes >> 20,
        blockCacheBytes >> 20,
        sharedCacheBytes > 0 ? " (the shared cache counted once per store)" : "");
  }
}
