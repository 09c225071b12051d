package io.sociallistening.topology.lead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores how likely a post's author is a prospective buyer.
 *
 * <p>Input: one post's text and whether it mentions a competitor of the brand. Output: a {@link
 * LeadResult} with a score in 0..1, whether it reaches the threshold (default {@value
 * #DEFAULT_THRESHOLD}) and the reasons.
 *
 * <p>Signals are the phrases of {@code lead/lead_signals.txt}, each with a weight, a reason and a
 * condition: purchase intent ("should i buy", "is it worth it", "vale a pena"), recommendation
 * requests ("any recommendations"), comparisons ("vs", "better than"), switching away from a
 * competitor ("switching from", "done with"; only when the post mentions a competitor), questions
 * to the brand ("do you ship"; "you" only in a post with a question mark), and against a lead:
 * sellers and ads ("% off", "use code"), giveaways, negated intent ("would never buy", "not worth
 * it") and reports of a purchase already made ("just bought").
 *
 * <p>Matching works on the {@link NormalizedPost} (lower case, accents folded, whole words) with a
 * {@link PhraseIndex}: at each word the longest phrase whose condition holds is taken and matching
 * continues after it, so "would never buy" hides the "never buy" inside it and "não vale a pena"
 * hides "vale a pena". Each reason counts once, at the weight of its strongest phrase in the post;
 * score = 1 - exp(-sum) for a positive sum, else 0. One purchase-intent phrase (0.9) gives 0.593, a
 * comparison alone (0.4) 0.330.
 *
 * <p>Immutable and thread-safe; no regular expressions; per call it allocates the normalised text,
 * a few small arrays and the result.
 */
public final class LeadScorer {
  /** The threshold of {@link #loadDefault()}. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private static final String RESOURCE = "/lead/lead_signals.txt";

  private final LeadSignal[] signals;
  private final int[] reasonOf;
  private final int reasonCount;
  private final PhraseIndex index;
  private final double threshold;

  private LeadScorer(
      LeadSignal[] signals, int[] reasonOf, int reasonCount, PhraseIndex index, double threshold) {
    this.signals = signals;
    this.reasonOf = reasonOf;
    this.reasonCount = reasonCount;
    this.index = index;
    this.threshold = threshold;
  }

  /** The scorer with the bundled signals and threshold 0.5; loaded once, then shared. */
  public static LeadScorer loadDefault() {
    return Default.INSTANCE;
  }

  /** The same signals with another threshold in 0..1. */
  public LeadScorer withThreshold(double threshold) {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("lead threshold must be in 0..1, got " + threshold);
    }
    return new LeadScorer(signals, reasonOf, reasonCount, index, threshold);
  }

  /** The score at or above which a post is a lead. */
  public double threshold() {
    return threshold;
  }

  /** Scores a post that does not mention a competitor. */
  public LeadResult score(String text) {
    return score(text, false);
  }

  /** Scores a post; competitor-switching phrases count only when {@code mentionsCompetitor}. */
  public LeadResult score(String text, boolean mentionsCompetitor) {
    if (text == null || text.isEmpty()) {
      return new LeadResult(0.0, 0.0 >= threshold, List.of());
    }
    NormalizedPost post = NormalizedPost.of(text);
    Matches matches = new Matches(reasonCount);
    index.scan(
        post,
        phrase -> {
          LeadSignal signal = signals[phrase];
          if (!signal.appliesTo(mentionsCompetitor, post.question)) {
            return false;
          }
          matches.add(phrase, reasonOf[phrase], signal.weight());
          return true;
        });
    double sum = 0;
    for (int r = 0; r < reasonCount; r++) {
      sum += matches.strongest[r];
    }
    double score = sum > 0 ? 1.0 - Math.exp(-sum) : 0.0;
    List<String> reasons = new ArrayList<>(matches.count);
    for (int m = 0; m < matches.count; m++) {
      String explanation = signals[matches.phrases[m]].explanation();
      if (!reasons.contains(explanation)) {
        reasons.add(explanation);
      }
    }
    return new LeadResult(score, score >= threshold, reasons);
  }

  /** The phrases found in one post, and per reason the weight of the strongest. */
  private static final class Matches {
    final double[] strongest;
    int[] phrases = new int[4];
    int count;

    Matches(int reasons) {
      strongest = new double[reasons];
    }

    void add(int phrase, int reason, double weight) {
      if (count == phrases.length) {
        phrases = java.util.Arrays.copyOf(phrases, count * 2);
      }
      phrases[count++] = phrase;
      if (Math.abs(weight) > Math.abs(strongest[reason])) {
        strongest[reason] = weight;
      }
    }
  }

  private static LeadScorer load(String resource) {
    InputStream in = LeadScorer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    List<LeadSignal> signals = new ArrayList<>();
    Map<String, Integer> reasons = new HashMap<>();
    Map<String, Double> reasonSigns = new HashMap<>();
    List<Integer> reasonOf = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String where = resource + " line " + number + ": ";
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
          throw new IllegalStateException(
              where + "expected weight<TAB>reason<TAB>condition<TAB>phrase");
        }
        double weight = Double.parseDouble(fields[0]);
        String reason = fields[1];
        Double sign = reasonSigns.putIfAbsent(reason, Math.signum(weight));
        if (weight == 0 || (sign != null && sign != Math.signum(weight))) {
          throw new IllegalStateException(
              where + "weights of '" + reason + "' must share one sign");
        }
        LeadSignal.Condition condition =
            LeadSignal.Condition.valueOf(fields[2].toUpperCase(Locale.ROOT));
        String phrase = NormalizedPost.phrase(fields[3]);
        if (phrase.isEmpty()) {
          throw new IllegalStateException(where + "empty phrase");
        }
        signals.add(
            new LeadSignal(weight, reason, condition, phrase, reason + ": \"" + phrase + "\""));
        reasonOf.add(reasons.computeIfAbsent(reason, r -> reasons.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PhraseIndex index = new PhraseIndex(signals.stream().map(LeadSignal::phrase).toList());
    return new LeadScorer(
        signals.toArray(LeadSignal[]::new),
        reasonOf.stream().mapToInt(Integer::intValue).toArray(),
        reasons.size(),
        index,
        DEFAULT_THRESHOLD);
  }

  private static final class Default {
    static final LeadScorer INSTANCE = load(RESOURCE);
  }
}
