package io.sociallistening.app.bench;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Where an application's stream threads spent a phase's wall-clock time: on a core (their CPU
 * time), blocked in Kafka client calls (Kafka Streams' {@code blocked-time-ns-total}: polls that
 * wait for records, producer flushes, transaction calls, offset commits), and of that the
 * producers' flushes and transaction calls; what is left is time spent runnable without a core, or
 * in calls the metrics do not cover. Every figure is a total over the application's stream threads
 * during the phase, in nanoseconds.
 *
 * @param threads stream threads of the application
 * @param wallNanos the phase's wall-clock time
 * @param cpuNanos the stream threads' CPU time
 * @param blockedNanos their {@code blocked-time-ns-total}
 * @param flushNanos their producers' {@code flush-time-ns-total}
 * @param transactionNanos their producers' {@code txn-begin}, {@code txn-send-offsets} and {@code
 *     txn-commit} times (an abort is not counted)
 */
record StreamThreadTime(
    int threads,
    long wallNanos,
    long cpuNanos,
    long blockedNanos,
    long flushNanos,
    long transactionNanos) {

  private static final String THREAD_GROUP = "stream-thread-metrics";
  private static final String PRODUCER_GROUP = "producer-metrics";

  /** The cumulative client metrics of {@code metrics} this record reads. */
  record Totals(long blockedNanos, long flushNanos, long transactionNanos) {

    static Totals of(Map<MetricName, ? extends Metric> metrics) {
      long blocked = 0;
      long flush = 0;
      long transactions = 0;
      for (var entry : metrics.entrySet()) {
        MetricName name = entry.getKey();
        if (!(entry.getValue().metricValue() instanceof Number value)) {
          continue;
        }
        long nanos = value.longValue();
        if (name.group().equals(THREAD_GROUP) && name.name().equals("blocked-time-ns-total")) {
          blocked += nanos;
        } else if (name.group().equals(PRODUCER_GROUP) && ofStreamThread(name)) {
          switch (name.name()) {
            case "flush-time-ns-total" -> flush += nanos;
            case "txn-begin-time-ns-total",
                "txn-send-offsets-time-ns-total",
                "txn-commit-time-ns-total" ->
                transactions += nanos;
            default -> {}
          }
        }
      }
      return new Totals(blocked, flush, transactions);
    }

    private static boolean ofStreamThread(MetricName name) {
      String client = name.tags().get("client-id");
      return client != null && client.contains("-StreamThread-");
    }
  }

  /** The time of one phase: the totals at its start and end, and its wall and CPU time. */
  static StreamThreadTime between(
      int threads, Totals start, Totals end, long wallNanos, long cpuNanos) {
    return new StreamThreadTime(
        threads,
        wallNanos,
        cpuNanos,
        end.blockedNanos - start.blockedNanos,
        end.flushNanos - start.flushNanos,
        end.transactionNanos - start.transactionNanos);
  }

  /**
   * Shares of the stream threads' wall time, e.g. {@code "on a core 73%, blocked in Kafka clients
   * 15% (producer flushes 9%, transaction calls 3%), neither 12%"}.
   */
  String shares() {
    double wall = (double) wallNanos * threads;
    double cpu = cpuNanos / wall;
    double blocked = blockedNanos / wall;
    return String.format(
        Locale.ROOT,
        "on a core %.0f%%, blocked in Kafka clients %.0f%% (producer flushes %.0f%%, transaction"
            + " calls %.0f%%), neither %.0f%%",
        100 * cpu,
        100 * blocked,
        100 * flushNanos / wall,
        100 * transactionNanos / wall,
        100 * Math.max(0, 1 - cpu - blocked));
  }
}
