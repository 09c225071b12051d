package io.sociallistening.topology.validate;

import io.sociallistening.registry.RegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deserialization handler of the topics Kafka Streams decodes itself (all but the raw topic,
 * which {@link Validation} reads as bytes): a record that is not what it should be (a JSON value
 * written to the compacted rules topic by hand, a schema id the registry does not know or whose
 * schema is not Avro) is logged and skipped, counted in the dropped-records metric, instead of
 * stopping every instance on every restart. A record that cannot be decoded because the schema
 * registry is unreachable, failing, rate limiting or refusing the credentials is not at fault:
 * skipping it would lose a rule or a mention for good, so the task fails instead and the record is
 * read again once it restarts, as {@link Validation} does on the raw topic.
 */
public final class SkipUndecodableRecords extends LogAndContinueExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SkipUndecodableRecords.class);

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    RegistryException registry = registryFailure(exception);
    if (registry != null && !registry.isRecordAtFault()) {
      LOG.error(
          "Cannot decode a record of {}-{} at offset {}: the schema registry failed ({}); the task"
              + " stops instead of skipping it",
          context.topic(),
          context.partition(),
          context.offset(),
          registry.getMessage());
      return Response.fail();
    }
    return super.handleError(context, record, exception);
  }

  /** The registry failure in the causes of {@code exception}, or null. */
  static RegistryException registryFailure(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof RegistryException registry) {
        return registry;
      }
    }
    return null;
  }
}
