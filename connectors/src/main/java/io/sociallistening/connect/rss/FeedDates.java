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
 *   <li>An RFC 3339 date-time without a zone, {@code 2026-01-05T09:00:00} or {@code 2026-01-05
 *       09:00:00}, is read as UTC ({@code Z}); one whose offset has no colon, {@code +0100}, gets
 *       it, {@code +01:00}.
 *   <li>An RFC 822 date (RSS {@code pubDate}) whose zone offset has a colon, {@code Mon, 05 Jan
 *       2026 09:00:00 +01:00} (not RFC 822, seen in the wild): the colon is dropped, {@code +0100}.
 *   <li>Other RFC 822 dates seen in the wild: without a zone ({@code Mon, 05 Jan 2026 09:00:00},
 *       read as UTC: {@code GMT} is added), with a comment after the zone ({@code +0000 (UTC)},
 *       dropped), with a fraction of a second ({@code 09:00:00.000}, dropped) or without a space
 *       after the day's name ({@code Mon,05 Jan}).
 * </ul>
 *
 * <p>A feed whose dates are all in a form ROME refuses produced nothing at all: every entry was
 * dropped as malformed.
 *
 * <p>The patterns are compiled once and applied once per feed body.
 */
final class FeedDates {
  private static final Pattern RFC3339 =
      Pattern.compile(
          "(>\\s*\\d{4}-\\d\\d-\\d\\d)[Tt ](\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?)"
              + "([Zz]|[+-]\\d\\d:?\\d\\d)?(?=\\s*<)");

  /** The day, month, year and time of an RFC 822 date, after the element's opening tag. */
  private static final String RFC822_START =
      "(>\\s*(?:[A-Za-z]{3},\\s*)?\\d{1,2}\\s+[A-Za-z]{3}\\s+\\d{2,4}\\s+\\d{1,2}:\\d\\d(?::\\d\\d)?";

  private static final Pattern RFC822_NO_SPACE_AFTER_DAY =
      Pattern.compile("(>\\s*[A-Za-z]{3}),(?=\\d{1,2}\\s+[A-Za-z]{3}\\s+\\d{2,4}\\s)");

  private static final Pattern RFC822_FRACTION =
      Pattern.compile(RFC822_START + ")\\.\\d+(?=[\\s<])");

  private static final Pattern RFC822_COMMENT =
      Pattern.compile(RFC822_START + "\\s+[+-]?[A-Za-z0-9]+)\\s*\\([^()<]*\\)(?=\\s*<)");

  private static final Pattern RFC822_NO_ZONE = Pattern.compile(RFC822_START + ")(?=\\s*<)");

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
    s = RFC822_NO_SPACE_AFTER_DAY.matcher(s).replaceAll("$1, ");
    s = RFC822_FRACTION.matcher(s).replaceAll("$1");
    s = RFC822_COMMENT.matcher(s).replaceAll("$1");
    s = RFC822_NO_ZONE.matcher(s).replaceAll("$1 GMT");
    return RFC822_COLON_OFFSET.matcher(s).replaceAll("$1$2");
  }

  private static String rfc3339(MatchResult m) {
    String zone = m.group(3);
    if (zone == null) {
      zone = "Z";
    } else if (zone.length() == 5) {
      zone = zone.substring(0, 3) + ":" + zone.substring(3);
    }
    return Matcher.quoteReplacement(m.group(1) + "T" + m.group(2) + zone.toUpperCase(Locale.ROOT));
  }

  private static String millis(MatchResult m) {
    String fraction = (m.group(2) + "00").substring(0, 3);
    return Matcher.quoteReplacement(m.group(1) + "." + fraction);
  }
}
