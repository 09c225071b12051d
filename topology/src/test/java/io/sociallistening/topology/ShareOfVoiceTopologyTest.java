package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sociallistening.avro.BrandShare;
import io.sociallistening.avro.ShareOfVoiceWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTopologyTest {
  private static final String MINUTE_T0 = "1m:" + T0.toEpochMilli();
  private PipelineFixture pipeline;

  @BeforeEach
  void setUp() {
    pipeline = new PipelineFixture();
    pipeline.rule("acme-1", "acme-air", "\"acme air\" OR acmeair");
    pipeline.rule("nimbus-1", "nimbus", "nimbus");
  }

  @AfterEach
  void tearDown() {
    pipeline.close();
  }

  @Test
  void shouldGiveEachBrandItsShareOfTheWindowsVolume() {
    send("a1", "Acme Air crew was lovely", T0.plusSeconds(5));
    send("a2", "Boarding Acme Air flight 12 to Lisbon", T0.plusSeconds(10));
    send("n1", "My Nimbus X2 battery died again", T0.plusSeconds(20));

    List<KeyValue<String, ShareOfVoiceWindow>> minutes =
        pipeline.shareOfVoice1m.readKeyValuesToList();
    assertThat(minutes)
        .extracting(kv -> kv.key, kv -> kv.value.getVolume())
        .containsExactly(tuple(MINUTE_T0, 1L), tuple(MINUTE_T0, 2L), tuple(MINUTE_T0, 3L));
    ShareOfVoiceWindow window = minutes.get(2).value;
    assertThat(window.getWindowStart()).isEqualTo(T0);
    assertThat(window.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
    assertThat(window.getUniqueVolume()).isEqualTo(3);
    assertThat(window.getBrands())
        .extracting(
            BrandShare::getBrand,
            BrandShare::getVolume,
            BrandShare::getUniqueVolume,
            BrandShare::getShare,
            BrandShare::getUniqueShare,
            BrandShare::getCompetitiveShare)
        .containsExactly(
            tuple("acme-air", 2L, 2L, 2.0 / 3, 2.0 / 3, null),
            tuple("nimbus", 1L, 1L, 1.0 / 3, 1.0 / 3, null));
    ShareOfVoiceWindow hour =
        last(pipeline.shareOfVoice1h.readKeyValuesToList(), "1h:" + T0.toEpochMilli());
    assertThat(hour.getWindowEnd()).isEqualTo(T0.plusSeconds(3600));
    assertThat(hour.getBrands())
        .extracting(BrandShare::getBrand, BrandShare::getShare)
        .containsExactly(tuple("acme-air", 2.0 / 3), tuple("nimbus", 1.0 / 3));
  }

  @Test
  void shouldRecomputeTheSharesWhenALateMentionUpdatesOneBrand() {
    send("a1", "Acme Air crew was lovely", T0.plusSeconds(5));
    send("n1", "My Nimbus X2 battery died again", T0.plusSeconds(10));
    send("a2", "Boarding Acme Air flight 12 to Lisbon", T0.plusSeconds(70));
    send("n2", "Nimbus support answered within minutes", T0.plusSeconds(20));

    List<KeyValue<String, ShareOfVoiceWindow>> minutes =
        pipeline.shareOfVoice1m.readKeyValuesToList();
    assertThat(minutes)
        .extracting(kv -> kv.key)
        .containsExactly(
            MINUTE_T0, MINUTE_T0, "1m:" + T0.plusSeconds(60).toEpochMilli(), MINUTE_T0);
    assertThat(minutes.get(1).value.getBrands())
        .extracting(BrandShare::getBrand, BrandShare::getShare)
        .containsExactly(tuple("acme-air", 0.5), tuple("nimbus", 0.5));
    ShareOfVoiceWindow late = minutes.get(3).value;
    assertThat(late.getVolume()).isEqualTo(3);
    assertThat(late.getBrands())
        .extracting(BrandShare::getBrand, BrandShare::getVolume, BrandShare::getShare)
        .containsExactly(tuple("acme-air", 1L, 1.0 / 3), tuple("nimbus", 2L, 2.0 / 3));
  }

  @Test
  void shouldNotCountABrandOfAnotherWindow() {
    send("a1", "Acme Air crew was lovely", T0.plusSeconds(5));
    send("n1", "My Nimbus X2 battery died again", T0.plusSeconds(65));

    List<KeyValue<String, ShareOfVoiceWindow>> minutes =
        pipeline.shareOfVoice1m.readKeyValuesToList();
    assertThat(minutes)
        .extracting(
            kv -> kv.key,
            kv -> kv.value.getVolume(),
            kv -> kv.value.getBrands().get(0).getBrand(),
            kv -> kv.value.getBrands().get(0).getShare(),
            kv -> kv.value.getBrands().size())
        .containsExactly(
            tuple(MINUTE_T0, 1L, "acme-air", 1.0, 1),
            tuple("1m:" + T0.plusSeconds(60).toEpochMilli(), 1L, "nimbus", 1.0, 1));
    ShareOfVoiceWindow hour =
        last(pipeline.shareOfVoice1h.readKeyValuesToList(), "1h:" + T0.toEpochMilli());
    assertThat(hour.getBrands())
        .extracting(BrandShare::getBrand, BrandShare::getShare)
        .containsExactly(tuple("acme-air", 0.5), tuple("nimbus", 0.5));
  }

  @Test
  void shouldShareWithinTheCompetitiveSetOfTheRules() {
    pipeline.rule("skyways-1", "skyways", "skyways", "acme-air");
    send("a1", "Acme Air crew was lovely", T0.plusSeconds(5));
    send("s1", "SkyWays lounge in Lisbon is cosy", T0.plusSeconds(6));
    send("n1", "My Nimbus X2 battery died again", T0.plusSeconds(7));
    send("n2", "Nimbus support answered within minutes", T0.plusSeconds(8));

    ShareOfVoiceWindow window = last(pipeline.shareOfVoice1m.readKeyValuesToList(), MINUTE_T0);
    assertThat(window.getBrands())
        .extracting(
            BrandShare::getBrand,
            BrandShare::getShare,
            BrandShare::getCompetitors,
            BrandShare::getCompetitiveShare)
        .containsExactly(
            tuple("acme-air", 0.25, List.of("skyways"), 0.5),
            tuple("nimbus", 0.5, List.of(), null),
            tuple("skyways", 0.25, List.of("acme-air"), 0.5));
  }

  @Test
  void shouldDropWindowsOnceTheyAreOlderThanTheAggregatesRetentionAndGrace() {
    // without the record cache, which keeps recently written windows in front of the store
    pipeline.close();
    Properties uncached = new Properties();
    uncached.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    pipeline = new PipelineFixture(PipelineSettings.defaults(), uncached);
    pipeline.rule("acme-1", "acme-air", "\"acme air\" OR acmeair");
    WindowStore<String, ShareOfVoiceWindow> store =
        pipeline.driver.getWindowStore(SocialListeningTopology.SHARE_OF_VOICE_1M_STORE);
    send("a1", "Acme Air crew was lovely", T0.plusSeconds(5));
    // two days of retention plus the default grace of one hour
    Duration kept = Duration.ofDays(2).plus(pipeline.settings.aggregateGrace());

    send("a2", "Boarding Acme Air flight 12 to Lisbon", T0.plus(kept).minusSeconds(60));
    assertThat(store.fetch(MINUTE_T0, T0.toEpochMilli()).getVolume()).isEqualTo(1);

    send("a3", "Acme Air lost my bag in Lisbon", T0.plus(kept).plusSeconds(60));
    assertThat(store.fetch(MINUTE_T0, T0.toEpochMilli())).isNull();
  }

  @Test
  void shouldNameEveryNodeStoreAndTopic() {
    String description =
        SocialListeningTopology.build(
                PipelineSettings.defaults(),
                pipeline.registry,
                pipeline.rules,
                Scorers.loadDefault(pipeline.settings.leadThreshold()))
            .describe()
            .toString();
    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
  }

  private void send(String id, String text, Instant at) {
    pipeline.send(mention(id).text(text).at(at).build());
  }

  private static ShareOfVoiceWindow last(
      List<KeyValue<String, ShareOfVoiceWindow>> records, String key) {
    return records.stream()
        .filter(kv -> kv.key.equals(key))
        .reduce((a, b) -> b)
        .orElseThrow()
        .value;
  }
}
