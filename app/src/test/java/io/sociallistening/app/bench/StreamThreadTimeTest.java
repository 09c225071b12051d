package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StreamThreadTimeTest {

  private static final String THREAD = "app-1234-StreamThread-1";

  private static void put(
      Map<MetricName, Metric> metrics, String group, String name, String client, Object value) {
    MetricName metricName = new MetricName(name, group, "", Map.of("client-id", client));
    metrics.put(metricName, new StubMetric(metricName, value));
  }

  @Test
  void shouldSumTheStreamThreadsBlockedTimeAndTheirProducersFlushesAndTransactionCalls() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    put(metrics, "stream-thread-metrics", "blocked-time-ns-total", THREAD, 500.0);
    put(metrics, "producer-metrics", "flush-time-ns-total", THREAD + "-producer", 200.0);
    put(metrics, "producer-metrics", "txn-commit-time-ns-total", THREAD + "-producer", 30.0);
    put(metrics, "producer-metrics", "txn-send-offsets-time-ns-total", THREAD + "-producer", 20.0);
    put(metrics, "producer-metrics", "txn-begin-time-ns-total", THREAD + "-producer", 1.0);
    // not counted: an abort, a producer of no stream thread, the I/O thread's own waits
    put(metrics, "producer-metrics", "txn-abort-time-ns-total", THREAD + "-producer", 7_000.0);
    put(metrics, "producer-metrics", "flush-time-ns-total", "dead-letters", 9_000.0);
    put(metrics, "producer-metrics", "io-wait-time-ns-total", THREAD + "-producer", 8_000.0);
    put(metrics, "stream-thread-metrics", "thread-state", THREAD, "RUNNING");

    assertThat(StreamThreadTime.Totals.of(metrics))
        .isEqualTo(new StreamThreadTime.Totals(500, 200, 51));
  }

  @Test
  void shouldGiveEachShareOfTheWallTimeOfEveryThread() {
    StreamThreadTime.Totals start = new StreamThreadTime.Totals(1_000, 500, 100);
    StreamThreadTime.Totals end = new StreamThreadTime.Totals(4_000, 2_500, 700);

    // two threads for 10,000 ns: 20,000 ns of thread time
    StreamThreadTime time = StreamThreadTime.between(2, start, end, 10_000, 13_000);

    assertThat(time).isEqualTo(new StreamThreadTime(2, 10_000, 13_000, 3_000, 2_000, 600));
    assertThat(time.shares())
        .isEqualTo(
            "on a core 65%, blocked in Kafka clients 15% (producer flushes 10%, transaction calls"
                + " 3%), neither 20%");
  }
}
