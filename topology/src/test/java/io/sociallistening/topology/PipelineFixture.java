package io.sociallistening.topology;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.ShareOfVoiceWindow;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.validate.InputLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The whole topology on a {@link TopologyTestDriver} with an in-memory registry. */
final class PipelineFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  final PipelineSettings settings;
  final SchemaRegistry registry;
  final RuleBook rules = new RuleBook();
  final TopologyTestDriver driver;
  final AvroSerde<Mention> mentions;
  final TestInputTopic<byte[], byte[]> raw;
  final TestInputTopic<String, BrandRule> ruleTopic;
  final TestOutputTopic<String, EnrichedMention> enriched;
  final TestOutputTopic<String, Alert> alerts;
  final TestOutputTopic<String, BrandSentimentWindow> sentiment1m;
  final TestOutputTopic<String, BrandSentimentWindow> sentiment1h;
  final TestOutputTopic<String, ShareOfVoiceWindow> shareOfVoice1m;
  final TestOutputTopic<String, ShareOfVoiceWindow> shareOfVoice1h;
  final TestOutputTopic<byte[], byte[]> deadLetters;

  PipelineFixture() {
    this(PipelineSettings.defaults());
  }

  PipelineFixture(PipelineSettings settings) {
    this(settings, new Properties());
  }

  /** The topology with {@code streamsProperties} added to the driver's configuration. */
  PipelineFixture(PipelineSettings settings, Properties streamsProperties) {
    this(settings, streamsProperties, new InMemorySchemaRegistry());
  }

  /** The same with {@code registry} as the schema registry of the topology and of the topics. */
  PipelineFixture(
      PipelineSettings settings, Properties streamsProperties, SchemaRegistry registry) {
    this.settings = settings;
    this.registry = registry;
    this.mentions = AvroSerde.forValues(Mention.class, registry);
    Properties props = new Properties();
    props.putAll(streamsProperties);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try {
      props.put(
          StreamsConfig.STATE_DIR_CONFIG,
          java.nio.file.Files.createTempDirectory("pipeline-test").toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    enriched =
        driver.createOutputTopic(
            topics.enriched(),
            new StringDeserializer(),
            AvroSerde.forValues(EnrichedMention.class, registry).deserializer());
    alerts =
        driver.createOutputTopic(
            topics.alerts(),
            new StringDeserializer(),
            AvroSerde.forValues(Alert.class, registry).deserializer());
    sentiment1m =
        driver.createOutputTopic(
            topics.sentiment1m(),
            new StringDeserializer(),
            AvroSerde.forValues(BrandSentimentWindow.class, registry).deserializer());
    sentiment1h =
        driver.createOutputTopic(
            topics.sentiment1h(),
            new StringDeserializer(),
            AvroSerde.forValues(BrandSentimentWindow.class, registry).deserializer());
    shareOfVoice1m =
        driver.createOutputTopic(
            topics.shareOfVoice1m(),
            new StringDeserializer(),
            AvroSerde.forValues(ShareOfVoiceWindow.class, registry).deserializer());
    shareOfVoice1h =
        driver.createOutputTopic(
            topics.shareOfVoice1h(),
            new StringDeserializer(),
            AvroSerde.forValues(ShareOfVoiceWindow.class, registry).deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The default settings with another text length limit and input limits. */
  static PipelineSettings settings(int maxTextLength, InputLimits limits) {
    PipelineSettings d = PipelineSettings.defaults();
    return new PipelineSettings(
        d.topics(),
        maxTextLength,
        d.dedupRetention(),
        d.aggregateGrace(),
        d.crisis(),
        d.crisisGrace(),
        d.leadThresholds(),
        d.leadAuthorCooldown(),
        d.nearDedup(),
        d.idPartitions(),
        limits);
  }

  void rule(String id, String brand, String query) {
    rule(id, brand, query, null);
  }

  void rule(String id, String brand, String query, String competitorOf) {
    ruleTopic.pipeInput(
        id,
        BrandRule.newBuilder()
            .setId(id)
            .setBrand(brand)
            .setQuery(query)
            .setCompetitorOf(competitorOf)
            .setTags(List.of())
            .setEnabled(true)
            .build());
  }

  void deleteRule(String id) {
    ruleTopic.pipeInput(id, null);
  }

  void send(Mention mention) {
    send(mention.getPlatform().name().toLowerCase() + ":" + mention.getId(), mention);
  }

  void send(String key, Mention mention) {
    raw.pipeInput(
        new TestRecord<>(
            key.getBytes(StandardCharsets.UTF_8),
            mentions.serialize(settings.topics().raw(), mention),
            mention.getCreatedAt()));
  }

  void sendBytes(String key, byte[] value, Instant time) {
    raw.pipeInput(new TestRecord<>(key.getBytes(StandardCharsets.UTF_8), value, time));
  }

  private boolean closed;

  /** Closes the driver once; a test that closed it already leaves nothing to do. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      driver.close();
    }
  }
}
