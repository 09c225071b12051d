package io.sociallistening.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one {@code bench} run.
 *
 * @param settings what was run
 * @param rulesInForce rules the full pipeline matched with (refused ones left out)
 * @param producerRate records/s of the producer that filled the raw topic
 * @param passThroughRate records/s of the pass-through application, running to committed, before
 *     the full topology's phase
 * @param passThroughAgainRate the same after the full topology's phase, over the same records
 * @param fullRate records/s of the full topology, running to committed on every sub-topology
 * @param passThroughCpu CPU nanoseconds of the whole process (broker included) while the
 *     pass-through ran, per thread group ({@link ThreadCpu#between}, ending with the process
 *     total), scaled from the records it committed in its timed part to {@code settings.records()}:
 *     a load-independent view of its cost on a shared machine
 * @param fullCpu the same while the full topology ran
 * @param passThroughThreadTime where the pass-through's stream threads spent its first phase's
 *     timed part
 * @param fullThreadTime the same for the full topology
 * @param passThroughWrites what the pass-through phase wrote to each topic, and over how many input
 *     records its offsets were taken
 * @param fullWrites the same for the full topology
 * @param pacedRate records/s offered in the latency phase (half of {@code fullRate})
 * @param toEnriched produce-to-enriched latency samples of the paced phase
 * @param toAlert produce-to-alert latency samples of the paced phase, lead alerts only (a crisis
 *     alert's record time is the end of its bucket, not a mention's send time; may be empty)
 * @param heapUsedBytes heap in use after a full GC, the whole process (broker included), or -1 when
 *     {@code System.gc()} collected nothing
 * @param heapMaxBytes the heap limit
 * @param rssBytes resident set size of the process, or -1 where /proc is missing
 * @param rocksDb RocksDB's memory in the full pipeline at the end of the paced phase
 * @param fullDropped records the full pipeline's tasks dropped over its whole run (Kafka Streams'
 *     {@code dropped-records-total}: window updates later than the grace period, mostly): work a
 *     run with more threads can skip, so its rate counts less work
 * @param stageCosts per-stage costs measured in-process after the Kafka phases
 */
