package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.Mention;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.validate.SkipUndecodableRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A schema registry that is briefly unreachable does not make good records disappear: the serdes of
 * the rules topic and of the re-key topics look writer schemas up by id on first use, and a
 * registry failure there stops the task ({@link SkipUndecodableRecords}, as the instance runs)
 * instead of skipping the record. (The test driver decodes the global rules topic with a handler of
 * its own, so the rules topic is covered by {@code SkipUndecodableRecordsTest}.)
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
  private final RuleBook rules = new RuleBook();
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> raw;
  private TestInputTopic<String, BrandRule> ruleTopic;
  private final AvroSerde<Mention> mentions = AvroSerde.forValues(Mention.class, registry);

  @BeforeEach
  void setUp() throws Exception {
    PipelineSettings settings = PipelineSettings.defaults();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "registry-outage-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("outage-test").toString());
    // as the instance runs (InstanceConfig#streamsProperties)
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUndecodableRecords.class);
    driver =
        new TopologyTestDriver(
            SocialListeningTopology.build(
                settings, registry, rules, Scorers.loadDefault(settings.leadThreshold())),
            props,
            T0);
    Topics topics = settings.topics();
    raw =
        driver.createInputTopic(topics.raw(), new ByteArraySerializer(), new ByteArraySerializer());
    ruleTopic =
        driver.createInputTopic(
            topics.rules(),
            new StringSerializer(),
            AvroSerde.forValues(BrandRule.class, registry).serializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void rule(String id, String brand, String query) {
    ruleTopic.pipeInput(
        id,
        BrandRule.newBuilder()
            .setId(id)
            .setBrand(brand)
            .setQuery(query)
            .setCompetitorOf(null)
            .setTags(List.of())
            .setEnabled(true)
            .build());
  }

  private void send(Mention mention) {
    raw.pipeInput(
        new TestRecord<>(
            ("bluesky:" + mention.getId()).getBytes(StandardCharsets.UTF_8),
            mentions.serialize("social.mentions.raw", mention),
            mention.getCreatedAt()));
  }

  @Test
  void shouldStopInsteadOfSkippingAMentionOnTheByBrandReKeyWhenTheRegistryIsBrieflyUnreachable() {
    rule("acme-1", "acme-air", "\"acme air\"");
    registry.failFor = "EnrichedMention";
    registry.down = 1;

    assertThatThrownBy(() -> send(mention("p1").text("Flying Acme Air today").at(T0).build()))
        .hasRootCauseInstanceOf(RegistryException.class);
  }
}
