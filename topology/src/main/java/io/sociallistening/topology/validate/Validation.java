package io.sociallistening.topology.validate;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.serde.AvroSerde;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, validate and normalise.
 *
 * <p>Input: raw topic, key and value as bytes (so that undecodable records are caught here rather
 * than failing the consumer). Output: {@link Validated}; accepted mentions carry record time =
 * {@code createdAt}, or the fetch time when that is earlier ({@link MentionRules#recordTime});
 * rejected records keep their original key and value bytes and gain {@link DeadLetterHeaders}; they
 * are timed when they are dead-lettered (the processing clock), their original record time kept in
 * the {@value DeadLetterHeaders#ORIGIN_TIMESTAMP} header, so that a record refused for its date
 * (posted before 2000, which the connectors also give as its record time) is not past the
 * dead-letter topic's retention, and deleted, as soon as it is written. A value over {@link
 * InputLimits#maxRecordBytes()} is refused before decoding; a mention with a field over its {@link
 * InputLimits} limit after decoding; both carry a {@value DeadLetterHeaders#LIMIT} header naming
 * the limit. A dead letter is kept within {@link InputLimits#maxDeadLetterBytes()} (key, value and
 * headers together; seven eighths of the producer's {@code max.request.size}), so that it can be
 * written at all: a larger one loses the original headers first (when they take over a quarter of
 * the bound), then the key's bytes beyond a quarter of the bound, then the value's beyond what is
 * left, each cut named by a header ({@link DeadLetterHeaders#cut}). A schema id the registry does
 * not know, or whose schema is not Avro, is the record's fault (dead letter); any other registry
 * error (unreachable, 5xx, rate limited, refused credentials) is not: it propagates (the task fails
 * and retries after restart) instead of dead-lettering good records. State: none. Time: sets record
 * time from the mention.
 */
public final class Validation implements Processor<byte[], byte[], byte[], Validated> {
  public static final String STAGE = "validate";

  private static final Logger LOG = LoggerFactory.getLogger(Validation.class);

  private final AvroSerde<Mention> serde;
  private final MentionRules rules;
  private ProcessorContext<byte[], Validated> context;

  public Validation(AvroSerde<Mention> serde, MentionRules rules) {
    this.serde = serde;
    this.rules = rules;
  }

  @Override
  public void init(ProcessorContext<byte[], Validated> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    String topic = origin == null ? "" : origin.topic();
    int maxBytes = rules.limits().maxRecordBytes();
    if (record.value() != null && record.value().length > maxBytes) {
      rejectOverLimit(
          record,
          origin,
          InputLimits.RECORD_BYTES,
          "record has "
              + record.value().length
              + " bytes, limit "
              + maxBytes
              + " ("
              + InputLimits.RECORD_BYTES
              + ")");
      return;
    }
    Mention mention;
    try {
      mention = serde.deserialize(topic, record.value());
    } catch (RegistryException e) {
      if (!e.isRecordAtFault()) {
        // unreachable, failing, rate limiting or refusing our credentials: not the record's
        // fault, so it is not dead-lettered (the task fails and the record is retried)
        throw e;
      }
      reject(record, origin, e.getClass().getName(), "undecodable: " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      reject(record, origin, e.getClass().getName(), "undecodable: " + e.getMessage());
      return;
    }
    if (mention == null) {
      reject(record, origin, "null", "tombstone (null value) on the raw topic");
      return;
    }
    MentionRules.Problem problem = rules.check(rules.normalize(mention));
    if (problem != null && problem.limit() != null) {
      rejectOverLimit(record, origin, problem.limit(), problem.message());
      return;
    }
    if (problem != null) {
      reject(record, origin, "invalid", problem.message());
      return;
    }
    context.forward(
        record
            .withValue(Validated.accepted(mention))
            .withTimestamp(MentionRules.recordTime(mention, record.timestamp())));
  }

  private void rejectOverLimit(
      Record<byte[], byte[]> record, RecordMetadata origin, String limit, String error) {
    Headers headers =
        DeadLetterHeaders.overLimit(
            record.headers(), STAGE, limit, error, origin, record.timestamp());
    deadLetter(record, record.value(), headers, origin, error);
  }

  private void reject(
      Record<byte[], byte[]> record, RecordMetadata origin, String errorClass, String error) {
    deadLetter(
        record,
        record.value(),
        DeadLetterHeaders.of(
            record.headers(), STAGE, errorClass, error, origin, record.timestamp()),
        origin,
        error);
  }

  /** Forwards {@code value} as the dead letter of {@code record}, timed now, cut to fit. */
  private void deadLetter(
      Record<byte[], byte[]> record,
      byte[] value,
      Headers headers,
      RecordMetadata origin,
      String error) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Dead letter from {}: {}", origin, error);
    }
    DeadLetterHeaders.Fitted fitted =
        DeadLetterHeaders.fit(record.key(), value, headers, rules.limits().maxDeadLetterBytes());
    context.forward(
        record
            .withKey(fitted.key())
            .withValue(Validated.rejected(fitted.key(), fitted.value()))
            .withTimestamp(context.currentSystemTimeMs())
            .withHeaders(fitted.headers()));
  }
}
