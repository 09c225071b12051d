package io.sociallistening.connect.http;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Plain text of an HTML fragment as posted by web sources (HN comments, feed descriptions, Mastodon
 * statuses) with {@link #plain}: tags removed (line-breaking ones and {@code <br>} as one space,
 * the content of {@code <script>} and {@code <style>} dropped), every HTML5 character reference
 * decoded, whitespace collapsed, the result stripped. Text with neither {@code <} nor {@code &} is
 * only stripped, without parsing.
 */
public final class HtmlText {
  private HtmlText() {}

  /** The plain text of {@code html}; null stays null. */
  public static String plain(String html) {
    if (html == null) {
      return null;
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip();
    }
    return Jsoup.parseBodyFragment(html).text().strip();
  }

  /**
   * The text of a field that is plain text but may carry character references (an RSS title: markup
   * in it arrives entity-encoded and is text, as in "Why &lt;div&gt; beats &lt;span&gt;"): every
   * HTML5 character reference decoded, ASCII whitespace collapsed, the result stripped; angle
   * brackets stay. Null stays null.
   */
  public static String unescaped(String text) {
    if (text == null) {
      return null;
    }
    String decoded = text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    StringBuilder out = new StringBuilder(decoded.length());
    boolean space = false;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
