package io.sociallistening.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.InMemorySchemaStore;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readers and writers of different {@code Mention} versions meet through the registry: an "old"
 * Mention without the optional {@code source} field, the current one, and a "new" one whose {@code
 * Platform} has a symbol the current code does not know.
 */
class SchemaEvolutionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBJECT = "mentions-value";

  private EmbeddedSchemaRegistry registry;
  private SchemaRegistry client;

  @BeforeEach
  void start() {
    // toOld writes with Avro's own SpecificDatumWriter, before any serde of the test trusts the
    // generated classes: alone, the test failed with "Forbidden io.sociallistening.avro.Mention"
    AvroTrust.install();
    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, new InMemorySchemaStore());
    client = SchemaRegistries.fromConfig(Map.of("schema.registry.url", registry.url()));
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void shouldLetAnOldReaderReadANewWriter() throws IOException {
    Schema old = withoutField(Mention.getClassSchema(), "source");
    client.register(SUBJECT, old);
    byte[] bytes =
        AvroSerde.forValues(Mention.class, client).serialize("mentions", Records.mention());

    Schema writer = client.schemaById(WireFormat.schemaId(bytes));
    GenericRecord read =
        new GenericDatumReader<GenericRecord>(writer, old)
            .read(
                null,
                DecoderFactory.get()
                    .binaryDecoder(
                        bytes,
                        WireFormat.HEADER_SIZE,
                        bytes.length - WireFormat.HEADER_SIZE,
                        null));

    assertThat(WireFormat.schemaId(bytes)).isEqualTo(2);
    assertThat(read.getSchema().getField("source")).isNull();
    assertThat(read.get("text").toString())
        .isEqualTo("Loving the new Acme phone, battery lasts forever");
    assertThat(read.get("createdAt")).isEqualTo(Records.T0.toEpochMilli());
    assertThat(((GenericRecord) read.get("author")).get("handle").toString())
        .isEqualTo("alice.bsky.social");
  }

  @Test
  void shouldLetTheCurrentReaderReadAnOldWriter() throws IOException {
    Schema old = withoutField(Mention.getClassSchema(), "source");
    int oldId = client.register(SUBJECT, old);
    Mention current = Records.mention();
    GenericRecord oldRecord = toOld(current, old);

    Mention read =
        AvroSerde.forValues(Mention.class, client)
            .deserialize("mentions", frame(oldId, old, oldRecord));

    Mention expected = Mention.newBuilder(current).setSource(null).build();
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void shouldReadAnUnknownNewerPlatformAsUnknown() throws IOException {
    Schema newer = withPlatformSymbol(Mention.getClassSchema(), "THREADS");
    int newerId = client.register(SUBJECT, newer);
    GenericRecord written = toOld(Records.mention(), newer);
    written.put(
        "platform", new GenericData.EnumSymbol(newer.getField("platform").schema(), "THREADS"));

    Mention read =
        AvroSerde.forValues(Mention.class, client)
            .deserialize("mentions", frame(newerId, newer, written));

    assertThat(read.getPlatform()).isEqualTo(Platform.UNKNOWN);
    assertThat(read.getId()).isEqualTo("3kx2");
  }

  @Test
  void shouldRegisterTheCurrentSchemaAfterTheOldOneUnderBackwardCompatibility() {
    client.register(SUBJECT, withoutField(Mention.getClassSchema(), "source"));

    assertThat(client.register(SUBJECT, Mention.getClassSchema())).isEqualTo(2);
  }

  @Test
  void shouldRefuseARequiredFieldWithoutDefault() throws IOException {
    client.register(SUBJECT, Mention.getClassSchema());
    ObjectNode json = (ObjectNode) JSON.readTree(Mention.getClassSchema().toString());
    ((ArrayNode) json.get("fields"))
        .addObject()
        .put("name", "region")
        .put("type", "string")
        .put("doc", "Region, required and without default: breaks old data.");
    Schema breaking = new Schema.Parser().parse(json.toString());

    assertThatThrownBy(() -> client.register(SUBJECT, breaking))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
  }

  private static Schema withoutField(Schema schema, String field) {
    ObjectNode json = tree(schema);
    Iterator<JsonNode> fields = json.get("fields").elements();
    while (fields.hasNext()) {
      if (fields.next().get("name").asText().equals(field)) {
        fields.remove();
      }
    }
    return new Schema.Parser().parse(json.toString());
  }

  private static Schema withPlatformSymbol(Schema schema, String symbol) {
    ObjectNode json = tree(schema);
    for (JsonNode field : json.get("fields")) {
      if (field.get("name").asText().equals("platform")) {
        ((ArrayNode) field.get("type").get("symbols")).add(symbol);
      }
    }
    return new Schema.Parser().parse(json.toString());
  }

  private static ObjectNode tree(Schema schema) {
    try {
      return (ObjectNode) JSON.readTree(schema.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code mention} as a generic record of {@code schema}, field by field through Avro's data. */
  private static GenericRecord toOld(Mention mention, Schema schema) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.specific.SpecificDatumWriter<Mention>(Mention.getClassSchema())
        .write(mention, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(Mention.getClassSchema(), schema)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = new byte[WireFormat.HEADER_SIZE];
    WireFormat.writeHeader(header, id);
    out.write(header);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
