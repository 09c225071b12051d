package io.sociallistening.registry;

import io.sociallistening.registry.SchemaStore.RemovedVersion;
import io.sociallistening.registry.SchemaStore.SchemaVersion;
import io.sociallistening.registry.SchemaStore.SubjectCompatibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The registry's rules over a {@link SchemaStore}: subjects with numbered versions, global ids
 * shared by equal canonical schemas (Avro's {@link Schema#toString()} of the parsed schema) across
 * subjects, compatibility levels per subject over a global default, soft and permanent deletion (a
 * version must be soft-deleted before it can be permanently deleted). The whole index is held in
 * memory, rebuilt from the records of {@link SchemaStore#readAll()} that {@link
 * SchemaStore.Logged#applies() apply} at construction; every change is written to the store before
 * it is applied. The index is rebuilt before a change when the store may hold records it lacks:
 * after a write reported as failed (that may have reached the store after all, an acknowledgement
 * lost or timed out), and when the store has grown by records another registry on the same store
 * wrote ({@link SchemaStore#end()}); a read that finds nothing checks the same before answering not
 * found.
 *
 * <p>Registries sharing a store need no single writer: each write expects the end of the log the
 * index reflects, and applies only if it landed there, so a change takes effect only if it was
 * decided on everything that took effect before it, and every registry replays the same outcome. A
 * change whose write was overtaken by another registry's is decided again on the log as it now is:
 * a registration may then find its schema registered by the other (and answer that id), or take the
 * next id and version. Ids and versions are therefore not handed out twice, however many registries
 * register at the same moment. A record that did not apply still holds its key, and compaction
 * keeps only the last record of a key; so before each change the registry writes again what the
 * index holds for every key whose last record did not apply (the version, or a tombstone if there
 * is none), and compaction leaves the log meaning what it meant. (A registry that stops between an
 * overtaken write and that repair leaves it to the next change by any registry.)
 *
 * <p>Changes are made one at a time; a read that finds what it looks for does not wait for a
 * change's write to the store, only for it to be applied (one that finds nothing waits for the
 * change, then checks the store).
 *
 * <p>Failures are {@link RegistryException}s with Confluent's error codes.
 */
final class SchemaCatalog {
  static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;
  private static final String LATEST = "latest";

  /** How often a change is decided again after other registries' writes overtook it. */
  static final int MAX_ATTEMPTS = 50;

  private final SchemaStore store;

  /** Held for a whole change: decide, write to the store, apply. */
  private final Object changes = new Object();

  /** Guards the index: read by reads, written only while a change is applied. */
  private final ReadWriteLock index = new ReentrantReadWriteLock();

  private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
  private int maxId;

  /** A write failed: the store may hold an entry the index lacks. Guarded by {@link #changes}. */
  private boolean unsure;

  /** The end of the log the index reflects. Guarded by {@link #changes}. */
  private long mark;

  /**
   * By key, the last record of keys whose last record did not apply: written again before the next
   * change. Guarded by {@link #changes}.
   */
  private final Map<String, SchemaStore.Entry> unsettled = new HashMap<>();

  SchemaCatalog(SchemaStore store) {
    this.store = store;
    replay(store.readAll());
  }

  /** Registers {@code schemaText} under {@code subject}, or finds it there; returns its id. */
  int register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    Optional<Integer> existing = reading(() -> liveId(subject, canonical));
    if (existing.isPresent()) {
      return existing.get();
    }
    return change(
        () -> {
          Optional<Integer> raced = liveId(subject, canonical);
          if (raced.isPresent()) {
            return raced.get();
          }
          List<SchemaVersion> live = liveVersions(subject);
          List<SchemaVersion> against = registrationBaseline(subject, live);
          List<String> problems = incompatibilities(levelOf(subject), schema, against);
          if (!problems.isEmpty()) {
            throw new RegistryException(
                "Schema being registered is incompatible with an earlier schema for subject '"
                    + subject
                    + "', details: "
                    + problems,
                409);
          }
          Integer known = idsByCanonical.get(canonical);
          int id = known != null ? known : maxId + 1;
          TreeMap<Integer, SchemaVersion> all = subjects.get(subject);
          int version = all == null || all.isEmpty() ? 1 : all.lastKey() + 1;
          write(new SchemaVersion(subject, version, id, canonical, false));
          return id;
        });
  }

  private Optional<Integer> liveId(String subject, String canonical) {
    for (SchemaVersion version : liveVersions(subject)) {
      if (version.schema().equals(canonical)) {
        return Optional.of(version.id());
      }
    }
    return Optional.empty();
  }

  /**
   * The version of {@code subject} holding {@code schemaText}: a live one, or with {@code deleted}
   * the latest one, soft-deleted or not.
   */
  SchemaVersion lookup(String subject, String schemaText, boolean deleted) {
    return reading(
        () -> {
          List<SchemaVersion> versions = requireVersions(subject, deleted);
          String canonical = parse(schemaText).toString();
          for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).schema().equals(canonical)) {
              return versions.get(i);
            }
          }
          throw new RegistryException("Schema not found", 40403);
        });
  }

  /** The canonical schema with global id {@code id}. */
  Schema schemaById(int id) {
    return reading(() -> requireSchema(id));
  }

  private Schema requireSchema(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new RegistryException("Schema " + id + " not found", 40403);
    }
    return schema;
  }

  /**
   * The subject versions that use schema {@code id}, by subject then version: the live ones, or
   * with {@code deleted} the soft-deleted ones too.
   */
  List<SchemaVersion> versionsOfId(int id, boolean deleted) {
    return reading(
        () -> {
          requireSchema(id);
          List<SchemaVersion> found = new ArrayList<>();
          for (String subject : subjectNames(deleted)) {
            for (SchemaVersion version : versionsOf(subject, deleted)) {
              if (version.id() == id) {
                found.add(version);
              }
            }
          }
          return found;
        });
  }

  /** Subjects with at least one live version, or with {@code deleted} any version, sorted. */
  List<String> subjects(boolean deleted) {
    return reading(() -> subjectNames(deleted));
  }

  private List<String> subjectNames(boolean deleted) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, TreeMap<Integer, SchemaVersion>> subject : subjects.entrySet()) {
      if (subject.getValue().values().stream().anyMatch(v -> deleted || !v.deleted())) {
        names.add(subject.getKey());
      }
    }
    names.sort(null);
    return names;
  }

  /** Live version numbers of {@code subject}, or with {@code deleted} all of them, ascending. */
  List<Integer> versions(String subject, boolean deleted) {
    return reading(
        () -> {
          List<Integer> numbers = new ArrayList<>();
          for (SchemaVersion version : requireVersions(subject, deleted)) {
            numbers.add(version.version());
          }
          return numbers;
        });
  }

  /**
   * A version of {@code subject}: a number, or {@code latest} / {@code -1} for the latest live one.
   * A numbered version must be live, unless {@code deleted}.
   */
  SchemaVersion version(String subject, String versionText, boolean deleted) {
    return reading(
        () -> {
          int wanted = parseVersion(versionText);
          if (wanted == -1) {
            requireVersions(subject, deleted);
            List<SchemaVersion> live = liveVersions(subject);
            if (live.isEmpty()) {
              throw versionNotFound(wanted);
            }
            return live.get(live.size() - 1);
          }
          return versionIn(requireVersions(subject, deleted), wanted);
        });
  }

  private static SchemaVersion versionIn(List<SchemaVersion> versions, int wanted) {
    for (SchemaVersion version : versions) {
      if (version.version() == wanted) {
        return version;
      }
    }
    throw versionNotFound(wanted);
  }

  private static RegistryException versionNotFound(int version) {
    return new RegistryException("Version " + version + " not found.", 40402);
  }

  private static RegistryException subjectNotFound(String subject) {
    return new RegistryException("Subject '" + subject + "' not found.", 40401);
  }

  /**
   * Soft-deletes every live version of {@code subject} and removes the subject's own compatibility
   * level, or with {@code permanent} removes every version of a subject whose versions are all
   * soft-deleted (and the ids no other version uses); returns the numbers of the versions deleted.
   * When another registry's write overtakes one of its writes, the delete carries on with what is
   * left to delete (a soft delete: the live versions, one registered meanwhile too; a permanent
   * one: the soft-deleted versions) and answers every version it deleted.
   *
   * @throws RegistryException 40401 if the subject has no versions at all, 40404 for a soft delete
   *     of a subject without live versions, 40405 for a permanent delete of a subject with live
   *     versions
   */
  List<Integer> deleteSubject(String subject, boolean permanent) {
    List<Integer> deleted = new ArrayList<>();
    return change(
        () -> {
          boolean resumed = !deleted.isEmpty();
          TreeMap<Integer, SchemaVersion> all = subjects.get(subject);
          if (!resumed && (all == null || all.isEmpty())) {
            throw subjectNotFound(subject);
          }
          List<SchemaVersion> live = liveVersions(subject);
          if (!resumed && permanent && !live.isEmpty()) {
            throw new RegistryException(
                "Subject '" + subject + "' was not deleted first before being permanently deleted",
                40405);
          }
          if (!resumed && !permanent && live.isEmpty()) {
            throw new RegistryException(
                "Subject '"
                    + subject
                    + "' was soft deleted.Set permanent=true to delete permanently",
                40404);
          }
          List<SchemaVersion> targets = live;
          if (permanent) {
            targets = versionsOf(subject, true);
            targets.removeAll(live);
          }
          for (SchemaVersion version : targets) {
            write(
                permanent
                    ? new RemovedVersion(subject, version.version())
                    : (SchemaStore.Entry) version.asDeleted());
            deleted.add(version.version());
          }
          if (!permanent && subjectLevels.containsKey(subject)) {
            write(new SubjectCompatibility(subject, null));
          }
          return List.copyOf(deleted);
        });
  }

  /**
   * Deletes one version of {@code subject} ({@code versionText}: a number, {@code latest} or {@code
   * -1}, the latest live version) and returns its number. A soft delete hides a live version; a
   * permanent one removes a soft-deleted version, and its schema id with it when no other version
   * (live or soft-deleted) uses that schema. Ids are not handed out again while the store holds
   * their entries.
   *
   * @throws RegistryException 40401 if the subject has no versions at all, 40402 if the version
   *     does not exist, 40406 for a soft delete of a soft-deleted version, 40407 for a permanent
   *     delete of a live version, 42202 for an invalid version
   */
  int deleteVersion(String subject, String versionText, boolean permanent) {
    int wanted = parseVersion(versionText);
    return change(
        () -> {
          TreeMap<Integer, SchemaVersion> all = subjects.get(subject);
          if (all == null || all.isEmpty()) {
            throw subjectNotFound(subject);
          }
          SchemaVersion target;
          if (wanted == -1) {
            List<SchemaVersion> live = liveVersions(subject);
            target = live.isEmpty() ? null : live.get(live.size() - 1);
          } else {
            target = all.get(wanted);
          }
          if (target == null) {
            throw versionNotFound(wanted);
          }
          if (permanent && !target.deleted()) {
            throw new RegistryException(
                "Subject '"
                    + subject
                    + "' Version "
                    + target.version()
                    + " was not deleted first before being permanently deleted",
                40407);
          }
          if (!permanent && target.deleted()) {
            throw new RegistryException(
                "Subject '"
                    + subject
                    + "' Version "
                    + versionText
                    + " was soft deleted.Set permanent=true to delete permanently",
                40406);
          }
          write(
              permanent
                  ? new RemovedVersion(subject, target.version())
                  : (SchemaStore.Entry) target.asDeleted());
          return target.version();
        });
  }

  /**
   * Why {@code schemaText} may not follow the versions of {@code subject} under its level: empty
   * when compatible. {@code versionText} null checks the versions registration would check (every
   * live one under a transitive level, else the latest); {@code latest} or {@code -1} only the
   * latest live version; a number only that version. A subject without live versions has nothing to
   * be incompatible with, except that a numbered version must exist.
   */
  List<String> checkCompatibility(String subject, String versionText, String schemaText) {
    return reading(
        () -> {
          List<SchemaVersion> live = liveVersions(subject);
          List<SchemaVersion> against;
          if (versionText == null) {
            against = registrationBaseline(subject, live);
          } else if (parseVersion(versionText) == -1) {
            against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
          } else {
            against = List.of(versionIn(live, parseVersion(versionText)));
          }
          return incompatibilities(levelOf(subject), parse(schemaText), against);
        });
  }

  CompatibilityLevel globalLevel() {
    return reading(() -> globalLevel);
  }

  void setGlobalLevel(CompatibilityLevel level) {
    change(
        () -> {
          write(new SubjectCompatibility(null, level));
          return null;
        });
  }

  /** Puts the global level back to the default; returns the level it had. */
  CompatibilityLevel deleteGlobalLevel() {
    return change(
        () -> {
          CompatibilityLevel level = globalLevel;
          write(new SubjectCompatibility(null, null));
          return level;
        });
  }

  /** The level set on {@code subject} itself, if any. */
  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return reading(() -> Optional.ofNullable(subjectLevels.get(subject)));
  }

  void setSubjectLevel(String subject, CompatibilityLevel level) {
    change(
        () -> {
          write(new SubjectCompatibility(subject, level));
          return null;
        });
  }

  /**
   * Removes the level set on {@code subject}; returns it.
   *
   * @throws RegistryException 40401 if the subject has no level of its own, as Confluent answers
   */
  CompatibilityLevel deleteSubjectLevel(String subject) {
    return change(
        () -> {
          CompatibilityLevel level = subjectLevels.get(subject);
          if (level == null) {
            throw subjectNotFound(subject);
          }
          write(new SubjectCompatibility(subject, null));
          return level;
        });
  }

  static RegistryException noSubjectLevel(String subject) {
    return new RegistryException(
        "Subject '" + subject + "' does not have subject-level compatibility configured", 40408);
  }

  private CompatibilityLevel levelOf(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private List<SchemaVersion> registrationBaseline(String subject, List<SchemaVersion> live) {
    if (live.isEmpty() || levelOf(subject).transitive()) {
      return live;
    }
    return List.of(live.get(live.size() - 1));
  }

  private List<String> incompatibilities(
      CompatibilityLevel level, Schema candidate, List<SchemaVersion> against) {
    List<String> problems = new ArrayList<>();
    if (level == CompatibilityLevel.NONE) {
      return problems;
    }
    for (SchemaVersion version : against) {
      for (String problem : level.incompatibilities(candidate, schemasById.get(version.id()))) {
        problems.add("version " + version.version() + ": " + problem);
      }
    }
    return problems;
  }

  /** The live versions of {@code subject}, or with {@code deleted} all; 40401 if none. */
  private List<SchemaVersion> requireVersions(String subject, boolean deleted) {
    List<SchemaVersion> versions = versionsOf(subject, deleted);
    if (versions.isEmpty()) {
      throw subjectNotFound(subject);
    }
    return versions;
  }

  private List<SchemaVersion> liveVersions(String subject) {
    return versionsOf(subject, false);
  }

  private List<SchemaVersion> versionsOf(String subject, boolean deleted) {
    TreeMap<Integer, SchemaVersion> all = subjects.get(subject);
    List<SchemaVersion> found = new ArrayList<>();
    if (all != null) {
      for (SchemaVersion version : all.values()) {
        if (deleted || !version.deleted()) {
          found.add(version);
        }
      }
    }
    return found;
  }

  /**
   * Makes a change: brings the index up to the store, writes again what the index holds for keys
   * whose last record did not apply, then runs {@code change}, which decides on the index and
   * {@link #write writes}; all of it again when another registry's write overtook one of these.
   *
   * @throws RegistryException 50001 after {@value #MAX_ATTEMPTS} overtaken attempts
   */
  private <T> T change(Supplier<T> change) {
    synchronized (changes) {
      for (int attempt = 1; ; attempt++) {
        catchUp();
        try {
          settle();
          return change.get();
        } catch (Overtaken e) {
          if (attempt == MAX_ATTEMPTS) {
            throw new RegistryException(
                "Gave up after "
                    + MAX_ATTEMPTS
                    + " attempts: other registries kept writing to the schema store first",
                50001);
          }
        }
      }
    }
  }

  /** Writes again what the index holds for each key whose last record did not apply. */
  private void settle() {
    for (SchemaStore.Entry entry : List.copyOf(unsettled.values())) {
      write(current(entry));
    }
  }

  /** What the index holds for the key of {@code entry}: an entry that restates it. */
  private SchemaStore.Entry current(SchemaStore.Entry entry) {
    if (entry instanceof SubjectCompatibility config) {
      return new SubjectCompatibility(
          config.subject(),
          config.subject() == null ? globalLevel : subjectLevels.get(config.subject()));
    }
    String subject;
    int number;
    if (entry instanceof SchemaVersion version) {
      subject = version.subject();
      number = version.version();
    } else {
      RemovedVersion removed = (RemovedVersion) entry;
      subject = removed.subject();
      number = removed.version();
    }
    TreeMap<Integer, SchemaVersion> all = subjects.get(subject);
    SchemaVersion held = all == null ? null : all.get(number);
    return held != null ? held : new RemovedVersion(subject, number);
  }

  /**
   * Rebuilds the index from the store if it may lack records: after a failed write, or when the
   * store has grown by records this catalog did not write. Returns whether it did.
   */
  private boolean catchUp() {
    SchemaStore.Log log;
    try {
      if (!unsure && store.end() == mark) {
        return false;
      }
      log = store.readAll();
    } catch (RuntimeException e) {
      throw new RegistryException("Error while reading the schema store: " + e, 50001, e);
    }
    index.writeLock().lock();
    try {
      subjects.clear();
      idsByCanonical.clear();
      schemasById.clear();
      subjectLevels.clear();
      globalLevel = DEFAULT_LEVEL;
      maxId = 0;
      replay(log);
    } finally {
      index.writeLock().unlock();
    }
    unsure = false;
    return true;
  }

  /** Applies the records of {@code log} that apply, to an empty index. */
  private void replay(SchemaStore.Log log) {
    unsettled.clear();
    for (SchemaStore.Logged record : log.records()) {
      if (record.applies()) {
        apply(record.entry());
        unsettled.remove(record.entry().key());
      } else {
        unsettled.put(record.entry().key(), record.entry());
      }
    }
    mark = log.end();
  }

  /**
   * Writes {@code entry} where the log ended as the index last saw it, and applies it.
   *
   * @throws Overtaken if another write landed there first: the entry does not apply
   */
  private void write(SchemaStore.Entry entry) {
    long offset;
    try {
      offset = store.write(entry, mark);
    } catch (RuntimeException e) {
      unsure = true;
      if (e instanceof RegistryException registryException) {
        throw registryException;
      }
      throw new RegistryException("Error while writing to the schema store: " + e, 50001, e);
    }
    if (offset != mark) {
      throw new Overtaken();
    }
    mark = offset + 1;
    unsettled.remove(entry.key());
    index.writeLock().lock();
    try {
      apply(entry);
    } finally {
      index.writeLock().unlock();
    }
  }

  /** Another registry's write landed where this catalog's was to go: decide the change again. */
  private static final class Overtaken extends RuntimeException {
    Overtaken() {
      super("overtaken by another write to the schema store", null, false, false);
    }
  }

  /** {@code read} under the read lock; a not-found answer is checked against the store first. */
  private <T> T reading(Supplier<T> read) {
    try {
      return underReadLock(read);
    } catch (RegistryException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      boolean reread;
      synchronized (changes) {
        reread = catchUp();
      }
      if (!reread) {
        throw e;
      }
      return underReadLock(read);
    }
  }

  private <T> T underReadLock(Supplier<T> read) {
    index.readLock().lock();
    try {
      return read.get();
    } finally {
      index.readLock().unlock();
    }
  }

  private void apply(SchemaStore.Entry entry) {
    if (entry instanceof SchemaVersion stored) {
      // Entries this registry writes are canonical already; others (another writer, an older
      // Avro) are made so, or the same schema would not be found again.
      Schema schema = parse(stored.schema());
      String canonical = schema.toString();
      SchemaVersion version =
          canonical.equals(stored.schema())
              ? stored
              : new SchemaVersion(
                  stored.subject(), stored.version(), stored.id(), canonical, stored.deleted());
      subjects
          .computeIfAbsent(version.subject(), s -> new TreeMap<>())
          .put(version.version(), version);
      schemasById.putIfAbsent(version.id(), schema);
      idsByCanonical.putIfAbsent(canonical, version.id());
      maxId = Math.max(maxId, version.id());
    } else if (entry instanceof RemovedVersion removed) {
      TreeMap<Integer, SchemaVersion> all = subjects.get(removed.subject());
      SchemaVersion version = all == null ? null : all.remove(removed.version());
      if (version == null) {
        return;
      }
      if (all.isEmpty()) {
        subjects.remove(removed.subject());
      }
      if (!idInUse(version.id())) {
        schemasById.remove(version.id());
        idsByCanonical.remove(version.schema(), version.id());
      }
    } else if (entry instanceof SubjectCompatibility config) {
      if (config.subject() == null) {
        globalLevel = config.level() == null ? DEFAULT_LEVEL : config.level();
      } else if (config.level() == null) {
        subjectLevels.remove(config.subject());
      } else {
        subjectLevels.put(config.subject(), config.level());
      }
    }
  }

  private boolean idInUse(int id) {
    for (TreeMap<Integer, SchemaVersion> versions : subjects.values()) {
      for (SchemaVersion version : versions.values()) {
        if (version.id() == id) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Parses an Avro schema, validating defaults.
   *
   * @throws RegistryException 42201 if it is not one
   */
  static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw new RegistryException("Empty schema", 42201);
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (RuntimeException e) {
      throw new RegistryException("Invalid schema: " + e.getMessage(), 42201, e);
    }
  }

  /** {@code -1} for the latest version, else the number. */
  private static int parseVersion(String text) {
    if (LATEST.equals(text)) {
      return -1;
    }
    try {
      int version = Integer.parseInt(text);
      if (version == -1 || version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new RegistryException(
        "The specified version '"
            + text
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"",
        42202);
  }
}
