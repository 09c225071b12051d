package io.sociallistening.topology.sentiment;

import java.util.HashMap;
import java.util.HashSet;
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

  /** Portuguese negation words. Written for social-listening, project licence. */
  static final Set<String> PORTUGUESE_NEGATIONS =
      Set.of("não", "nao", "nunca", "nem", "jamais", "nenhum", "nenhuma", "sem");

  /**
   * Spanish negation words; Spanish "no" is handled by VADER's rule for English "no". Written for
   * social-listening, project licence.
   */
  static final Set<String> SPANISH_NEGATIONS =
      Set.of(
          "nunca", "ni", "jamás", "jamas", "tampoco", "ningún", "ningun", "ninguno", "ninguna",
          "sin");

  /**
   * Portuguese and Spanish negation words together, for text whose language is not known besides
   * {@link #NEGATIONS}.
   */
  static final Set<String> SOCIAL_NEGATIONS = union(PORTUGUESE_NEGATIONS, SPANISH_NEGATIONS);

  /**
   * {@link #BOOSTERS} and "super", for English text in the social scorer (and, with the Portuguese
   * and Spanish ones, for text whose language is not known: {@link #SOCIAL_BOOSTERS}): VADER rates
   * "super" as a word (+2.9), but in posts it mostly intensifies the next one ("super busy", "super
   * scary"). Also the intensifiers "freakin", "insanely", "dang", "darn", "darned", which VADER's
   * lexicon does not know ("freakin awesome", "darn good").
   */
  static final Map<String, Double> ENGLISH_BOOSTERS =
      scalars(
          new String[] {"super", "freakin", "insanely", "dang", "darn", "darned"}, new String[0]);

  /**
   * Expletives that VADER rates as negative words but that, right before a sentiment word of their
   * clause, intensify it instead ("freaking love", "damn good", "bloody amazing", "ridiculously
   * cute"): there they count as a booster and not as a word of their own. Alone ("damn!", "this is
   * freaking me out") they keep their valence. Social scorer only, for English text and text whose
   * language is not known. Project licence.
   */
  static final Set<String> EXPLETIVE_INTENSIFIERS =
      Set.of("freaking", "damn", "damned", "bloody", "ridiculously");

  /** Portuguese intensifiers and dampeners with their scalar. Project licence. */
  static final Map<String, Double> PORTUGUESE_BOOSTERS =
      scalars(
          new String[] {
            "muito",
            "muita",
            "muitos",
            "muitas",
            "bem",
            "demais",
            "tão",
            "tao",
            "bastante",
            "extremamente",
            "totalmente",
            "super",
            "mega"
          },
          new String[] {"pouco", "meio", "quase"});

  /** Spanish intensifiers and dampeners with their scalar. Project licence. */
  static final Map<String, Double> SPANISH_BOOSTERS =
      scalars(
          new String[] {
            "muy",
            "mucho",
            "mucha",
            "muchos",
            "muchas",
            "tan",
            "demasiado",
            "extremadamente",
            "súper",
            "super",
            "totalmente",
            "bastante"
          },
          new String[] {"poco", "casi", "algo"});

  /**
   * {@link #ENGLISH_BOOSTERS} plus the Portuguese and Spanish ones, for text whose language is not
   * known.
   */
  static final Map<String, Double> SOCIAL_BOOSTERS = socialBoosters();

  /** Portuguese contrastive words, weighed as "but". */
  static final Set<String> PORTUGUESE_CONTRASTS =
      Set.of("mas", "porém", "porem", "contudo", "entretanto", "todavia");

  /** Spanish contrastive words, weighed as "but" ("embargo" of "sin embargo"). */
  static final Set<String> SPANISH_CONTRASTS = Set.of("pero", "embargo");

  /** Portuguese "although": it starts a brand's segment but is not weighed as "but". */
  static final Set<String> PORTUGUESE_CONCESSIVES = Set.of("embora");

  /** Spanish "although": it starts a brand's segment but is not weighed as "but". */
  static final Set<String> SPANISH_CONCESSIVES = Set.of("aunque");

  /**
   * English lexicon entries that are frequent function words of Portuguese or Spanish text and
   * carry no sentiment there: "no" (Spanish negation particle, Portuguese "in the"), "ha" (Spanish
   * "has", Portuguese "há"), "sin" (Spanish "without", a negation word).
   */
  static final Set<String> ROMANCE_FUNCTION_WORDS = Set.of("no", "ha", "sin");

  /**
   * Valence of "wait" in "can't wait" (and "cant", "cannot", "can not"), which the social scorer
   * reads as eagerness rather than a negated word: that of "eager" in the VADER lexicon. Set a
   * priori, not fitted.
   */
  static final double CANT_WAIT = 1.5;

  /**
   * Valence of Spanish "pena" (sorrow, -2.4) and Portuguese "pena" in "vale la pena", "valió la
   * pena", "merece la pena", "vale a pena", "valeu a pena" ("it is worth it"): that of "worth" in
   * the VADER lexicon. A negation before it still applies ("no vale la pena"). Set a priori, not
   * fitted.
   */
  static final double WORTH_IT = 0.9;

  /** Verbs before "la pena" / "a pena" that make it "worth it". */
  static final Set<String> WORTH_VERBS =
      Set.of(
          "vale", "valió", "valio", "valdrá", "valdra", "valdría", "valdria", "valía", "valia",
          "merece", "mereció", "merecio", "valeu", "valerá", "valera", "valeria");

  /** Articles between the verb and "pena": Spanish "la", Portuguese "a". */
  static final Set<String> WORTH_ARTICLES = Set.of("la", "a");

  /** Words that start a new segment when scoring the sentiment towards one brand. */
  static final Set<String> SEGMENT_STARTS =
      Set.of("but", "however", "although", "though", "whereas");

  private ValenceRules() {}

  static boolean isNegation(String lowerWord) {
    return NEGATIONS.contains(lowerWord) || lowerWord.contains("n't");
  }

  /**
   * Whether the lower-case word {@code chars[from..to)} is laughter written out, in any of the
   * three languages: "hahahaha", "ahahah", "jajaja", "jejeje", "hihihi", "huehue" (two or more
   * syllables of one consonant, h or j, and a vowel, so not "haja"; an extra leading "a" or
   * trailing consonant allowed), "kkkk" (Portuguese, four or more), "rsrs" (Portuguese "risos", two
   * or more).
   */
  static boolean isLaughter(char[] chars, int from, int to) {
    int length = to - from;
    if (length < 4) {
      return false;
    }
    if (runOf(chars, from, to, 'k')) {
      return true;
    }
    if (chars[from] == 'r') {
      for (int k = from; k < to; k++) {
        if (chars[k] != ((k - from) % 2 == 0 ? 'r' : 's')) {
          return false;
        }
      }
      return true;
    }
    int k = chars[from] == 'a' ? from + 1 : from;
    char consonant = chars[k];
    if (consonant != 'h' && consonant != 'j') {
      return false;
    }
    int syllables = 0;
    while (k < to) {
      if (chars[k] != consonant) {
        return false;
      }
      if (k + 1 == to) {
        break;
      }
      char vowel = chars[k + 1];
      if (vowel == 'u' && k + 2 < to && chars[k + 2] == 'e') {
        k += 3;
      } else if (vowel == 'a' || vowel == 'e' || vowel == 'i') {
        k += 2;
      } else {
        return false;
      }
      syllables++;
    }
    return syllables >= 2;
  }

  /** {@link #isLaughter(char[], int, int)} of a lower-case word. */
  static boolean isLaughter(String lowerWord) {
    return LAUGHTER.contains(lowerWord)
        || isLaughter(lowerWord.toCharArray(), 0, lowerWord.length());
  }

  private static boolean runOf(char[] chars, int from, int to, char c) {
    for (int k = from; k < to; k++) {
      if (chars[k] != c) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Double> socialBoosters() {
    Map<String, Double> map = new HashMap<>(ENGLISH_BOOSTERS);
    map.putAll(PORTUGUESE_BOOSTERS);
    map.putAll(SPANISH_BOOSTERS);
    return Map.copyOf(map);
  }

  private static Map<String, Double> scalars(String[] up, String[] down) {
    Map<String, Double> map = new HashMap<>(BOOSTERS);
    for (String word : up) {
      map.put(word, BOOST);
    }
    for (String word : down) {
      map.put(word, DAMPEN);
    }
    return Map.copyOf(map);
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
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
