package io.sociallistening.registry;

import java.util.List;
import java.util.Objects;

/**
 * Where an {@link EmbeddedSchemaRegistry} keeps what it was told: a log of {@link Entry entries}
 * replayed at start. A later entry with the same {@link Entry#key()} replaces an earlier one, so
 * the log may be compacted by key (keeping the offsets of what it keeps). The registry keeps its
 * own index in memory; the store only has to persist, number and replay.
 *
 * <p>Entries take effect conditionally, so that registries sharing a store need no single writer: a
 * writer says at which offset it expects its entry (the end of the log when it decided), the store
 * records that with the entry, and a {@link Logged record} {@link Logged#applies() applies} only if
 * it landed there, that is if nothing was written between the writer's read and its write. Every
 * reader of the log thus agrees which entries took effect, and a writer that expects the end of the
 * log it decided on knows that an entry of its that took effect was decided on all that came before
 * it.
 */
public interface SchemaStore extends AutoCloseable {

  /** Every record written so far (or what compaction left of them), oldest first. */
  Log readAll();

  /**
   * Appends {@code entry}, marked as expected at offset {@code expected} ({@code -1}: anywhere),
   * and returns the offset it landed at once it is durable.
   *
   * @throws RegistryException with error code 50001 if it could not be written
   */
  long write(Entry entry, long expected);

  /**
   * Where the log ends now: the offset the next record will land at. Grows by one with every record
   * written to it, by this store or by another writer of the same log.
   *
   * @throws RegistryException with error code 50001 if the store cannot be asked
   */
  long end();

  /** What {@link #readAll()} found: {@code records} by offset, all of those below {@code end}. */
  record Log(List<Logged> records, long end) {
    public Log {
      records = List.copyOf(records);
    }
  }

  /**
   * {@code entry} as the log holds it: at {@code offset}, written by a writer that expected it at
   * {@code expected} ({@code -1}: anywhere, as for records written by earlier versions).
   */
  record Logged(Entry entry, long offset, long expected) {
    public Logged {
      Objects.requireNonNull(entry, "entry");
    }

    /**
     * Whether the entry took effect: it landed where its writer expected it, or anywhere would do.
     */
    public boolean applies() {
      return expected < 0 || expected == offset;
    }
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
   * null {@code level} removes a subject-level setting, or puts the global level back to the
   * default.
   */
  record SubjectCompatibility(String subject, CompatibilityLevel level) implements Entry {
    @Override
    public String key() {
      return subject == null ? "config:" : "config:" + subject.length() + ":" + subject;
    }
  }
}
