package io.sociallistening.app.metrics;

import io.sociallistening.avro.AlertType;
import io.sociallistening.topology.dedup.ExactDedup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The Prometheus text exposition format (version 0.0.4) of an instance: every metric of Kafka
 * Streams and its clients ({@code KafkaStreams.metrics()}: name {@code kafka_<group without
 * "-metrics">_<name>}, characters outside {@code [a-zA-Z0-9_]} as {@code _}, tags as labels;
 * counters when the name ends in {@code _total}, gauges otherwise; non-numeric metrics left out),
 * then our {@link PipelineMetrics} as {@code social_listening_*}.
 */
public final class PrometheusText {
  /** The media type of the format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  /** The whole exposition. */
  public static String of(
      Map<MetricName, ? extends Metric> kafka, PipelineMetrics ours, String streamsState) {
    StringBuilder out = new StringBuilder(64 * 1024);
    appendKafka(out, kafka);
    appendOurs(out, ours, exactDuplicates(kafka), streamsState);
    return out.toString();
  }

  /** Appends Kafka metrics, grouped by exposition name, in name order. */
  static void appendKafka(StringBuilder out, Map<MetricName, ? extends Metric> metrics) {
    Map<String, List<Map.Entry<MetricName, Double>>> byName = new TreeMap<>();
    Map<String, String> help = new TreeMap<>();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      Object value = entry.getValue().metricValue();
      if (!(value instanceof Number number)) {
        continue;
      }
      MetricName metric = entry.getKey();
      String group = metric.group();
      if (group.endsWith("-metrics")) {
        group = group.substring(0, group.length() - "-metrics".length());
      }
      String name = "kafka_" + sanitize(group) + "_" + sanitize(metric.name());
      byName
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(Map.entry(metric, number.doubleValue()));
      help.putIfAbsent(name, metric.description());
    }
    for (Map.Entry<String, List<Map.Entry<MetricName, Double>>> series : byName.entrySet()) {
      String name = series.getKey();
      header(out, name, help.get(name), name.endsWith("_total") ? "counter" : "gauge");
      for (Map.Entry<MetricName, Double> sample : series.getValue()) {
        out.append(name);
        Map<String, String> tags = new TreeMap<>();
        sample.getKey().tags().forEach((k, v) -> tags.put(sanitize(k), v));
        labels(out, tags);
        out.append(' ').append(number(sample.getValue())).append('\n');
      }
    }
  }

  /** The sum over tasks of the exact-dedup stage's copy counter ({@link ExactDedup}). */
  static long exactDuplicates(Map<MetricName, ? extends Metric> metrics) {
    return sum(
        metrics,
        "stream-" + ExactDedup.METRICS_SCOPE + "-metrics",
        ExactDedup.DUPLICATES + "-total");
  }

  /**
   * The sum of every numeric metric named {@code name} in {@code group}: a Kafka Streams counter
   * over the tasks (or threads) of one application.
   */
  public static long sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
    double sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName metric = entry.getKey();
      if (metric.group().equals(group)
          && metric.name().equals(name)
          && entry.getValue().metricValue() instanceof Number number) {
        sum += number.doubleValue();
      }
    }
    return (long) sum;
  }

  private static void appendOurs(
      StringBuilder out, PipelineMetrics ours, long duplicates, String streamsState) {
    counter(
        out,
        "social_listening_mentions_in_total",
        "Raw mentions consumed by this instance's topology.",
        ours.mentionsIn());
    counter(
        out,
        "social_listening_mentions_enriched_total",
        "Enriched mentions (first copies) produced by this instance.",
        ours.enriched());
    counter(
        out,
        "social_listening_duplicates_total",
        "Exact copies recognised by dedup in this instance (a post seen again under the same id;"
            + " tasks it runs now or ran before).",
        duplicates);
    counter(
        out,
        "social_listening_dead_letters_total",
        "Records sent to the dead-letter topic by this instance.",
        ours.deadLetters());
    header(out, "social_listening_alerts_total", "Alerts produced, by type.", "counter");
    for (AlertType type : PipelineMetrics.alertTypes()) {
      out.append("social_listening_alerts_total{type=\"")
          .append(type.name())
          .append("\"} ")
          .append(ours.alerts(type))
          .append('\n');
    }
    String latency = "social_listening_end_to_end_latency_seconds";
    header(
        out,
        latency,
        "Wall clock at production minus record time (post time of mentions, event time of"
            + " alerts), by output.",
        "histogram");
    histogram(out, latency, "enriched", ours.enrichedLatency());
    histogram(out, latency, "alerts", ours.alertLatency());
    header(
        out,
        "social_listening_streams_state",
        "1 for the current Kafka Streams state of this instance.",
        "gauge");
    out.append("social_listening_streams_state{state=\"")
        .append(escape(streamsState))
        .append("\"} 1\n");
  }

  private static void histogram(
      StringBuilder out, String name, String output, LatencyHistogram histogram) {
    long[] counts = histogram.cumulativeCounts();
    for (int i = 0; i < counts.length; i++) {
      String le =
          i < LatencyHistogram.BOUNDS_SECONDS.length
              ? number(LatencyHistogram.BOUNDS_SECONDS[i])
              : "+Inf";
      out.append(name)
          .append("_bucket{output=\"")
          .append(output)
          .append("\",le=\"")
          .append(le)
          .append("\"} ")
          .append(counts[i])
          .append('\n');
    }
    out.append(name)
        .append("_sum{output=\"")
        .append(output)
        .append("\"} ")
        .append(number(histogram.sumSeconds()))
        .append('\n');
    out.append(name)
        .append("_count{output=\"")
        .append(output)
        .append("\"} ")
        .append(counts[counts.length - 1])
        .append('\n');
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    header(out, name, help, "counter");
    out.append(name).append(' ').append(value).append('\n');
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    if (help != null && !help.isEmpty()) {
      out.append("# HELP ")
          .append(name)
          .append(' ')
          .append(help.replace("\\", "\\\\").replace("\n", "\\n"))
          .append('\n');
    }
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void labels(StringBuilder out, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
    }
    out.append('}');
  }

  /** A metric or label name: {@code [a-zA-Z0-9_]}, not starting with a digit. */
  static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      ok |= c >= '0' && c <= '9';
      out.append(ok ? c : '_');
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  private static String escape(String value) {
    return value == null
        ? ""
        : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }
}
