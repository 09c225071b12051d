package io.sociallistening.topology.sentiment;

import io.sociallistening.topology.language.LanguageDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Measures {@link SentimentScorer} beside the reference VADER (the npm package {@code
 * vader-sentiment}, run by node in the same run) on the VADER tweet ground truth (Hutto and Gilbert
 * 2014): lines {@code id TAB mean rating (-4..+4) TAB text}.
 *
 * <p>For each of three scorers (the npm reference, our VADER-compatible core, our social scorer) it
 * prints the Pearson correlation of the score with the mean human rating and 3-class precision,
 * recall and F1 per class, macro-F1 and accuracy. Gold labels: mean / 4 >= 0.05 is positive, <=
 * -0.05 negative, else neutral (the paper's "±0.05 on normalised scores", see
 * shared/eval/vader/README.md). Predicted labels: VADER's ±0.05 thresholds for the two VADER
 * scorers; {@link SentimentScorer}'s own labels for ours.
 *
 * <p>Our label thresholds are the only constants chosen on data. To show they generalise, it also
 * prints out-of-fold figures from 10-fold cross-validation (folds from a fixed seed): on each fold
 * the two thresholds are re-chosen on the other nine folds by maximising macro-F1 over a grid, and
 * the held-out fold is labelled with them. The same procedure is applied to the npm reference's
 * scores, so VADER also gets thresholds fitted on data. The correlation involves no fitted
 * constant.
 *
 * <p>Run from the repository root (not a unit test: it needs the shared data set and node):
 *
 * <pre>
 * mvn -o -q -pl topology test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp topology/target/test-classes:topology/target/classes:$(cat topology/target/cp.txt) \
 *     io.sociallistening.topology.sentiment.SentimentEvaluation \
 *     ../shared/eval/vader/tweets_GroundTruth.txt
 * </pre>
 *
 * The node folder {@code topology/src/test/node} gets {@code npm ci} first when it has no {@code
 * node_modules}. A second argument {@code dump} prints each text with the three scores.
 *
 * <p>A file whose name ends in {@code .csv} is read as the Sentiment140 test set (Go, Bhayani and
 * Huang 2009, {@code testdata.manual.2009.06.14.csv}: 498 tweets labelled by hand, six
 * double-quoted fields, polarity 0 negative, 2 neutral, 4 positive, text last). It has no ratings,
 * so r is not printed; the positive/negative accuracy (the sign of the score on the tweets that are
 * not neutral) is the figure usually quoted for it.
 *
 * <p>A file whose name ends in {@code .tsv} holds one labelled text per line: {@code negative},
 * {@code neutral} or {@code positive}, a tab, the text (e.g. tweets in Portuguese or Spanish). It
 * is reported like the {@code .csv} set.
 *
 * <p>A file whose name ends in {@code .raw} is read as the target-dependent tweet set of Dong et
 * al. 2014 ({@code acl-14-short-data}: records of three lines, the tweet with {@code $T$} where its
 * target was, the target, the polarity towards it -1, 0 or 1). The tweets come tokenised; they are
 * put back together before scoring ({@code -LRB-} to "(", "ca n't" to "can't", " 's" to "'s"), and
 * besides the whole-post scores it reports ours towards the target ({@link
 * SentimentScorer#scoreTowards}, the target as a quoted phrase, the whole post where the target is
 * not found), as the pipeline scores a brand.
 *
 * <p>Our scorer is applied as the {@code sentiment} command applies it: the text's language is
 * detected and that language's scorer ({@link SentimentScorer#in(String)}) scores it.
 */
public final class SentimentEvaluation {
  private static final int FOLDS = 10;
  private static final long SEED = 20140601L;

  private SentimentEvaluation() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/eval/vader/tweets_GroundTruth.txt");
    boolean dump = args.length > 1 && args[1].equals("dump");
    List<String> texts = new ArrayList<>();
    List<Double> meanList = new ArrayList<>();
    List<Integer> goldList = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    boolean targetFile = file.getFileName().toString().endsWith(".raw");
    boolean labelFile = file.getFileName().toString().endsWith(".tsv");
    boolean polarityFile =
        targetFile || labelFile || file.getFileName().toString().endsWith(".csv");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int r = 0; targetFile && r + 2 < lines.size(); r += 3) {
      String target = lines.get(r + 1).strip();
      texts.add(untokenised(lines.get(r).replace("$T$", target)));
      targets.add(target);
      goldList.add(Integer.parseInt(lines.get(r + 2).strip()) + 1);
    }
    for (String line : targetFile ? List.<String>of() : lines) {
      if (labelFile) {
        String[] fields = line.split("\t", 2);
        if (fields.length == 2) {
          goldList.add(classIndex(fields[0].toUpperCase(Locale.ROOT)));
          texts.add(fields[1]);
        }
        continue;
      }
      if (polarityFile) {
        List<String> fields = csvFields(line);
        if (fields.size() == 6) {
          goldList.add(Integer.parseInt(fields.get(0)) / 2);
          texts.add(fields.get(5));
        }
        continue;
      }
      String[] fields = line.split("\t", 3);
      if (fields.length == 3) {
        meanList.add(Double.parseDouble(fields[1].trim()));
        texts.add(
            fields[2].endsWith("\r") ? fields[2].substring(0, fields[2].length() - 1) : fields[2]);
      }
    }
    int n = texts.size();
    double[] means =
        polarityFile ? null : meanList.stream().mapToDouble(Double::doubleValue).toArray();
    int[] gold = new int[n];
    for (int i = 0; i < n; i++) {
      gold[i] = polarityFile ? goldList.get(i) : labelOf(means[i] / 4.0, 0.05, -0.05);
    }

    double[] reference = VaderReference.locate().compounds(texts);
    SentimentScorer core = SentimentScorer.vaderCompatible();
    SentimentScorer ours = SentimentScorer.loadDefault();
    LanguageDetector languages = LanguageDetector.loadDefault();
    Map<String, Integer> detected = new TreeMap<>();
    double[] coreScores = new double[n];
    double[] ourScores = new double[n];
    int[] ourLabels = new int[n];
    for (int i = 0; i < n; i++) {
      coreScores[i] = core.score(texts.get(i)).compound();
      // as the sentiment command does: the detected language's scorer
      String language = languages.detect(texts.get(i));
      detected.merge(language, 1, Integer::sum);
      SentimentResult result = ours.in(language).score(texts.get(i));
      ourScores[i] = result.compound();
      ourLabels[i] = classIndex(result.label().name());
    }

    System.out.printf(
        Locale.ROOT, "file: %s, texts: %d, detected languages %s%n", file, n, detected);
    System.out.printf(
        Locale.ROOT,
        "gold: negative %d, neutral %d, positive %d%n",
        count(gold, 0),
        count(gold, 1),
        count(gold, 2));
    report("npm vader-sentiment (±0.05)", reference, labels(reference, 0.05, -0.05), means, gold);
    report(
        "our VADER-compatible core (±0.05)",
        coreScores,
        labels(coreScores, 0.05, -0.05),
        means,
        gold);
    report(
        String.format(
            Locale.ROOT,
            "ours (thresholds %+.3f / %+.3f)",
            SentimentScorer.POSITIVE_THRESHOLD,
            SentimentScorer.NEGATIVE_THRESHOLD),
        ourScores,
        ourLabels,
        means,
        gold);
    if (targetFile) {
      double[] towards = new double[n];
      int[] towardsLabels = new int[n];
      int found = 0;
      for (int i = 0; i < n; i++) {
        SentimentScorer scorer = ours.in(languages.detect(texts.get(i)));
        SentimentResult result =
            scorer.scoreTowards(texts.get(i), List.of("\"" + targets.get(i) + "\""));
        if (result != null) {
          found++;
        } else {
          result = scorer.score(texts.get(i));
        }
        towards[i] = result.compound();
        towardsLabels[i] = classIndex(result.label().name());
      }
      report("ours towards the target (" + found + " found)", towards, towardsLabels, means, gold);
      report(
          "ours towards the target, out-of-fold thresholds",
          towards,
          outOfFold(towards, gold),
          means,
          gold);
    }
    System.out.printf(
        Locale.ROOT, "%n%d-fold cross-validation (thresholds re-fitted per fold):%n", FOLDS);
    report("npm vader-sentiment, out-of-fold", reference, outOfFold(reference, gold), means, gold);
    report("ours, out-of-fold", ourScores, outOfFold(ourScores, gold), means, gold);
    double[] full = fitThresholds(ourScores, gold, allIndexes(n));
    System.out.printf(
        Locale.ROOT,
        "thresholds fitted on the whole file for ours: positive >= %.3f, negative <= %.3f%n",
        full[0],
        full[1]);
    if (dump) {
      for (int i = 0; i < n; i++) {
        System.out.printf(
            Locale.ROOT,
            "%.3f\t%.4f\t%.4f\t%.4f\t%s%n",
            means[i],
            reference[i],
            coreScores[i],
            ourScores[i],
            texts.get(i));
      }
    }
  }

  /** A tokenised tweet of the target-dependent set put back together as it was posted. */
  static String untokenised(String text) {
    return text.replace("-LRB-", "(")
        .replace("-RRB-", ")")
        .replace("-LSB-", "[")
        .replace("-RSB-", "]")
        .replace(" n't", "n't")
        .replace(" 's ", "'s ")
        .replace(" 're ", "'re ")
        .replace(" 've ", "'ve ")
        .replace(" 'm ", "'m ")
        .replace(" 'll ", "'ll ")
        .replace(" 'd ", "'d ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace(" !", "!")
        .replace(" ?", "?")
        // emoticons split by the tokeniser (": - )" was ":-)"); a parenthesis closed later in
        // the text is a parenthesis, not a face ("For Parody : -LRB- RTTNews -RRB-")
        .replace(": - )", ":-)")
        .replace(": )", ":)")
        .replace("; )", ";)")
        .replace("= )", "=)")
        .replaceAll("([:=]) (?:(-) )?\\((?![^()]*\\))", "$1$2(");
  }

  private static void report(
      String name, double[] scores, int[] predicted, double[] means, int[] gold) {
    int[][] confusion = new int[3][3];
    for (int i = 0; i < gold.length; i++) {
      confusion[gold[i]][predicted[i]]++;
    }
    StringBuilder perClass = new StringBuilder();
    double macro = 0;
    int correct = 0;
    String[] names = {"negative", "neutral", "positive"};
    for (int c = 0; c < 3; c++) {
      double f1 = f1(confusion, c);
      macro += f1 / 3;
      correct += confusion[c][c];
      perClass.append(String.format(Locale.ROOT, " %s %.3f", names[c], f1));
    }
    System.out.printf(
        Locale.ROOT,
        "%-48s r %s  macro-F1 %.4f  accuracy %.4f  F1:%s  positive/negative accuracy %.4f%n",
        name,
        means == null ? "n/a" : String.format(Locale.ROOT, "%.4f", pearson(scores, means)),
        macro,
        correct / (double) gold.length,
        perClass,
        polarityAccuracy(scores, gold));
  }

  /** Share of the positive and negative texts whose score has their sign (zero counts positive). */
  private static double polarityAccuracy(double[] scores, int[] gold) {
    int total = 0;
    int right = 0;
    for (int i = 0; i < gold.length; i++) {
      if (gold[i] != 1) {
        total++;
        right += (scores[i] >= 0) == (gold[i] == 2) ? 1 : 0;
      }
    }
    return right / (double) total;
  }

  /** The fields of one CSV line whose fields are all double-quoted ({@code ""} is a quote). */
  private static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) != '"') {
        return List.of();
      }
      i++;
      while (i < line.length()) {
        char c = line.charAt(i++);
        if (c != '"') {
          field.append(c);
        } else if (i < line.length() && line.charAt(i) == '"') {
          field.append('"');
          i++;
        } else {
          break;
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      }
    }
    return fields;
  }

  private static double f1(int[][] confusion, int c) {
    int truePositives = confusion[c][c];
    int predicted = 0;
    int actual = 0;
    for (int k = 0; k < 3; k++) {
      predicted += confusion[k][c];
      actual += confusion[c][k];
    }
    double precision = predicted == 0 ? 0 : truePositives / (double) predicted;
    double recall = actual == 0 ? 0 : truePositives / (double) actual;
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  private static double macroF1(
      double[] scores, int[] gold, int[] indexes, double pos, double neg) {
    int[][] confusion = new int[3][3];
    for (int i : indexes) {
      confusion[gold[i]][labelOf(scores[i], pos, neg)]++;
    }
    return (f1(confusion, 0) + f1(confusion, 1) + f1(confusion, 2)) / 3;
  }

  /** {positive, negative} thresholds maximising macro-F1 on {@code indexes}, over a 0.01 grid. */
  static double[] fitThresholds(double[] scores, int[] gold, int[] indexes) {
    double best = -1;
    double[] chosen = {0.05, -0.05};
    for (int p = 1; p <= 60; p++) {
      for (int q = 1; q <= 60; q++) {
        double f = macroF1(scores, gold, indexes, p / 100.0, -q / 100.0);
        if (f > best) {
          best = f;
          chosen = new double[] {p / 100.0, -q / 100.0};
        }
      }
    }
    return chosen;
  }

  private static int[] outOfFold(double[] scores, int[] gold) {
    int n = scores.length;
    int[] fold = new int[n];
    int[] order = allIndexes(n);
    Random random = new Random(SEED);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int k = 0; k < n; k++) {
      fold[order[k]] = k % FOLDS;
    }
    int[] predicted = new int[n];
    for (int f = 0; f < FOLDS; f++) {
      int current = f;
      int[] train =
          java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != current).toArray();
      double[] thresholds = fitThresholds(scores, gold, train);
      for (int i = 0; i < n; i++) {
        if (fold[i] == f) {
          predicted[i] = labelOf(scores[i], thresholds[0], thresholds[1]);
        }
      }
    }
    return predicted;
  }

  private static int[] allIndexes(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  private static int[] labels(double[] scores, double pos, double neg) {
    int[] out = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = labelOf(scores[i], pos, neg);
    }
    return out;
  }

  /** 0 negative, 1 neutral, 2 positive. */
  private static int labelOf(double score, double pos, double neg) {
    if (score >= pos) {
      return 2;
    }
    return score <= neg ? 0 : 1;
  }

  private static int classIndex(String label) {
    return switch (label) {
      case "NEGATIVE" -> 0;
      case "POSITIVE" -> 2;
      default -> 1;
    };
  }

  private static int count(int[] values, int value) {
    int c = 0;
    for (int v : values) {
      c += v == value ? 1 : 0;
    }
    return c;
  }

  private static double pearson(double[] x, double[] y) {
    int n = x.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i] / n;
      meanY += y[i] / n;
    }
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      covariance += dx * dy;
      varianceX += dx * dx;
      varianceY += dy * dy;
    }
    return covariance / Math.sqrt(varianceX * varianceY);
  }
}
