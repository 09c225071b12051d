package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ListeningSourceTaskTest {

  @Test
  void shouldStampARecordWithItsPostTime() {
    SourceRecord record =
        ListeningSourceTask.mentionRecord(
            Map.of(),
            Map.of(),
            "social.mentions.raw",
            Fixtures.full().setFetchedAt(Fixtures.T0.plusSeconds(30)).build());

    assertThat(record.timestamp()).isEqualTo(Fixtures.T0.toEpochMilli());
  }

  @Test
  void shouldStampAPostDatedAfterItWasFetchedWithItsFetchTime() {
    // a feed three hours ahead of the real time: the broker would refuse that timestamp
    SourceRecord record =
        ListeningSourceTask.mentionRecord(
            Map.of(),
            Map.of(),
            "social.mentions.raw",
            Fixtures.full()
                .setCreatedAt(Fixtures.T0.plus(Duration.ofHours(3)))
                .setFetchedAt(Fixtures.T0)
                .build());

    assertThat(record.timestamp()).isEqualTo(Fixtures.T0.toEpochMilli());
  }

  @Test
  void shouldStampAPostWithoutAFetchTimeWithItsPostTime() {
    SourceRecord record =
        ListeningSourceTask.mentionRecord(
            Map.of(),
            Map.of(),
            "social.mentions.raw",
            Fixtures.full().setCreatedAt(Fixtures.T0).setFetchedAt(null).build());

    assertThat(record.timestamp()).isEqualTo(Fixtures.T0.toEpochMilli());
  }

  @Test
  void shouldBringADateNoRecordCanHoldIntoYears0To9999() {
    // a Mastodon server or Hacker News hit dated +292278995: converting it overflowed, and the
    // task failed on the post after every restart
    SourceRecord future =
        ListeningSourceTask.mentionRecord(
            Map.of(),
            Map.of(),
            "social.mentions.raw",
            Fixtures.full()
                .setCreatedAt(Instant.parse("+292278995-01-01T00:00:00Z"))
                .setFetchedAt(Fixtures.T0)
                .build());
    SourceRecord past =
        ListeningSourceTask.mentionRecord(
            Map.of(),
            Map.of(),
            "social.mentions.raw",
            Fixtures.full()
                .setCreatedAt(Instant.parse("-292275055-05-16T16:47:04.192Z"))
                .setFetchedAt(Fixtures.T0)
                .build());

    assertThat(((Struct) future.value()).get("createdAt"))
        .isEqualTo(Date.from(Instant.parse("9999-12-31T23:59:59.999Z")));
    assertThat(future.timestamp()).isEqualTo(Fixtures.T0.toEpochMilli());
    assertThat(((Struct) past.value()).get("createdAt"))
        .isEqualTo(Date.from(Instant.parse("0000-01-01T00:00:00Z")));
    assertThat(past.timestamp()).isEqualTo(Fixtures.T0.toEpochMilli());
  }
}
