package io.sociallistening.registry;

import static io.sociallistening.registry.HttpSchemaRegistryClientTest.NEEDS_COUNT;
import static io.sociallistening.registry.HttpSchemaRegistryClientTest.V1;
import static io.sociallistening.registry.HttpSchemaRegistryClientTest.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {
  private static final int ROUNDS = 50;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /**
   * One registry's handle on a shared store: once {@link #holdNextWrite held}, its next write waits
   * until the other registry's write is due as well, so that both have decided on the same log.
   */
  private static final class Gated implements SchemaStore {
    private final SchemaStore shared;
    private volatile CountDownLatch gate;

    Gated(SchemaStore shared) {
      this.shared = shared;
    }

    void holdNextWrite(CountDownLatch bothDue) {
      gate = bothDue;
    }

    @Override
    public Log readAll() {
      return shared.readAll();
    }

    @Override
    public long write(Entry entry, long expected) {
      CountDownLatch bothDue = gate;
      gate = null;
      if (bothDue != null) {
        bothDue.countDown();
        try {
          assertThat(bothDue.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return shared.write(entry, expected);
    }

    @Override
    public long end() {
      return shared.end();
    }
  }

  /** One registry's handle on a shared store that runs an action just before a given write. */
  private static final class Interleaved implements SchemaStore {
    private final SchemaStore shared;
    private int writesToGo;
    private Runnable action;

    Interleaved(SchemaStore shared) {
      this.shared = shared;
    }

    /** Runs {@code action} just before the {@code nth} write from now (1: the next). */
    void beforeWrite(int nth, Runnable action) {
      this.writesToGo = nth;
      this.action = action;
    }

    @Override
    public Log readAll() {
      return shared.readAll();
    }

    @Override
    public long write(Entry entry, long expected) {
      if (action != null && --writesToGo == 0) {
        Runnable due = action;
        action = null;
        due.run();
      }
      return shared.write(entry, expected);
    }

    @Override
    public long end() {
      return shared.end();
    }
  }

  /** A registration: {@code schema} under {@code subject}, answered {@code id}. */
  private record Registration(String subject, Schema schema, int id) {}

  /** Two registries over one store, each with its writes held in turn by {@link Gated}. */
  private final class TwoRegistries {
    final InMemorySchemaStore store = new InMemorySchemaStore();
    final Gated firstStore = new Gated(store);
    final Gated secondStore = new Gated(store);
    final SchemaCatalog first = new SchemaCatalog(firstStore);
    final SchemaCatalog second = new SchemaCatalog(secondStore);
    final List<Registration> answered = new ArrayList<>();

    TwoRegistries() {
      first.setGlobalLevel(CompatibilityLevel.NONE);
    }

    /** Registers through both at once, both deciding on the same log; records the answers. */
    void registerAtOnce(
        String firstSubject, Schema firstSchema, String secondSubject, Schema secondSchema)
        throws Exception {
      CountDownLatch bothDue = new CountDownLatch(2);
      firstStore.holdNextWrite(bothDue);
      secondStore.holdNextWrite(bothDue);
      Future<Integer> firstId =
          threads.submit(() -> first.register(firstSubject, firstSchema.toString()));
      Future<Integer> secondId =
          threads.submit(() -> second.register(secondSubject, secondSchema.toString()));
      answered.add(new Registration(firstSubject, firstSchema, firstId.get(20, TimeUnit.SECONDS)));
      answered.add(
          new Registration(secondSubject, secondSchema, secondId.get(20, TimeUnit.SECONDS)));
    }

    /**
     * No id stands for two schemas, in the answers or in any registry (the two, one started
     * afterwards on the store and one started on what compaction may leave of it); each registry
     * finds every registered schema under its id, and no version of a subject is given to two
     * schemas.
     */
    void assertConsistent() {
      Map<Integer, Schema> schemasById = new HashMap<>();
      for (Registration registration : answered) {
        assertThat(schemasById.putIfAbsent(registration.id(), registration.schema()))
            .as("schema of id %d", registration.id())
            .isIn(null, registration.schema());
      }
      SchemaCatalog restarted = new SchemaCatalog(store);
      SchemaCatalog compacted = new SchemaCatalog(compacted(store.readAll()));
      for (SchemaCatalog catalog : List.of(first, second, restarted, compacted)) {
        Map<String, Map<Integer, String>> versions = new LinkedHashMap<>();
        for (Registration registration : answered) {
          SchemaStore.SchemaVersion found =
              catalog.lookup(registration.subject(), registration.schema().toString(), false);
          assertThat(found.id()).isEqualTo(registration.id());
          assertThat(catalog.schemaById(registration.id())).isEqualTo(registration.schema());
          Map<Integer, String> ofSubject =
              versions.computeIfAbsent(registration.subject(), s -> new HashMap<>());
          assertThat(ofSubject.putIfAbsent(found.version(), found.schema()))
              .as("schema of %s version %d", registration.subject(), found.version())
              .isIn(null, found.schema());
        }
        for (Map.Entry<String, Map<Integer, String>> subject : versions.entrySet()) {
          assertThat(catalog.versions(subject.getKey(), false))
              .containsExactlyInAnyOrderElementsOf(subject.getValue().keySet());
        }
      }
    }
  }

  /**
   * A store holding what Kafka's log cleaner may leave of {@code log}: the last record of each key,
   * at its offset, and no tombstones.
   */
  private static SchemaStore compacted(SchemaStore.Log log) {
    Map<String, SchemaStore.Logged> last = new HashMap<>();
    for (SchemaStore.Logged record : log.records()) {
      last.put(record.entry().key(), record);
    }
    List<SchemaStore.Logged> kept = new ArrayList<>();
    for (SchemaStore.Logged record : log.records()) {
      boolean tombstone =
          record.entry() instanceof SchemaStore.RemovedVersion
              || record.entry() instanceof SchemaStore.SubjectCompatibility config
                  && config.level() == null;
      if (last.get(record.entry().key()) == record && !tombstone) {
        kept.add(record);
      }
    }
    SchemaStore.Log left = new SchemaStore.Log(kept, log.end());
    return new SchemaStore() {
      @Override
      public Log readAll() {
        return left;
      }

      @Override
      public long write(Entry entry, long expected) {
        throw new UnsupportedOperationException("read only");
      }

      @Override
      public long end() {
        return left.end();
      }
    };
  }

  private static Schema thing(String name) {
    return SchemaBuilder.record(name).namespace("test").fields().requiredString("id").endRecord();
  }

  @Test
  void shouldGiveSchemasRegisteredAtOnceThroughTwoRegistriesDifferentIds() throws Exception {
    TwoRegistries registries = new TwoRegistries();

    for (int round = 0; round < ROUNDS; round++) {
      registries.registerAtOnce("a-value", thing("A" + round), "b-value", thing("B" + round));
    }

    registries.assertConsistent();
    assertThat(registries.answered.stream().map(Registration::id).distinct()).hasSize(2 * ROUNDS);
  }

  @Test
  void shouldGiveSchemasRegisteredAtOnceUnderOneSubjectDifferentVersions() throws Exception {
    TwoRegistries registries = new TwoRegistries();

    for (int round = 0; round < ROUNDS; round++) {
      registries.registerAtOnce("a-value", thing("A" + round), "a-value", thing("B" + round));
    }

    registries.assertConsistent();
    assertThat(registries.second.versions("a-value", false)).hasSize(2 * ROUNDS);
  }

  @Test
  void shouldGiveOneSchemaRegisteredAtOnceThroughTwoRegistriesOneIdAndOneVersion()
      throws Exception {
    TwoRegistries registries = new TwoRegistries();

    for (int round = 0; round < ROUNDS; round++) {
      Schema schema = thing("A" + round);
      registries.registerAtOnce("a-value", schema, "a-value", schema);
    }

    registries.assertConsistent();
    assertThat(registries.answered.stream().map(Registration::id).distinct()).hasSize(ROUNDS);
    assertThat(registries.first.versions("a-value", false)).hasSize(ROUNDS);
  }

  /** Stores every entry; the next write after {@link #loseNextAcknowledgement} reports failure. */
  private static final class LosingAcknowledgements implements SchemaStore {
    private final InMemorySchemaStore stored = new InMemorySchemaStore();
    private boolean loseNext;

    void loseNextAcknowledgement() {
      loseNext = true;
    }

    @Override
    public Log readAll() {
      return stored.readAll();
    }

    @Override
    public long write(Entry entry, long expected) {
      long offset = stored.write(entry, expected);
      if (loseNext) {
        loseNext = false;
        throw new RegistryException("Timed out waiting for the acknowledgement", 50001);
      }
      return offset;
    }

    @Override
    public long end() {
      return stored.end();
    }
  }

  @Test
  void shouldNotReuseTheIdOfAFailedWriteThatWasStoredAfterAll() {
    LosingAcknowledgements store = new LosingAcknowledgements();
    SchemaCatalog catalog = new SchemaCatalog(store);
    catalog.register("a-value", V1.toString());
    store.loseNextAcknowledgement();

    assertThatThrownBy(() -> catalog.register("b-value", V2.toString()))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
    int next = catalog.register("c-value", NEEDS_COUNT.toString());

    assertThat(next).isEqualTo(3);
    SchemaCatalog restarted = new SchemaCatalog(store);
    assertThat(restarted.schemaById(2)).isEqualTo(V2);
    assertThat(restarted.schemaById(3)).isEqualTo(NEEDS_COUNT);
  }

  @Test
  void shouldNotReuseTheVersionOfAFailedWriteThatWasStoredAfterAll() {
    Schema v3 =
        SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredString("id")
            .optionalString("note")
            .optionalString("lang")
            .endRecord();
    LosingAcknowledgements store = new LosingAcknowledgements();
    SchemaCatalog catalog = new SchemaCatalog(store);
    catalog.register("a-value", V1.toString());
    store.loseNextAcknowledgement();
    assertThatThrownBy(() -> catalog.register("a-value", V2.toString()))
        .isInstanceOf(RegistryException.class);

    assertThat(catalog.register("a-value", v3.toString())).isEqualTo(3);
    assertThat(catalog.register("a-value", V2.toString())).isEqualTo(2);
    assertThat(catalog.versions("a-value", false)).containsExactly(1, 2, 3);
    assertThat(catalog.version("a-value", "2", false).schema()).isEqualTo(V2.toString());
  }

  @Test
  void shouldFindAStoredSchemaWrittenInAnotherLayout() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    store.write(new SchemaStore.SchemaVersion("a-value", 1, 5, V1.toString(true), false), -1);
    SchemaCatalog catalog = new SchemaCatalog(store);

    assertThat(catalog.register("a-value", V1.toString())).isEqualTo(5);
    assertThat(catalog.register("b-value", V1.toString())).isEqualTo(5);
    assertThat(catalog.versions("a-value", false)).containsExactly(1);
    assertThat(catalog.lookup("a-value", V1.toString(), false).id()).isEqualTo(5);
  }

  @Test
  void shouldSeeWhatAnotherRegistryOnTheSameStoreWrote() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    SchemaCatalog first = new SchemaCatalog(store);
    SchemaCatalog second = new SchemaCatalog(store);

    assertThat(first.register("a-value", V1.toString())).isEqualTo(1);
    assertThat(second.register("b-value", V2.toString())).isEqualTo(2);
    assertThat(second.schemaById(1)).isEqualTo(V1);
    assertThat(first.versionsOfId(2, false))
        .containsExactly(new SchemaStore.SchemaVersion("b-value", 1, 2, V2.toString(), false));
    assertThat(first.schemaById(2)).isEqualTo(V2);
    assertThat(first.versions("b-value", false)).containsExactly(1);
    assertThat(first.register("b-value", V2.toString())).isEqualTo(2);
    assertThat(first.subjects(false)).containsExactly("a-value", "b-value");
  }

  @Test
  void shouldSoftDeleteAVersionRegisteredWhileTheSubjectWasBeingDeleted() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    Interleaved deletingStore = new Interleaved(store);
    SchemaCatalog deleting = new SchemaCatalog(deletingStore);
    SchemaCatalog registering = new SchemaCatalog(store);
    deleting.setGlobalLevel(CompatibilityLevel.NONE);
    for (String name : List.of("A", "B", "C")) {
      deleting.register("a-value", thing(name).toString());
    }
    int[] late = new int[1];
    deletingStore.beforeWrite(
        2, () -> late[0] = registering.register("a-value", thing("Late").toString()));

    List<Integer> deleted = deleting.deleteSubject("a-value", false);

    assertThat(late[0]).isEqualTo(4);
    assertThat(deleted).containsExactly(1, 2, 3, 4);
    SchemaCatalog restarted = new SchemaCatalog(store);
    SchemaCatalog compacted = new SchemaCatalog(compacted(store.readAll()));
    for (SchemaCatalog catalog : List.of(deleting, restarted, compacted)) {
      assertThat(catalog.subjects(false)).isEmpty();
      assertThat(catalog.versions("a-value", true)).containsExactly(1, 2, 3, 4);
      assertThat(catalog.version("a-value", "4", true).schema())
          .isEqualTo(thing("Late").toString());
      assertThat(catalog.schemaById(4)).isEqualTo(thing("Late"));
    }
  }
}
