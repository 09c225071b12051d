package io.sociallistening.topology.lead;

import io.sociallistening.topology.match.TermLocator;
import io.sociallistening.topology.text.HtmlEntities;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores how likely a post's author is a prospective buyer.
 *
 * <p>Input: one post's text and whether it mentions a competitor of the brand. Output: a {@link
 * LeadResult} with a score in 0..1, whether it reaches the threshold (default {@value
 * #DEFAULT_THRESHOLD}) and the reasons.
 *
 * <p>Signals are the phrases of {@code lead/lead_signals.txt}, each with a weight, a reason and a
 * condition (see the table's header): purchase intent ("thinking of getting", "need a new", "is it
 * worth it", "worth it" inside a question unless it is the whole of a question that opens the post:
 * not "Worth it? the hike was brutal", "i want this" unless a noun follows: "i want this jacket" is
 * a weak cue, "vale a pena"), recommendation requests ("any recommendations", "recommend" inside a
 * question), comparisons ("vs"; "or" inside a short opening question that names a product next to
 * it: a model number, a name capitalised inside the question or a term of the brand rule the post
 * matched, "Pixel 8 or 9?", "Slack or Teams?"; elsewhere in a question, as in "tea or coffee?", a
 * weak cue), switching away from or complaining about a competitor ("done with", "shopping around",
 * "outage"; only when the post mentions a competitor), questions to the brand ("do you ship",
 * "available" inside a question of a post with an {@code @handle}, "you" inside a question unless
 * put to the crowd: not in "does anyone know if you need a visa?"), desire and budget cues ("so
 * bad", "under 200"), and against a lead: sellers and ads ("% off", "dm to order", "visit our"),
 * giveaways, negated and joking intent ("would never buy", "lottery"), reports of a purchase
 * already made ("just bought"), support requests about something the author has ("my order",
 * "refund"; only when no competitor is mentioned) and everyday uses of buying words that are not
 * purchases ("looking for a new job", weight 0: they only hide the phrase inside them). A phrase of
 * the table may hold alternatives, {@code {thinking|thought} {of|about} {getting|buying}}, expanded
 * when the table is loaded, and a word {@code *} that takes any one word of the post ("which * to
 * buy" inside a question finds "which laptop to buy?"); a phrase may have one line per condition,
 * and counts with the first line whose condition holds, a line with condition always only when no
 * other holds ("vs" 0.4 anywhere, 0.7 inside a question; "discounts" for a seller, but in a
 * question to a handle for the brand).
 *
 * <p>HTML character references are decoded first, as sentiment and rule matching decode them
 * ({@link HtmlEntities}: "I don&amp;#39;t need a new phone" is "I don't need a new phone"), and
 * words stretched for emphasis are read as the words of the table ({@link Elongations}: "I neeeed
 * this sooo bad" is "I need this so bad"). Matching works on the {@link NormalizedPost} (lower
 * case, accents folded, whole words) with a {@link PhraseIndex}: at each word the longest phrase
 * whose condition holds is taken and matching continues after it, so "would never buy" hides the
 * "never buy" inside it and "não vale a pena" hides "vale a pena". A phrase for a lead (conditions
 * always, question, second_person, follow_up, alone, choice) preceded within three words of its
 * sentence by a negation ("not", "don't", "never", "não", ...) counts as negated intent instead,
 * unless a word of doubt comes between ("not sure if i should buy" stays intent); "no", also
 * Portuguese for "in the" ("no Rio, alguém indica?"), negates only right before the phrase or
 * before object pronouns only ("no lo voy a comprar"); followed by a pause or by "I" it is an
 * interjection, the lament of a fan who cannot have the thing (sold out, gone): the intent after it
 * counts at half its weight ("Nooooo I need this so bad" is a weak lead, "Nooo I need this" none).
 * A negated intent speaks for its own sentence: when another sentence holds a lead phrase and no
 * negated intent, it is dropped ("I'm not buying an iPhone again. Can anyone recommend a good
 * Android?" is a lead). A post with both a price ("$899") and a link counts as a seller; a price
 * without a link is a budget cue (0.3). Each reason counts once, at the weight of its strongest
 * phrase in the post; score = 1 - exp(-sum) for a positive sum, else 0. One purchase-intent phrase
 * (0.9) gives 0.593, a comparison alone (0.4) 0.330.
 *
 * <p>Immutable and thread-safe; no regular expressions; per call it allocates the normalised text,
 * a few small arrays, the result, and short strings for the words next to a candidate lead phrase
 * that its negation check or condition reads; the places of the brand rules' terms are looked up
 * only for a choice that names no product by itself.
 */
public final class LeadScorer {
  /** The threshold of {@link #loadDefault()}. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private static final String RESOURCE = "/lead/lead_signals.txt";
  private static final String NEGATED = "negated intent";
  private static final String SELLER = "seller or ad";
  private static final String BUDGET = "budget";
  private static final double NEGATED_WEIGHT = -1.2;
  private static final double PRICE_AND_LINK_WEIGHT = -1.5;
  private static final double PRICE_WEIGHT = 0.3;
  private static final int NEGATION_SCOPE = 3;
  private static final Set<String> NEGATORS =
      Set.of(
          "not",
          "never",
          "don't",
          "dont",
          "won't",
          "wont",
          "wouldn't",
          "wouldnt",
          "didn't",
          "didnt",
          "doesn't",
          "doesnt",
          "isn't",
          "isnt",
          "nobody",
          "nao",
          "nunca",
          "jamais",
          "jamas",
          "nem",
          "ni");

  /**
   * The negation that is also a Portuguese contraction ("no" = "in the"): it counts only when
   * nothing but {@link #CLITICS} comes between it and the phrase.
   */
  private static final String NO = "no";

  /**
   * What {@link #negationBefore} finds for an interjection "no", one followed by a pause or by "I"
   * ("Nooo, I need this", "no I need this so bad"): not a negation, but a lament that the thing is
   * out of reach (sold out, gone, missed), so the intent after it counts at {@link
   * #INTERJECTION_FACTOR} of its weight.
   */
  private static final int INTERJECTION = -2;

  private static final double INTERJECTION_FACTOR = 0.5;

  /** Object pronouns that may stand between "no" and the verb it negates. */
  private static final Set<String> CLITICS =
      Set.of("me", "te", "se", "lo", "la", "los", "las", "le", "les", "nos", "os");

  /** Words that end a negation's scope when they come between it and the phrase. */
  private static final Set<String> DOUBTS =
      Set.of(
          "sure", "know", "decide", "decided", "certain", "if", "whether", "but", "lie", "sei",
          "se", "si");

  private final LeadSignal[] signals;

  /** Per phrase of the index, its signals (at most one per condition). */
  private final int[][] signalsOf;

  private final int[] reasonOf;
  private final int reasonCount;
  private final int negatedReason;
  private final int sellerReason;
  private final int budgetReason;
  private final PhraseIndex index;
  private final double threshold;

  /** Every word of the phrases and rules, as {@link NormalizedPost} writes words. */
  private final Set<String> words;

  private LeadScorer(
      LeadSignal[] signals,
      int[][] signalsOf,
      int[] reasonOf,
      int reasonCount,
      int negatedReason,
      int sellerReason,
      int budgetReason,
      PhraseIndex index,
      double threshold,
      Set<String> words) {
    this.signals = signals;
    this.signalsOf = signalsOf;
    this.reasonOf = reasonOf;
    this.reasonCount = reasonCount;
    this.negatedReason = negatedReason;
    this.sellerReason = sellerReason;
    this.budgetReason = budgetReason;
    this.index = index;
    this.threshold = threshold;
    this.words = words;
  }

  /** The scorer with the bundled signals and threshold 0.5; loaded once, then shared. */
  public static LeadScorer loadDefault() {
    return Default.INSTANCE;
  }

  /** The same signals with another threshold in 0..1. */
  public LeadScorer withThreshold(double threshold) {
    LeadThresholds.check(threshold);
    return new LeadScorer(
        signals,
        signalsOf,
        reasonOf,
        reasonCount,
        negatedReason,
        sellerReason,
        budgetReason,
        index,
        threshold,
        words);
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
    return score(text, mentionsCompetitor, List.of());
  }

  /**
   * Scores a post matched by brand rules: {@code brandTerms} holds, per rule, the terms it matched
   * ({@link io.sociallistening.topology.match.RuleMatch#matchedTerms()}); where they are written in
   * the post names a product, as a choice between two options needs ("kindle or kobo?" matched by a
   * rule for kindle). Competitor-switching phrases count only when {@code mentionsCompetitor}.
   */
  public LeadResult score(String text, boolean mentionsCompetitor, List<List<String>> brandTerms) {
    if (text == null || text.isEmpty()) {
      return new LeadResult(0.0, 0.0 >= threshold, List.of());
    }
    String decoded = HtmlEntities.decode(text);
    NormalizedPost post = NormalizedPost.of(Elongations.collapse(decoded, words::contains));
    BrandWords brandWords = new BrandWords(decoded, brandTerms);
    Matches matches = new Matches(reasonCount);
    index.scan(
        post,
        (phrase, start, end) -> {
          LeadSignal signal = null;
          int chosen = -1;
          for (int candidate : signalsOf[phrase]) {
            LeadSignal next = signals[candidate];
            if (next.appliesTo(mentionsCompetitor, post, start, end, brandWords)
                && (signal == null || signal.condition() == LeadSignal.Condition.ALWAYS)) {
              chosen = candidate;
              signal = next;
            }
          }
          if (signal == null) {
            return false;
          }
          if (signal.negatable()) {
            int negation = negationBefore(post, start);
            if (negation == INTERJECTION) {
              matches.add(
                  signal.explanation() + " after \"no\"",
                  reasonOf[chosen],
                  signal.weight() * INTERJECTION_FACTOR,
                  post.sentenceStart(start));
              return true;
            }
            if (negation >= 0) {
              String negator = new String(post.text, negation, post.wordEnd(negation) - negation);
              matches.add(
                  NEGATED
                      + ": \""
                      + negator
                      + (post.wordEnd(negation) + 1 == start ? " " : " ... ")
                      + signal.phrase()
                      + "\"",
                  negatedReason,
                  NEGATED_WEIGHT,
                  post.sentenceStart(start));
              return true;
            }
          }
          matches.add(
              signal.explanation(), reasonOf[chosen], signal.weight(), post.sentenceStart(start));
          return true;
        });
    matches.confineNegations(negatedReason);
    if (post.price && post.url) {
      matches.add(SELLER + ": price and link", sellerReason, PRICE_AND_LINK_WEIGHT, -1);
    } else if (post.price) {
      matches.add(BUDGET + ": price", budgetReason, PRICE_WEIGHT, -1);
    }
    double sum = 0;
    for (int r = 0; r < reasonCount; r++) {
      sum += matches.strongest[r];
    }
    double score = sum > 0 ? 1.0 - Math.exp(-sum) : 0.0;
    List<String> reasons = new ArrayList<>(matches.count);
    for (int m = 0; m < matches.count; m++) {
      if (!reasons.contains(matches.explanations[m])) {
        reasons.add(matches.explanations[m]);
      }
    }
    return new LeadResult(score, score >= threshold, reasons);
  }

  /**
   * The start of a negation within {@link #NEGATION_SCOPE} words before {@code start} in the same
   * sentence, {@link #INTERJECTION} when an interjection "no" comes first, or -1.
   */
  private static int negationBefore(NormalizedPost post, int start) {
    int word = start;
    boolean onlyClitics = true;
    for (int k = 0; k < NEGATION_SCOPE; k++) {
      if (post.startsSentence(word)) {
        return -1;
      }
      int after = word;
      word = post.previousWord(word);
      if (word < 0) {
        return -1;
      }
      int length = post.wordEnd(word) - word;
      if (length > 8) {
        onlyClitics = false;
        continue;
      }
      String token = new String(post.text, word, length);
      if (DOUBTS.contains(token)) {
        return -1;
      }
      if (token.equals(NO)
          && (post.pausedBefore(after)
              || LeadSignal.I.contains(
                  new String(post.text, after, post.wordEnd(after) - after)))) {
        return INTERJECTION;
      }
      if (NEGATORS.contains(token) || (onlyClitics && token.equals(NO))) {
        return word;
      }
      onlyClitics &= CLITICS.contains(token);
    }
    return -1;
  }

  /**
   * The words of a post where the terms of the brand rules it matched are written, as {@link
   * NormalizedPost} writes words; found only when first asked for.
   */
  private static final class BrandWords implements Predicate<String> {
    private final String decoded;
    private final List<List<String>> terms;
    private Set<String> words;

    BrandWords(String decoded, List<List<String>> terms) {
      this.decoded = decoded;
      this.terms = terms;
    }

    @Override
    public boolean test(String word) {
      if (terms.isEmpty()) {
        return false;
      }
      if (words == null) {
        words = new HashSet<>();
        for (int[] offsets : TermLocator.locate(decoded, terms)) {
          for (int k = 0; k + 1 < offsets.length; k += 2) {
            String written = NormalizedPost.phrase(decoded.substring(offsets[k], offsets[k + 1]));
            words.addAll(Arrays.asList(written.split(" ")));
          }
        }
      }
      return words.contains(word);
    }
  }

  /**
   * The signals found in one post, and per reason the weight of the strongest; per signal its
   * reason and the offset of its sentence (-1 for the post's own cues: price, link).
   */
  private static final class Matches {
    final double[] strongest;
    String[] explanations = new String[4];
    int[] reasons = new int[4];
    double[] weights = new double[4];
    int[] sentences = new int[4];
    int count;

    Matches(int reasons) {
      strongest = new double[reasons];
    }

    void add(String explanation, int reason, double weight, int sentence) {
      if (weight == 0) {
        return;
      }
      if (count == explanations.length) {
        explanations = Arrays.copyOf(explanations, count * 2);
        reasons = Arrays.copyOf(reasons, count * 2);
        weights = Arrays.copyOf(weights, count * 2);
        sentences = Arrays.copyOf(sentences, count * 2);
      }
      explanations[count] = explanation;
      reasons[count] = reason;
      weights[count] = weight;
      sentences[count] = sentence;
      count++;
      if (Math.abs(weight) > Math.abs(strongest[reason])) {
        strongest[reason] = weight;
      }
    }

    /**
     * A negated intent speaks for its own sentence: when another sentence holds a lead signal and
     * no negated intent ("I'm not buying an iPhone again. Can anyone recommend a good Android?"),
     * the negated intents are dropped.
     */
    void confineNegations(int negated) {
      if (strongest[negated] == 0 || !leadInSentenceWithout(negated)) {
        return;
      }
      strongest[negated] = 0;
      int kept = 0;
      for (int m = 0; m < count; m++) {
        if (reasons[m] != negated) {
          explanations[kept] = explanations[m];
          reasons[kept] = reasons[m];
          weights[kept] = weights[m];
          sentences[kept] = sentences[m];
          kept++;
        }
      }
      count = kept;
    }

    private boolean leadInSentenceWithout(int negated) {
      // the sentences holding a negated intent, sorted, so that a long post is not quadratic
      int[] negatedSentences = new int[count];
      int n = 0;
      for (int m = 0; m < count; m++) {
        if (reasons[m] == negated) {
          negatedSentences[n++] = sentences[m];
        }
      }
      Arrays.sort(negatedSentences, 0, n);
      for (int m = 0; m < count; m++) {
        if (weights[m] > 0
            && sentences[m] >= 0
            && Arrays.binarySearch(negatedSentences, 0, n, sentences[m]) < 0) {
          return true;
        }
      }
      return false;
    }
  }

  private static LeadScorer load(String resource) {
    InputStream in = LeadScorer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    List<LeadSignal> signals = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Map<String, Integer> phraseIds = new LinkedHashMap<>();
    List<List<Integer>> signalsOfPhrase = new ArrayList<>();
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
        if (sign != null && sign != Math.signum(weight)) {
          throw new IllegalStateException(
              where + "weights of '" + reason + "' must share one sign");
        }
        LeadSignal.Condition condition =
            LeadSignal.Condition.valueOf(fields[2].toUpperCase(Locale.ROOT));
        List<String> expanded = expand(fields[3], where);
        if (expanded.isEmpty()) {
          throw new IllegalStateException(where + "empty phrase");
        }
        for (String raw : expanded) {
          String phrase = normalizedPhrase(raw);
          if (!phrase.isEmpty() && phrase.charAt(0) == PhraseIndex.ANY_WORD) {
            throw new IllegalStateException(where + "a phrase cannot start with *");
          }
          if (phrase.isEmpty() || !keys.add(condition + " " + phrase)) {
            continue; // an alternative that another line (or this one) already holds: first wins
          }
          int id = phraseIds.computeIfAbsent(phrase, k -> phraseIds.size());
          if (id == signalsOfPhrase.size()) {
            signalsOfPhrase.add(new ArrayList<>());
          }
          signalsOfPhrase.get(id).add(signals.size());
          signals.add(
              new LeadSignal(
                  weight,
                  reason,
                  condition,
                  phrase,
                  reason + ": \"" + phrase.replace(PhraseIndex.ANY_WORD, '*') + "\""));
          reasonOf.add(reasons.computeIfAbsent(reason, r -> reasons.size()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String required : List.of(NEGATED, SELLER, BUDGET)) {
      if (!reasons.containsKey(required)) {
        throw new IllegalStateException(resource + ": no signal of reason '" + required + "'");
      }
    }
    PhraseIndex index = new PhraseIndex(List.copyOf(phraseIds.keySet()));
    int[][] signalsOf = new int[signalsOfPhrase.size()][];
    for (int p = 0; p < signalsOf.length; p++) {
      signalsOf[p] = signalsOfPhrase.get(p).stream().mapToInt(Integer::intValue).toArray();
    }
    return new LeadScorer(
        signals.toArray(LeadSignal[]::new),
        signalsOf,
        reasonOf.stream().mapToInt(Integer::intValue).toArray(),
        reasons.size(),
        reasons.get(NEGATED),
        reasons.get(SELLER),
        reasons.get(BUDGET),
        index,
        DEFAULT_THRESHOLD,
        words(phraseIds.keySet()));
  }

  /** The words of the phrases and of the negation rules, which stretched words are read as. */
  private static Set<String> words(Set<String> phrases) {
    Set<String> words = new HashSet<>();
    for (String phrase : phrases) {
      for (String word : phrase.split(" ")) {
        if (word.indexOf(PhraseIndex.ANY_WORD) < 0) {
          words.add(word);
        }
      }
    }
    words.addAll(NEGATORS);
    words.addAll(DOUBTS);
    words.addAll(CLITICS);
    words.addAll(LeadSignal.I);
    words.add(NO);
    return Set.copyOf(words);
  }

  /**
   * Normalises a phrase of the table as posts are normalised; a word {@code *} becomes the slot for
   * any one word ({@link PhraseIndex#ANY_WORD}).
   */
  static String normalizedPhrase(String raw) {
    StringBuilder out = new StringBuilder();
    StringBuilder words = new StringBuilder();
    for (String word : raw.trim().split(" +", -1)) {
      if (word.equals("*")) {
        append(out, NormalizedPost.phrase(words.toString()));
        words.setLength(0);
        append(out, String.valueOf(PhraseIndex.ANY_WORD));
      } else {
        words.append(word).append(' ');
      }
    }
    append(out, NormalizedPost.phrase(words.toString()));
    return out.toString();
  }

  private static void append(StringBuilder out, String part) {
    if (part.isEmpty()) {
      return;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(part);
  }

  /**
   * Expands the alternatives of a phrase: {@code {a|b|}x} gives "ax", "bx" and "x"; groups do not
   * nest.
   */
  static List<String> expand(String phrase, String where) {
    List<String> out = new ArrayList<>();
    out.add("");
    int i = 0;
    while (i < phrase.length()) {
      char c = phrase.charAt(i);
      if (c == '{') {
        int close = phrase.indexOf('}', i);
        if (close < 0) {
          throw new IllegalStateException(where + "unclosed '{'");
        }
        String[] options = phrase.substring(i + 1, close).split("\\|", -1);
        List<String> next = new ArrayList<>(out.size() * options.length);
        for (String prefix : out) {
          for (String option : options) {
            next.add(prefix + option);
          }
        }
        out = next;
        i = close + 1;
      } else {
        for (int k = 0; k < out.size(); k++) {
          out.set(k, out.get(k) + c);
        }
        i++;
      }
    }
    return out;
  }

  private static final class Default {
    static final LeadScorer INSTANCE = load(RESOURCE);
  }
}
