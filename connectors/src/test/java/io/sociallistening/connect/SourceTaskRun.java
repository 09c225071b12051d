package io.sociallistening.connect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Source tasks under test: a {@link FakeTime} from a given instant, the offsets a test commits
 * ({@link OffsetStub}), and the tasks started here, stopped by {@link #close()}.
 */
public final class SourceTaskRun implements AutoCloseable {
  public final FakeTime time;
  public final OffsetStub offsets = new OffsetStub();
  private final List<SourceTask> started = new ArrayList<>();

  public SourceTaskRun(long startMs) {
    this.time = new FakeTime(startMs);
  }

  /** Starts {@code task} on the committed offsets with {@code defaults} and then {@code props}. */
  public <T extends SourceTask> T start(
      T task, Map<String, String> defaults, Map<String, String> props) {
    Map<String, String> all = new HashMap<>(defaults);
    all.putAll(props);
    task.initialize(offsets);
    task.start(all);
    started.add(task);
    return task;
  }

  /** Commits the offset of {@code record}, as the worker does once it is written. */
  public void commit(SourceRecord record) {
    offsets.commit(record.sourcePartition(), record.sourceOffset());
  }

  /** Total time slept on the clock. */
  public long slept() {
    return time.sleeps.stream().mapToLong(Long::longValue).sum();
  }

  /** Polls until a batch arrives, at most {@code polls} times; empty if none did. */
  public static List<SourceRecord> pollUntilRecords(SourceTask task, int polls)
      throws InterruptedException {
    for (int i = 0; i < polls; i++) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        return batch;
      }
    }
    return List.of();
  }

  /** The record keys; none for a null batch. */
  public static List<String> keys(List<SourceRecord> records) {
    return records == null ? List.of() : records.stream().map(r -> (String) r.key()).toList();
  }

  @Override
  public void close() {
    started.forEach(SourceTask::stop);
  }
}
