package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginalTest {

  @Test
  void shouldReadBackWhatItWrites() {
    Original original =
        new Original("acme-air", "bluesky:3la1", "lost my bag again", true, 1_767_600_000_000L, 3);

    assertThat(Original.fromBytes(original.toBytes())).isEqualTo(original);
  }

  @Test
  void shouldStartWithAZeroByteSoALaterFormatCanStartWithItsVersion() {
    // no version byte: a later format tells this one apart by its first byte, 0 for any
    // timestamp from 1970 below 2^56 ms
    for (long timestamp : new long[] {0L, 1_767_600_000_000L, (1L << 56) - 1}) {
      assertThat(new Original("", "k", "t", false, timestamp, 1).toBytes()[0])
          .as("timestamp %d", timestamp)
          .isZero();
    }
  }
}
