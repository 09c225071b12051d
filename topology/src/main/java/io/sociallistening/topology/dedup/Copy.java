package io.sociallistening.topology.dedup;

import io.sociallistening.avro.Mention;

/**
 * A mention after exact dedup: {@code copyCount} is 1 for the first copy of a post and n for its
 * n-th copy; {@code duplicateOf} is the key of the first copy, or null for the first copy itself.
 */
public record Copy(String key, Mention mention, int copyCount, String duplicateOf) {
  public boolean isFirst() {
    return duplicateOf == null;
  }
}
