package io.sociallistening.topology.lead;

import io.sociallistening.topology.text.Links;
import java.util.function.Predicate;

/**
 * Words stretched for emphasis ({@code neeeed}, {@code leeeets}, {@code sooo}) brought back to a
 * word the lead phrases know. A word is a maximal run of letters (with an apostrophe between two
 * letters: {@code doooon't}); in a word with a letter written three or more times in a row, every
 * such run becomes two letters when the word so written is known ({@code neeeed} is {@code need}),
 * else one letter when that is known ({@code leeeets} is {@code lets}, {@code soooo} is {@code
 * so}), else two. Case, accents and everything else are kept; known words are compared lower-cased
 * and accent-folded, as {@link NormalizedPost} writes them. Links and {@code @handles} are kept as
 * written: {@code www.shop.com} must stay a link.
 */
final class Elongations {
  private Elongations() {}

  /** {@code text} with its stretched words collapsed; {@code text} itself when it has none. */
  static String collapse(String text, Predicate<String> known) {
    if (!hasRunOfThree(text, 0, text.length())) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!Character.isWhitespace(text.charAt(i))
          && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        int tokenEnd = i;
        while (tokenEnd < n && !Character.isWhitespace(text.charAt(tokenEnd))) {
          tokenEnd++;
        }
        if (text.charAt(i) == '@' || Links.isLink(text, i, tokenEnd)) {
          // as NormalizedPost reads them: a link or handle, whatever its letters
          out.append(text, i, tokenEnd);
          i = tokenEnd;
          continue;
        }
      }
      if (!Character.isLetter(text.charAt(i))) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = i;
      while (end < n
          && (Character.isLetter(text.charAt(end))
              || (isApostrophe(text.charAt(end))
                  && end + 1 < n
                  && Character.isLetter(text.charAt(end + 1))))) {
        end++;
      }
      if (hasRunOfThree(text, i, end)) {
        String two = collapsed(text, i, end, 2);
        if (known.test(normal(two))) {
          out.append(two);
        } else {
          String one = collapsed(text, i, end, 1);
          out.append(known.test(normal(one)) ? one : two);
        }
      } else {
        out.append(text, i, end);
      }
      i = end;
    }
    return out.toString();
  }

  /**
   * An apostrophe inside a word ({@code don't}, {@code don’t}), which the table writes as {@code
   * '}.
   */
  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean hasRunOfThree(String text, int from, int to) {
    for (int k = from + 2; k < to; k++) {
      char c = Character.toLowerCase(text.charAt(k));
      if (Character.isLetter(c)
          && c == Character.toLowerCase(text.charAt(k - 1))
          && c == Character.toLowerCase(text.charAt(k - 2))) {
        return true;
      }
    }
    return false;
  }

  /** The word {@code text[from..to)} with each run of three or more letters cut to {@code keep}. */
  private static String collapsed(String text, int from, int to, int keep) {
    StringBuilder word = new StringBuilder(to - from);
    int k = from;
    while (k < to) {
      char c = Character.toLowerCase(text.charAt(k));
      int run = k + 1;
      while (run < to && Character.toLowerCase(text.charAt(run)) == c) {
        run++;
      }
      int length = run - k;
      word.append(text, k, k + (length >= 3 ? keep : length));
      k = run;
    }
    return word.toString();
  }

  private static String normal(String word) {
    char[] chars = new char[word.length()];
    for (int k = 0; k < chars.length; k++) {
      char c = word.charAt(k);
      chars[k] = c == '\u2019' ? '\'' : NormalizedPost.fold(Character.toLowerCase(c));
    }
    return new String(chars);
  }
}
