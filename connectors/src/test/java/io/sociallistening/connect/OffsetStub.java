package io.sociallistening.connect;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A task context whose offset reader returns the offsets a test committed. */
public final class OffsetStub implements SourceTaskContext, OffsetStorageReader {
  private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();

  public void commit(Map<String, ?> partition, Map<String, ?> offset) {
    committed.put(partition, new HashMap<>(offset));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Map<String, Object> offset(Map<String, T> partition) {
    return committed.get(partition);
  }

  @Override
  public <T> Map<Map<String, T>, Map<String, Object>> offsets(
      Collection<Map<String, T>> partitions) {
    Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
    for (Map<String, T> p : partitions) {
      out.put(p, offset(p));
    }
    return out;
  }

  @Override
  public Map<String, String> configs() {
    return Map.of();
  }

  @Override
  public OffsetStorageReader offsetStorageReader() {
    return this;
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return null;
  }
}
