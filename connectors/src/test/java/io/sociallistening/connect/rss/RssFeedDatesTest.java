package io.sociallistening.connect.rss;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Platform;
import io.sociallistening.connect.SourceTaskRun;
import io.sociallistening.connect.http.ReplayServer;
import io.sociallistening.connect.http.ReplayServer.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RssFeedDatesTest {
  private static final long T0_MS = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
  private final ReplayServer server = new ReplayServer();
  private final SourceTaskRun run = new SourceTaskRun(T0_MS);

  @AfterEach
  void stop() {
    run.close();
    server.close();
  }

  private static String item(String guid, String pubDate) {
    return "<item><title>"
        + guid
        + "</title><guid isPermaLink=\"false\">"
        + guid
        + "</guid><description>text "
        + guid
        + "</description><pubDate>"
        + pubDate
        + "</pubDate></item>";
  }

  private static String rss(String... items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
        + String.join("", items)
        + "</channel></rss>";
  }

  /**
   * One item dated in the future (a scheduled post, a typo in the year, a wrong zone) moves the
   * watermark there; every later item dated before it is then "covered" and silently dropped until
   * the wall clock passes that date.
   */
  @Test
  void shouldNotLetAFutureDatedItemHideTheItemsPublishedAfterIt() {
    server.enqueue(
        Reply.ok(
            rss(
                item("a", "Mon, 05 Jan 2026 09:00:00 GMT"),
                item("typo", "Sat, 05 Jan 2036 09:30:00 GMT")),
            "application/rss+xml"),
        Reply.ok(
            rss(
                item("a", "Mon, 05 Jan 2026 09:00:00 GMT"),
                item("typo", "Sat, 05 Jan 2036 09:30:00 GMT"),
                item("b", "Mon, 05 Jan 2026 10:02:00 GMT")),
            "application/rss+xml"));
    RssSourceTask task =
        run.start(
            new RssSourceTask(run.time), Map.of(), Map.of("rss.feed.urls", server.url("/f.xml")));
    assertThat(task.poll()).hasSize(2);

    List<SourceRecord> next = null;
    for (int i = 0; i < 400 && next == null; i++) {
      next = task.poll(); // the second fetch comes after rss.poll.interval.ms
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(next).as("item b published at 10:02 after the second fetch").isNotNull();
    assertThat(SourceTaskRun.keys(next)).containsExactly("news:" + server.url("/f.xml") + "#b");
  }

  /**
   * ROME reads the fraction of a W3C date with SimpleDateFormat's "SSS", which takes any number of
   * digits as milliseconds: ".123456" (microseconds, as Django, Python and many generators write)
   * becomes 123456 ms, i.e. the date is 2 min 3 s late (up to 16 min 40 s for .999999).
   */
  @Test
  void shouldReadAnAtomDateWithMicrosecondsToTheMillisecond() {
    String atom =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:x</id>"
            + "<updated>2026-01-05T09:00:00.999999+00:00</updated>"
            + "<entry><title>x</title><id>urn:e1</id><link href=\"https://a.example/1\"/>"
            + "<published>2026-01-05T09:00:00.999999+00:00</published>"
            + "<updated>2026-01-05T09:00:00.999999+00:00</updated><summary>s</summary></entry>"
            + "</feed>";
    RssClient.Items items =
        RssClient.parse(
            atom.getBytes(StandardCharsets.UTF_8),
            "application/atom+xml",
            URI.create("https://f.example/atom"),
            Platform.BLOG,
            Instant.parse("2026-01-05T10:00:00Z"));
    assertThat(items.mentions()).hasSize(1);
    assertThat(items.mentions().get(0).getCreatedAt())
        .isEqualTo(Instant.parse("2026-01-05T09:00:00.999Z"));
  }

  @Test
  void shouldReadTheDateFormsRomeRefusedAsTheirInstants() {
    // each of these was dropped as malformed, so a feed dated in one of them produced nothing
    String[][] dates = {
      {"Mon, 05 Jan 2026 09:00:00", "2026-01-05T09:00:00Z"},
      {"Mon, 05 Jan 2026 09:00:00 +0000 (UTC)", "2026-01-05T09:00:00Z"},
      {"Mon, 05 Jan 2026 09:00:00.000 GMT", "2026-01-05T09:00:00Z"},
      {"Mon,05 Jan 2026 09:00:00 -0500", "2026-01-05T14:00:00Z"},
      {"2026-01-05 09:00:00", "2026-01-05T09:00:00Z"},
      {"2026-01-05T09:00:00+0100", "2026-01-05T08:00:00Z"},
    };
    for (String[] date : dates) {
      String rss =
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
              + "<title>t</title><guid>g1</guid><description>x</description><pubDate>"
              + date[0]
              + "</pubDate></item></channel></rss>";
      RssClient.Items items =
          RssClient.parse(
              rss.getBytes(StandardCharsets.UTF_8),
              "application/rss+xml",
              URI.create("https://f.example/rss"),
              Platform.NEWS,
              Instant.parse("2026-01-06T00:00:00Z"));

      assertThat(items.mentions()).as(date[0]).hasSize(1);
      assertThat(items.mentions().get(0).getCreatedAt())
          .as(date[0])
          .isEqualTo(Instant.parse(date[1]));
    }
  }
}
