package io.sociallistening.topology.eval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the {@code dedup} command ({@link DedupCommand}, the same code as the topology's
 * near-duplicate stage) on the labelled set {@code topology/src/test/resources/dedup/labelled.tsv}
 * (lines {@code cluster TAB split TAB kind TAB text}; see the README beside it).
 *
 * <p>Each split ({@code dev}, {@code holdout}) is fed to the command as one stream, in file order.
 * Pairs: every pair of posts in one gold cluster is a duplicate pair; every pair the command puts
 * in one cluster is a predicted pair. Prints pair precision, recall and F1 per split, then per copy
 * kind the share of copies put in the cluster of their original ("joined"), and with {@code -v}
 * every wrong pair.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -o -q -pl topology test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dspotless.check.skip=true
 * java -cp topology/target/test-classes:topology/target/classes:$(cat /tmp/cp.txt) \
 *     io.sociallistening.topology.eval.DedupEvaluation topology/src/test/resources/dedup/labelled.tsv
 * </pre>
 */
public final class DedupEvaluation {
  private DedupEvaluation() {}

  record Post(String cluster, String kind, String text) {}

  /** The labelled set of the repository, relative to the repository root. */
  static final Path LABELLED = Path.of("topology/src/test/resources/dedup/labelled.tsv");

  /** Pair precision and recall of the {@code dedup} command on one split. */
  record PairScores(double precision, double recall) {}

  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : LABELLED;
    boolean verbose = args.length > 1 && args[1].equals("-v");
    for (var split : splits(file).entrySet()) {
      evaluate(split.getKey(), split.getValue(), verbose);
    }
  }

  /** The posts of {@code file} by split, in file order. */
  static Map<String, List<Post>> splits(Path file) throws IOException {
    Map<String, List<Post>> splits = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", 4);
      splits
          .computeIfAbsent(fields[1], s -> new ArrayList<>())
          .add(new Post(fields[0], fields[2], fields[3]));
    }
    return splits;
  }

  /** The pair precision and recall of the {@code dedup} command on {@code posts}. */
  static PairScores pairScores(List<Post> posts) {
    String[] predicted = clusters(posts);
    long[] pairs = pairs(posts, predicted, false);
    return new PairScores(precision(pairs), recall(pairs));
  }

  private static double precision(long[] pairs) {
    return pairs[2] == 0 ? 1 : pairs[0] / (double) pairs[2];
  }

  private static double recall(long[] pairs) {
    return pairs[1] == 0 ? 1 : pairs[0] / (double) pairs[1];
  }

  /** The cluster the {@code dedup} command gives each post, fed as one stream in order. */
  private static String[] clusters(List<Post> posts) {
    StringBuilder input = new StringBuilder();
    for (Post post : posts) {
      input.append(post.text().replace('\n', ' ')).append('\n');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        DedupCommand.run(
            List.of(),
            new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    if (code != 0) {
      throw new IllegalStateException("dedup exited with " + code);
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    String[] predicted = new String[posts.size()];
    for (int i = 0; i < predicted.length; i++) {
      String line = lines[i];
      predicted[i] = line.substring(line.indexOf(':') + 1, line.length() - 1).strip();
    }
    return predicted;
  }

  /** Pairs of posts: {true, gold, predicted}; with {@code verbose} every wrong pair is printed. */
  private static long[] pairs(List<Post> posts, String[] predicted, boolean verbose) {
    long truePairs = 0;
    long goldPairs = 0;
    long predictedPairs = 0;
    int n = posts.size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean gold = posts.get(i).cluster().equals(posts.get(j).cluster());
        boolean pred = predicted[i].equals(predicted[j]);
        goldPairs += gold ? 1 : 0;
        predictedPairs += pred ? 1 : 0;
        truePairs += gold && pred ? 1 : 0;
        if (verbose && gold != pred) {
          System.out.printf(
              Locale.ROOT,
              "%s %s | %s%n",
              gold ? "MISSED" : "MERGED",
              posts.get(i).kind() + ": " + posts.get(i).text(),
              posts.get(j).kind() + ": " + posts.get(j).text());
        }
      }
    }
    return new long[] {truePairs, goldPairs, predictedPairs};
  }

  private static void evaluate(String name, List<Post> posts, boolean verbose) {
    String[] predicted = clusters(posts);
    int n = posts.size();
    long[] pairs = pairs(posts, predicted, verbose);
    long truePairs = pairs[0];
    long goldPairs = pairs[1];
    long predictedPairs = pairs[2];
    double precision = precision(pairs);
    double recall = recall(pairs);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    long clusters = posts.stream().map(Post::cluster).distinct().count();
    System.out.printf(
        Locale.ROOT,
        "%-8s posts %4d clusters %4d gold pairs %5d predicted %5d true %5d"
            + "  precision %.4f recall %.4f F1 %.4f%n",
        name,
        n,
        clusters,
        goldPairs,
        predictedPairs,
        truePairs,
        precision,
        recall,
        f1);
    Map<String, Integer> originalOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String kind = posts.get(i).kind();
      if (kind.equals("original")
          || kind.equals("template")
          || kind.equals("paraphrase")
          || kind.equals("generic")) {
        originalOf.put(posts.get(i).cluster(), i);
      }
    }
    Map<String, int[]> byKind = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Integer original = originalOf.get(posts.get(i).cluster());
      if (original == null || original == i) {
        continue;
      }
      int[] counts = byKind.computeIfAbsent(posts.get(i).kind(), k -> new int[2]);
      counts[1]++;
      counts[0] += predicted[i].equals(predicted[original]) ? 1 : 0;
    }
    StringBuilder kinds = new StringBuilder("         joined:");
    for (var kind : byKind.entrySet()) {
      kinds.append(
          String.format(
              Locale.ROOT, " %s %d/%d", kind.getKey(), kind.getValue()[0], kind.getValue()[1]));
    }
    System.out.println(kinds);
  }
}
