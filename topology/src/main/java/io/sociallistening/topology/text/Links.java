package io.sociallistening.topology.text;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises a link in a chunk of post text (a run without whitespace), with or without a scheme.
 *
 * <p>A chunk is a link when it starts with {@code http://}, {@code https://} or {@code www.}, or is
 * a host name without a scheme followed by a path ({@code /}) or a port ({@code :8080}): two or
 * more labels of ASCII letters, digits and hyphens joined by dots, whose last label is a common
 * top-level domain. Posts carry such links as written or as shortened and cut by their platform:
 * {@code pic.twitter.com/AbC}, {@code bit.ly/HappyDay}, {@code amazon.com/best-deals}. A host alone
 * ({@code amazon.com}, {@code bestbuy.com.}) is not a link: in a sentence it names a store or a
 * site as a word would ("cheaper at amazon.com than at bestbuy.com"), its punctuation ends the
 * sentence, and words joined by a dot ({@code good.it}, {@code U.S.}, {@code Ph.D}) stay words.
 *
 * <p>Stateless; allocates nothing but a short lower-case string for the top-level domain.
 */
public final class Links {
  /** Top-level domains that make a host followed by a path or a port a link. */
  private static final Set<String> PATH_DOMAINS =
      Set.of(
          "com", "org", "net", "edu", "gov", "io", "co", "ly", "me", "gl", "gd", "be", "tv", "fm",
          "to", "us", "uk", "ca", "au", "de", "fr", "es", "pt", "br", "it", "nl", "jp", "ru", "in",
          "mx", "ar", "cl", "info", "biz", "app", "dev", "news", "link", "site", "online", "xyz",
          "gg", "la", "im", "cc", "ws", "sh", "ai", "tk");

  private Links() {}

  /** Whether {@code text[start..end)} is a link; see the class comment. */
  public static boolean isLink(CharSequence text, int start, int end) {
    if (end - start < 4 || !isLabelChar(text.charAt(start))) {
      return false;
    }
    char first = text.charAt(start);
    if ((first == 'h' || first == 'H')
        && (startsWith(text, start, end, "http://") || startsWith(text, start, end, "https://"))) {
      return true;
    }
    if ((first == 'w' || first == 'W') && startsWith(text, start, end, "www.")) {
      return end - start > 4;
    }
    return isHostLink(text, start, end);
  }

  /** Whether {@code token} is a link; see the class comment. */
  public static boolean isLink(CharSequence token) {
    return isLink(token, 0, token.length());
  }

  private static boolean isHostLink(CharSequence text, int start, int end) {
    int i = start;
    int labels = 0;
    int labelStart = start;
    while (true) {
      labelStart = i;
      while (i < end && isLabelChar(text.charAt(i))) {
        i++;
      }
      if (i == labelStart) {
        return false; // an empty label: "..", a leading dot
      }
      labels++;
      if (i + 1 < end && text.charAt(i) == '.' && isLabelChar(text.charAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (labels < 2) {
      return false;
    }
    int tldLength = i - labelStart;
    if (tldLength < 2 || tldLength > 6) {
      return false;
    }
    for (int k = labelStart; k < i; k++) {
      if (!isAsciiLetter(text.charAt(k))) {
        return false;
      }
    }
    String tld = text.subSequence(labelStart, i).toString().toLowerCase(Locale.ROOT);
    return i < end && (text.charAt(i) == '/' || isPort(text, i, end)) && PATH_DOMAINS.contains(tld);
  }

  private static boolean isPort(CharSequence text, int i, int end) {
    return text.charAt(i) == ':' && i + 1 < end && Character.isDigit(text.charAt(i + 1));
  }

  private static boolean isLabelChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean startsWith(CharSequence text, int start, int end, String prefix) {
    if (end - start < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(text.charAt(start + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
