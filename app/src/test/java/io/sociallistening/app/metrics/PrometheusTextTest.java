package io.sociallistening.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.AlertType;
import io.sociallistening.topology.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static Metric metric(MetricName name, Object value) {
    return new Metric() {
      @Override
      public MetricName metricName() {
        return name;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    };
  }

  @Test
  void shouldNameKafkaMetricsByGroupAndNameWithTagsAsLabels() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    MetricName total =
        new MetricName(
            "process-total",
            "stream-thread-metrics",
            "The total number of calls to process",
            Map.of("thread-id", "app-StreamThread-1"));
    MetricName rate =
        new MetricName("process-rate", "stream-thread-metrics", "", Map.of("thread-id", "t\"1"));
    MetricName text = new MetricName("version", "app-info", "", Map.of());
    metrics.put(total, metric(total, 42.0));
    metrics.put(rate, metric(rate, 2.5));
    metrics.put(text, metric(text, "4.3.1"));

    StringBuilder out = new StringBuilder();
    PrometheusText.appendKafka(out, metrics);

    assertThat(out.toString())
        .isEqualTo(
            "# TYPE kafka_stream_thread_process_rate gauge\n"
                + "kafka_stream_thread_process_rate{thread_id=\"t\\\"1\"} 2.5\n"
                + "# HELP kafka_stream_thread_process_total The total number of calls to"
                + " process\n"
                + "# TYPE kafka_stream_thread_process_total counter\n"
                + "kafka_stream_thread_process_total{thread_id=\"app-StreamThread-1\"} 42\n");
  }

  @Test
  void shouldWriteNaNAndInfinityAsPrometheusSpellsThem() {
    assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(PrometheusText.number(0.005)).isEqualTo("0.005");
    assertThat(PrometheusText.number(3.0)).isEqualTo("3");
  }

  @Test
  void shouldSanitiseNamesToPrometheusCharacters() {
    assertThat(PrometheusText.sanitize("records-lag.max")).isEqualTo("records_lag_max");
    assertThat(PrometheusText.sanitize("99th")).isEqualTo("_99th");
  }

  @Test
  void shouldExposeOurCountersAndLatencyHistogram() {
    PipelineMetrics ours = PipelineMetrics.register("app", Topics.defaults());
    try {
      ours.consumed("social.mentions.raw");
      ours.consumed("social.mentions.raw");
      ours.produced("social.dead-letters", 0L, new byte[0], 10);
      ours.produced("social.mentions.enriched", 1_000L, new byte[0], 1_004L);
      ours.produced("social.mentions.enriched", 1_000L, new byte[0], 3_000L);

      String text = PrometheusText.of(Map.of(), ours, "RUNNING");

      assertThat(text)
          .contains("# TYPE social_listening_mentions_in_total counter\n")
          .contains("\nsocial_listening_mentions_in_total 2\n")
          .contains("\nsocial_listening_dead_letters_total 1\n")
          .contains("\nsocial_listening_mentions_enriched_total 2\n")
          .contains("\nsocial_listening_alerts_total{type=\"LEAD\"} 0\n")
          .contains(
              "social_listening_end_to_end_latency_seconds_bucket{output=\"enriched\",le=\"0.005\"}"
                  + " 1\n")
          .contains(
              "social_listening_end_to_end_latency_seconds_bucket{output=\"enriched\",le=\"1\"}"
                  + " 1\n")
          .contains(
              "social_listening_end_to_end_latency_seconds_bucket{output=\"enriched\",le=\"2.5\"}"
                  + " 2\n")
          .contains(
              "social_listening_end_to_end_latency_seconds_bucket{output=\"enriched\",le=\"+Inf\"}"
                  + " 2\n")
          .contains("social_listening_end_to_end_latency_seconds_sum{output=\"enriched\"} 2.004\n")
          .contains("social_listening_end_to_end_latency_seconds_count{output=\"enriched\"} 2\n")
          .contains("social_listening_streams_state{state=\"RUNNING\"} 1\n");
      assertThat(ours.alerts(AlertType.LEAD)).isZero();
    } finally {
      ours.unregister();
    }
  }
}
