package io.sociallistening.connect.http;

import org.jsoup.Jsoup;

/**
 * Plain text of an HTML fragment as posted by web sources (HN comments, feed descriptions, Mastodon
 * statuses): tags removed (line-breaking ones and {@code <br>} as one space, the content of {@code
 * <script>} and {@code <style>} dropped), every HTML5 character reference decoded, whitespace
 * collapsed, the result stripped. Text with neither {@code <} nor {@code &} is only stripped,
 * without parsing.
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
}
