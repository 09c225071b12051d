package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.crisis.CrisisAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

/**
 * {@link CrisisAlerts} in a task of its own, as it runs in the pipeline (behind the re-key by
 * brand): its stream time comes from its own input only, so a bucket closes when a mention moves
 * that time, not before the mention reaches it as in the single task of the whole topology.
 */
class CrisisAlertsTaskTest {
  private static final PipelineSettings SETTINGS = PipelineSettings.defaults();
  private static final Instant AFTER_GAP = T0.plus(Duration.ofDays(2)).plusSeconds(10);

  @Test
  void shouldTakeAMentionWithinTheGraceAfterAGapOfDays() {
    // after a gap of more than a day the brand's closed buckets jumped to its first open one,
    // which can start after stream time minus the grace: a mention 15 s behind stream time,
    // well within the 60 s grace, was counted late and left out of the crisis buckets
    List<EnrichedMention> enriched = enriched();
    try (TopologyTestDriver driver = crisisOnly()) {
      TestInputTopic<String, EnrichedMention> in = input(driver);
      mentionAfterAGap(in, enriched);

      in.pipeInput("nimbus", enriched.get(2), AFTER_GAP.minusSeconds(15));

      assertThat(late(driver)).isZero();
    }
  }

  @Test
  void shouldStillCountAMentionLaterThanTheGraceAfterAGapOfDays() {
    List<EnrichedMention> enriched = enriched();
    try (TopologyTestDriver driver = crisisOnly()) {
      TestInputTopic<String, EnrichedMention> in = input(driver);
      mentionAfterAGap(in, enriched);
      in.pipeInput("nimbus", enriched.get(1), AFTER_GAP.plusSeconds(300));

      in.pipeInput("nimbus", enriched.get(2), AFTER_GAP.minusSeconds(15));

      assertThat(late(driver)).isEqualTo(1.0);
    }
  }

  /**
   * A nimbus mention at {@code T0}; another brand's that moves stream time on, so nimbus's bucket
   * closes and none stays open; a nimbus mention two days later, at {@link #AFTER_GAP}.
   */
  private static void mentionAfterAGap(
      TestInputTopic<String, EnrichedMention> in, List<EnrichedMention> enriched) {
    in.pipeInput("nimbus", enriched.get(0), T0);
    in.pipeInput("acme-air", enriched.get(0), T0.plusSeconds(1_200));
    in.pipeInput("nimbus", enriched.get(1), AFTER_GAP);
  }

  /** Three enriched nimbus mentions, from the whole pipeline. */
  private static List<EnrichedMention> enriched() {
    try (PipelineFixture pipeline = new PipelineFixture()) {
      pipeline.rule("nimbus-1", "nimbus", "nimbus");
      pipeline.send(mention("a").text("nimbus is fine").at(T0).build());
      pipeline.send(mention("b").text("nimbus is fine again").at(T0.plusSeconds(1)).build());
      pipeline.send(
          mention("c")
              .text("my new nimbus phone arrived broken, so sad")
              .at(T0.plusSeconds(2))
              .build());
      return pipeline.enriched.readValuesToList();
    }
  }

  /** One serde, so the driver reads with the registry it writes with. */
  private static final Serde<EnrichedMention> SERDE =
      AvroSerde.forValues(EnrichedMention.class, new InMemorySchemaRegistry());

  private static TopologyTestDriver crisisOnly() {
    StreamsBuilder builder = new StreamsBuilder();
    // the stage as the topology builds it, stores included, fed from a topic of its own
    SocialListeningTopology.crisisAlerts(
        builder, builder.stream("by-brand", Consumed.with(Serdes.String(), SERDE)), SETTINGS);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crisis-alerts-task");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(builder.build(), props, T0);
  }

  private static TestInputTopic<String, EnrichedMention> input(TopologyTestDriver driver) {
    return driver.createInputTopic("by-brand", Serdes.String().serializer(), SERDE.serializer());
  }

  private static double late(TopologyTestDriver driver) {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(CrisisAlerts.LATE + "-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }
}
