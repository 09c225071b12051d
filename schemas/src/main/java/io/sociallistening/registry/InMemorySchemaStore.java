package io.sociallistening.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaStore} in a list: records survive as long as this object, so a registry restarted
 * on the same instance keeps its ids, and registries sharing it see each other's writes (tests rely
 * on both). A record's offset is its index; nothing is compacted.
 */
public final class InMemorySchemaStore implements SchemaStore {
  private final List<Logged> records = new ArrayList<>();

  @Override
  public synchronized Log readAll() {
    return new Log(records, records.size());
  }

  @Override
  public synchronized long write(Entry entry, long expected) {
    long offset = records.size();
    records.add(new Logged(entry, offset, expected));
    return offset;
  }

  @Override
  public synchronized long end() {
    return records.size();
  }
}
