package io.sociallistening.topology.validate;

import static io.sociallistening.topology.MentionBuilder.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationRegistryErrorsTest {
  private final InMemorySchemaRegistry real = new InMemorySchemaRegistry();
  private final byte[] value =
      AvroSerde.forValues(Mention.class, real).serialize("raw", mention("p1").build());
  private final List<Boolean> validity = new ArrayList<>();

  private TopologyTestDriver driver(int errorCode) {
    SchemaRegistry failing =
        new SchemaRegistry() {
          @Override
          public int register(String subject, Schema schema) {
            return real.register(subject, schema);
          }

          @Override
          public Schema schemaById(int id) {
            throw new RegistryException("HTTP " + errorCode, errorCode);
          }
        };
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("raw", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .process(
            () ->
                new Validation(
                    AvroSerde.forValues(Mention.class, failing), new MentionRules(20_000)))
        .foreach((k, v) -> validity.add(v.isValid()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "registry-errors");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(builder.build(), props);
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 429, 42901, 401, 40101, 403, 40301, 408, 500, 50001, -1})
  void shouldFailRatherThanDeadLetterWhenTheRegistryDoesNotAnswer(int errorCode) {
    try (TopologyTestDriver driver = driver(errorCode)) {
      TestInputTopic<byte[], byte[]> raw =
          driver.createInputTopic("raw", new ByteArraySerializer(), new ByteArraySerializer());

      assertThatThrownBy(() -> raw.pipeInput(new byte[0], value))
          .hasRootCauseInstanceOf(RegistryException.class);
      assertThat(validity).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40401, 40403, 42201})
  void shouldDeadLetterARecordWhoseSchemaIdIsUnknown(int errorCode) {
    try (TopologyTestDriver driver = driver(errorCode)) {
      driver
          .createInputTopic("raw", new ByteArraySerializer(), new ByteArraySerializer())
          .pipeInput(new byte[0], value);

      assertThat(validity).containsExactly(false);
    }
  }
}
