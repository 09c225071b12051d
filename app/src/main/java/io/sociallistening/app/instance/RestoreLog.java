package io.sociallistening.app.instance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every state-store restoration of this instance (after a restart, or when a task moves here
 * from a failed instance): store, changelog partition, records restored and how long it took. One
 * line per store partition at the end of its restoration; nothing per record.
 */
final class RestoreLog implements StateRestoreListener {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

  private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();

  @Override
  public void onRestoreStart(
      TopicPartition partition, String store, long startingOffset, long endingOffset) {
    started.put(partition, System.nanoTime());
    LOG.debug(
        "Restoring store {} partition {}: offsets {} to {}",
        store,
        partition.partition(),
        startingOffset,
        endingOffset);
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String store, long batchEndOffset, long numRestored) {}

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    Long start = started.remove(partition);
    long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    LOG.info(
        "Restored store {} partition {}: {} records in {} ms",
        store,
        partition.partition(),
        totalRestored,
        millis);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    started.remove(partition);
    LOG.info(
        "Restoration of store {} partition {} suspended after {} records (task moved away)",
        store,
        partition.partition(),
        totalRestored);
  }
}
