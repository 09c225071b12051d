package io.sociallistening.connect.rss;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the dates of a feed document that ROME misreads or refuses into the form it reads,
 * before ROME parses the document (ROME keeps no raw date string to fall back on: an entry whose
 * date it refuses has none, and is dropped as malformed). Only an element whose whole text is a
 * date is touched, and only in these forms; a date ROME already reads is left as it is.
 *
 * <ul>
 *   <li>An RFC 3339 date-time with a lower-case {@code t} or a space between date and time, or a
 *       lower-case {@code z} (RFC 3339 section 5.6 allows them; ROME's W3C parser does not): {@code
 *       2026-01-05t09:00:00z} and {@code 2026-01-05 09:00:00Z} become {@code 2026-01-05T09:00:00Z}.
 *   <li>The fraction of a second of such a date: ROME reads it as a count of milliseconds whatever
 *       its length, so {@code .999999} (microseconds, as Python feed generators write) became
 *       999,999 ms, 16 minutes off; it is cut or padded to three digits.
 *   <li>An RFC 822 date (RSS {@code pubDate}) whose zone offset has a colon, {@code Mon, 05 Jan
 *       2026 09:00:00 +01:00} (not RFC 822, seen in the wild): the colon is dropped, {@code +0100}.
 * </ul>
 *
 * <p>The patterns are compiled once and applied once per feed body.
 */
final class FeedDates {
  private static final Pattern RFC3339 =
      Pattern.compile(
          "(>\\s*\\d{4}-\\d\\d-\\d\\d)[Tt ](\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?)"
              + "([Zz]|[+-]\\d\\d:?\\d\\d)(?=\\s*<)");

  private static final Pattern FRACTION =
      Pattern.compile("(>\\s*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\.(\\d+)");

  private static final Pattern RFC822_COLON_OFFSET =
      Pattern.compile(
          "(>\\s*(?:[A-Za-z]{3},\\s*)?\\d{1,2}\\s+[A-Za-z]{3}\\s+\\d{2,4}\\s+\\d\\d:\\d\\d(?::\\d\\d)?"
              + "\\s+[+-]\\d\\d):(\\d\\d)(?=\\s*<)");

  private FeedDates() {}

  /** {@code xml} with its dates in the forms ROME reads. */
  static String readable(String xml) {
    String s = RFC3339.matcher(xml).replaceAll(FeedDates::rfc3339);
    s = FRACTION.matcher(s).replaceAll(FeedDates::millis);
    return RFC822_COLON_OFFSET.matcher(s).replaceAll("$1$2");
  }

  private static String rfc3339(MatchResult m) {
    return Matcher.quoteReplacement(
        m.group(1) + "T" + m.group(2) + m.group(3).toUpperCase(Locale.ROOT));
  }

  private static String millis(MatchResult m) {
    String fraction = (m.group(2) + "00").substring(0, 3);
    return Matcher.quoteReplacement(m.group(1) + "." + fraction);
  }
}
