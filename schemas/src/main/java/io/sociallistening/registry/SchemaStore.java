package io.sociallistening.registry;

import java.util.List;
import java.util.Objects;

/**
 * Where an {@link EmbeddedSchemaRegistry} keeps what it was told: a log of {@link Entry entries}
 * replayed at start. A later entry with the same {@link Entry#key()} replaces an earlier one, so
 * the log may be compacted by key. The registry keeps its own index in memory; the store only has
 * to persist and replay.
 */
public interface SchemaStore extends AutoCloseable {

  /** Every entry written so far (or what compaction left of them), oldest first. */
  List<Entry> readAll();

  /**
   * Persists {@code entry}; returns only once it is durable.
   *
   * @throws RegistryException with error code 50001 if it could not be written
   */
  void write(Entry entry);

  /**
   * Where the log ends now: grows by one with every entry written to it, by this store or by
   * another writer of the same log, so that a registry can tell whether someone else wrote. -1 if
   * the store cannot tell (then only its own writes are assumed).
   *
   * @throws RegistryException with error code 50001 if the store cannot be asked
   */
  default long end() {
    return -1;
  }

  @Override
  default void close() {}

  /** One persisted fact. */
  sealed interface Entry permits SchemaVersion, RemovedVersion, SubjectCompatibility {
    /** Identity for compaction: entries with equal keys replace one another. */
    String key();
  }

  /**
   * Version {@code version} of {@code subject} is the schema with global id {@code id}; {@code
   * schema} is its canonical JSON. {@code deleted} marks a soft-deleted version.
   */
  record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
      implements Entry {
    public SchemaVersion {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String key() {
      return "schema:" + version + ":" + subject;
    }

    SchemaVersion asDeleted() {
      return new SchemaVersion(subject, version, id, schema, true);
    }
  }

  /**
   * Version {@code version} of {@code subject} was permanently deleted: it replaces that version's
   * {@link SchemaVersion} (same key), so compaction may drop both.
   */
  record RemovedVersion(String subject, int version) implements Entry {
    public RemovedVersion {
      Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String key() {
      return "schema:" + version + ":" + subject;
    }
  }

  /**
   * The compatibility level of {@code subject}, or the global level when {@code subject} is null; a
   * null {@code level} removes a subject-level setting.
   */
  record SubjectCompatibility(String subject, CompatibilityLevel level) implements Entry {
    @Override
    public String key() {
      return subject == null ? "config:" : "config:" + subject.length() + ":" + subject;
    }
  }
}
