package io.sociallistening.connect.bluesky;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Case-insensitive whole-word match of a post's text against a list of keywords or phrases: a
 * keyword matches where it is neither preceded nor followed by a letter or digit, so {@code acme}
 * matches "Acme's", "#acme" and "@acme" but not "acmeair". An empty list matches everything. The
 * text is lower-cased once ({@link Locale#ROOT}) and searched with {@link String#indexOf}; no
 * regular expressions.
 */
public final class KeywordFilter {
  private final List<String> keywords;

  public KeywordFilter(List<String> keywords) {
    List<String> lower = new ArrayList<>();
    for (String k : keywords) {
      String s = k.strip().toLowerCase(Locale.ROOT);
      if (!s.isEmpty()) {
        lower.add(s);
      }
    }
    this.keywords = List.copyOf(lower);
  }

  public boolean matchesAll() {
    return keywords.isEmpty();
  }

  public boolean matches(String text) {
    if (keywords.isEmpty()) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String k : keywords) {
      int from = 0;
      int at;
      while ((at = lower.indexOf(k, from)) >= 0) {
        int end = at + k.length();
        if (boundary(lower, at - 1) && boundary(lower, end)) {
          return true;
        }
        from = at + 1;
      }
    }
    return false;
  }

  private static boolean boundary(String s, int index) {
    if (index < 0 || index >= s.length()) {
      return true;
    }
    char c = s.charAt(index);
    if (Character.isLowSurrogate(c) && index > 0) {
      return !Character.isLetterOrDigit(s.codePointAt(index - 1));
    }
    return !Character.isLetterOrDigit(s.codePointAt(index));
  }
}
