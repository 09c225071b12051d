package io.sociallistening.serde;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0x00}, the schema id as a 4-byte big-endian int,
 * then the Avro binary encoding of the record.
 */
public final class WireFormat {
  public static final byte MAGIC = 0x0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the 5-byte header into {@code target[0..5)}. */
  public static void writeHeader(byte[] target, int schemaId) {
    target[0] = MAGIC;
    target[1] = (byte) (schemaId >>> 24);
    target[2] = (byte) (schemaId >>> 16);
    target[3] = (byte) (schemaId >>> 8);
    target[4] = (byte) schemaId;
  }

  /**
   * Reads the schema id from a framed payload.
   *
   * @throws SerializationException if the payload is too short or does not start with the magic
   *     byte
   */
  public static int schemaId(byte[] payload) {
    if (payload == null || payload.length < HEADER_SIZE) {
      throw new SerializationException(
          "Not in Confluent wire format: "
              + (payload == null ? "null" : payload.length + " bytes")
              + ", need at least "
              + HEADER_SIZE);
    }
    if (payload[0] != MAGIC) {
      throw new SerializationException(
          "Not in Confluent wire format: unknown magic byte 0x"
              + Integer.toHexString(payload[0] & 0xff));
    }
    return ((payload[1] & 0xff) << 24)
        | ((payload[2] & 0xff) << 16)
        | ((payload[3] & 0xff) << 8)
        | (payload[4] & 0xff);
  }

  /**
   * A decoder over the Avro body of {@code payload} (the bytes after the header), reusing {@code
   * reuse} when it is not null.
   */
  public static BinaryDecoder bodyDecoder(byte[] payload, BinaryDecoder reuse) {
    return DecoderFactory.get()
        .binaryDecoder(payload, HEADER_SIZE, payload.length - HEADER_SIZE, reuse);
  }

  /**
   * Reads one {@code type} record with {@code reader} from {@code decoder}, which must then be at
   * its end.
   *
   * @throws SerializationException naming the type, the topic and the schema id {@code id} when the
   *     body cannot be read or bytes follow the record
   */
  public static <T> T readBody(
      SpecificDatumReader<T> reader, BinaryDecoder decoder, Class<?> type, String topic, int id) {
    try {
      T record = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "Trailing bytes after "
                + type.getSimpleName()
                + " from topic "
                + topic
                + " (schema id "
                + id
                + ")");
      }
      return record;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException(
          "Cannot deserialize "
              + type.getSimpleName()
              + " from topic "
              + topic
              + " with schema id "
              + id
              + ": "
              + e,
          e);
    }
  }
}
