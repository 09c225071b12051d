package io.sociallistening.registry;

import static io.sociallistening.registry.HttpSchemaRegistryClientTest.NEEDS_COUNT;
import static io.sociallistening.registry.HttpSchemaRegistryClientTest.V1;
import static io.sociallistening.registry.HttpSchemaRegistryClientTest.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {

  /** Stores every entry; the next write after {@link #loseNextAcknowledgement} reports failure. */
  private static final class LosingAcknowledgements implements SchemaStore {
    private final InMemorySchemaStore stored = new InMemorySchemaStore();
    private boolean loseNext;

    void loseNextAcknowledgement() {
      loseNext = true;
    }

    @Override
    public List<Entry> readAll() {
      return stored.readAll();
    }

    @Override
    public void write(Entry entry) {
      stored.write(entry);
      if (loseNext) {
        loseNext = false;
        throw new RegistryException("Timed out waiting for the acknowledgement", 50001);
      }
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
    store.write(new SchemaStore.SchemaVersion("a-value", 1, 5, V1.toString(true), false));
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
}
