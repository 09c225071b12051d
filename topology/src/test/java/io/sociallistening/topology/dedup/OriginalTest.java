package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OriginalTest {

  @Test
  void shouldReadBackWhatItWrites() {
    Original original =
        new Original(
            "acme-air", "bluesky:3la1", "lost my bag again", true, 1_767_600_000_000L, 3, 41L);

    assertThat(original.toBytes()[0]).isEqualTo((byte) 1);
    assertThat(Original.fromBytes(original.toBytes())).isEqualTo(original);
  }

  @Test
  void shouldReadTheFormatWithoutVersionOrSequence() {
    // timestamp, copies, truncated, then scope, key and text: the first byte is 0 for any
    // timestamp from 1970 below 2^56 ms
    for (long timestamp : new long[] {0L, 1_767_600_000_000L, (1L << 56) - 1}) {
      byte[] scope = "acme-air".getBytes(StandardCharsets.UTF_8);
      byte[] key = "bluesky:3la1".getBytes(StandardCharsets.UTF_8);
      byte[] text = "lost my bag again".getBytes(StandardCharsets.UTF_8);
      byte[] legacy =
          ByteBuffer.allocate(8 + 4 + 1 + 12 + scope.length + key.length + text.length)
              .putLong(timestamp)
              .putInt(3)
              .put((byte) 1)
              .putInt(scope.length)
              .put(scope)
              .putInt(key.length)
              .put(key)
              .putInt(text.length)
              .put(text)
              .array();

      assertThat(Original.fromBytes(legacy))
          .as("timestamp %d", timestamp)
          .isEqualTo(
              new Original(
                  "acme-air", "bluesky:3la1", "lost my bag again", true, timestamp, 3, -1));
    }
  }
}
