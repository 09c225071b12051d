package io.sociallistening.topology.sentiment;

import io.sociallistening.avro.SentimentLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link SentimentScorer} against the VADER tweet ground truth (Hutto and Gilbert 2014):
 * lines {@code id TAB mean rating (-4..+4) TAB text}. Prints the Pearson correlation of compound
 * with the mean human rating, and 3-class precision, recall and F1 (per class, macro average, and
 * support-weighted average) plus a rough single-thread throughput.
 *
 * <p>Gold labels: the mean rating divided by 4 is put through the scorer's own thresholds, so a
 * tweet is positive when mean / 4 >= 0.05 (mean >= 0.2), negative when mean / 4 <= -0.05, else
 * neutral (the reading of the paper's "±0.05 on normalised scores" in shared/eval/vader/README.md).
 *
 * <p>Run from the repository root (not a unit test: it needs the shared data set):
 *
 * <pre>
 * mvn -o -q -pl topology test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp topology/target/test-classes:topology/target/classes:$(cat topology/target/cp.txt) \
 *     io.sociallistening.topology.sentiment.SentimentEvaluation \
 *     ../shared/eval/vader/tweets_GroundTruth.txt
 * </pre>
 */
public final class SentimentEvaluation {
  private SentimentEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/eval/vader/tweets_GroundTruth.txt");
    List<String> texts = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", 3);
      if (fields.length == 3) {
        means.add(Double.parseDouble(fields[1].trim()));
        texts.add(fields[2]);
      }
    }
    SentimentScorer scorer = SentimentScorer.loadDefault();
    int n = texts.size();
    double[] compound = new double[n];
    int[][] confusion = new int[3][3];
    for (int i = 0; i < n; i++) {
      SentimentResult result = scorer.score(texts.get(i));
      compound[i] = result.compound();
      confusion[gold(means.get(i))][result.label().ordinal()]++;
    }
    System.out.printf(Locale.ROOT, "tweets: %d%n", n);
    System.out.printf(
        Locale.ROOT, "pearson r (compound vs mean rating): %.4f%n", pearson(compound, means));
    double macro = 0;
    double weighted = 0;
    int correct = 0;
    for (SentimentLabel label : SentimentLabel.values()) {
      int c = label.ordinal();
      int truePositives = confusion[c][c];
      int predicted = 0;
      int actual = 0;
      for (int k = 0; k < 3; k++) {
        predicted += confusion[k][c];
        actual += confusion[c][k];
      }
      double precision = predicted == 0 ? 0 : truePositives / (double) predicted;
      double recall = actual == 0 ? 0 : truePositives / (double) actual;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      macro += f1 / 3;
      weighted += f1 * actual / n;
      correct += truePositives;
      System.out.printf(
          Locale.ROOT,
          "%-8s gold %4d  predicted %4d  P %.3f  R %.3f  F1 %.3f%n",
          label.name().toLowerCase(Locale.ROOT),
          actual,
          predicted,
          precision,
          recall,
          f1);
    }
    System.out.printf(Locale.ROOT, "macro-F1: %.4f%n", macro);
    System.out.printf(Locale.ROOT, "weighted-F1: %.4f%n", weighted);
    System.out.printf(Locale.ROOT, "accuracy: %.4f%n", correct / (double) n);

    int rounds = 50;
    double sink = 0;
    for (int warm = 0; warm < 20; warm++) {
      for (String text : texts) {
        sink += scorer.score(text).compound();
      }
    }
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (String text : texts) {
        sink += scorer.score(text).compound();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "throughput (one thread, rough): %.0f texts/s (checksum %.1f)%n",
        rounds * n / seconds,
        sink);
  }

  private static int gold(double mean) {
    double normalised = mean / 4.0;
    if (normalised >= SentimentScorer.POSITIVE_THRESHOLD) {
      return SentimentLabel.POSITIVE.ordinal();
    }
    return normalised <= SentimentScorer.NEGATIVE_THRESHOLD
        ? SentimentLabel.NEGATIVE.ordinal()
        : SentimentLabel.NEUTRAL.ordinal();
  }

  private static double pearson(double[] x, List<Double> y) {
    int n = x.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i] / n;
      meanY += y.get(i) / n;
    }
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y.get(i) - meanY;
      covariance += dx * dy;
      varianceX += dx * dx;
      varianceY += dy * dy;
    }
    return covariance / Math.sqrt(varianceX * varianceY);
  }
}
