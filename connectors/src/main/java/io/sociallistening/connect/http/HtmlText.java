package io.sociallistening.connect.http;

import org.jsoup.Jsoup;

/**
 * Plain text of an HTML fragment as posted by web sources (HN comments, feed descriptions): tags
 * removed, entities decoded, whitespace collapsed. Text with neither {@code <} nor {@code &} is
 * only trimmed, without parsing.
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
