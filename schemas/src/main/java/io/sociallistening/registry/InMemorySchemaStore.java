package io.sociallistening.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaStore} in a list: entries survive as long as this object, so a registry restarted
 * on the same instance keeps its ids, and registries sharing it see each other's writes (tests rely
 * on both). Nothing is compacted.
 */
public final class InMemorySchemaStore implements SchemaStore {
  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized List<Entry> readAll() {
    return List.copyOf(entries);
  }

  @Override
  public synchronized void write(Entry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized long end() {
    return entries.size();
  }
}
