package io.sociallistening.topology;

import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroTrust;
import io.sociallistening.serde.Lookups;
import io.sociallistening.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
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
 * The Confluent-format Avro serde of the hot path: the same bytes as {@code AvroSerde} (schema
 * registered under {@code <topic>-value}, 5-byte header, Avro binary; reads resolve the writer
 * schema by id), with an encoder, output buffer and decoder kept per stream thread instead of
 * allocated per record.
 *
 * <p>Built with {@link #forForwardedValues}, it also remembers, per thread, the last record it
 * wrote and the bytes it wrote for it: a mention written to the enriched topic and then re-keyed to
 * each of its brands is encoded once, not once per topic and brand. Such a record must not be
 * changed after it was forwarded (Kafka Streams' own rule for values); a changed copy is a new
 * object and is encoded again. Values changed in place, such as aggregates, use {@link #forValues}.
 */
public final class ThreadLocalAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final Schema schema;
  private final SchemaRegistry registry;
  private final SpecificDatumWriter<T> writer;
  private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, SpecificDatumReader<T>> readersById =
      new ConcurrentHashMap<>();
  private final ThreadLocal<Codec> codecs = ThreadLocal.withInitial(Codec::new);
  private final boolean reuseLast;

  /** One thread's reusable encoder, buffer and decoder, and the last record it wrote. */
  private static final class Codec {
    final Buffer out = new Buffer();
    BinaryEncoder encoder;
    BinaryDecoder decoder;
    Object lastRecord;
    int lastId;
    byte[] lastBytes;
  }

  /** A byte buffer whose content is copied out once per record. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1024);
    }

    byte[] copy() {
      return Arrays.copyOf(buf, count);
    }
  }

  private ThreadLocalAvroSerde(Class<T> type, SchemaRegistry registry, boolean reuseLast) {
    AvroTrust.install();
    this.reuseLast = reuseLast;
    this.type = type;
    this.registry = registry;
    this.schema = SpecificData.get().getSchema(type);
    this.writer = new SpecificDatumWriter<>(schema);
  }

  /** A value serde for {@code type} using {@code registry}; every record is encoded. */
  public static <T extends SpecificRecord> ThreadLocalAvroSerde<T> forValues(
      Class<T> type, SchemaRegistry registry) {
    return new ThreadLocalAvroSerde<>(type, registry, false);
  }

  /**
   * A value serde for records that are never changed once forwarded: the same record written again
   * in a row on one thread is not encoded again.
   */
  public static <T extends SpecificRecord> ThreadLocalAvroSerde<T> forForwardedValues(
      Class<T> type, SchemaRegistry registry) {
    return new ThreadLocalAvroSerde<>(type, registry, true);
  }

  /** Encodes {@code record} for {@code topic}; null stays null. */
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int id = Lookups.cached(idsByTopic, topic, t -> registry.register(t + "-value", schema));
    Codec codec = codecs.get();
    if (reuseLast && codec.lastRecord == record && codec.lastId == id) {
      return codec.lastBytes;
    }
    try {
      codec.out.reset();
      codec.out.write(WireFormat.MAGIC);
      codec.out.write(id >>> 24);
      codec.out.write(id >>> 16);
      codec.out.write(id >>> 8);
      codec.out.write(id);
      codec.encoder = EncoderFactory.get().binaryEncoder(codec.out, codec.encoder);
      writer.write(record, codec.encoder);
      codec.encoder.flush();
    } catch (IOException | RuntimeException e) {
      codec.lastRecord = null;
      throw new SerializationException(
          "Cannot serialize " + type.getSimpleName() + " for topic " + topic + ": " + e, e);
    }
    byte[] bytes = codec.out.copy();
    codec.lastRecord = record;
    codec.lastId = id;
    codec.lastBytes = bytes;
    return bytes;
  }

  /** Decodes a wire-format payload; null stays null. */
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    int id = WireFormat.schemaId(payload);
    SpecificDatumReader<T> reader =
        Lookups.cached(
            readersById, id, i -> new SpecificDatumReader<>(registry.schemaById(i), schema));
    Codec codec = codecs.get();
    codec.decoder = WireFormat.bodyDecoder(payload, codec.decoder);
    return WireFormat.readBody(reader, codec.decoder, type, topic, id);
  }

  @Override
  public Serializer<T> serializer() {
    return this::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this::deserialize;
  }
}
