package io.sociallistening.topology.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.registry.RegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class SkipUndecodableRecordsTest {
  private final SkipUndecodableRecords handler = new SkipUndecodableRecords();
  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>("social.rules", 0, 7L, new byte[] {1}, new byte[] {0, 0, 0, 0, 9});

  private static final ErrorHandlerContext CONTEXT =
      new ErrorHandlerContext() {
        @Override
        public String topic() {
          return "social.rules";
        }

        @Override
        public int partition() {
          return 0;
        }

        @Override
        public long offset() {
          return 7L;
        }

        @Override
        public Headers headers() {
          return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
          return "rules-source";
        }

        @Override
        public TaskId taskId() {
          return new TaskId(-1, -1);
        }

        @Override
        public long timestamp() {
          return 0L;
        }

        @Override
        public byte[] sourceRawKey() {
          return new byte[] {1};
        }

        @Override
        public byte[] sourceRawValue() {
          return new byte[] {0, 0, 0, 0, 9};
        }
      };

  private Result handle(Exception e) {
    return handler.handleError(CONTEXT, record, e).result();
  }

  @Test
  void shouldStopWhenTheRegistryCannotBeReachedOrRefusesTheCall() {
    assertThat(handle(new RegistryException("connect timed out", -1))).isEqualTo(Result.FAIL);
    assertThat(handle(new RegistryException("Service Unavailable", 503))).isEqualTo(Result.FAIL);
    assertThat(handle(new RegistryException("Unauthorized", 40101))).isEqualTo(Result.FAIL);
    // a bare 404 is a wrong URL, not an unknown schema
    assertThat(handle(new RegistryException("Not Found", 404))).isEqualTo(Result.FAIL);
    // wrapped, as a deserializer may throw it
    assertThat(
            handle(
                new SerializationException(
                    "cannot decode", new RegistryException("Too Many Requests", 429))))
        .isEqualTo(Result.FAIL);
  }

  @Test
  void shouldSkipARecordThatIsNotWhatItShouldBe() {
    // a schema id the registry does not know is the record's fault
    assertThat(handle(new RegistryException("Schema 9 not found", 40403))).isEqualTo(Result.RESUME);
    // as is an id whose schema is not Avro
    assertThat(handle(new RegistryException("schema id 9 is a PROTOBUF schema, not Avro", 42201)))
        .isEqualTo(Result.RESUME);
    assertThat(handle(new SerializationException("Unknown magic byte"))).isEqualTo(Result.RESUME);
  }
}
