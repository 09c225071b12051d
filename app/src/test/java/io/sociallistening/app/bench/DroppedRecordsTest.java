package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class DroppedRecordsTest {

  private static Map.Entry<MetricName, Metric> metric(String name, String group, Object value) {
    MetricName metricName = new MetricName(name, group, "", Map.of("task-id", group + value));
    return Map.entry(metricName, new StubMetric(metricName, value));
  }

  @Test
  void shouldSumTheDroppedRecordsOfEveryTaskAndNothingElse() {
    Map<MetricName, Metric> metrics =
        Map.ofEntries(
            metric("dropped-records-total", "stream-task-metrics", 60_000.0),
            metric("dropped-records-total", "stream-task-metrics", 573.0),
            metric("dropped-records-rate", "stream-task-metrics", 12.5),
            metric("dropped-records-total", "stream-thread-metrics", 99.0),
            metric("process-total", "stream-task-metrics", 250_000.0));

    assertThat(Benchmark.droppedRecords(metrics)).isEqualTo(60_573);
    assertThat(Benchmark.droppedRecords(Map.of())).isZero();
  }
}
