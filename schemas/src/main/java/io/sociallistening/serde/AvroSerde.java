package io.sociallistening.serde;

import io.sociallistening.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for a generated Avro record in the Confluent wire format. Writes register the record's
 * schema under {@code <topic>-value} (or {@code <topic>-key}) and cache the id; reads look up the
 * writer schema by id and resolve it against the record's own schema, so old and new writers are
 * both read.
 *
 * <p>Null is written as null (a tombstone) and read back as null.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final Schema readerSchema;
  private final SchemaRegistry registry;
  private final boolean isKey;
  private final ConcurrentMap<String, Integer> idsBySubject = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, SpecificDatumReader<T>> readersById =
      new ConcurrentHashMap<>();
  private final SpecificDatumWriter<T> writer;

  private AvroSerde(Class<T> type, SchemaRegistry registry, boolean isKey) {
    AvroTrust.install();
    this.type = Objects.requireNonNull(type, "type");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.isKey = isKey;
    this.readerSchema = SpecificData.get().getSchema(type);
    this.writer = new SpecificDatumWriter<>(readerSchema);
  }

  /** A value serde for {@code type} using {@code registry}. */
  public static <T extends SpecificRecord> AvroSerde<T> forValues(
      Class<T> type, SchemaRegistry registry) {
    return new AvroSerde<>(type, registry, false);
  }

  /** A key serde for {@code type} using {@code registry}. */
  public static <T extends SpecificRecord> AvroSerde<T> forKeys(
      Class<T> type, SchemaRegistry registry) {
    return new AvroSerde<>(type, registry, true);
  }

  public Class<T> type() {
    return type;
  }

  /** The subject a topic's records are registered under. */
  public String subject(String topic) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** Encodes {@code record} for {@code topic}; null stays null. */
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int id = Lookups.cached(idsBySubject, subject(topic), s -> registry.register(s, readerSchema));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      byte[] header = new byte[WireFormat.HEADER_SIZE];
      WireFormat.writeHeader(header, id);
      out.write(header);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot serialize " + type.getSimpleName() + " for topic " + topic + ": " + e, e);
    }
  }

  /** Decodes a wire-format payload; null stays null. */
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    int id = WireFormat.schemaId(payload);
    SpecificDatumReader<T> reader = Lookups.cached(readersById, id, this::readerFor);
    return WireFormat.readBody(reader, WireFormat.bodyDecoder(payload, null), type, topic, id);
  }

  private SpecificDatumReader<T> readerFor(int id) {
    Schema writerSchema = registry.schemaById(id);
    return new SpecificDatumReader<>(writerSchema, readerSchema);
  }

  @Override
  public Serializer<T> serializer() {
    return this::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this::deserialize;
  }

  @Override
  public void close() {}
}
