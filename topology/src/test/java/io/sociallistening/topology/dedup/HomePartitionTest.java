package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class HomePartitionTest {
  private final HomePartition home = new HomePartition(3);

  private static byte[] utf8(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldPlaceKeysWhereTheProducersDefaultPartitionerPutsThem() {
    int placed = 0;
    for (int i = 0; i < 1_000; i++) {
      String key = "bluesky:post-" + i;
      int partition = BuiltInPartitioner.partitionForKey(utf8(key), 3);
      assertThat(home.of(utf8(key))).isEqualTo(partition);
      if (home.isHome(key, utf8(key), partition)) {
        placed++;
      }
    }
    assertThat(placed).isEqualTo(1_000);
  }

  @Test
  void shouldSendARecordOnAnotherPartitionThroughTheReKey() {
    byte[] key = utf8("reddit:t3_abc");
    int partition = home.of(key);

    assertThat(home.isHome("reddit:t3_abc", key, (partition + 1) % 3)).isFalse();
    assertThat(home.isHome("reddit:t3_abc", key, 3)).isFalse();
    assertThat(home.isHome("reddit:t3_abc", key, -1)).isFalse();
  }

  @Test
  void shouldSendARecordKeyedOtherwiseThroughTheReKey() {
    byte[] other = utf8("firehose-2/t3_abc");
    int partition = home.of(other);

    assertThat(home.isHome("reddit:t3_abc", other, partition)).isFalse();
    assertThat(home.isHome("reddit:t3_abc", null, partition)).isFalse();
    assertThat(home.isHome("reddit:t3_abc", utf8(" reddit:t3_abc"), partition)).isFalse();
  }

  @Test
  void shouldReKeyEveryRecordWithoutAPartitionCount() {
    HomePartition none = new HomePartition(0);

    assertThat(none.isHome("reddit:t3_abc", utf8("reddit:t3_abc"), 0)).isFalse();
    assertThatThrownBy(() -> new HomePartition(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partitions must not be negative: -1");
  }
}
