package io.sociallistening.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.registry.SchemaStore.SchemaVersion;
import io.sociallistening.registry.SchemaStore.SubjectCompatibility;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The record layout of {@link KafkaSchemaStore}; writing and reading a topic is an IT. */
class KafkaSchemaStoreTest {

  @Test
  void shouldEncodeASchemaVersion() {
    SchemaVersion version = new SchemaVersion("a-value", 2, 7, "\"string\"", false);

    assertThat(KafkaSchemaStore.encodeKey(version))
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":2,\"magic\":1}");
    assertThat(KafkaSchemaStore.encodeValue(version))
        .isEqualTo(
            "{\"subject\":\"a-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\","
                + "\"deleted\":false}");
    assertThat(
            KafkaSchemaStore.decode(
                KafkaSchemaStore.encodeKey(version), KafkaSchemaStore.encodeValue(version)))
        .contains(version);
  }

  @Test
  void shouldEncodeAPermanentlyDeletedVersionAsATombstoneOfItsKey() {
    SchemaStore.RemovedVersion removed = new SchemaStore.RemovedVersion("a-value", 2);

    assertThat(KafkaSchemaStore.encodeKey(removed))
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":2,\"magic\":1}");
    assertThat(KafkaSchemaStore.encodeValue(removed)).isNull();
    assertThat(removed.key()).isEqualTo(new SchemaVersion("a-value", 2, 7, "\"int\"", true).key());
    assertThat(KafkaSchemaStore.decode(KafkaSchemaStore.encodeKey(removed), null))
        .contains(removed);
  }

  @Test
  void shouldEncodeLevelsAndTheirRemovalAsATombstone() {
    SubjectCompatibility global = new SubjectCompatibility(null, CompatibilityLevel.FULL);
    SubjectCompatibility removed = new SubjectCompatibility("a-value", null);

    assertThat(KafkaSchemaStore.encodeKey(global))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(KafkaSchemaStore.encodeValue(global)).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(KafkaSchemaStore.encodeValue(removed)).isNull();
    assertThat(
            KafkaSchemaStore.decode(
                KafkaSchemaStore.encodeKey(global), "{\"compatibilityLevel\":\"FULL\"}"))
        .contains(global);
    assertThat(KafkaSchemaStore.decode(KafkaSchemaStore.encodeKey(removed), null))
        .contains(removed);
  }

  @Test
  void shouldSkipRecordsOfOtherKeyTypes() {
    assertThat(KafkaSchemaStore.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null))
        .isEqualTo(Optional.empty());
  }

  @Test
  void shouldStopOnARecordItCannotDecode() {
    assertThatThrownBy(
            () ->
                KafkaSchemaStore.decode(
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"s\",\"version\":1}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing field id");
  }

  @Test
  void shouldReadTheOffsetARecordWasExpectedAtFromItsHeader() {
    ConsumerRecord<String, String> record = new ConsumerRecord<>("_schemas", 0, 12, "k", "v");
    record.headers().add("expected-offset", "11".getBytes(StandardCharsets.US_ASCII));

    assertThat(KafkaSchemaStore.expectedOffset(record)).isEqualTo(11);
    assertThat(
            new SchemaStore.Logged(
                    new SchemaStore.RemovedVersion("a-value", 1),
                    record.offset(),
                    KafkaSchemaStore.expectedOffset(record))
                .applies())
        .isFalse();
  }

  @Test
  void shouldTakeARecordWithoutTheHeaderAsExpectedAnywhere() {
    ConsumerRecord<String, String> record = new ConsumerRecord<>("_schemas", 0, 12, "k", "v");

    assertThat(KafkaSchemaStore.expectedOffset(record)).isEqualTo(-1);
    assertThat(
            new SchemaStore.Logged(new SchemaStore.RemovedVersion("a-value", 1), 12, -1).applies())
        .isTrue();
  }

  @Test
  void shouldStopOnAnExpectedOffsetThatIsNotANumber() {
    ConsumerRecord<String, String> record = new ConsumerRecord<>("_schemas", 0, 12, "k", "v");
    record.headers().add("expected-offset", "twelve".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> KafkaSchemaStore.expectedOffset(record))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot decode schema store record at offset 12: header expected-offset is not a"
                + " number: twelve");
  }
}
