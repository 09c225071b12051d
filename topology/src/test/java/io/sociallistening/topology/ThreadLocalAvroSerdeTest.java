package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ThreadLocalAvroSerdeTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final ThreadLocalAvroSerde<Mention> serde =
      ThreadLocalAvroSerde.forValues(Mention.class, registry);
  private final AvroSerde<Mention> reference = AvroSerde.forValues(Mention.class, registry);

  @Test
  void shouldWriteTheSameBytesAsTheRegistrySerde() {
    Mention post = mention("p1").text("Nimbus X2 battery is great").at(T0).build();

    byte[] bytes = serde.serialize("social.mentions.enriched", post);

    assertThat(bytes).isEqualTo(reference.serialize("social.mentions.enriched", post));
    assertThat(reference.deserialize("social.mentions.enriched", bytes)).isEqualTo(post);
    assertThat(serde.deserialize("social.mentions.enriched", bytes)).isEqualTo(post);
    assertThat(registry.schemaById(1)).isEqualTo(Mention.getClassSchema());
  }

  @Test
  void shouldEncodeARecordWrittenTwiceInARowOnce() {
    ThreadLocalAvroSerde<Mention> serde =
        ThreadLocalAvroSerde.forForwardedValues(Mention.class, registry);
    Mention post = mention("p1").text("Nimbus X2 battery is great").at(T0).build();
    Mention other = mention("p2").text("Acme Air lost my bag").at(T0).build();

    byte[] first = serde.serialize("mentions-by-brand", post);
    byte[] again = serde.serialize("mentions-by-brand", post);
    byte[] next = serde.serialize("mentions-by-brand", other);

    assertThat(again).isSameAs(first);
    assertThat(next).isNotSameAs(first);
    assertThat(serde.deserialize("mentions-by-brand", next).getId()).isEqualTo("p2");
    assertThat(serde.deserialize("mentions-by-brand", first).getId()).isEqualTo("p1");
  }

  @Test
  void shouldEncodeARecordChangedInPlaceAgain() {
    Mention post = mention("p1").text("Nimbus X2 battery is great").at(T0).build();

    byte[] first = serde.serialize("brand-sentiment-1m", post);
    post.setText("Nimbus X2 battery is bad");
    byte[] again = serde.serialize("brand-sentiment-1m", post);

    assertThat(serde.deserialize("brand-sentiment-1m", first).getText())
        .isEqualTo("Nimbus X2 battery is great");
    assertThat(serde.deserialize("brand-sentiment-1m", again).getText())
        .isEqualTo("Nimbus X2 battery is bad");
  }

  @Test
  void shouldKeepNullsAndRefuseTrailingBytes() {
    Mention post = mention("p1").text("Nimbus").at(T0).build();
    byte[] bytes = serde.serialize("t", post);
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);

    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
    assertThatThrownBy(() -> serde.deserialize("t", longer))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Trailing bytes after Mention from topic t (schema id 1)");
  }
}
