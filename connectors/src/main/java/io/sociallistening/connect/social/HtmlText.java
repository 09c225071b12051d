package io.sociallistening.connect.social;

/**
 * Plain text of an HTML fragment such as a Mastodon status: tags are dropped, the line-breaking
 * ones ({@code <br>}, {@code <p>}, {@code <div>}, {@code <li>}, headings...) become one space,
 * {@code <script>} and {@code <style>} lose their content, character references are decoded (named
 * ones for the common entities, decimal and hexadecimal ones for any code point), runs of
 * whitespace collapse to one space and the result is stripped. A lone {@code <} that does not start
 * a tag is kept as text. One pass over the input, no regular expressions.
 */
public final class HtmlText {
  private HtmlText() {}

  /** The plain text of {@code html}; null gives the empty string. */
  public static String strip(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(html.length());
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<' && i + 1 < n && startsTag(html.charAt(i + 1))) {
        int end = tagEnd(html, i + 1);
        String name = tagName(html, i + 1, end);
        if (breaks(name)) {
          space(out);
        }
        i = end + 1;
        if ((name.equals("script") || name.equals("style")) && html.charAt(i - 2) != '/') {
          int close = indexOfIgnoreCase(html, "</" + name, i);
          i = close < 0 ? n : tagEnd(html, close + 1) + 1;
        }
      } else if (c == '&') {
        i = entity(html, i, out);
      } else if (Character.isWhitespace(c) || c == '\u00a0') {
        space(out);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }

  private static boolean startsTag(char c) {
    return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
  }

  /** Index of the '>' closing the tag that starts before {@code from}, or the last index. */
  private static int tagEnd(String html, int from) {
    char quote = 0;
    for (int i = from; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return html.length() - 1;
  }

  private static String tagName(String html, int from, int end) {
    int i = from;
    if (i < end && html.charAt(i) == '/') {
      i++;
    }
    int start = i;
    while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
      i++;
    }
    return html.substring(start, i).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean breaks(String name) {
    return switch (name) {
      case "br",
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "tr",
          "td",
          "th",
          "hr",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "section",
          "article",
          "header",
          "footer",
          "table" ->
          true;
      default -> false;
    };
  }

  private static void space(StringBuilder out) {
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) != ' ') {
      out.append(' ');
    }
  }

  /**
   * Appends the character reference at {@code at} (or a literal '&') and returns the next index.
   */
  private static int entity(String html, int at, StringBuilder out) {
    int semi = -1;
    int limit = Math.min(html.length(), at + 12);
    for (int i = at + 1; i < limit; i++) {
      char c = html.charAt(i);
      if (c == ';') {
        semi = i;
        break;
      }
      if (!Character.isLetterOrDigit(c) && c != '#') {
        break;
      }
    }
    if (semi < 0) {
      out.append('&');
      return at + 1;
    }
    String name = html.substring(at + 1, semi);
    int cp = codePoint(name);
    if (cp < 0) {
      out.append('&');
      return at + 1;
    }
    if (Character.isWhitespace(cp) || cp == 0xa0) {
      space(out);
    } else {
      out.appendCodePoint(cp);
    }
    return semi + 1;
  }

  private static int codePoint(String name) {
    if (name.length() > 1 && name.charAt(0) == '#') {
      try {
        int cp =
            name.charAt(1) == 'x' || name.charAt(1) == 'X'
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(cp) && cp != 0 ? cp : 0xfffd;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "apos" -> '\'';
      case "nbsp" -> 0xa0;
      case "hellip" -> 0x2026;
      case "mdash" -> 0x2014;
      case "ndash" -> 0x2013;
      case "lsquo" -> 0x2018;
      case "rsquo" -> 0x2019;
      case "ldquo" -> 0x201c;
      case "rdquo" -> 0x201d;
      case "laquo" -> 0xab;
      case "raquo" -> 0xbb;
      case "copy" -> 0xa9;
      case "reg" -> 0xae;
      case "trade" -> 0x2122;
      case "euro" -> 0x20ac;
      case "pound" -> 0xa3;
      case "middot" -> 0xb7;
      case "bull" -> 0x2022;
      default -> -1;
    };
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int last = s.length() - needle.length();
    for (int i = from; i <= last; i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
