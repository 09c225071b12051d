package io.sociallistening.topology.text;

/**
 * Decodes the HTML character references that posts from some sources arrive with ({@code AT&amp;T},
 * {@code &quot;acme&quot;}, {@code don&#39;t}, {@code &#x27;}): the common named ones ({@code &amp;
 * &lt; &gt; &quot; &apos; &nbsp;}, the typographic quotes {@code &lsquo; &rsquo; &ldquo; &rdquo;},
 * the dashes {@code &ndash; &mdash;} and {@code &hellip;}) and numeric ones, in decimal ({@code
 * &#39;}) or hexadecimal ({@code &#x27;}, {@code &#X27;}). Only a well-formed reference, ended by
 * {@code ;}, is decoded: a stray {@code &} ({@code salt & pepper}, {@code AT&T}), an unknown name
 * ({@code &foo;}), a reference without its {@code ;} ({@code &amp}) and a number that is no
 * character (0, a surrogate, beyond U+10FFFF) stay as they are. One pass: {@code &amp;lt;} becomes
 * {@code &lt;}.
 */
public final class HtmlEntities {

  private static final String[] NAMES = {
    "amp", "lt", "gt", "quot", "apos", "nbsp", "lsquo", "rsquo", "ldquo", "rdquo", "ndash", "mdash",
    "hellip"
  };
  private static final char[] CHARS = {
    '&', '<', '>', '"', '\'', '\u00A0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2013', '\u2014',
    '\u2026'
  };

  /** Longest reference looked at: {@code &#x10FFFF;} and {@code &#1114111;} are ten chars. */
  private static final int MAX_LENGTH = 10;

  private HtmlEntities() {}

  /** {@code text} with its character references decoded; the same instance when there is none. */
  public static String decode(String text) {
    int at = text.indexOf('&');
    if (at < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    while (at >= 0) {
      int semicolon = semicolon(text, at);
      int codePoint = semicolon < 0 ? -1 : reference(text, at + 1, semicolon);
      if (codePoint < 0) {
        at = text.indexOf('&', at + 1);
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, at).appendCodePoint(codePoint);
      copied = semicolon + 1;
      at = text.indexOf('&', copied);
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The {@code ;} ending a reference that starts with the {@code &} at {@code at}, or -1. */
  private static int semicolon(String text, int at) {
    int end = Math.min(text.length(), at + MAX_LENGTH);
    for (int i = at + 1; i < end; i++) {
      if (text.charAt(i) == ';') {
        return i;
      }
    }
    return -1;
  }

  /** The character of the reference {@code text[from, to)} (between & and ;), or -1. */
  private static int reference(String text, int from, int to) {
    if (from == to) {
      return -1;
    }
    if (text.charAt(from) != '#') {
      for (int i = 0; i < NAMES.length; i++) {
        String name = NAMES[i];
        if (name.length() == to - from && text.startsWith(name, from)) {
          return CHARS[i];
        }
      }
      return -1;
    }
    int digits = from + 1;
    int radix = 10;
    if (digits < to && (text.charAt(digits) == 'x' || text.charAt(digits) == 'X')) {
      digits++;
      radix = 16;
    }
    if (digits == to) {
      return -1;
    }
    int value = 0;
    for (int i = digits; i < to; i++) {
      int digit = digit(text.charAt(i), radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > Character.MAX_CODE_POINT) {
        return -1;
      }
    }
    boolean surrogate = value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE;
    return value == 0 || surrogate ? -1 : value;
  }

  /** The value of an ASCII digit of {@code radix} 10 or 16, or -1. */
  private static int digit(char c, int radix) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (radix == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
      return (c | 0x20) - 'a' + 10;
    }
    return -1;
  }
}
