package io.sociallistening.topology.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Utils;

/**
 * Where exact dedup looks for the copies of a post: the partition of the {@code mentions-by-id}
 * topic that Kafka's default partitioner gives the mention key, {@code murmur2(key) mod
 * partitions}. A raw record already keyed by its mention key (the connectors' {@code
 * <platform>:<id>}) and read from that same partition number is already in the task that owns the
 * key, so it skips the re-key through {@code mentions-by-id}; every other record takes it. Either
 * way every copy of one key is processed by the task of its home partition. Pure logic, no Kafka
 * state.
 *
 * <p>{@code partitions} must be the partition count of {@code mentions-by-id} (the topology pins
 * it); 0 sends every record through the re-key.
 */
public final class HomePartition {
  private final int partitions;

  public HomePartition(int partitions) {
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must not be negative: " + partitions);
    }
    this.partitions = partitions;
  }

  /** Partition count of the re-key topic, or 0 when every record is re-keyed. */
  public int partitions() {
    return partitions;
  }

  /** The home partition of a serialised key, as Kafka's default partitioner computes it. */
  public int of(byte[] keyBytes) {
    return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
  }

  /**
   * True when a record with raw key {@code rawKey}, read from {@code partition}, is already keyed
   * by {@code key} and sits in the key's home partition, so it needs no re-key.
   */
  public boolean isHome(String key, byte[] rawKey, int partition) {
    if (partitions == 0 || rawKey == null || partition < 0 || partition >= partitions) {
      return false;
    }
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    return Arrays.equals(keyBytes, rawKey) && of(keyBytes) == partition;
  }
}