public record BenchResult(
    BenchSettings settings,
    int rulesInForce,
    double producerRate,
    double passThroughRate,
    double passThroughAgainRate,
    double fullRate,
    Map<String, Long> passThroughCpu,
    Map<String, Long> fullCpu,
    StreamThreadTime passThroughThreadTime,
    StreamThreadTime fullThreadTime,
    TopicWrites.Written passThroughWrites,
    TopicWrites.Written fullWrites,
    double pacedRate,
    Latencies toEnriched,
    Latencies toAlert,
    long heapUsedBytes,
    long heapMaxBytes,
    long rssBytes,
    RocksDbFootprint rocksDb,
    long fullDropped,
    List<StageCosts.Cost> stageCosts) {

  private static final String TOTAL = "total (process)";
  private static final String JIT = "JVM JIT";

  /**
   * Full / pass-through, the pass-through's rate being the mean of its two phases, which bracket
   * the full topology's in time.
   */
  public double ratio() {
    return fullRate / baselineRate();
  }

  /** The mean of the pass-through's rates before and after the full topology's phase. */
  public double baselineRate() {
    return (passThroughRate + passThroughAgainRate) / 2;
  }

  /** Process CPU nanoseconds per record of the pass-through. */
  public double passThroughCpuNanos() {
    return passThroughCpu.getOrDefault(TOTAL, 0L) / (double) settings.records();
  }

  /** Process CPU nanoseconds per record of the full topology. */
  public double fullCpuNanos() {
    return fullCpu.getOrDefault(TOTAL, 0L) / (double) settings.records();
  }

  /** The report; the last line is {@code ratio=0.NN}. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        f(
            "records %,d timed after %,d warm-up (%d untimed full-pipeline run%s before), rules %,d"
                + " (%,d in force), partitions %d, stream threads %d, exactly_once_v2, commit"
                + " interval %d ms, RocksDB memory %s",
            settings.records(),
            settings.warmup(),
            settings.warmRuns(),
            settings.warmRuns() == 1 ? "" : "s",
            settings.rules(),
            rulesInForce,
            settings.partitions(),
            settings.threads(),
            settings.commitMs(),
            settings.rocksDbMemory() == 0
                ? "unbounded"
                : (settings.rocksDbMemory() >> 20) + " MiB shared"));
    out.add(f("producer (Avro, to the raw topic)   %,10.0f records/s", producerRate));
    out.add(f("pass-through (Avro in, Avro out)    %,10.0f records/s", passThroughRate));
    out.add(f("full pipeline                       %,10.0f records/s", fullRate));
    out.add(f("pass-through again, after the full  %,10.0f records/s", passThroughAgainRate));
    out.add(
        f(
            "ratio full / pass-through           %10.2f (full / mean of both pass-throughs;"
                + " %.2f and %.2f against each)",
            ratio(), fullRate / passThroughRate, fullRate / passThroughAgainRate));
    out.add(
        f(
            "process CPU per record (pass-through: its first phase): pass-through %,.0f us,"
                + " full %,.0f us, ratio %.2f",
            passThroughCpuNanos() / 1e3,
            fullCpuNanos() / 1e3,
            passThroughCpuNanos() / fullCpuNanos()));
    double passNoJit =
        passThroughCpuNanos() - passThroughCpu.getOrDefault(JIT, 0L) / (double) settings.records();
    double fullNoJit = fullCpuNanos() - fullCpu.getOrDefault(JIT, 0L) / (double) settings.records();
    out.add(
        f(
            "  without the JIT compiler threads (warm-up left over): pass-through %,.0f us,"
                + " full %,.0f us, ratio %.2f",
            passNoJit / 1e3, fullNoJit / 1e3, passNoJit / fullNoJit));
    out.add("CPU per record by thread group, us (pass-through's first phase / full):");
    Set<String> groups = new LinkedHashSet<>();
    fullCpu.keySet().stream().filter(g -> !g.equals(TOTAL)).forEach(groups::add);
    passThroughCpu.keySet().stream().filter(g -> !g.equals(TOTAL)).forEach(groups::add);
    groups.add(TOTAL);
    for (String group : groups) {
      out.add(
          f(
              "  %-46s %7.1f / %7.1f",
              group,
              passThroughCpu.getOrDefault(group, 0L) / 1e3 / settings.records(),
              fullCpu.getOrDefault(group, 0L) / 1e3 / settings.records()));
    }
    out.add("stream threads' wall time:");
    out.add("  pass-through  " + passThroughThreadTime.shares());
    out.add("  full          " + fullThreadTime.shares());
    writes("pass-through", passThroughWrites, out);
    writes("full pipeline", fullWrites, out);
    out.add(
        f(
            "latency at %,.0f records/s for %d s, produce to enriched: %s",
            pacedRate, settings.pacedSeconds(), summary(toEnriched)));
    out.add(f("latency produce to lead alert: %s", summary(toAlert)));
    out.add(
        f(
            "heap used after GC %s (max %d MiB), RSS %s",
            heapUsedBytes < 0
                ? "n/a (System.gc() ran no collection)"
                : (heapUsedBytes >> 20) + " MiB",
            heapMaxBytes >> 20,
            rssBytes < 0 ? "n/a" : (rssBytes >> 20) + " MiB"));
    out.add(rocksDb.line());
    out.add(
        f(
            "records dropped by the full pipeline's tasks (late window updates, mostly): %,d",
            fullDropped));
    for (StageCosts.Cost cost : stageCosts) {
      out.add(
          f(
              "stage %-48s %,9.0f ns/record (%,.0f records/s on one core)",
              cost.stage(), cost.nanosPerRecord(), 1e9 / cost.nanosPerRecord()));
    }
    out.add(f("ratio=%.2f", ratio()));
    return out;
  }

  private void writes(String phase, TopicWrites.Written written, List<String> out) {
    out.add(
        f(
            "writes of the %s per input record (offsets taken in the timed part, transaction"
                + " markers included; committed records in the topic, not yet purged ones of"
                + " repartition topics; bytes per record):",
            phase));
    // The offsets were taken over the timed part's input records, the committed records read back
    // over every input record the application read (warm-up included).
    double records = written.timedRecords();
    double total = settings.total();
    for (TopicWrites.Topic topic : written.topics()) {
      if (topic.records() < 0) {
        out.add(f("  %-58s %6.3f", topic.name(), topic.offsets() / records));
      } else {
        out.add(
            f(
                "  %-58s %6.3f %6.3f %6.0f B",
                topic.name(),
                topic.offsets() / records,
                topic.records() / total,
                topic.records() == 0 ? 0.0 : topic.bytes() / (double) topic.records()));
      }
    }
  }

  /**
   * p50, p99 and max of {@code latencies}; below 100 samples no p99, which would be the maximum by
   * another name.
   */
  static String summary(Latencies latencies) {
    if (latencies.count() == 0) {
      return "n/a (no records in the paced phase)";
    }
    if (latencies.count() < 100) {
      return f(
          "p50 %d ms, max %d ms (n=%,d, too few samples for a p99)",
          latencies.percentile(50), latencies.percentile(100), latencies.count());
    }
    return f(
        "p50 %d ms, p99 %d ms, max %d ms (n=%,d)",
        latencies.percentile(50),
        latencies.percentile(99),
        latencies.percentile(100),
        latencies.count());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
