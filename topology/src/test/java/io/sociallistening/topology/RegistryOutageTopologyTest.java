package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.topology.validate.SkipUndecodableRecords;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A schema registry that is briefly unreachable does not make good records disappear: the serdes of
 * the re-key topics look writer schemas up by id on first use, and a registry failure there stops
 * the task ({@link SkipUndecodableRecords}, as the instance runs) instead of skipping the record.
 * (The test driver decodes the global rules topic with a handler of its own, so the rules topic is
 * covered by {@code SkipUndecodableRecordsTest}.)
 */
class RegistryOutageTopologyTest {

  /** An in-memory registry whose id lookups of one record type fail while {@code down > 0}. */
  static final class FlakyRegistry implements SchemaRegistry {
    final InMemorySchemaRegistry delegate = new InMemorySchemaRegistry();
    String failFor;
    int down;

    @Override
    public int register(String subject, Schema schema) {
      return delegate.register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      Schema schema = delegate.schemaById(id);
      if (down > 0 && schema.getName().equals(failFor)) {
        down--;
        throw new RegistryException("registry unreachable (simulated)", -1);
      }
      return schema;
    }
  }

  private final FlakyRegistry registry = new FlakyRegistry();
  private final PipelineFixture pipeline = pipeline(registry);

  private static PipelineFixture pipeline(SchemaRegistry registry) {
    Properties props = new Properties();
    // as the instance runs (InstanceConfig#streamsProperties)
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUndecodableRecords.class);
    return new PipelineFixture(PipelineSettings.defaults(), props, registry);
  }

  @AfterEach
  void tearDown() {
    pipeline.close();
  }

  @Test
  void shouldStopInsteadOfSkippingAMentionOnTheByBrandReKeyWhenTheRegistryIsBrieflyUnreachable() {
    pipeline.rule("acme-1", "acme-air", "\"acme air\"");
    registry.failFor = "EnrichedMention";
    registry.down = 1;

    assertThatThrownBy(
            () -> pipeline.send(mention("p1").text("Flying Acme Air today").at(T0).build()))
        .hasRootCauseInstanceOf(RegistryException.class)
        .hasRootCauseMessage("registry unreachable (simulated)");
  }
}
