package io.sociallistening.topology.lead;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One phrase that speaks for or against a lead.
 *
 * @param weight added to a post's sum when the phrase occurs (negative against a lead, zero for a
 *     phrase that only hides the phrases inside it, e.g. "looking for a new job")
 * @param reason the kind of signal, e.g. {@code purchase intent}; each kind counts once per post
 * @param condition when the phrase counts
 * @param phrase the normalised phrase (lower case, accents folded, single spaces)
 * @param explanation the text shown in {@link LeadResult#reasons()}
 */
record LeadSignal(
    double weight, String reason, Condition condition, String phrase, String explanation) {

  /** When a phrase counts. */
  enum Condition {
    ALWAYS,
    /** Only for posts that mention a competitor. */
    COMPETITOR,
    /** Only for posts that do not mention a competitor (e.g. a support request to the brand). */
    OWN,
    /** Only inside a question (a sentence ending in "?" or opened by "¿"). */
    QUESTION,
    /** Only inside a question of a post that addresses someone with an {@code @handle}. */
    ADDRESSED,
    /**
     * Only inside a question, and not after a word for the crowd ("anyone", "someone", "alguém")
     * within {@value #CROWD_WORDS} words of its sentence: the "you" of "does anyone know if you
     * need a visa?" is anyone, not the brand.
     */
    SECOND_PERSON,
    /**
     * Only inside a question, and not as the whole of a question that opens the post: "is the X2
     * worth it?" and "thinking of Apple Music. worth it?" ask about what comes before, "worth it to
     * upgrade to the X2?" about what comes after, a post that opens with "Worth it?" ("Worth it?
     * the hike was brutal") asks about nothing named.
     */
    FOLLOW_UP,
    /**
     * Only when no word that may be a noun follows the phrase in its clause: the sentence ends, a
     * pause comes ({@link NormalizedPost#pausedBefore}: punctuation, an emoji, a link), or the next
     * word is one of {@link #AFTER_PRONOUN}. The demonstrative of "i need this!" and "i need this
     * so bad" stands for a product shown; the one of "i need this coffee" or "i need this weekend"
     * names something that may not be sold.
     */
    ALONE,
    /**
     * Only inside a post's first sentence when it is a short question (at most {@value
     * NormalizedPost#SHORT_QUESTION_WORDS} words), the post has no {@code @handle}, and a product
     * is named within {@value #CHOICE_WORDS} words either side of the phrase ({@link
     * #namesProduct}): "Pixel 8 or 9?", "Slack or Teams for a small team?", not "tea or coffee?".
     */
    CHOICE
  }

  /** How many words before a second person a word for the crowd makes it impersonal. */
  static final int CROWD_WORDS = 8;

  /** Words for the crowd a question is put to: a second person after them is impersonal. */
  private static final Set<String> CROWD =
      Set.of(
          "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "alguem", "alguien");

  /**
   * Words that follow a demonstrative standing alone ("this so bad", "these in black", "this one",
   * "that lol") rather than one before a noun ("this coffee").
   */
  private static final Set<String> AFTER_PRONOUN =
      Set.of(
          "so",
          "too",
          "soo",
          "sooo",
          "very",
          "really",
          "much",
          "more",
          "bad",
          "badly",
          "in",
          "on",
          "for",
          "at",
          "from",
          "with",
          "as",
          "than",
          "like",
          "now",
          "rn",
          "asap",
          "today",
          "tonight",
          "tomorrow",
          "yesterday",
          "already",
          "again",
          "right",
          "soon",
          "immediately",
          "everyday",
          "every",
          "back",
          "lol",
          "lmao",
          "lmfao",
          "omg",
          "omfg",
          "haha",
          "pls",
          "please",
          "plz",
          "and",
          "but",
          "or",
          "tbh",
          "fr",
          "ngl",
          "honestly",
          "literally",
          "lowkey",
          "though",
          "tho",
          "because",
          "bc",
          "cuz",
          "cause",
          "if",
          "when",
          "before",
          "after",
          "i",
          "i'm",
          "im",
          "i'd",
          "i'll",
          "i've",
          "ive",
          "it",
          "it's",
          "its",
          "one",
          "ones",
          "thing",
          "things",
          "stuff",
          "yes",
          "yeah",
          "wow",
          "ok",
          "okay");

  /** Endings that make a number an ordinal or a time of day rather than a model. */
  private static final Set<String> ORDINAL_OR_TIME = Set.of("st", "nd", "rd", "th", "am", "pm");

  /** Days and months, written with a capital in English whatever they name. */
  private static final Set<String> CALENDAR =
      Set.of(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /** How many words either side of a choice's "or" may name a product. */
  static final int CHOICE_WORDS = 2;

  /**
   * The pronoun I, written with a capital whatever it names, and never negated by a "no" before it
   * ("no I need this" is an interjection).
   */
  static final Set<String> I = Set.of("i", "i'm", "im", "i'd", "i'll", "i've", "ive");

  /**
   * Whether the phrase found at {@code start} to {@code end} of {@code post} counts there; {@code
   * brandWord} tells whether a word of the post is where a term of a brand rule it matched is
   * written.
   */
  boolean appliesTo(
      boolean mentionsCompetitor,
      NormalizedPost post,
      int start,
      int end,
      Predicate<String> brandWord) {
    return switch (condition) {
      case ALWAYS -> true;
      case COMPETITOR -> mentionsCompetitor;
      case OWN -> !mentionsCompetitor;
      case QUESTION -> post.inQuestion(start);
      case ADDRESSED -> post.handle && post.inQuestion(start);
      case SECOND_PERSON -> post.inQuestion(start) && !afterCrowd(post, start);
      case ALONE -> alone(post, end);
      case FOLLOW_UP -> post.inQuestion(start) && (start > 0 || post.nextWordInSentence(end) >= 0);
      case CHOICE ->
          !post.handle
              && start < post.shortFirstQuestionEnd
              && namesProduct(post, start, end, brandWord);
    };
  }

  /** Whether no word that may be a noun follows the phrase ending at {@code end} in its clause. */
  private static boolean alone(NormalizedPost post, int end) {
    int next = post.nextWordInSentence(end);
    if (next < 0 || post.pausedBefore(next)) {
      return true;
    }
    int length = post.wordEnd(next) - next;
    return length <= 11 && AFTER_PRONOUN.contains(new String(post.text, next, length));
  }

  /** Whether a word for the crowd comes within {@value #CROWD_WORDS} words before {@code start}. */
  private static boolean afterCrowd(NormalizedPost post, int start) {
    int word = start;
    for (int k = 0; k < CROWD_WORDS; k++) {
      word = post.previousWordInSentence(word);
      if (word < 0) {
        return false;
      }
      int length = post.wordEnd(word) - word;
      if (length <= 8 && CROWD.contains(new String(post.text, word, length))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one of the {@value #CHOICE_WORDS} words of its sentence before {@code start} or after
   * {@code end} names a product: a word of letters and digits (PS5, X2, S24; not an ordinal, a time
   * of day or a decade: 2nd, 5pm, 90s), a number after a word (Pixel 8, Forerunner 265; not the "2"
   * of "2 or 3 nights?" nor any number of a count: "Stay 2 or 3 nights?", "3 or 4 sets"), a word
   * written with a capital inside its sentence (Galaxy, iPhone, Teams; not the first word, not "I",
   * not a day or a month, not in a sentence all in capitals), or a word of a brand rule the post
   * matched (kindle, kobo). The brand rules' words are asked for only when no word names a product
   * by itself.
   */
  static boolean namesProduct(
      NormalizedPost post, int start, int end, Predicate<String> brandWord) {
    return near(post, start, end, null) || near(post, start, end, brandWord);
  }

  /**
   * Whether one of the words next to the phrase names a product by itself, or, with {@code
   * brandWord}, is a word of a brand rule.
   */
  private static boolean near(
      NormalizedPost post, int start, int end, Predicate<String> brandWord) {
    int word = start;
    for (int k = 0; k < CHOICE_WORDS; k++) {
      word = post.previousWordInSentence(word);
      if (word < 0) {
        break;
      }
      if (brandWord != null
          ? brandWord.test(written(post, word))
          : (product(post, word)
              || (k == 0
                  && number(post, word)
                  && post.previousWordInSentence(word) >= 0
                  && !countOfUnits(post, end)))) {
        return true;
      }
    }
    int after = end;
    for (int k = 0; k < CHOICE_WORDS; k++) {
      word = post.nextWordInSentence(after);
      if (word < 0) {
        break;
      }
      after = post.wordEnd(word);
      if (brandWord != null ? brandWord.test(written(post, word)) : product(post, word)) {
        return true;
      }
    }
    return false;
  }

  private static String written(NormalizedPost post, int word) {
    return new String(post.text, word, post.wordEnd(word) - word);
  }

  /** Whether the word starting at {@code word} names a product by itself. */
  private static boolean product(NormalizedPost post, int word) {
    int end = post.wordEnd(word);
    boolean letter = false;
    boolean digit = false;
    for (int k = word; k < end; k++) {
      letter |= Character.isLetter(post.text[k]);
      digit |= Character.isDigit(post.text[k]);
    }
    if (letter && digit) {
      return !countOrTime(post, word, end);
    }
    if (!post.capitalised(word) || post.firstOfSentence(word)) {
      return false;
    }
    String written = new String(post.text, word, end - word);
    return !I.contains(written) && !CALENDAR.contains(written);
  }

  /**
   * Whether a word of digits and letters is an ordinal, a time of day or a decade (1st, 2nd, 3rd,
   * 4th, 5pm, 10am, 90s, 1990s), not a model number (6s, 41mm, 128gb).
   */
  private static boolean countOrTime(NormalizedPost post, int word, int end) {
    int digits = word;
    while (digits < end && Character.isDigit(post.text[digits])) {
      digits++;
    }
    if (digits == word || end - digits > 2) {
      return false;
    }
    String suffix = new String(post.text, digits, end - digits);
    if (suffix.equals("s")) {
      // a decade: 80s, 1990s; not a model: 6s
      return (digits - word == 2 || digits - word == 4) && post.text[digits - 1] == '0';
    }
    return ORDINAL_OR_TIME.contains(suffix);
  }

  /**
   * Whether the option after the phrase ending at {@code end} is a number followed by a unit or a
   * thing counted ("2 or 3 nights", "3 or 4 sets", "1 or 2 kids"): a quantity, not a model number.
   */
  private static boolean countOfUnits(NormalizedPost post, int end) {
    int option = post.nextWordInSentence(end);
    if (option < 0 || !number(post, option)) {
      return false;
    }
    int unit = post.nextWordInSentence(post.wordEnd(option));
    return unit >= 0 && UNITS.contains(written(post, unit).toLowerCase(Locale.ROOT));
  }

  /** Units and things counted after a number ("nights", "sets", "kids"). */
  private static final Set<String> UNITS =
      Set.of(
          "minutes",
          "mins",
          "hours",
          "hrs",
          "days",
          "nights",
          "weeks",
          "months",
          "years",
          "times",
          "sets",
          "reps",
          "rounds",
          "laps",
          "miles",
          "km",
          "kms",
          "kg",
          "kgs",
          "lbs",
          "pounds",
          "cups",
          "glasses",
          "slices",
          "pieces",
          "people",
          "kids",
          "guests",
          "stars",
          "points",
          "goals",
          "players",
          "dias",
          "noches",
          "noites",
          "semanas",
          "meses",
          "anos",
          "años",
          "horas",
          "veces",
          "vezes",
          "pessoas",
          "personas");

  private static boolean number(NormalizedPost post, int word) {
    int end = post.wordEnd(word);
    for (int k = word; k < end; k++) {
      if (!Character.isDigit(post.text[k])) {
        return false;
      }
    }
    return end > word;
  }

  /** Whether a negation just before the phrase turns it into negated intent. */
  boolean negatable() {
    return weight > 0
        && (condition == Condition.ALWAYS
            || condition == Condition.QUESTION
            || condition == Condition.SECOND_PERSON
            || condition == Condition.ALONE
            || condition == Condition.FOLLOW_UP
            || condition == Condition.CHOICE);
  }
}
