package io.sociallistening.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command line (e.g. {@code MatchBenchmark -f 1 -wi 3 -i 5 -t 1}), then
 * prints for each parameter combination of {@link MatchBenchmark} the median of the measured
 * iterations of each benchmark and the ratio of our rule set to the faster of Monitor's two ways;
 * for {@link SentimentBenchmark} the median texts per second of each scorer and their ratio.
 */
public final class BenchmarkReport {

  private BenchmarkReport() {}

  public static void main(String[] args)
      throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions options = new CommandLineOptions(args);
    if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<String, Double>> medians = new TreeMap<>();
    Map<String, Double> sentiment = new TreeMap<>();
    for (RunResult run : results) {
      String label = run.getParams().getBenchmark();
      String method = label.substring(label.lastIndexOf('.') + 1);
      if (label.contains("SentimentBenchmark")) {
        sentiment.put(run.getParams().getParam("scorer"), median(iterationScores(run)));
        continue;
      }
      if (!label.contains("MatchBenchmark")) {
        continue;
      }
      String key =
          String.format(
              Locale.ROOT,
              "rules=%6s mix=%-9s",
              run.getParams().getParam("rules"),
              run.getParams().getParam("mix"));
      medians.computeIfAbsent(key, k -> new TreeMap<>()).put(method, median(iterationScores(run)));
    }
    if (!sentiment.isEmpty()) {
      System.out.println();
      System.out.println("Median texts/s of the measured iterations (SentimentBenchmark)");
      for (Map.Entry<String, Double> entry : sentiment.entrySet()) {
        System.out.printf(
            Locale.ROOT, "scorer=%-6s %10.0f texts/s%n", entry.getKey(), entry.getValue());
      }
      if (sentiment.containsKey("SOCIAL") && sentiment.containsKey("VADER")) {
        System.out.printf(
            Locale.ROOT,
            "ratio SOCIAL / VADER core: %.2f%n",
            sentiment.get("SOCIAL") / sentiment.get("VADER"));
      }
    }
    if (medians.isEmpty()) {
      return;
    }
    System.out.println();
    System.out.println(
        "Median posts/s of the measured iterations; ratios of ruleSet to monitor (one post at a"
            + " time) and to the faster of monitor and monitorBatch");
    for (Map.Entry<String, Map<String, Double>> entry : medians.entrySet()) {
      Map<String, Double> byMethod = entry.getValue();
      double ours = byMethod.getOrDefault("ruleSet", Double.NaN);
      double monitor = byMethod.getOrDefault("monitor", Double.NaN);
      double batch = byMethod.getOrDefault("monitorBatch", Double.NaN);
      double best = Double.isNaN(batch) ? monitor : Math.max(monitor, batch);
      System.out.printf(
          Locale.ROOT,
          "%s ruleSet=%9.0f monitor=%8.0f monitorBatch=%8.0f ratio=%7.1fx ratioToBest=%6.1fx%n",
          entry.getKey(),
          ours,
          monitor,
          batch,
          ours / monitor,
          ours / best);
    }
  }

  private static List<Double> iterationScores(RunResult run) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return scores;
  }

  private static double median(List<Double> scores) {
    if (scores.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
