package io.sociallistening.topology.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A first copy remembered by {@link NearDuplicateIndex}.
 *
 * @param scope the scope it is matched in (a brand in the topology, empty in the command)
 * @param key key of the first copy
 * @param text its normal form's text
 * @param truncated whether its raw text was truncated
 * @param timestamp its record time (epoch ms)
 * @param copies copies seen so far, this first one included
 * @param sequence the order in which the index remembered it (0 for the first); -1 when not known
 *     (read from the format before it was stored)
 */
public record Original(
    String scope,
    String key,
    String text,
    boolean truncated,
    long timestamp,
    int copies,
    long sequence) {

  /** Format of {@link #toBytes()}: its first byte. */
  private static final byte VERSION = 1;

  /** The normal form this was made from. */
  NormalForm normalForm() {
    return text.isEmpty()
        ? new NormalForm("", new String[0], truncated)
        : new NormalForm(text, text.split(" "), truncated);
  }

  /**
   * Bytes for a store: the version byte 1, timestamp (8), copies (4), truncated (1), sequence (8),
   * then scope, key and text, each as a 4-byte length and UTF-8. The format before it had no
   * version byte and no sequence and started with the timestamp, whose first byte is 0 for every
   * timestamp from 1970 to the year 2,285,000 (below 2^56 ms); {@link #fromBytes} reads both.
   */
  public byte[] toBytes() {
    byte[] s = scope.getBytes(StandardCharsets.UTF_8);
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 8 + 4 + 1 + 8 + 12 + s.length + k.length + t.length)
        .put(VERSION)
        .putLong(timestamp)
        .putInt(copies)
        .put((byte) (truncated ? 1 : 0))
        .putLong(sequence)
        .putInt(s.length)
        .put(s)
        .putInt(k.length)
        .put(k)
        .putInt(t.length)
        .put(t)
        .array();
  }

  /** The inverse of {@link #toBytes()}. */
  public static Original fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    boolean versioned = bytes[0] == VERSION;
    if (versioned) {
      in.get();
    }
    long timestamp = in.getLong();
    int copies = in.getInt();
    boolean truncated = in.get() != 0;
    long sequence = versioned ? in.getLong() : -1;
    String scope = string(in);
    String key = string(in);
    String text = string(in);
    return new Original(scope, key, text, truncated, timestamp, copies, sequence);
  }

  private static String string(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  Original withCopies(int value) {
    return new Original(scope, key, text, truncated, timestamp, value, sequence);
  }

  Original withSequence(long value) {
    return new Original(scope, key, text, truncated, timestamp, copies, value);
  }
}
