package io.sociallistening.topology.validate;

import java.nio.charset.StandardCharsets;
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
   * Validation#MAX_DEAD_LETTER_BYTES}): the original value's size in bytes. The whole value stays
   * in its origin topic, at the origin offset, for that topic's retention.
   */
  public static final String ORIGINAL_BYTES = "dlq.original.bytes";

  public static final String ORIGIN_TOPIC = "dlq.origin.topic";
  public static final String ORIGIN_PARTITION = "dlq.origin.partition";
  public static final String ORIGIN_OFFSET = "dlq.origin.offset";
  public static final String ORIGIN_TIMESTAMP = "dlq.origin.timestamp";

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

  /** Adds {@value #ORIGINAL_BYTES} to {@code headers}. */
  static Headers cut(Headers headers, int originalBytes) {
    add(headers, ORIGINAL_BYTES, Integer.toString(originalBytes));
    return headers;
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
