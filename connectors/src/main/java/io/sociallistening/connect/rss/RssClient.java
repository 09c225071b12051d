package io.sociallistening.connect.rss;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.http.HtmlText;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.MalformedPayloadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fetches an RSS or Atom feed and turns its items into {@link Mention}s with ROME.
 *
 * <p>An item becomes a mention with the configured platform; id the RSS {@code guid} / Atom {@code
 * id} (the link when there is none), prefixed with {@code <feed url>#} when it is not an absolute
 * URI so that ids from different feeds cannot collide; url the item link; title the title,
 * HTML-stripped when it is HTML (an Atom title typed {@code html} or {@code xhtml}, an RSS title
 * holding a closing tag), else as plain text with character references decoded and angle brackets
 * kept; text the HTML-stripped content ({@code content:encoded} or Atom {@code content}), else the
 * description or summary, else the title; author the item author ({@code author}, {@code
 * dc:creator}, Atom author name), else the feed title, else the feed host; language the feed's, cut
 * to its ISO 639-1 part; createdAt the published date, else the updated date; source {@code
 * rss:<feed url>}. Dates ROME misreads or refuses in a few common forms are rewritten first ({@link
 * FeedDates}). Items without an id and a link, without a date or without any text are malformed:
 * skipped and counted. Documents with a DOCTYPE are refused (no external entities).
 */
final class RssClient {
  private static final Map<String, String> HEADERS =
      Map.of(
          "Accept",
          "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
              + " application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5");

  /** A closing tag, the mark of an RSS title written as HTML ({@link #title}). */
  private static final Pattern CLOSING_TAG = Pattern.compile("</[A-Za-z][A-Za-z0-9]*\\s*>");

  private final HttpPoller http;
  private final Platform platform;

  /** The valid items of a fetch and the count of malformed ones. */
  record Items(List<Mention> mentions, int malformed) {}

  RssClient(HttpPoller http, Platform platform) {
    this.http = http;
    this.platform = platform;
  }

  Items fetch(URI feed, Instant fetchedAt) {
    HttpPoller.Response r = http.get(feed, HEADERS);
    return parse(r.body(), r.header("Content-Type"), feed, platform, fetchedAt);
  }

  static Items parse(
      byte[] body, String contentType, URI feed, Platform platform, Instant fetchedAt) {
    SyndFeed parsed;
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    try (XmlReader reader =
        new XmlReader(new ByteArrayInputStream(body), contentType, true, "UTF-8")) {
      StringWriter text = new StringWriter(body.length);
      reader.transferTo(text);
      parsed = input.build(new StringReader(FeedDates.readable(text.toString())));
    } catch (FeedException | IOException | RuntimeException e) {
      throw new MalformedPayloadException(
          "Not an RSS or Atom feed at " + feed + ": " + e.getMessage(), e);
    }
    String fallbackAuthor = fallbackAuthor(parsed, feed);
    String language = language(parsed.getLanguage());
    List<Mention> mentions = new ArrayList<>(parsed.getEntries().size());
    int malformed = 0;
    for (SyndEntry e : parsed.getEntries()) {
      Mention m = mention(e, feed, platform, fallbackAuthor, language, fetchedAt);
      if (m == null) {
        malformed++;
      } else {
        mentions.add(m);
      }
    }
    return new Items(mentions, malformed);
  }

  private static Mention mention(
      SyndEntry e,
      URI feed,
      Platform platform,
      String fallbackAuthor,
      String language,
      Instant fetchedAt) {
    String link = blankToNull(e.getLink());
    String key = blankToNull(e.getUri());
    if (key == null) {
      key = link;
    }
    Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    if (key == null || date == null) {
      return null;
    }
    String title = blankToNull(title(e.getTitleEx()));
    String text = blankToNull(HtmlText.plain(body(e)));
    if (text == null) {
      text = title;
    }
    if (text == null) {
      return null;
    }
    String author = author(e);
    return Mention.newBuilder()
        .setPlatform(platform)
        .setId(absolute(key) ? key.strip() : feed + "#" + key.strip())
        .setUrl(link)
        .setAuthor(new Author(author == null ? fallbackAuthor : author, author, null, null))
        .setTitle(title)
        .setText(text)
        .setLanguage(language)
        .setCreatedAt(date.toInstant())
        .setFetchedAt(fetchedAt)
        .setSource("rss:" + feed)
        .build();
  }

  /**
   * The text of a title. An Atom title says what it is: typed {@code html} or {@code xhtml} it is
   * HTML-stripped, else it is plain text. An RSS title does not: RSS 2.0 leaves open whether it is
   * HTML, and feeds write both "Why &amp;lt;div&amp;gt; beats &amp;lt;span&amp;gt;" (text) and
   * "after &amp;lt;b&amp;gt;IT outage&amp;lt;/b&amp;gt;" (markup). Like Python's feedparser, it is
   * taken as HTML when it holds a closing tag, else as plain text. Plain text keeps its angle
   * brackets and has its character references decoded (feeds that escape twice).
   */
  private static String title(SyndContent title) {
    if (title == null || title.getValue() == null) {
      return null;
    }
    String value = title.getValue();
    String type = title.getType() == null ? null : title.getType().toLowerCase(Locale.ROOT);
    boolean html = type == null ? CLOSING_TAG.matcher(value).find() : type.contains("html");
    return html ? HtmlText.plain(value) : HtmlText.unescaped(value);
  }

  private static String body(SyndEntry e) {
    for (SyndContent c : e.getContents()) {
      if (c != null && blankToNull(c.getValue()) != null) {
        return c.getValue();
      }
    }
    SyndContent d = e.getDescription();
    return d == null ? null : d.getValue();
  }

  private static String author(SyndEntry e) {
    String a = blankToNull(e.getAuthor());
    if (a == null) {
      for (SyndPerson p : e.getAuthors()) {
        a = blankToNull(p.getName());
        if (a != null) {
          break;
        }
      }
    }
    return a == null ? null : a.strip();
  }

  private static String fallbackAuthor(SyndFeed feed, URI url) {
    String t = blankToNull(title(feed.getTitleEx()));
    return t != null ? t : url.getHost();
  }

  /** The ISO 639-1 part of a declared language ({@code en-us} is {@code en}), or null. */
  static String language(String declared) {
    if (declared == null) {
      return null;
    }
    String s = declared.strip().toLowerCase(Locale.ROOT);
    int dash = s.indexOf('-');
    if (dash < 0) {
      dash = s.indexOf('_');
    }
    String code = dash < 0 ? s : s.substring(0, dash);
    if (code.length() != 2
        || !Character.isLetter(code.charAt(0))
        || !Character.isLetter(code.charAt(1))) {
      return null;
    }
    return code;
  }

  private static boolean absolute(String key) {
    int colon = key.indexOf(':');
    return colon > 0 && colon < key.length() - 1;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
