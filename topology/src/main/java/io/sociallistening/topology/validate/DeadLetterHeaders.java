package io.sociallistening.topology.validate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Headers on a dead-letter record: which stage refused it, why, and where it came from. Values are
 * UTF-8 strings.
 */
public final class DeadLetterHeaders {
  public static final String STAGE = "dlq.stage";
  public static final String ERROR = "dlq.error";
  public static final String ERROR_CLASS = "dlq.error.class";

  /** On records over an {@link InputLimits} limit: the limit's configuration key. */
  public static final String LIMIT = "dlq.limit";

  /**
   * On a dead letter whose value was cut to fit a Kafka record ({@link
   * InputLimits#maxDeadLetterBytes()}): the original value's size in bytes. The whole value stays
   * in its origin topic, at the origin offset, for that topic's retention.
   */
  public static final String ORIGINAL_BYTES = "dlq.original.bytes";

  /** On a dead letter whose key was cut to fit: the original key's size in bytes. */
  public static final String ORIGINAL_KEY_BYTES = "dlq.original.key.bytes";

  /**
   * On a dead letter that left the original record's headers out to fit: their size in bytes (names
   * and values).
   */
  public static final String ORIGINAL_HEADERS_BYTES = "dlq.original.headers.bytes";

  public static final String ORIGIN_TOPIC = "dlq.origin.topic";
  public static final String ORIGIN_PARTITION = "dlq.origin.partition";
  public static final String ORIGIN_OFFSET = "dlq.origin.offset";
  public static final String ORIGIN_TIMESTAMP = "dlq.origin.timestamp";

  /**
   * The headers this class writes on a dead letter; {@link #of} leaves one of each, so an original
   * header of the same name (a record that was a dead letter before) is replaced.
   */
  static final Set<String> OWN =
      Set.of(
          STAGE,
          ERROR,
          ERROR_CLASS,
          LIMIT,
          ORIGINAL_BYTES,
          ORIGINAL_KEY_BYTES,
          ORIGINAL_HEADERS_BYTES,
          ORIGIN_TOPIC,
          ORIGIN_PARTITION,
          ORIGIN_OFFSET,
          ORIGIN_TIMESTAMP);

  private DeadLetterHeaders() {}

  /** Copies {@code original} and adds the dead-letter headers. */
  public static Headers of(
      Headers original,
      String stage,
      String errorClass,
      String error,
      RecordMetadata origin,
      long originTimestamp) {
    Headers headers = new RecordHeaders(original.toArray());
    add(headers, STAGE, stage);
    add(headers, ERROR_CLASS, errorClass);
    add(headers, ERROR, error);
    if (origin != null) {
      add(headers, ORIGIN_TOPIC, origin.topic());
      add(headers, ORIGIN_PARTITION, Integer.toString(origin.partition()));
      add(headers, ORIGIN_OFFSET, Long.toString(origin.offset()));
    }
    add(headers, ORIGIN_TIMESTAMP, Long.toString(originTimestamp));
    return headers;
  }

  /**
   * Copies {@code original} and adds the dead-letter headers, with {@value #LIMIT} naming the limit
   * the record exceeds.
   */
  public static Headers overLimit(
      Headers original,
      String stage,
      String limit,
      String error,
      RecordMetadata origin,
      long originTimestamp) {
    Headers headers = of(original, stage, "limit", error, origin, originTimestamp);
    add(headers, LIMIT, limit);
    return headers;
  }

  /** A dead letter's key, value and headers, within a size bound. */
  record Fitted(byte[] key, byte[] value, Headers headers) {}

  /**
   * Fits a dead letter within {@code maxBytes} (key, value, header names and values together). In
   * turn, while it is larger: the original record's headers (every header but the dead-letter ones
   * this class names, {@link #OWN}) are left out when they take over a quarter of the bound, named
   * by {@value #ORIGINAL_HEADERS_BYTES}; the key is cut to a quarter of the bound, named by {@value
   * #ORIGINAL_KEY_BYTES}; the value is cut to what is left, named by {@value #ORIGINAL_BYTES}.
   */
  static Fitted fit(byte[] key, byte[] value, Headers headers, int maxBytes) {
    // the headers a cut adds, with room for their numbers
    int cutHeaders =
        ORIGINAL_BYTES.length()
            + ORIGINAL_KEY_BYTES.length()
            + ORIGINAL_HEADERS_BYTES.length()
            + 36;
    long total = size(key) + size(value) + size(headers) + cutHeaders;
    if (total <= maxBytes) {
      return new Fitted(key, value, headers);
    }
    long originalSize = 0;
    for (Header header : headers) {
      if (!OWN.contains(header.key())) {
        originalSize += size(header);
      }
    }
    if (originalSize > maxBytes / 4) {
      Headers own = new RecordHeaders();
      for (Header header : headers) {
        if (OWN.contains(header.key())) {
          own.add(header);
        }
      }
      headers = own;
      add(headers, ORIGINAL_HEADERS_BYTES, Long.toString(originalSize));
    }
    if (key != null && key.length > maxBytes / 4) {
      add(headers, ORIGINAL_KEY_BYTES, Integer.toString(key.length));
      key = Arrays.copyOf(key, maxBytes / 4);
    }
    long room = maxBytes - size(key) - size(headers) - cutHeaders;
    if (value != null && value.length > room) {
      add(headers, ORIGINAL_BYTES, Integer.toString(value.length));
      value = Arrays.copyOf(value, (int) Math.max(0, room));
    }
    return new Fitted(key, value, headers);
  }

  private static long size(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static long size(Headers headers) {
    long size = 0;
    for (Header header : headers) {
      size += size(header);
    }
    return size;
  }

  private static long size(Header header) {
    return header.key().getBytes(StandardCharsets.UTF_8).length + size(header.value());
  }

  /** Reads a header as a string, or null if absent. */
  public static String get(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void add(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
