package io.sociallistening.connect.rss;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RssClientTest {
  private static final URI FEED = URI.create("https://feeds.example/news.xml");
  private static final Instant FETCHED = Instant.parse("2026-01-05T10:00:00Z");

  private static RssClient.Items parse(String xml, String contentType) {
    return RssClient.parse(
        xml.getBytes(StandardCharsets.UTF_8), contentType, FEED, Platform.NEWS, FETCHED);
  }

  /** An RSS 2.0 document with one item. */
  private static String rss(String title, String pubDate) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>"
        + "<item><title>"
        + title
        + "</title><guid>https://feeds.example/1</guid><description>body</description><pubDate>"
        + pubDate
        + "</pubDate></item></channel></rss>";
  }

  /** An Atom document with one entry dated {@code updated}. */
  private static String atom(String updated) {
    return atom("<title>t</title>", updated);
  }

  /** An Atom document with one entry; {@code title} is the whole title element. */
  private static String atom(String title, String updated) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>T</title><entry><id>urn:x:1</id>"
        + title
        + "<summary>s</summary><updated>"
        + updated
        + "</updated></entry></feed>";
  }

  private static String onlyTitle(RssClient.Items items) {
    assertThat(items.mentions()).hasSize(1);
    return items.mentions().get(0).getTitle();
  }

  @Test
  void shouldKeepAngleBracketsOfAPlainTextTitle() {
    RssClient.Items items =
        parse(rss("Why &lt;div&gt; beats &lt;span&gt;", "Mon, 05 Jan 2026 09:00:00 GMT"), null);

    assertThat(onlyTitle(items)).isEqualTo("Why <div> beats <span>");
  }

  @Test
  void shouldStripTheMarkupOfAnRssTitleHoldingAClosingTag() {
    RssClient.Items items =
        parse(
            rss("Acme &lt;i&gt;cancels&lt;/i&gt; flights &lt;3", "Mon, 05 Jan 2026 09:00:00 GMT"),
            null);

    assertThat(onlyTitle(items)).isEqualTo("Acme cancels flights <3");
  }

  @Test
  void shouldDecodeTheCharacterReferencesOfAnRssTitleEscapedTwice() {
    RssClient.Items items =
        parse(
            rss("Acme&amp;#8217;s  outage\n &amp;amp; more", "Mon, 05 Jan 2026 09:00:00 GMT"),
            null);

    assertThat(onlyTitle(items)).isEqualTo("Acme\u2019s outage & more");
  }

  @Test
  void shouldStripTheMarkupOfAnAtomTitleTypedHtmlOrXhtml() {
    String html = "<title type=\"html\">&lt;b&gt;Acme&lt;/b&gt; &amp;amp; co</title>";
    String xhtml =
        "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><b>Acme</b> &amp;"
            + " co</div></title>";
    String text = "<title type=\"text\">1 &lt; 2 &amp; &lt;b&gt;</title>";

    assertThat(onlyTitle(parse(atom(html, "2026-01-05T09:00:00Z"), null))).isEqualTo("Acme & co");
    assertThat(onlyTitle(parse(atom(xhtml, "2026-01-05T09:00:00Z"), null))).isEqualTo("Acme & co");
    assertThat(onlyTitle(parse(atom(text, "2026-01-05T09:00:00Z"), null))).isEqualTo("1 < 2 & <b>");
  }

  /**
   * RFC 3339 (section 5.6 and its note) allows a lower-case 't' and 'z' and a space instead of the
   * 'T'; ROME's W3C parser accepts none of them, and an entry without a date is dropped.
   */
  @Test
  void shouldReadAtomDatesInTheRfc3339VariantsRomeRefuses() {
    for (String date : new String[] {"2026-01-05t09:00:00z", "2026-01-05 09:00:00Z"}) {
      RssClient.Items items = parse(atom(date), "application/atom+xml");

      assertThat(items.malformed()).as(date).isZero();
      assertThat(items.mentions())
          .as(date)
          .extracting(Mention::getCreatedAt)
          .containsExactly(Instant.parse("2026-01-05T09:00:00Z"));
    }
  }

  /** An RFC 822 date whose zone is written "+01:00" (not RFC 822, seen in the wild). */
  @Test
  void shouldReadRssDatesWithAColonInTheZoneOffset() {
    RssClient.Items items =
        parse(rss("t", "Mon, 05 Jan 2026 09:00:00 +01:00"), "application/rss+xml");

    assertThat(items.malformed()).isZero();
    assertThat(items.mentions())
        .extracting(Mention::getCreatedAt)
        .containsExactly(Instant.parse("2026-01-05T08:00:00Z"));
  }
}
