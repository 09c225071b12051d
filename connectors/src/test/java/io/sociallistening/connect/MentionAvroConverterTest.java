package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.serde.WireFormat;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class MentionAvroConverterTest {
  private static final String TOPIC = "social.mentions.raw";
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final MentionAvroConverter converter = new MentionAvroConverter(registry);

  @Test
  void shouldRoundTripAStructThroughConfluentWireFormat() {
    converter.configure(Map.of(), false);
    Mention m = Fixtures.full().build();

    byte[] bytes =
        converter.fromConnectData(TOPIC, MentionStruct.SCHEMA, MentionStruct.toStruct(m));
    SchemaAndValue back = converter.toConnectData(TOPIC, bytes);

    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC);
    assertThat(WireFormat.schemaId(bytes)).isEqualTo(1);
    assertThat(registry.schemaById(1)).isEqualTo(Mention.getClassSchema());
    assertThat(back.schema()).isEqualTo(MentionStruct.SCHEMA);
    assertThat(MentionStruct.fromStruct((Struct) back.value())).isEqualTo(m);
  }

  @Test
  void shouldWriteWhatTheProjectSerdeReads() {
    Mention m = Fixtures.minimal().build();

    byte[] bytes =
        converter.fromConnectData(TOPIC, MentionStruct.SCHEMA, MentionStruct.toStruct(m));

    assertThat(AvroSerde.forValues(Mention.class, registry).deserialize(TOPIC, bytes)).isEqualTo(m);
  }

  @Test
  void shouldConvertNullToNull() {
    assertThat(converter.fromConnectData(TOPIC, MentionStruct.SCHEMA, null)).isNull();
    assertThat(converter.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
  }

  @Test
  void shouldRefuseToConvertKeys() {
    assertThatThrownBy(() -> converter.configure(Map.of(), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key.converter")
        .hasMessageContaining("StringConverter");
  }

  @Test
  void shouldRefuseAValueThatIsNotAStruct() {
    assertThatThrownBy(() -> converter.fromConnectData(TOPIC, null, "text"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "MentionAvroConverter expects a io.sociallistening.avro.Mention Struct, got class"
                + " java.lang.String");
  }

  @Test
  void shouldReportBytesThatAreNotWireFormat() {
    assertThatThrownBy(() -> converter.toConnectData(TOPIC, new byte[] {1, 2}))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("Cannot read a Mention from topic social.mentions.raw: ");
  }
}
