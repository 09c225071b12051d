package io.sociallistening.topology.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.topology.lead.LeadResult;
import io.sociallistening.topology.lead.LeadScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measurement, not a unit test: scores the labelled halves of {@code lead-eval/} (see its README)
 * with {@link LeadScorer#loadDefault()} and prints, per half, precision, recall and F1 at the
 * default threshold (with the posts' competitor flag, and with it forced off as the {@code leads}
 * command does), a precision/recall table over thresholds, the highest recall at precision >= 0.80,
 * the misses per category, and the same figures for a plain keyword list in the same run: a post is
 * a lead when it contains any of the words {@code buy, purchase, want, need, recommend} or the
 * phrase {@code looking for} (whole words, case-insensitive). Last, it times both over all posts
 * (after a warm-up, 11 runs of 200 passes) and prints the median microseconds per post and their
 * ratio. When the VADER tweet file exists ({@code /work/shared/eval/vader/tweets_GroundTruth.txt},
 * 4,200 everyday tweets, nearly none about buying), it also prints how many of them each flags: a
 * proxy for the false-alarm rate on a general stream.
 *
 * <p>Arguments (optional): the halves to score, {@code dev} and/or {@code heldout} (default both),
 * and {@code --errors} to also list the wrong decisions on them. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -o -pl topology test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp topology/target/classes:topology/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.sociallistening.topology.eval.LeadEvaluation
 * </pre>
 */
public final class LeadEvaluation {
  private static final String VADER_TWEETS = "/work/shared/eval/vader/tweets_GroundTruth.txt";
  private static final List<String> HALVES = List.of("dev", "heldout");
  private static final String[] KEYWORDS = {"buy", "purchase", "want", "need", "recommend"};

  private LeadEvaluation() {}

  /** One labelled post. */
  record Post(String id, String text, boolean lead, String category, boolean competitor) {}

  /** Counts of one decision rule on one half. */
  record Counts(int truePositives, int falsePositives, int falseNegatives) {
    double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 1.0 : truePositives / (double) predicted;
    }

    double recall() {
      int actual = truePositives + falseNegatives;
      return actual == 0 ? 0.0 : truePositives / (double) actual;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
          precision(),
          recall(),
          f1(),
          truePositives,
          falsePositives,
          falseNegatives);
    }
  }

  public static void main(String[] args) throws IOException {
    List<String> arguments = List.of(args);
    boolean errors = arguments.contains("--errors");
    List<String> halves = HALVES.stream().filter(arguments::contains).toList();
    LeadScorer scorer = LeadScorer.loadDefault();
    for (String half : halves.isEmpty() ? HALVES : halves) {
      List<Post> posts = load("/lead-eval/" + half + ".jsonl");
      long leads = posts.stream().filter(Post::lead).count();
      System.out.printf(Locale.ROOT, "== %s: %d posts, %d leads%n", half, posts.size(), leads);
      double[] scores = new double[posts.size()];
      double[] scoresNoCompetitor = new double[posts.size()];
      boolean[] keyword = new boolean[posts.size()];
      for (int i = 0; i < posts.size(); i++) {
        Post post = posts.get(i);
        scores[i] = scorer.score(post.text(), post.competitor()).score();
        scoresNoCompetitor[i] = scorer.score(post.text(), false).score();
        keyword[i] = keywordLead(post.text());
      }
      double threshold = scorer.threshold();
      System.out.printf(
          Locale.ROOT,
          "scorer @%.2f                 %s%n",
          threshold,
          counts(posts, scores, threshold).line());
      System.out.printf(
          Locale.ROOT,
          "scorer @%.2f, no competitor  %s%n",
          threshold,
          counts(posts, scoresNoCompetitor, threshold).line());
      System.out.printf(
          Locale.ROOT, "keyword list                %s%n", counts(posts, keyword).line());
      System.out.println("threshold  precision  recall  f1");
      double bestRecall = 0;
      double bestAt = Double.NaN;
      for (int t = 5; t <= 90; t += 5) {
        Counts c = counts(posts, scores, t / 100.0);
        System.out.printf(
            Locale.ROOT,
            "%.2f       %.3f      %.3f   %.3f%n",
            t / 100.0,
            c.precision(),
            c.recall(),
            c.f1());
        if (c.precision() >= 0.80 && c.recall() > bestRecall) {
          bestRecall = c.recall();
          bestAt = t / 100.0;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "highest recall at precision >= 0.80: %.3f (threshold %.2f)%n",
          bestRecall,
          bestAt);
      Map<String, int[]> perCategory = new TreeMap<>();
      for (int i = 0; i < posts.size(); i++) {
        Post post = posts.get(i);
        int[] c = perCategory.computeIfAbsent(post.category(), k -> new int[2]);
        c[0]++;
        if ((scores[i] >= threshold) != post.lead()) {
          c[1]++;
        }
      }
      StringBuilder categories = new StringBuilder("wrong per category:");
      perCategory.forEach(
          (category, c) ->
              categories
                  .append(' ')
                  .append(category)
                  .append(' ')
                  .append(c[1])
                  .append('/')
                  .append(c[0]));
      System.out.println(categories);
      if (errors) {
        for (int i = 0; i < posts.size(); i++) {
          Post post = posts.get(i);
          if ((scores[i] >= threshold) != post.lead()) {
            LeadResult result = scorer.score(post.text(), post.competitor());
            System.out.printf(
                Locale.ROOT,
                "%s %s %-20s %.3f %s | %s%n",
                post.lead() ? "FN" : "FP",
                post.id(),
                post.category(),
                result.score(),
                result.reasons(),
                post.text());
          }
        }
      }
      System.out.println();
    }
    if (halves.isEmpty()) {
      generalTweets(scorer, Path.of(VADER_TWEETS));
      speed(scorer);
    }
  }

  private static void generalTweets(LeadScorer scorer, Path file) throws IOException {
    if (!Files.exists(file)) {
      System.out.println("general tweets: " + file + " not found, skipped");
      return;
    }
    int total = 0;
    int byScorer = 0;
    int byKeyword = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", 3);
      if (fields.length < 3) {
        continue;
      }
      total++;
      byScorer += scorer.score(fields[2]).lead() ? 1 : 0;
      byKeyword += keywordLead(fields[2]) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "general tweets (VADER set, %d): flagged by scorer %d (%.1f%%), by keyword list %d"
            + " (%.1f%%)%n",
        total,
        byScorer,
        100.0 * byScorer / total,
        byKeyword,
        100.0 * byKeyword / total);
  }

  private static void speed(LeadScorer scorer) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String half : HALVES) {
      load("/lead-eval/" + half + ".jsonl").forEach(post -> texts.add(post.text()));
    }
    double[] scorerMicros = new double[11];
    double[] keywordMicros = new double[11];
    long sink = 0;
    for (int warmUp = 0; warmUp < 300; warmUp++) {
      for (String text : texts) {
        sink += scorer.score(text).reasons().size() + (keywordLead(text) ? 1 : 0);
      }
    }
    for (int run = 0; run < scorerMicros.length; run++) {
      long start = System.nanoTime();
      for (int pass = 0; pass < 200; pass++) {
        for (String text : texts) {
          sink += scorer.score(text).reasons().size();
        }
      }
      scorerMicros[run] = (System.nanoTime() - start) / 1000.0 / (200.0 * texts.size());
      start = System.nanoTime();
      for (int pass = 0; pass < 200; pass++) {
        for (String text : texts) {
          sink += keywordLead(text) ? 1 : 0;
        }
      }
      keywordMicros[run] = (System.nanoTime() - start) / 1000.0 / (200.0 * texts.size());
    }
    java.util.Arrays.sort(scorerMicros);
    java.util.Arrays.sort(keywordMicros);
    double scorerMedian = scorerMicros[scorerMicros.length / 2];
    double keywordMedian = keywordMicros[keywordMicros.length / 2];
    System.out.printf(
        Locale.ROOT,
        "speed over %d posts: scorer %.2f us/post (%.0f posts/s), keyword list %.2f us/post,"
            + " ratio %.1f (checksum %d)%n",
        texts.size(),
        scorerMedian,
        1e6 / scorerMedian,
        keywordMedian,
        scorerMedian / keywordMedian,
        sink);
  }

  static boolean keywordLead(String text) {
    String lower = " " + normalize(text) + " ";
    for (String keyword : KEYWORDS) {
      if (lower.contains(" " + keyword + " ")) {
        return true;
      }
    }
    return lower.contains(" looking for ");
  }

  private static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ');
    }
    return out.toString();
  }

  static Counts counts(List<Post> posts, double[] scores, double threshold) {
    boolean[] predicted = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      predicted[i] = scores[i] >= threshold;
    }
    return counts(posts, predicted);
  }

  static Counts counts(List<Post> posts, boolean[] predicted) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < posts.size(); i++) {
      boolean lead = posts.get(i).lead();
      if (predicted[i] && lead) {
        tp++;
      } else if (predicted[i]) {
        fp++;
      } else if (lead) {
        fn++;
      }
    }
    return new Counts(tp, fp, fn);
  }

  static List<Post> load(String resource) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Post> posts = new ArrayList<>();
    InputStream in = LeadEvaluation.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing resource " + resource);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = mapper.readTree(line);
        posts.add(
            new Post(
                row.get("id").asText(),
                row.get("text").asText(),
                row.get("label").asText().equals("lead"),
                row.get("category").asText(),
                row.get("competitor").asBoolean()));
      }
    }
    return posts;
  }
}
