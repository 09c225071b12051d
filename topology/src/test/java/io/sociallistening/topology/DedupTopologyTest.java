package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.ExactDedup;
import io.sociallistening.topology.dedup.NearDedup;
import io.sociallistening.topology.dedup.Original;
import io.sociallistening.topology.eval.DedupCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact and near-duplicate copies through the whole topology: counted, not lost. */
class DedupTopologyTest {
  private static final String LEAD_POST =
      "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?";

  private PipelineFixture pipeline;

  private void start(PipelineSettings settings) {
    pipeline = new PipelineFixture(settings);
    pipeline.rule("acme-1", "acme-air", "\"acme air\" OR acmeair");
    pipeline.rule("nimbus-1", "nimbus", "nimbus");
  }

  @AfterEach
  void tearDown() {
    pipeline.close();
  }

  private BrandSentimentWindow lastWindow(Instant start) {
    return pipeline.sentiment1m.readValuesToList().stream()
        .filter(w -> w.getWindowStart().equals(start))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private Original nearEntry(String brand, String key) {
    KeyValueStore<String, byte[]> store = pipeline.driver.getKeyValueStore(NearDedup.STORE);
    byte[] bytes = store.get(brand + '\u0000' + key);
    return bytes == null ? null : Original.fromBytes(bytes);
  }

  @Test
  void shouldCountOnePostFromTwoConnectorsOnTwoPartitionsOnceInUniqueVolumeAndTwiceInVolume() {
    start(PipelineSettings.defaults());
    String keyA = "bluesky:p7";
    String keyB = "firehose-2/at://did:plc:alice/app.bsky.feed.post/p7";
    // With two raw partitions the two connectors' keys land on different partitions.
    assertThat(partition(keyA, 2)).isNotEqualTo(partition(keyB, 2));
    Mention viaJetstream =
        Mention.newBuilder(mention("p7").text("My Nimbus X2 battery is great").at(T0).build())
            .setSource("bluesky:jetstream")
            .build();
    Mention viaFirehose =
        Mention.newBuilder(viaJetstream)
            .setSource("bluesky:firehose")
            .setFetchedAt(T0.plusSeconds(40))
            .build();

    pipeline.send(keyA, viaJetstream);
    pipeline.send(keyB, viaFirehose);

    List<EnrichedMention> enriched = pipeline.enriched.readValuesToList();
    assertThat(enriched).extracting(EnrichedMention::getKey).containsExactly("bluesky:p7");
    assertThat(enriched.get(0).getMention().getSource()).isEqualTo("bluesky:jetstream");
    BrandSentimentWindow window = lastWindow(T0);
    assertThat(window.getVolume()).isEqualTo(2);
    assertThat(window.getUniqueVolume()).isEqualTo(1);
    assertThat(window.getReach()).isEqualTo(240);
    WindowStore<String, Long> exact = pipeline.driver.getWindowStore(ExactDedup.STORE);
    assertThat(exact.fetch("bluesky:p7", T0.toEpochMilli())).isEqualTo(2L);
    assertThat(nearEntry("nimbus", "bluesky:p7").copies()).isEqualTo(1);
  }

  @Test
  void shouldCountOnePostOnceInUniqueVolumeWhetherItsCopiesSkipTheReKeyOrTakeIt() {
    // One partition: a record keyed by its mention key is at home and skips mentions-by-id.
    start(PipelineSettings.defaults().withIdPartitions(1));
    Mention post = mention("p8").text("My Nimbus X2 battery is great").at(T0).build();
    Mention copy = Mention.newBuilder(post).setFetchedAt(T0.plusSeconds(40)).build();

    pipeline.send("bluesky:p8", post);
    pipeline.send("firehose-2/p8", copy);
    pipeline.send("bluesky:p8", copy);

    List<EnrichedMention> enriched = pipeline.enriched.readValuesToList();
    assertThat(enriched).extracting(EnrichedMention::getKey).containsExactly("bluesky:p8");
    WindowStore<String, Long> exact = pipeline.driver.getWindowStore(ExactDedup.STORE);
    assertThat(exact.fetch("bluesky:p8", T0.toEpochMilli())).isEqualTo(3L);
    BrandSentimentWindow window = lastWindow(T0);
    assertThat(window.getVolume()).isEqualTo(3);
    assertThat(window.getUniqueVolume()).isEqualTo(1);
  }

  @Test
  void shouldCountARetweetInVolumeButRaiseNoSecondLead() {
    start(PipelineSettings.defaults());
    pipeline.send(mention("l1").on(Platform.REDDIT).by("bob", 900).text(LEAD_POST).at(T0).build());
    pipeline.send(
        mention("l2")
            .by("carol", 300)
            .text("RT @bob: " + LEAD_POST + " #nimbus")
            .at(T0.plusSeconds(20))
            .build());

    assertThat(pipeline.alerts.readValuesToList())
        .extracting(alert -> alert.getType() + " " + alert.getId())
        .containsExactly(AlertType.LEAD + " lead:nimbus:reddit:l1");
    BrandSentimentWindow window = lastWindow(T0);
    assertThat(window.getVolume()).isEqualTo(2);
    assertThat(window.getUniqueVolume()).isEqualTo(1);
    assertThat(window.getLeads()).isEqualTo(1);
    assertThat(window.getReach()).isEqualTo(1200);
    assertThat(nearEntry("nimbus", "reddit:l1").copies()).isEqualTo(2);
    assertThat(nearEntry("nimbus", "bluesky:l2")).isNull();
  }

  @Test
  void shouldRaiseASecondLeadForAPostThatOnlySharesTheWords() {
    start(PipelineSettings.defaults());
    pipeline.send(mention("l1").on(Platform.REDDIT).by("bob", 900).text(LEAD_POST).at(T0).build());
    pipeline.send(
        mention("l2")
            .by("carol", 300)
            .text("Honestly " + LEAD_POST.toLowerCase() + " Asking for my brother")
            .at(T0.plusSeconds(20))
            .build());

    assertThat(pipeline.alerts.readValuesToList()).hasSize(2);
    assertThat(lastWindow(T0).getUniqueVolume()).isEqualTo(2);
  }

  @Test
  void shouldTreatALateCopyAsNewOnceItsFingerprintExpired() {
    start(
        PipelineSettings.defaults()
            .withNearDedup(DedupSettings.defaults().withMaxAge(Duration.ofHours(1))));
    String post = "Acme Air lost my suitcase on a direct flight. How is that even possible?";
    pipeline.send(mention("a1").text(post).at(T0).build());
    pipeline.send(mention("a2").text("RT @dana: " + post).at(T0.plusSeconds(1800)).build());
    assertThat(nearEntry("acme-air", "bluesky:a1").copies()).isEqualTo(2);

    pipeline.send(mention("a3").text("Acme Air boarding now").at(T0.plusSeconds(7300)).build());
    assertThat(nearEntry("acme-air", "bluesky:a1")).isNull();
    pipeline.send(mention("a4").text("RT @eve: " + post).at(T0.plusSeconds(7310)).build());

    List<BrandSentimentWindow> windows = pipeline.sentiment1h.readValuesToList();
    BrandSentimentWindow first = windows.get(1);
    assertThat(first.getWindowStart()).isEqualTo(T0);
    assertThat(first.getVolume()).isEqualTo(2);
    assertThat(first.getUniqueVolume()).isEqualTo(1);
    BrandSentimentWindow late = windows.get(windows.size() - 1);
    assertThat(late.getWindowStart()).isEqualTo(T0.plusSeconds(7200));
    assertThat(late.getVolume()).isEqualTo(2);
    assertThat(late.getUniqueVolume()).isEqualTo(2);
    assertThat(nearEntry("acme-air", "bluesky:a4").copies()).isEqualTo(1);
  }

  @Test
  void shouldRecogniseCopiesOfAPostAsLateAsTheAggregateGraceAllowsBeyondTheDedupRetention() {
    // a replay of two days of posts, with the aggregate grace raised to match (docs/operations.md)
    PipelineSettings d = PipelineSettings.defaults();
    start(
        new PipelineSettings(
            d.topics(),
            d.maxTextLength(),
            Duration.ofHours(24),
            Duration.ofHours(48),
            d.crisis(),
            d.crisisGrace(),
            d.leadThresholds(),
            d.leadAuthorCooldown(),
            DedupSettings.defaults().withMaxAge(Duration.ofHours(24))));
    String post = "My Nimbus X2 battery died again after the update, third time this week";
    pipeline.send(
        mention("now").text("Nimbus X2 arrived today").at(T0.plusSeconds(30 * 3600)).build());
    pipeline.send(mention("old").text(post).at(T0).build());
    pipeline.send("firehose-2/old", mention("old").text(post).at(T0).build());
    pipeline.send(mention("rt").by("carol", 300).text("RT @alice: " + post).at(T0).build());

    assertThat(pipeline.enriched.readValuesToList())
        .extracting(EnrichedMention::getKey)
        .containsExactly("bluesky:now", "bluesky:old", "bluesky:rt");
    BrandSentimentWindow window =
        pipeline.sentiment1h.readValuesToList().stream()
            .filter(w -> w.getWindowStart().equals(T0))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(window.getVolume()).isEqualTo(3);
    assertThat(window.getUniqueVolume()).isEqualTo(1);
    assertThat(nearEntry("nimbus", "bluesky:old").copies()).isEqualTo(2);
  }

  @Test
  void shouldFindTheSameCopiesAsTheDedupCommand() {
    start(PipelineSettings.defaults());
    List<String> texts =
        List.of(
            "@AcmeAir my flight to Denver sat on the tarmac for two hours and nobody told us",
            "@AcmeAir my flight was delayed",
            "RT @dana: @AcmeAir my flight to Denver sat on the tarmac for two hours and nobody"
                + " told us",
            "@AcmeAir my flight was delayed again",
            "my flight to Denver sat on the tarmac for two hours and nobody told us 😡 #acmeair",
            "@ACMEAIR MY FLIGHT WAS DELAYED!",
            "@AcmeAir my flight AA212 from Boston was delayed 3 hours, no updates",
            "@AcmeAir my flight AA213 from Boston was delayed 3 hours, no updates",
            "@AcmeAir my flight to Denver sat on the tarmac for…",
            "Acme Air shoutout to the crew on the Lisbon flight today, lovely people");
    List<String> command = commandClusters(texts);

    List<String> stage = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String id = Integer.toString(i + 1);
      pipeline.send(mention(id).text(texts.get(i)).at(T0.plusSeconds(i)).build());
    }
    for (int i = 0; i < texts.size(); i++) {
      stage.add(nearEntry("acme-air", "bluesky:" + (i + 1)) != null ? "first" : "copy");
    }

    assertThat(command).containsExactly("1", "2", "1", "4", "1", "2", "7", "8", "1", "10");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < command.size(); i++) {
      expected.add(command.get(i).equals(Integer.toString(i + 1)) ? "first" : "copy");
    }
    assertThat(stage).isEqualTo(expected);
    assertThat(nearEntry("acme-air", "bluesky:1").copies()).isEqualTo(4);
    BrandSentimentWindow window = lastWindow(T0);
    assertThat(window.getUniqueVolume()).isEqualTo(6);
    assertThat(window.getVolume()).isEqualTo(10);
  }

  private static List<String> commandClusters(List<String> texts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DedupCommand.run(
        List.of(),
        new ByteArrayInputStream(
            (String.join("\n", texts) + "\n").getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    List<String> clusters = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      clusters.add(line.substring(line.indexOf(':') + 1, line.length() - 1).strip());
    }
    return clusters;
  }

  private static int partition(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
