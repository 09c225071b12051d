package io.sociallistening.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.HttpSchemaRegistryClient;
import io.sociallistening.registry.InMemorySchemaStore;
import io.sociallistening.registry.RegisteredSchema;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every top-level record through {@link AvroSerde} and the HTTP registry client. */
class AvroSerdeOverHttpTest {
  private EmbeddedSchemaRegistry registry;

  @BeforeEach
  void start() {
    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, new InMemorySchemaStore());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(Mention.class, Records.mention()),
        Arguments.of(EnrichedMention.class, Records.enrichedMention()),
        Arguments.of(Alert.class, Records.alert()),
        Arguments.of(BrandSentimentWindow.class, Records.brandSentimentWindow()),
        Arguments.of(BrandRule.class, Records.brandRule()));
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void shouldRoundTripThroughTheHttpRegistry(Class<T> type, T record) {
    Map<String, String> config = Map.of("schema.registry.url", registry.url());
    try (SchemaRegistry writerRegistry = SchemaRegistries.fromConfig(config);
        SchemaRegistry readerRegistry = SchemaRegistries.fromConfig(config)) {
      byte[] bytes = AvroSerde.forValues(type, writerRegistry).serialize("things", record);

      T read = AvroSerde.forValues(type, readerRegistry).deserialize("things", bytes);

      assertThat(read).isEqualTo(record);
      assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC);
      assertThat(WireFormat.schemaId(bytes)).isEqualTo(1);
      RegisteredSchema latest = ((HttpSchemaRegistryClient) readerRegistry).latest("things-value");
      assertThat(latest.schema()).isEqualTo(record.getSchema());
      assertThat(latest.version()).isEqualTo(1);
    }
  }
}
