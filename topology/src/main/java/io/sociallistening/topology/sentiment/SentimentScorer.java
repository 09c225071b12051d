package io.sociallistening.topology.sentiment;

import static io.sociallistening.topology.sentiment.ValenceRules.ALPHA;
import static io.sociallistening.topology.sentiment.ValenceRules.CAPS_INCREMENT;
import static io.sociallistening.topology.sentiment.ValenceRules.NEGATION;

import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.match.TermLocator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the sentiment of short social-media text with the rules of VADER (Hutto and Gilbert,
 * "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014)
 * and VADER's lexicon ({@code sentiment/vader_lexicon.txt}, MIT, C.J. Hutto).
 *
 * <p>Input: one post's text. Output: a {@link SentimentResult}. Per token (see {@link
 * SocialTextTokenizer}) the lexicon valence (-4..+4) is adjusted by:
 *
 * <ul>
 *   <li>capitals: +/-0.733 when the word is in capitals and the text mixes case;
 *   <li>boosters and dampeners among the three preceding words ("very" +0.293, "slightly" -0.293;
 *       the scalar follows the sign of the valence, gets +/-0.733 in capitals, and counts 95% two
 *       words back and 90% three words back), and "kind of", "sort of", "just enough";
 *   <li>negation by a negation word or any "n't" word among the three preceding words (factor
 *       -0.74), "no" one or two words back, "never so/this" (x1.25), "without doubt" (no negation),
 *       "least" (negates, except "at least" and "very least");
 *   <li>special phrases whose valence replaces the word's ("the bomb", "yeah right", "kiss of
 *       death", ...).
 * </ul>
 *
 * Then the first "but" halves every valence before it and multiplies every one after it by 1.5. The
 * sum gets 0.292 per exclamation mark (at most 4) and 0.18 per question mark when there are 2 or 3
 * (0.96 for more), in the direction of its sign; compound = sum / sqrt(sum^2 + 15), clipped to
 * -1..1. The positive, neutral and negative shares are VADER's (each sentiment word counts its
 * valence plus one, each neutral token one).
 *
 * <p>Two configurations: {@link #vaderCompatible()} is exactly the above (the golden test compares
 * it with the reference VADER); {@link #loadDefault()}, the social scorer that the topology and the
 * {@code sentiment} command use, adds: negation, boosters and idioms look back only inside the
 * token's clause (clause and sentence punctuation end a clause); "however" contrasts like "but"; a
 * negated negative word becomes 0 instead of flipping; laughter and emoticons are never negated;
 * "no" next to "no" keeps its own valence, and a "no" that negates a word up to two tokens on in
 * its clause is neutral itself; HTML entities are decoded; the k-th repetition of a sentiment word
 * counts 1/k; the lexicon adds {@code social_lexicon.txt}, {@code pt_lexicon.txt} and {@code
 * es_lexicon.txt}, and Portuguese and Spanish negation words and intensifiers ({@link
 * ValenceRules#SOCIAL_NEGATIONS}, {@link ValenceRules#SOCIAL_BOOSTERS}). See {@code
 * topology/SENTIMENT.md} for the reasons and the measured effect. {@link #scoreTowards} scores the
 * sentiment towards one brand.
 *
 * <p>One VADER quirk is kept on purpose so that scores match the reference implementation: a word
 * preceded by "so" or "this", with at least three tokens before it, is multiplied by 1.25 (the
 * reference's "never so/this" test binds that way). VADER's loop over "but" (which finds equal
 * values by value, not position) is not reproduced: each valence is scaled by its own position.
 *
 * <p>Label: {@code POSITIVE} when compound >= 0.05, {@code NEGATIVE} when compound <= -0.05, else
 * {@code NEUTRAL} (VADER's standard thresholds). Confidence: min(1, |compound| / 0.5) for a
 * positive or negative label, 1 - |compound| / 0.05 for a neutral one, so a neutral text with no
 * sentiment at all has confidence 1 and texts near a threshold have confidence near 0 on the
 * neutral side and 0.1 on the other.
 *
 * <p>Immutable and thread-safe; no regular expressions. Tokens live in per-thread scratch arrays
 * ({@link TokenizedText}) and are looked up by char range ({@link Vocabulary}), so a call of {@link
 * #score} allocates little besides the result: strings only for hashtags, elongated words and the
 * unknown words next to a sentiment word that a rule reads.
 */
public final class SentimentScorer {
  /** Compound at or above which a text is positive. */
  public static final double POSITIVE_THRESHOLD = 0.05;

  /** Compound at or below which a text is negative. */
  public static final double NEGATIVE_THRESHOLD = -0.05;

  private static final String LEXICON = "/sentiment/vader_lexicon.txt";
  private static final String SOCIAL_LEXICON = "/sentiment/social_lexicon.txt";
  private static final String PORTUGUESE_LEXICON = "/sentiment/pt_lexicon.txt";
  private static final String SPANISH_LEXICON = "/sentiment/es_lexicon.txt";
  private static final String EMOJI = "/sentiment/emoji_valence.txt";

  /**
   * Words the rules below compare tokens with; known to the tokenizer's {@link Vocabulary} so that
   * those tokens are shared strings (any other word still compares correctly, only slower).
   */
  private static final Set<String> RULE_WORDS =
      Set.of(
          "no", "kind", "of", "but", "least", "at", "very", "never", "so", "this", "without",
          "doubt", "or", "nor");

  /** Words of VADER's lexicon rated only for its emoji descriptions; not in the social lexicon. */
  private static final Set<String> EMOJI_DESCRIPTION_WORDS = Set.of("heart", "hearts");

  private static final SentimentResult NOTHING =
      new SentimentResult(0.0, SentimentLabel.NEUTRAL, 1.0, 0.0, 0.0, 0.0);

  /**
   * Factor of a negated negative word in the social scorer: "not bad", "no worries" and "can't die"
   * lose their negativity but do not turn positive (VADER flips them with -0.74).
   */
  private static final double NEGATED_NEGATIVE = 0.0;

  private final SocialTextTokenizer tokenizer;
  private final boolean social;
  private final LanguageRules rules;

  private SentimentScorer(SocialTextTokenizer tokenizer, boolean social, LanguageRules rules) {
    this.tokenizer = tokenizer;
    this.social = social;
    this.rules = rules;
  }

  /** The scorer with the bundled VADER lexicon and emoji table; loaded once, then shared. */
  public static SentimentScorer loadDefault() {
    return Default.INSTANCE;
  }

  /**
   * The VADER-compatible core: VADER's rules, lexicon, normalisation and ±0.05 thresholds, with
   * none of the social-text refinements; scores equal the reference VADER's. Loaded once, then
   * shared.
   */
  public static SentimentScorer vaderCompatible() {
    return Default.CORE;
  }

  /**
   * The scorer for text in {@code language}: an ISO 639-1 code or a language tag ({@code pt},
   * {@code pt-BR}, {@code es_419}, any case), {@code und} or null. The social scorer has one per
   * supported language, with that language's word list over VADER's and its negation words,
   * intensifiers and contrastive words ({@code SENTIMENT.md}); any other language, {@code und} and
   * null give the scorer for text of unknown language (all lists, English first), which {@link
   * #loadDefault()} returns. The VADER-compatible core returns itself.
   */
  public SentimentScorer in(String language) {
    if (!social || language == null || language.length() < 2) {
      return social ? Default.INSTANCE : this;
    }
    if (language.length() > 2 && language.charAt(2) != '-' && language.charAt(2) != '_') {
      return Default.INSTANCE;
    }
    char first = Character.toLowerCase(language.charAt(0));
    char second = Character.toLowerCase(language.charAt(1));
    if (first == 'e' && second == 'n') {
      return Default.ENGLISH;
    }
    if (first == 'p' && second == 't') {
      return Default.PORTUGUESE;
    }
    if (first == 'e' && second == 's') {
      return Default.SPANISH;
    }
    return Default.INSTANCE;
  }

  /** Scores {@code text}; null or empty text is neutral with compound 0 and confidence 1. */
  public SentimentResult score(String text) {
    if (text == null || text.isEmpty()) {
      return NOTHING;
    }
    TokenizedText tokens = tokenizer.tokenize(text);
    if (tokens.size == 0) {
      return NOTHING;
    }
    valences(tokens, true);
    return aggregate(tokens, null, tokens.exclamations, tokens.questions);
  }

  /**
   * The sentiment of {@code text} towards one brand, whose rule matched {@code terms} (as {@link
   * io.sociallistening.topology.match.RuleMatch#matchedTerms()} lists them: {@code acme}, {@code
   * "acme air"}, {@code acme*}). Tokens are scored as for the whole post (negation, contrast and
   * the other rules see the whole text); only the segments holding a token of a term count, where a
   * segment ends at clause or sentence punctuation and before a contrastive word ("but", "however",
   * "although", "though", "whereas", and in Portuguese and Spanish text that language's: "mas",
   * "embora", "pero", "sin embargo", "aunque", ...). A term is found where the rule matcher finds
   * it ({@link TermLocator}: the same analysis and clauses, so case, accents, a possessive or an
   * elided article, a word inside a hyphenated one, a hashtag that the tokenizer splits into words,
   * {@code #acme} only as a hashtag, {@code c++}, {@code c#} and {@code .net} only so written, a
   * phrase as its words in a row and a sloppy phrase as its words in the window that matched); the
   * segments of the tokens written there count. Exclamation and question marks are not counted for
   * a brand. A term in a handle or URL, which the tokenizer drops, counts for the segment it is
   * written in: the previous token's, unless punctuation ends that token's clause, then the next
   * token's, and the handle's own punctuation ends its segment ("Love @acme, hate @globex").
   * Returns null when no term is found, or only before the first token (the handle a reply is
   * addressed to: the whole post is about it), so that the caller falls back to the whole post.
   */
  public SentimentResult scoreTowards(String text, List<String> terms) {
    if (text == null || text.isEmpty() || terms.isEmpty()) {
      return null;
    }
    TokenizedText tokens = tokenizer.tokenize(text);
    if (tokens.size == 0) {
      return null;
    }
    valences(tokens, false);
    return towards(tokens, TermLocator.locate(tokens.text, List.of(terms))[0]);
  }

  /**
   * {@link #score(String)} of {@code text} and {@link #scoreTowards(String, List)} for each list of
   * terms in {@code brandTerms} (null where that returns null), from one tokenisation of the text:
   * what the enrichment of a mention matched by several brands needs.
   */
  public PostSentiment scorePost(String text, List<List<String>> brandTerms) {
    TokenizedText tokens = text == null || text.isEmpty() ? null : tokenizer.tokenize(text);
    if (tokens == null || tokens.size == 0) {
      return new PostSentiment(NOTHING, Collections.nCopies(brandTerms.size(), null));
    }
    boolean contrasted = valences(tokens, true);
    SentimentResult whole = aggregate(tokens, null, tokens.exclamations, tokens.questions);
    if (brandTerms.isEmpty()) {
      return new PostSentiment(whole, List.of());
    }
    if (contrasted) {
      valences(tokens, false);
    }
    int[][] words = TermLocator.locate(tokens.text, brandTerms);
    List<SentimentResult> towards = new ArrayList<>(brandTerms.size());
    for (int[] brandWords : words) {
      towards.add(towards(tokens, brandWords));
    }
    return new PostSentiment(whole, towards);
  }

  /**
   * The towards-brand score of tokens whose valences were computed without contrast, where {@code
   * words} are the places of the brand's terms in the tokenised text ({@link TermLocator}).
   */
  private SentimentResult towards(TokenizedText tokens, int[] words) {
    if (words.length == 0) {
      return null;
    }
    int n = tokens.size;
    int[] segment = new int[n];
    int current = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0
          && (tokens.boundary[i - 1] != TokenizedText.NONE
              || tokens.droppedBoundary[i - 1] != TokenizedText.NONE
              || (tokens.in(i, rules.segmentStarts()) && !isSinEmbargo(tokens, i - 1))
              || (isSinEmbargo(tokens, i) && rules.segmentStarts().contains("embargo")))) {
        current++;
      }
      segment[i] = current;
    }
    boolean[] brandSegment = new boolean[current + 1];
    boolean found = false;
    // Tokens are in text order and so are the words: one pass over both. A token ends before the
    // word, is written in it (a hashtag the tokenizer split into words gives several), or comes
    // after it.
    int first = 0;
    for (int w = 0; w < words.length; w += 2) {
      if (w > 0 && words[w] < words[w - 2]) {
        first = 0; // not in text order: start over
      }
      while (first < n && tokens.chunkEnd[first] <= words[w]) {
        first++;
      }
      int before = first - 1;
      boolean written = false;
      int i = first;
      while (i < n && tokens.chunkStart[i] < words[w + 1]) {
        brandSegment[segment[i]] = true;
        written = true;
        i++;
      }
      int after = i < n ? i : -1;
      int holder = written ? -1 : droppedHolder(tokens, before, after);
      if (holder >= 0) {
        brandSegment[segment[holder]] = true;
      }
      found |= written || holder >= 0;
    }
    if (!found) {
      return null;
    }
    boolean[] include = new boolean[n];
    for (int i = 0; i < n; i++) {
      include[i] = brandSegment[segment[i]];
    }
    return aggregate(tokens, include, 0, 0);
  }

  /**
   * For a word of a brand written in a handle or link, which has no token, the token whose segment
   * holds it: the one {@code before} it unless punctuation ends that token's clause, then the one
   * {@code after} it ("The food was awful. @acme staff were lovely"), or the last one ("lovely
   * staff, @acme"). -1 when it comes before every token: the handle a reply is addressed to, which
   * the whole post is about.
   */
  private static int droppedHolder(TokenizedText tokens, int before, int after) {
    if (before < 0) {
      return -1;
    }
    return tokens.ownBoundary[before] == TokenizedText.NONE || after < 0 ? before : after;
  }

  /**
   * Fills {@code tokens.scored} with each token's valence after all rules of this scorer; the
   * contrast rule ("but") only when {@code contrast}. Returns whether the contrast rule applied (a
   * contrastive word was found); when false, the valences equal those without the rule.
   */
  boolean valences(TokenizedText tokens, boolean contrast) {
    int n = tokens.size;
    double[] scored = tokens.scored(n);
    int capitals = 0;
    for (int i = 0; i < n; i++) {
      if (tokens.upper[i]) {
        capitals++;
      }
    }
    boolean mixedCase = capitals > 0 && capitals < n;
    if (!social) {
      int but = -1;
      for (int i = 0; i < n && but < 0; i++) {
        if (tokens.is(i, "but")) {
          but = i;
        }
      }
      for (int i = 0; i < n; i++) {
        double valence = valence(tokens, i, mixedCase, 0);
        if (!contrast) {
          scored[i] = valence;
          continue;
        }
        if (but >= 0 && i < but) {
          valence *= 0.5;
        } else if (but >= 0 && i > but) {
          valence *= 1.5;
        }
        scored[i] = valence;
      }
      return contrast && but >= 0;
    }
    // the first contrastive word of the text halves what comes before it and weighs what follows
    // 1.5 times, across sentences as in VADER ("Terrifying. I might be on board, but ... :)")
    int contrastAt = -1;
    for (int i = 0; contrast && i < n && contrastAt < 0; i++) {
      if (tokens.in(i, rules.contrasts())) {
        contrastAt = i;
      }
    }
    int clause = 0;
    int sentence = 0;
    while (sentence < n) {
      int sentenceEnd = sentence;
      while (sentenceEnd < n - 1 && tokens.boundary[sentenceEnd] < TokenizedText.SENTENCE) {
        sentenceEnd++;
      }
      sentenceEnd++;
      for (int i = sentence; i < sentenceEnd; i++) {
        if (i > 0 && tokens.boundary[i - 1] != TokenizedText.NONE) {
          clause = i;
        }
        double valence =
            rules.noNegates() && repeatedNo(tokens, i)
                ? tokens.valence[i]
                : valence(tokens, i, mixedCase, clause);
        if (contrastAt >= 0 && i < contrastAt) {
          valence *= 0.5;
        } else if (contrastAt >= 0 && i > contrastAt) {
          valence *= 1.5;
        }
        scored[i] = valence;
      }
      sentence = sentenceEnd;
    }
    // the k-th repetition of the same sentiment word counts 1 / k ("fun, fun, fun, fun")
    for (int i = 0; i < n; i++) {
      if (scored[i] != 0) {
        scored[i] /= 1 + tokens.earlierRepeats(i);
      }
    }
    tokens.clearRepeats();
    return contrastAt >= 0;
  }

  /**
   * The valence negated: VADER's factor, or for the social scorer a weaker one on negative words.
   */
  private double negate(double valence) {
    return social && valence < 0 ? valence * NEGATED_NEGATIVE : valence * NEGATION;
  }

  /** Whether token {@code j} negates; Spanish "sin" of "sin embargo" ("however") does not. */
  private boolean isNegation(TokenizedText t, int j, int from) {
    String word = at(t, j, from);
    if (ValenceRules.isNegation(word)) {
      return true;
    }
    if (!rules.negations().contains(word)) {
      return false;
    }
    return !(word.equals("sin") && j + 1 < t.size && t.is(j + 1, "embargo"));
  }

  /** Whether tokens {@code i} and {@code i + 1} are "sin embargo", one contrastive word. */
  private static boolean isSinEmbargo(TokenizedText t, int i) {
    return i + 1 < t.size
        && t.boundary[i] == TokenizedText.NONE
        && t.is(i, "sin")
        && t.is(i + 1, "embargo");
  }

  /**
   * Laughter ("lol", "haha") and emoticons or emoji (a token not starting with a letter): they are
   * outside the syntax of the clause, so "no idea lol" and "Nope :-)" are not negated. Laughter
   * written out ("jajaja", "kkkk") reaches here as the tokenizer's "haha" or "hahaha", so a set
   * lookup suffices and no lexicon word costs an allocation.
   */
  private static boolean outsideNegation(String lowerWord) {
    return ValenceRules.LAUGHTER.contains(lowerWord) || !Character.isLetter(lowerWord.charAt(0));
  }

  /** "no no no": a "no" next to another "no" keeps its own (negative) valence. */
  private static boolean repeatedNo(TokenizedText t, int i) {
    return t.inLexicon(i)
        && t.is(i, "no")
        && ((i > 0 && t.is(i - 1, "no")) || (i + 1 < t.size && t.is(i + 1, "no")));
  }

  /** The result for the tokens in {@code include} (all when null) after {@link #valences}. */
  SentimentResult aggregate(
      TokenizedText tokens, boolean[] include, int exclamations, int questions) {
    double[] scored = tokens.scored;
    double sum = 0;
    double positiveSum = 0;
    double negativeSum = 0;
    int neutralCount = 0;
    for (int i = 0; i < tokens.size; i++) {
      if (include != null && !include[i]) {
        continue;
      }
      double valence = scored[i];
      sum += valence;
      if (valence > 0) {
        positiveSum += valence + 1;
      } else if (valence < 0) {
        negativeSum += valence - 1;
      } else {
        neutralCount++;
      }
    }
    double emphasis = punctuationEmphasis(exclamations, questions);
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    double compound = Math.max(-1.0, Math.min(1.0, sum / Math.sqrt(sum * sum + ALPHA)));
    if (positiveSum > -negativeSum) {
      positiveSum += emphasis;
    } else if (positiveSum < -negativeSum) {
      negativeSum -= emphasis;
    }
    double total = positiveSum - negativeSum + neutralCount;
    if (total == 0) {
      return NOTHING;
    }
    return new SentimentResult(
        compound,
        label(compound),
        confidence(compound),
        positiveSum / total,
        neutralCount / total,
        -negativeSum / total);
  }

  /** The label of {@code compound} by the scorer's thresholds (±0.05). */
  public static SentimentLabel label(double compound) {
    if (compound >= POSITIVE_THRESHOLD) {
      return SentimentLabel.POSITIVE;
    }
    return compound <= NEGATIVE_THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
  }

  private static double confidence(double compound) {
    double magnitude = Math.abs(compound);
    if (compound >= POSITIVE_THRESHOLD || compound <= NEGATIVE_THRESHOLD) {
      return Math.min(1.0, magnitude / 0.5);
    }
    return Math.max(0.0, 1.0 - magnitude / POSITIVE_THRESHOLD);
  }

  private static double punctuationEmphasis(int exclamations, int questions) {
    double emphasis = Math.min(exclamations, 4) * 0.292;
    if (questions > 3) {
      emphasis += 0.96;
    } else if (questions > 1) {
      emphasis += questions * 0.18;
    }
    return emphasis;
  }

  /** The valence of token {@code i} after capitals, boosters, negation, idioms and "least". */
  private double valence(TokenizedText t, int i, boolean mixedCase, int from) {
    // a word without valence scores 0 whatever the rules below say, so it is not looked at
    if (!t.inLexicon(i)) {
      return social && isCantWait(t, i, from) ? ValenceRules.CANT_WAIT : 0;
    }
    String word = at(t, i, from);
    int n = t.size;
    if (rules.boosters().containsKey(word) || isExpletiveIntensifier(t, i, from)) {
      return 0;
    }
    if (word.equals("kind") && i < n - 1 && at(t, i + 1, from).equals("of")) {
      return 0;
    }
    if (social && isWorthIt(t, i, from)) {
      // "no vale la pena", "não vale a pena": the negation is before the verb
      boolean negated =
          i - 3 >= from && (isNegation(t, i - 3, from) || at(t, i - 3, from).equals("no"));
      return negated ? negate(ValenceRules.WORTH_IT) : ValenceRules.WORTH_IT;
    }
    double valence = t.valence[i];
    if (social && outsideNegation(word)) {
      // laughter and emoticons comment on the whole post; no negation reaches them
      return t.upper[i] && mixedCase
          ? valence + (valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT)
          : valence;
    }
    // "no" that negates the next word is not negative itself; the social scorer also looks two
    // words ahead, the reach of the "no" negation ("no es malo", "no real problem"), and only
    // inside the clause ("Oh no. Escape ..." keeps its "no")
    if (rules.noNegates()
        && word.equals("no")
        && ((i != n - 1 && t.inLexicon(i + 1) && (!social || t.boundary[i] == TokenizedText.NONE))
            || (social
                && i + 2 < n
                && t.boundary[i] == TokenizedText.NONE
                && t.inLexicon(i + 2)))) {
      valence = 0.0;
    }
    if (rules.noNegates()
        && ((i > 0 && at(t, i - 1, from).equals("no"))
            || (i > 1 && at(t, i - 2, from).equals("no"))
            || (i > 2
                && at(t, i - 3, from).equals("no")
                && (at(t, i - 1, from).equals("or") || at(t, i - 1, from).equals("nor"))))) {
      valence = negate(t.valence[i]);
    }
    if (t.upper[i] && mixedCase) {
      valence += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    }
    for (int back = 0; back < 3; back++) {
      int j = i - back - 1;
      if (j < from || (t.inLexicon(j) && !(back == 0 && isExpletiveIntensifier(t, j, from)))) {
        continue;
      }
      double scalar =
          t.inLexicon(j)
              ? (valence < 0 ? -ValenceRules.BOOST : ValenceRules.BOOST)
              : boosterScalar(t, j, valence, mixedCase, from);
      if (back == 1) {
        scalar *= 0.95;
      } else if (back == 2) {
        scalar *= 0.9;
      }
      valence = negation(valence + scalar, t, back, i, from);
      if (back == 2) {
        valence = specialCases(valence, t, i, from);
      }
    }
    return least(valence, t, i, from);
  }

  /**
   * Whether token {@code i} is an expletive intensifying the sentiment word right after it in its
   * clause ("freaking love", "damn good"; {@link ValenceRules#EXPLETIVE_INTENSIFIERS}).
   */
  private boolean isExpletiveIntensifier(TokenizedText t, int i, int from) {
    return social
        && (rules == LanguageRules.ENGLISH || rules == LanguageRules.ANY)
        && i + 1 < t.size
        && t.boundary[i] == TokenizedText.NONE
        && t.inLexicon(i + 1)
        && ValenceRules.EXPLETIVE_INTENSIFIERS.contains(at(t, i, from));
  }

  private double boosterScalar(
      TokenizedText t, int j, double valence, boolean mixedCase, int from) {
    Double boost = rules.boosters().get(at(t, j, from));
    if (boost == null) {
      return 0.0;
    }
    double scalar = valence < 0 ? -boost : boost;
    if (t.upper[j] && mixedCase) {
      scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    }
    return scalar;
  }

  private double negation(double valence, TokenizedText t, int back, int i, int from) {
    if (back == 0) {
      return isNegation(t, i - 1, from) ? negate(valence) : valence;
    }
    if (back == 1) {
      if (at(t, i - 2, from).equals("never")
          && (at(t, i - 1, from).equals("so") || at(t, i - 1, from).equals("this"))) {
        return valence * 1.25;
      }
      if (at(t, i - 2, from).equals("without") && at(t, i - 1, from).equals("doubt")) {
        return valence;
      }
      return isNegation(t, i - 2, from) ? negate(valence) : valence;
    }
    // back == 2; the second alternative is the reference's operator binding (see class comment)
    if ((at(t, i - 3, from).equals("never")
            && (at(t, i - 2, from).equals("so") || at(t, i - 2, from).equals("this")))
        || at(t, i - 1, from).equals("so")
        || at(t, i - 1, from).equals("this")) {
      return valence * 1.25;
    }
    if (at(t, i - 3, from).equals("without")
        && (at(t, i - 2, from).equals("doubt") || at(t, i - 1, from).equals("doubt"))) {
      return valence;
    }
    return isNegation(t, i - 3, from) ? negate(valence) : valence;
  }

  /** Special phrases around word {@code i} (i >= 3) and "kind of"-style dampeners before it. */
  private static double specialCases(double valence, TokenizedText t, int i, int from) {
    String[][] cases = ValenceRules.SPECIAL_CASES;
    double[] values = ValenceRules.SPECIAL_CASE_VALENCES;
    // the reference tries these windows in this order and stops at the first hit
    int[][] windows = WINDOWS_BEFORE;
    search:
    for (int[] window : windows) {
      for (int c = 0; c < cases.length; c++) {
        if (phraseAt(t, i + window[0], window[1], cases[c], from)) {
          valence = values[c];
          break search;
        }
      }
    }
    for (int c = 0; c < cases.length; c++) {
      if (i + 1 < t.size && phraseAt(t, i, 2, cases[c], from)) {
        valence = values[c];
      }
    }
    for (int c = 0; c < cases.length; c++) {
      if (i + 2 < t.size && phraseAt(t, i, 3, cases[c], from)) {
        valence = values[c];
      }
    }
    for (int[] window : BOOSTER_WINDOWS) {
      for (String[] phrase : ValenceRules.BOOSTER_PHRASES) {
        if (phraseAt(t, i + window[0], window[1], phrase, from)) {
          valence += ValenceRules.DAMPEN;
        }
      }
    }
    return valence;
  }

  /** {start offset from i, length}: "w-1 w0", "w-2 w-1 w0", "w-2 w-1", "w-3 w-2 w-1", "w-3 w-2". */
  private static final int[][] WINDOWS_BEFORE = {{-1, 2}, {-2, 3}, {-2, 2}, {-3, 3}, {-3, 2}};

  /** Windows checked for multi-word dampeners: "w-3 w-2 w-1", "w-3 w-2", "w-2 w-1". */
  private static final int[][] BOOSTER_WINDOWS = {{-3, 3}, {-3, 2}, {-2, 2}};

  private static boolean phraseAt(
      TokenizedText t, int start, int length, String[] phrase, int from) {
    if (phrase.length != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      // at(t, start + k, from).equals(phrase[k]) without building the token's string; the words
      // of the phrases are in the vocabulary, so an unknown token matches none
      int index = start + k;
      if (index < from || index >= t.size || t.id[index] < 0 || !t.is(index, phrase[k])) {
        return false;
      }
    }
    return true;
  }

  /** "pena" of "vale la pena", "vale a pena" and the like: "worth it", not sorrow. */
  private static boolean isWorthIt(TokenizedText t, int i, int from) {
    if (i - 2 < from || !(t.is(i, "pena") || t.is(i, "penas"))) {
      return false;
    }
    // read as strings: the articles and verbs are not in the vocabulary ("a" would change how
    // other text is tokenised), and this runs only for "pena"
    return ValenceRules.WORTH_ARTICLES.contains(at(t, i - 1, from))
        && ValenceRules.WORTH_VERBS.contains(at(t, i - 2, from));
  }

  /** "can't wait", "cant wait", "cannot wait", "can not wait": eagerness, not a negation. */
  private static boolean isCantWait(TokenizedText t, int i, int from) {
    // read without building the strings of unknown tokens: this runs for every word without valence
    if (i - 1 < from || !t.is(i, "wait")) {
      return false;
    }
    return t.is(i - 1, "can't")
        || t.is(i - 1, "cant")
        || t.is(i - 1, "cannot")
        || (t.is(i - 1, "not") && i - 2 >= from && t.is(i - 2, "can"));
  }

  /** Token {@code index} in lower case, or "" when it lies before {@code from} (another clause). */
  private static String at(TokenizedText t, int index, int from) {
    return index < from || index >= t.size ? "" : t.lower(index);
  }

  private double least(double valence, TokenizedText t, int i, int from) {
    if (i > 1 && at(t, i - 1, from).equals("least")) {
      String before = at(t, i - 2, from);
      return before.equals("at") || before.equals("very") ? valence : negate(valence);
    }
    if (i > 0 && at(t, i - 1, from).equals("least")) {
      return negate(valence);
    }
    return valence;
  }

  /**
   * VADER's lexicon with the social additions and corrections of {@code social_lexicon.txt}: the
   * lexicon of English text.
   */
  private static Map<String, Double> englishLexicon(Map<String, Double> vader) {
    Map<String, Double> merged = new HashMap<>(vader);
    merged.putAll(readLexicon(SOCIAL_LEXICON));
    // VADER's 2018 lexicon rates "heart(s)" for its emoji descriptions ("red heart"); the social
    // scorer scores emoji directly, and the noun alone ("my heart wants ...") is not sentiment
    merged.keySet().removeAll(EMOJI_DESCRIPTION_WORDS);
    return Map.copyOf(merged);
  }

  /**
   * {@code english} less the entries in {@code without}, with each of {@code lists} over it in turn
   * (their entries win): the lexicon of Portuguese or Spanish text (without the English entries
   * that are function words there, "no", "ha", "sin"), or of text of unknown language (both lists,
   * read without their words spelled like English words).
   */
  private static Map<String, Double> overlay(
      Map<String, Double> english, Set<String> without, List<Map<String, Double>> lists) {
    Map<String, Double> merged = new HashMap<>(english);
    merged.keySet().removeAll(without);
    for (Map<String, Double> words : lists) {
      merged.putAll(words);
    }
    return Map.copyOf(merged);
  }

  private static Map<String, Double> readLexicon(String resource) {
    return readLexicon(resource, false);
  }

  /**
   * Reads a word list (token TAB valence, further columns ignored; "# " starts a comment); with
   * {@code withoutCollisions}, lines whose fourth column is {@code EN-COLLISION} are left out.
   */
  private static Map<String, Double> readLexicon(String resource, boolean withoutCollisions) {
    InputStream in = SentimentScorer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    Map<String, Double> lexicon = new HashMap<>(16_384);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("# ")) {
          continue;
        }
        int first = line.indexOf('\t');
        int second = first < 0 ? -1 : line.indexOf('\t', first + 1);
        if (first <= 0) {
          throw new IllegalStateException(
              resource + " line " + number + ": expected token<TAB>value");
        }
        String value = second < 0 ? line.substring(first + 1) : line.substring(first + 1, second);
        if (withoutCollisions && second > 0 && line.endsWith("\tEN-COLLISION")) {
          continue;
        }
        // later entries win, as in the reference's dictionary; lookups are in lower case, so
        // entries with capitals (":D", "XD") are shadowed by their lower-case twins, as there
        lexicon.put(line.substring(0, first), Double.parseDouble(value));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(lexicon);
  }

  private static final class Default {
    static final Map<String, Double> VADER_LEXICON = readLexicon(LEXICON);
    static final EmojiValences EMOJI_VALENCES = EmojiValences.load(EMOJI);
    static final Map<String, Double> ENGLISH_LEXICON = englishLexicon(VADER_LEXICON);
    static final SentimentScorer ENGLISH = social(ENGLISH_LEXICON, LanguageRules.ENGLISH);
    static final SentimentScorer PORTUGUESE =
        social(
            overlay(
                ENGLISH_LEXICON,
                ValenceRules.ROMANCE_FUNCTION_WORDS,
                List.of(readLexicon(PORTUGUESE_LEXICON))),
            LanguageRules.PORTUGUESE);
    static final SentimentScorer SPANISH =
        social(
            overlay(
                ENGLISH_LEXICON,
                ValenceRules.ROMANCE_FUNCTION_WORDS,
                List.of(readLexicon(SPANISH_LEXICON))),
            LanguageRules.SPANISH);
    static final SentimentScorer INSTANCE =
        social(
            overlay(
                ENGLISH_LEXICON,
                Set.of(),
                List.of(readLexicon(PORTUGUESE_LEXICON, true), readLexicon(SPANISH_LEXICON, true))),
            LanguageRules.ANY);
    static final SentimentScorer CORE =
        new SentimentScorer(
            new SocialTextTokenizer(VADER_LEXICON, EMOJI_VALENCES, false, RULE_WORDS),
            false,
            LanguageRules.VADER);

    /**
     * The social scorer of one language. Its intensifiers leave the lexicon ("super", +2.9 in
     * VADER's), so that they intensify the next word instead of being one.
     */
    private static SentimentScorer social(Map<String, Double> lexicon, LanguageRules rules) {
      Map<String, Double> words = new HashMap<>(lexicon);
      words.keySet().removeAll(rules.boosters().keySet());
      return new SentimentScorer(
          new SocialTextTokenizer(Map.copyOf(words), EMOJI_VALENCES, true, RULE_WORDS),
          true,
          rules);
    }
  }
}
