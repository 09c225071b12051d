package io.sociallistening.topology.crisis;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts the informative terms of a post for crisis explanations: words of three letters or more
 * and hashtags, lower-cased, without stop words, links or @handles.
 */
final class Terms {
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "you", "your", "are", "was", "were", "with", "this", "that", "have",
          "has", "had", "but", "not", "just", "they", "their", "them", "what", "when", "from",
          "again", "all", "any", "can", "our", "out", "about", "into", "its", "it's", "why", "how",
          "who", "will", "would", "there", "been", "than", "then", "too", "very", "one", "now",
          "get", "got", "im", "i'm", "dont", "don't", "cant", "can't", "isn't", "still", "over",
          "more", "some", "amp", "http", "https", "www");

  /** Longer runs of letters (hashes, base64, text without spaces) explain nothing. */
  static final int MAX_TERM_LENGTH = 50;

  private Terms() {}

  static void count(String text, Map<String, Integer> counts, int maxDistinct) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '@' || (c == 'h' && text.startsWith("http", i))) {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        continue;
      }
      if (c == '#' || Character.isLetterOrDigit(c)) {
        int start = i;
        i++;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'')) {
          i++;
        }
        String term = text.substring(start, i).toLowerCase(Locale.ROOT);
        int letters = term.startsWith("#") ? term.length() - 1 : term.length();
        if (letters >= 3 && term.length() <= MAX_TERM_LENGTH && !STOP.contains(term)) {
          if (counts.containsKey(term) || counts.size() < maxDistinct) {
            counts.merge(term, 1, Integer::sum);
          }
        }
        continue;
      }
      i++;
    }
  }
}
