package io.sociallistening.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.InMemorySchemaRegistry;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What {@link AvroSerde} says of a payload it cannot read, so that a dead letter can name it. */
class AvroSerdeErrorsTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
  private final byte[] bytes = serde.serialize("mentions", Records.mention());

  @Test
  void shouldReadBackWhatItWrote() {
    assertThat(serde.deserialize("mentions", bytes)).isEqualTo(Records.mention());
    assertThat(serde.serialize("mentions", null)).isNull();
    assertThat(serde.deserialize("mentions", null)).isNull();
  }

  @Test
  void shouldRefuseBytesAfterTheRecord() {
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

    assertThatThrownBy(() -> serde.deserialize("mentions", longer))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Trailing bytes after Mention from topic mentions (schema id 1)");
  }

  @Test
  void shouldNameTheTopicAndSchemaOfACutRecord() {
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);

    assertThatThrownBy(() -> serde.deserialize("mentions", cut))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot deserialize Mention from topic mentions with schema id 1: ")
        .hasCauseInstanceOf(java.io.EOFException.class);
  }

  @Test
  void shouldRefuseAPayloadWithoutTheWireFormatHeader() {
    byte[] plain = Arrays.copyOfRange(bytes, WireFormat.HEADER_SIZE, bytes.length);

    assertThatThrownBy(() -> serde.deserialize("mentions", plain))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Not in Confluent wire format");
  }
}
