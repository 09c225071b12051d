package io.sociallistening.connect.rss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedDatesTest {
  @Test
  void shouldWriteTheRfc3339VariantsWithAnUpperCaseTAndZ() {
    assertThat(FeedDates.readable("<updated>2026-01-05t09:00:00z</updated>"))
        .isEqualTo("<updated>2026-01-05T09:00:00Z</updated>");
    assertThat(FeedDates.readable("<updated> 2026-01-05 09:00:00+01:00\n</updated>"))
        .isEqualTo("<updated> 2026-01-05T09:00:00+01:00\n</updated>");
    assertThat(FeedDates.readable("<dc:date>2026-01-05 09:00:00.123456z</dc:date>"))
        .isEqualTo("<dc:date>2026-01-05T09:00:00.123Z</dc:date>");
  }

  @Test
  void shouldCutOrPadTheFractionOfASecondToMilliseconds() {
    assertThat(FeedDates.readable("<published>2026-01-05T09:00:00.999999+00:00</published>"))
        .isEqualTo("<published>2026-01-05T09:00:00.999+00:00</published>");
    assertThat(FeedDates.readable("<published>2026-01-05T09:00:00.5Z</published>"))
        .isEqualTo("<published>2026-01-05T09:00:00.500Z</published>");
  }

  @Test
  void shouldDropTheColonOfTheZoneOffsetOfAnRfc822Date() {
    assertThat(FeedDates.readable("<pubDate>Mon, 05 Jan 2026 09:00:00 +01:00</pubDate>"))
        .isEqualTo("<pubDate>Mon, 05 Jan 2026 09:00:00 +0100</pubDate>");
    assertThat(FeedDates.readable("<pubDate>5 Jan 2026 09:00 -05:30 </pubDate>"))
        .isEqualTo("<pubDate>5 Jan 2026 09:00 -0530 </pubDate>");
  }

  @Test
  void shouldReadAnRfc3339DateWithoutAZoneAsUtcAndGiveAnOffsetItsColon() {
    // ROME refused both: a feed dated so produced nothing, every entry dropped as malformed
    assertThat(FeedDates.readable("<updated>2026-01-05T09:00:00</updated>"))
        .isEqualTo("<updated>2026-01-05T09:00:00Z</updated>");
    assertThat(FeedDates.readable("<pubDate>2026-01-05 09:00:00</pubDate>"))
        .isEqualTo("<pubDate>2026-01-05T09:00:00Z</pubDate>");
    assertThat(FeedDates.readable("<published>2026-01-05T09:00:00+0100</published>"))
        .isEqualTo("<published>2026-01-05T09:00:00+01:00</published>");
  }

  @Test
  void shouldMendTheRfc822DatesSeenInTheWild() {
    assertThat(FeedDates.readable("<pubDate>Mon, 05 Jan 2026 09:00:00</pubDate>"))
        .isEqualTo("<pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate>");
    assertThat(FeedDates.readable("<pubDate>Mon, 05 Jan 2026 09:00:00 +0000 (UTC)</pubDate>"))
        .isEqualTo("<pubDate>Mon, 05 Jan 2026 09:00:00 +0000</pubDate>");
    assertThat(FeedDates.readable("<pubDate>Mon, 05 Jan 2026 09:00:00.000 GMT</pubDate>"))
        .isEqualTo("<pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate>");
    assertThat(FeedDates.readable("<pubDate>Mon,05 Jan 2026 09:00:00 GMT</pubDate>"))
        .isEqualTo("<pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate>");
  }

  @Test
  void shouldLeaveDatesRomeReadsAndTextThatIsNotOnlyADateAsTheyAre() {
    String xml =
        "<updated>2026-01-05T09:00:00Z</updated><pubDate>Mon, 05 Jan 2026 09:00:00 +0100</pubDate>"
            + "<title>2026-01-05 09:00:00Z was the deadline</title>"
            + "<title>Mon, 05 Jan 2026 09:00:00 and after</title>"
            + "<description>Mon, 05 Jan 2026 09:00:00 +01:00 &amp; later</description>"
            + "<description>&lt;p&gt;2026-01-05 09:00:00z&lt;/p&gt;</description>";

    assertThat(FeedDates.readable(xml)).isEqualTo(xml);
  }
}
