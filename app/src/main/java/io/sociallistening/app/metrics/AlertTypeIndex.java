package io.sociallistening.app.metrics;

/**
 * Reads the {@code type} of an Avro {@code Alert} in the Confluent wire format without decoding the
 * record: after the magic byte and the 4-byte schema id come the {@code id} string (zig-zag varint
 * length, then bytes) and the {@code type} enum (zig-zag varint index). Our alert schema has kept
 * these two fields first since its first version.
 */
final class AlertTypeIndex {
  private AlertTypeIndex() {}

  /** The enum index of the alert's type, or -1 when {@code value} is not such a record. */
  static int of(byte[] value) {
    if (value == null || value.length < 7 || value[0] != 0) {
      return -1;
    }
    int[] position = {5};
    long idLength = readLong(value, position);
    if (idLength < 0 || position[0] + idLength >= value.length) {
      return -1;
    }
    position[0] += (int) idLength;
    long index = readLong(value, position);
    return index < 0 || index > Integer.MAX_VALUE ? -1 : (int) index;
  }

  private static long readLong(byte[] bytes, int[] position) {
    long raw = 0;
    int shift = 0;
    while (position[0] < bytes.length && shift < 64) {
      int b = bytes[position[0]++] & 0xff;
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
      shift += 7;
    }
    return -1;
  }
}
