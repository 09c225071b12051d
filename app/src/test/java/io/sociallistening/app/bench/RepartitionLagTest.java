package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RepartitionLagTest {
  private static final TopicPartition P0 = new TopicPartition("app-by-brand-repartition", 0);
  private static final TopicPartition P1 = new TopicPartition("app-by-brand-repartition", 1);

  @Test
  void shouldBeDoneWithAPartitionReadUpToItsFinalMarker() {
    // records 0..8, the commit marker at 9: the application committed offset 9
    assertThat(Benchmark.repartitionLag(Map.of(P0, 10L), Map.of(P0, 10L), Map.of(P0, done(9))))
        .isZero();
  }

  @Test
  void shouldNotBeDoneWhileATransactionWithOneRecordIsOpen() {
    // read up to 9 (a marker at 8); a transaction still open has written record 9 alone
    assertThat(Benchmark.repartitionLag(Map.of(P0, 10L), Map.of(P0, 9L), Map.of(P0, done(9))))
        .isEqualTo(1);
  }

  @Test
  void shouldCountCommittedRecordsNotReadYetAndAPartitionWithoutAnOffsetFromZero() {
    assertThat(
            Benchmark.repartitionLag(
                Map.of(P0, 10L, P1, 4L), Map.of(P0, 10L, P1, 4L), Map.of(P0, done(5))))
        .isEqualTo(4 + 3);
  }

  @Test
  void shouldBeDoneWithAnEmptyPartition() {
    assertThat(Benchmark.repartitionLag(Map.of(P0, 0L), Map.of(P0, 0L), Map.of())).isZero();
  }

  private static OffsetAndMetadata done(long offset) {
    return new OffsetAndMetadata(offset);
  }
}
