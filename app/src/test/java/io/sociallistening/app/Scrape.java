package io.sociallistening.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed Prometheus text exposition: samples by their series ({@code name{labels}}), and sums
 * over series, as a dashboard query would compute them.
 */
record Scrape(Map<String, Double> samples) {
  static Scrape parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String value = line.substring(space + 1);
      samples.put(
          line.substring(0, space),
          switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
          });
    }
    return new Scrape(samples);
  }

  /** Sum of the series of metric {@code name} whose labels contain every one of {@code labels}. */
  double sum(String name, String... labels) {
    double total = 0;
    for (Map.Entry<String, Double> sample : samples.entrySet()) {
      String series = sample.getKey();
      int brace = series.indexOf('{');
      String metric = brace < 0 ? series : series.substring(0, brace);
      if (!metric.equals(name)) {
        continue;
      }
      boolean all = true;
      for (String label : labels) {
        all &= series.contains(label);
      }
      if (all) {
        total += sample.getValue();
      }
    }
    return total;
  }

  boolean has(String name) {
    return samples.keySet().stream().anyMatch(s -> s.equals(name) || s.startsWith(name + "{"));
  }
}
