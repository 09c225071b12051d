package io.sociallistening.topology.sentiment;

import java.util.Map;
import java.util.Set;

/**
 * The word lists and constants of the VADER rules (Hutto and Gilbert, ICWSM 2014): boosters and
 * dampeners with their scalars, negation words, the capitals increment, the negation factor and the
 * multi-word special cases. Constants only; {@link SentimentScorer} applies them.
 */
final class ValenceRules {
  /** Scalar added by an intensifying word ("very"). */
  static final double BOOST = 0.293;

  /** Scalar added by a dampening word ("slightly"). */
  static final double DAMPEN = -0.293;

  /** Added to (or taken from) the valence of a word written in capitals in a mixed-case text. */
  static final double CAPS_INCREMENT = 0.733;

  /** Factor applied to a negated valence. */
  static final double NEGATION = -0.74;

  /** Normalisation constant of the compound score: sum / sqrt(sum^2 + ALPHA). */
  static final double ALPHA = 15.0;

  /** Intensifiers and dampeners that are single tokens, with their scalar. */
  static final Map<String, Double> BOOSTERS = boosters();

  /** Multi-word dampeners, matched on the words before a sentiment word. */
  static final String[][] BOOSTER_PHRASES = {{"kind", "of"}, {"sort", "of"}, {"just", "enough"}};

  /** Words that negate a sentiment word up to three tokens later. */
  static final Set<String> NEGATIONS =
      Set.of(
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  /** Two- and three-word phrases whose valence replaces that of the sentiment word inside them. */
  static final String[][] SPECIAL_CASES = {
    {"the", "shit"},
    {"the", "bomb"},
    {"bad", "ass"},
    {"bus", "stop"},
    {"yeah", "right"},
    {"kiss", "of", "death"},
    {"to", "die", "for"},
    {"beating", "heart"},
    {"broken", "heart"}
  };

  /** Valences of {@link #SPECIAL_CASES}, index by index. */
  static final double[] SPECIAL_CASE_VALENCES = {3, 3, 1.5, 0.0, -2, -1.5, 3, 3.1, -2.9};

  /**
   * Laughter words that the social scorer keeps outside negation's reach (as it does emoticons and
   * emoji); all are lexicon entries.
   */
  static final Set<String> LAUGHTER =
      Set.of("lol", "lolz", "lmao", "lmfao", "rofl", "roflmao", "haha", "hahaha", "hehe", "xd");

  /** Contrastive words: the part of the sentence before one counts half, after it 1.5 times. */
  static final Set<String> CONTRASTS = Set.of("but", "however");

  /**
   * Portuguese and Spanish negation words, used by the social scorer besides {@link #NEGATIONS}
   * (Spanish "no" is handled by VADER's rule for English "no"). Written for social-listening,
   * project licence.
   */
  static final Set<String> SOCIAL_NEGATIONS =
      Set.of(
          "não", "nao", "nunca", "nem", "jamais", "nenhum", "nenhuma", "sem", "ni", "jamás",
          "jamas", "tampoco", "ningún", "ningun", "ninguno", "ninguna", "sin");

  /**
   * {@link #BOOSTERS} plus Portuguese and Spanish intensifiers and dampeners, used by the social
   * scorer. Written for social-listening, project licence.
   */
  static final Map<String, Double> SOCIAL_BOOSTERS = socialBoosters();

  /**
   * Valence of "wait" in "can't wait" (and "cant", "cannot", "can not"), which the social scorer
   * reads as eagerness rather than a negated word: that of "eager" in the VADER lexicon. Set a
   * priori, not fitted.
   */
  static final double CANT_WAIT = 1.5;

  /** Words that start a new segment when scoring the sentiment towards one brand. */
  static final Set<String> SEGMENT_STARTS =
      Set.of("but", "however", "although", "though", "whereas");

  private ValenceRules() {}

  static boolean isNegation(String lowerWord) {
    return NEGATIONS.contains(lowerWord) || lowerWord.contains("n't");
  }

  private static Map<String, Double> socialBoosters() {
    java.util.HashMap<String, Double> map = new java.util.HashMap<>(BOOSTERS);
    for (String word :
        new String[] {
          "muito", "muita", "muitos", "muitas", "bem", "demais", "tão", "tao", "bastante",
          "extremamente", "totalmente", "super", "muy", "mucho", "mucha", "muchos", "muchas", "tan",
          "demasiado", "extremadamente", "súper"
        }) {
      map.put(word, BOOST);
    }
    for (String word : new String[] {"pouco", "meio", "quase", "poco", "casi", "algo"}) {
      map.put(word, DAMPEN);
    }
    return Map.copyOf(map);
  }

  private static Map<String, Double> boosters() {
    String[] up = {
      "absolutely",
      "amazingly",
      "awfully",
      "completely",
      "considerable",
      "considerably",
      "decidedly",
      "deeply",
      "effing",
      "enormous",
      "enormously",
      "entirely",
      "especially",
      "exceptional",
      "exceptionally",
      "extreme",
      "extremely",
      "fabulously",
      "flipping",
      "flippin",
      "frackin",
      "fracking",
      "fricking",
      "frickin",
      "frigging",
      "friggin",
      "fully",
      "fuckin",
      "fucking",
      "fuggin",
      "fugging",
      "greatly",
      "hella",
      "highly",
      "hugely",
      "incredible",
      "incredibly",
      "intensely",
      "major",
      "majorly",
      "more",
      "most",
      "particularly",
      "purely",
      "quite",
      "really",
      "remarkably",
      "so",
      "substantially",
      "thoroughly",
      "total",
      "totally",
      "tremendous",
      "tremendously",
      "uber",
      "unbelievably",
      "unusually",
      "utter",
      "utterly",
      "very"
    };
    String[] down = {
      "almost",
      "barely",
      "hardly",
      "kinda",
      "kindof",
      "kind-of",
      "less",
      "little",
      "marginal",
      "marginally",
      "occasional",
      "occasionally",
      "partly",
      "scarce",
      "scarcely",
      "slight",
      "slightly",
      "somewhat",
      "sorta",
      "sortof",
      "sort-of"
    };
    java.util.HashMap<String, Double> map = new java.util.HashMap<>();
    for (String word : up) {
      map.put(word, BOOST);
    }
    for (String word : down) {
      map.put(word, DAMPEN);
    }
    return Map.copyOf(map);
  }
}
