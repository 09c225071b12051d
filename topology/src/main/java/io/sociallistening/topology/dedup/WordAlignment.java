package io.sociallistening.topology.dedup;

import java.util.Set;

/**
 * Whether one post is a copy of another, by aligning their normal forms word by word.
 *
 * <p><b>Input:</b> two {@link NormalForm}s. <b>Output:</b> the edit cost of turning one into the
 * other, or {@link Double#POSITIVE_INFINITY} when it is over the budget. <b>State and time:</b>
 * none.
 *
 * <p>Costs: an equal word 0; a typo ({@link #TYPO}: one letter inserted, deleted, replaced or two
 * neighbours swapped, in words of at least 4 letters without digits) 0.5; inserting or deleting a
 * word 1; a replaced word 2 (it is a deletion plus an insertion); any change to a word with a digit
 * (flight, order and reference numbers, amounts, times) or to a {@link #NEGATIONS negation} ({@code
 * not}, {@code never}, the {@code t} of {@code n't}, ...) {@value #DIGITS} — so posts from one
 * complaint template with other details never match, nor does a post with the same post negated
 * ("would recommend" / "would not recommend"). When a text was truncated, the rest of the other one
 * after the aligned prefix is free, provided the truncated one keeps at least {@value #MIN_PREFIX}
 * words, and its last word may be a cut word (a prefix of the word it aligns with).
 *
 * <p>Budget, with n the words of the shorter text (of the truncated prefix when truncated): under
 * {@value #MIN_WORDS_FOR_EDITS} words only typos ({@code 0.5}); otherwise {@code max(1, n ·}
 * {@value #EDIT_SHARE}{@code )}, so one added or dropped word per ten words, a replaced word from
 * twenty.
 */
public final class WordAlignment {
  static final double TYPO = 0.5;
  static final double DIGITS = 10;
  static final int MIN_PREFIX = 4;
  static final int MIN_WORDS_FOR_EDITS = 6;
  static final double EDIT_SHARE = 0.1;

  /**
   * Words that turn a post into its opposite when added, dropped or replaced, as normal forms write
   * them (lower case, apostrophes split: "don't" is "don t"): English, with the {@code t} of "n't",
   * and Spanish, Portuguese, French, German, Italian, Dutch and Hindi negations.
   */
  static final Set<String> NEGATIONS =
      Set.of(
          "not",
          "no",
          "never",
          "nothing",
          "none",
          "nobody",
          "nowhere",
          "nor",
          "neither",
          "without",
          "cannot",
          "t",
          "dont",
          "doesnt",
          "didnt",
          "isnt",
          "arent",
          "wasnt",
          "werent",
          "cant",
          "couldnt",
          "wont",
          "wouldnt",
          "shouldnt",
          "hasnt",
          "havent",
          "hadnt",
          "aint",
          "nunca",
          "ni",
          "jamás",
          "jamas",
          "tampoco",
          "sin",
          "não",
          "nao",
          "nem",
          "jamais",
          "sem",
          "ne",
          "pas",
          "rien",
          "nicht",
          "kein",
          "keine",
          "keinen",
          "nie",
          "niemals",
          "non",
          "mai",
          "niet",
          "geen",
          "nooit",
          "नहीं",
          "नही",
          "न",
          "मत");

  private WordAlignment() {}

  /** The budget for texts whose shorter one has {@code words} words. */
  static double budget(int words) {
    return words < MIN_WORDS_FOR_EDITS ? TYPO : Math.max(1, words * EDIT_SHARE);
  }

  /**
   * The cost of aligning {@code a} with {@code b} (symmetric), or positive infinity when it is over
   * the budget.
   */
  public static double cost(NormalForm a, NormalForm b) {
    String[] x = a.words();
    String[] y = b.words();
    int n = x.length;
    int m = y.length;
    if (n == 0 || m == 0) {
      return Double.POSITIVE_INFINITY;
    }
    boolean freeTailX = b.truncated() && m >= MIN_PREFIX && m < n;
    boolean freeTailY = a.truncated() && n >= MIN_PREFIX && n < m;
    int shorter = freeTailX ? m : freeTailY ? n : Math.min(n, m);
    double budget = budget(shorter);
    if (!freeTailX && !freeTailY && Math.abs(n - m) > budget) {
      return Double.POSITIVE_INFINITY;
    }
    // Whether each word has a digit or negates, once per word instead of in every cell.
    boolean[] digitX = fixed(x);
    boolean[] digitY = fixed(y);
    double[] previous = new double[m + 1];
    double[] current = new double[m + 1];
    previous[0] = 0;
    for (int j = 1; j <= m; j++) {
      previous[j] = previous[j - 1] + indel(digitY[j - 1]);
    }
    boolean cutX = a.truncated();
    boolean cutY = b.truncated();
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i <= n; i++) {
      String wordX = x[i - 1];
      boolean digitsX = digitX[i - 1];
      double indelX = indel(digitsX);
      current[0] = previous[0] + indelX;
      double rowMin = current[0];
      for (int j = 1; j <= m; j++) {
        double c =
            previous[j - 1]
                + (cutX && i == n || cutY && j == m
                    ? cut(wordX, y[j - 1], digitsX, digitY[j - 1])
                    : substitution(wordX, y[j - 1], digitsX, digitY[j - 1]));
        c = Math.min(c, previous[j] + indelX);
        c = Math.min(c, current[j - 1] + indel(digitY[j - 1]));
        current[j] = c;
        rowMin = Math.min(rowMin, c);
      }
      if (freeTailX) {
        best = Math.min(best, current[m]);
      }
      if (rowMin > budget) {
        // Row minima never fall: no later cell can come back under the budget.
        return best <= budget ? best : Double.POSITIVE_INFINITY;
      }
      double[] swap = previous;
      previous = current;
      current = swap;
    }
    if (freeTailY) {
      for (int j = 0; j <= m; j++) {
        best = Math.min(best, previous[j]);
      }
    } else if (!freeTailX) {
      best = previous[m];
    }
    return best <= budget ? best : Double.POSITIVE_INFINITY;
  }

  /** The last word of a truncated text may be cut: it costs nothing when a prefix of the other. */
  private static double cut(String a, String b, boolean digitsA, boolean digitsB) {
    return a.startsWith(b) || b.startsWith(a) ? 0 : substitution(a, b, digitsA, digitsB);
  }

  private static double indel(boolean digits) {
    return digits ? DIGITS : 1;
  }

  private static double substitution(String a, String b, boolean digitsA, boolean digitsB) {
    if (a.equals(b)) {
      return 0;
    }
    if (digitsA || digitsB) {
      return DIGITS;
    }
    return isTypo(a, b) ? TYPO : 2;
  }

  /** One letter inserted, deleted, replaced or two neighbours swapped; both at least 4 long. */
  static boolean isTypo(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.min(la, lb) < 4 || Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true;
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
  }

  /** Per word, whether any change to it costs {@link #DIGITS}: it has a digit or negates. */
  private static boolean[] fixed(String[] words) {
    boolean[] out = new boolean[words.length];
    for (int i = 0; i < words.length; i++) {
      out[i] = hasDigit(words[i]) || NEGATIONS.contains(words[i]);
    }
    return out;
  }

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
