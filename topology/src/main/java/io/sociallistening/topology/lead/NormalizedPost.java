package io.sociallistening.topology.lead;

/**
 * A post reduced to the words that lead phrases are matched on: lower case ({@link
 * Character#toLowerCase(char)} is locale-independent), common Latin accents folded ({@code é} to
 * {@code e}), typographic apostrophes made ASCII, words separated by single spaces, {@code %} kept
 * as a word of its own, hashtags kept without {@code #}; URLs and {@code @handles} dropped. Also
 * records whether the post contains a question mark outside URLs.
 */
final class NormalizedPost {
  final char[] text;
  final int length;
  final boolean question;

  private NormalizedPost(char[] text, int length, boolean question) {
    this.text = text;
    this.length = length;
    this.question = question;
  }

  static NormalizedPost of(String post) {
    char[] out = new char[post.length() * 3 + 1];
    int length = 0;
    boolean question = false;
    int i = 0;
    int n = post.length();
    while (i < n) {
      if (Character.isWhitespace(post.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(post.charAt(end))) {
        end++;
      }
      if (isUrl(post, i) || (post.charAt(i) == '@' && end - i > 1)) {
        i = end;
        continue;
      }
      for (int k = i; k < end; k++) {
        char c = post.charAt(k);
        if (Character.isLetterOrDigit(c)) {
          if (length > 0 && out[length - 1] != ' ' && !isWordChar(out[length - 1])) {
            out[length++] = ' ';
          }
          out[length++] = fold(Character.toLowerCase(c));
        } else if ((c == '\'' || c == '\u2019')
            && k > i
            && k + 1 < end
            && Character.isLetter(post.charAt(k - 1))
            && Character.isLetter(post.charAt(k + 1))) {
          out[length++] = '\'';
        } else if (c == '%') {
          if (length > 0 && out[length - 1] != ' ') {
            out[length++] = ' ';
          }
          out[length++] = '%';
        } else {
          if (c == '?') {
            question = true;
          }
          if (length > 0 && out[length - 1] != ' ') {
            out[length++] = ' ';
          }
        }
      }
      if (length > 0 && out[length - 1] != ' ') {
        out[length++] = ' ';
      }
      i = end;
    }
    if (length > 0 && out[length - 1] == ' ') {
      length--;
    }
    return new NormalizedPost(out, length, question);
  }

  /** Normalises a phrase of the signal table the same way as posts. */
  static String phrase(String phrase) {
    NormalizedPost normalized = of(phrase);
    return new String(normalized.text, 0, normalized.length);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '\'';
  }

  private static boolean isUrl(String post, int start) {
    return post.regionMatches(true, start, "http://", 0, 7)
        || post.regionMatches(true, start, "https://", 0, 8)
        || post.regionMatches(true, start, "www.", 0, 4);
  }

  /** Folds the accented lower-case Latin letters of Portuguese, Spanish and their neighbours. */
  static char fold(char c) {
    if (c < 0xE0 || c > 0xFF) {
      return c;
    }
    switch (c) {
      case 'à', 'á', 'â', 'ã', 'ä', 'å':
        return 'a';
      case 'ç':
        return 'c';
      case 'è', 'é', 'ê', 'ë':
        return 'e';
      case 'ì', 'í', 'î', 'ï':
        return 'i';
      case 'ñ':
        return 'n';
      case 'ò', 'ó', 'ô', 'õ', 'ö':
        return 'o';
      case 'ù', 'ú', 'û', 'ü':
        return 'u';
      case 'ý', 'ÿ':
        return 'y';
      default:
        return c;
    }
  }
}
