package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
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
}
