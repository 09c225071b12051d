package io.sociallistening.connect.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.MentionKey;
import io.sociallistening.connect.OffsetStub;
import io.sociallistening.connect.sample.SampleBrand;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SyntheticSourceTaskTest {
  private static final long WALL = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
  private final FakeTime time = new FakeTime(WALL);
  private final OffsetStub offsets = new OffsetStub();

  private SyntheticSourceTask start(Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>(overrides);
    SyntheticSourceTask task = new SyntheticSourceTask(time);
    task.initialize(offsets);
    task.start(props);
    return task;
  }

  @Test
  void shouldEmitTheConfiguredRateStampedWithTheWallClock() throws InterruptedException {
    SyntheticSourceTask task = start(Map.of("synthetic.rate.per.second", "50"));

    assertThat(task.poll()).isNull();
    assertThat(time.sleeps).containsExactly(20L);
    time.advance(980);
    List<SourceRecord> records = task.poll();

    assertThat(records).hasSize(50);
    assertThat(records).extracting(SourceRecord::timestamp).containsOnly(WALL + 1_000);
    assertThat(records.get(49).sourceOffset()).isEqualTo(Map.of("seq", 50L));
    assertThat(records.get(0).sourcePartition()).isEqualTo(Map.of("synthetic", "seed-42"));
    assertThat((String) records.get(0).key()).matches("[a-z_]+:.+");
    assertThat(((Struct) records.get(0).value()).getString("source")).isEqualTo("synthetic");
  }

  @Test
  void shouldContinueAfterTheCommittedSequenceWithTheSamePosts() throws InterruptedException {
    SyntheticSourceTask first = start(Map.of());
    time.advance(100);
    List<SourceRecord> firstBatch = first.poll();
    SourceRecord last = firstBatch.get(firstBatch.size() - 1);
    offsets.commit(last.sourcePartition(), last.sourceOffset());

    SyntheticSourceTask second = start(Map.of());
    time.advance(100);
    List<SourceRecord> secondBatch = second.poll();
    SyntheticStream stream = new SyntheticStream(42);
    Instant at = Instant.ofEpochMilli(time.milliseconds());

    assertThat(firstBatch).hasSize(5);
    assertThat(secondBatch.get(0).sourceOffset()).isEqualTo(Map.of("seq", 6L));
    assertThat(((Struct) secondBatch.get(0).value()).getString("text"))
        .isEqualTo(stream.ordinary(6, at).getText());
  }

  @Test
  void shouldAddCrisisPostsOnlyDuringBursts() throws InterruptedException {
    SyntheticSourceTask task =
        start(
            Map.of(
                "synthetic.crisis.brand", "acme-air",
                "synthetic.crisis.every.minutes", "2",
                "synthetic.crisis.duration.minutes", "1",
                "synthetic.rate.per.second", "100",
                "synthetic.batch.size", "100000"));

    time.advance(60_000);
    List<SourceRecord> calm = task.poll();
    time.advance(60_000);
    List<SourceRecord> burst = task.poll();

    assertThat(task.inCrisis(119_999)).isFalse();
    assertThat(task.inCrisis(120_000)).isTrue();
    assertThat(task.inCrisis(180_000)).isFalse();
    assertThat(calm).hasSize(6_000);
    assertThat(burst.size() - 6_000).isBetween(1_600, 1_900);
    assertThat(burst)
        .filteredOn(
            r -> ((Struct) r.value()).getString("text").toLowerCase().contains("acmeairfail"))
        .hasSizeGreaterThan(500);
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> new SyntheticSourceConfig(Map.of("synthetic.rate.per.second", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid value 0.0 for configuration synthetic.rate.per.second");
    assertThatThrownBy(() -> new SyntheticSourceConfig(Map.of("synthetic.crisis.brand", "acme")))
        .hasMessageStartingWith("Invalid value acme for configuration synthetic.crisis.brand");
    assertThatThrownBy(
            () ->
                new SyntheticSourceConfig(
                    Map.of(
                        "synthetic.crisis.every.minutes", "3",
                        "synthetic.crisis.duration.minutes", "5")))
        .hasMessage(
            "Invalid value 5 for configuration synthetic.crisis.duration.minutes: must not exceed"
                + " synthetic.crisis.every.minutes (3)");
  }

  @Test
  void shouldResendTheUncommittedSlotsUnderTheSameKeysAfterARestart() throws InterruptedException {
    SyntheticSourceTask first = start(Map.of("synthetic.rate.per.second", "50"));
    time.advance(1_000);
    List<SourceRecord> sent = first.poll(); // slots 1..50, none committed
    first.stop();

    time.advance(5_000);
    SyntheticSourceTask second = start(Map.of("synthetic.rate.per.second", "50"));
    time.advance(1_000);
    List<SourceRecord> resent = second.poll(); // slots 1..50 again, 6 s later

    assertThat(resent).hasSize(50);
    assertThat(resent).extracting(SourceRecord::sourceOffset).isEqualTo(offsets(sent));
    assertThat(resent).extracting(SourceRecord::key).isEqualTo(keys(sent));
    assertThat(resent).extracting(r -> text(r)).isEqualTo(sent.stream().map(r -> text(r)).toList());
    assertThat(resent).extracting(SourceRecord::timestamp).containsOnly(WALL + 7_000);
  }

  @Test
  void shouldResendTheCrisisPostsOfASlotInTheSameBurstAfterARestart() throws InterruptedException {
    Map<String, String> crisis =
        Map.of(
            "synthetic.crisis.brand", "acme-air",
            "synthetic.crisis.every.minutes", "2",
            "synthetic.crisis.duration.minutes", "1",
            "synthetic.rate.per.second", "100");
    SyntheticSourceTask first = start(crisis);
    time.advance(120_000);
    List<SourceRecord> sent = first.poll(); // in the first burst: slots 1..500 and crisis posts
    first.stop();

    SyntheticSourceTask second = start(crisis);
    time.advance(120_000); // the second task's first burst
    List<SourceRecord> resent = second.poll();

    assertThat(keys(sent).size()).isGreaterThan(500);
    assertThat(keys(resent)).isEqualTo(keys(sent));
    assertThat(offsets(resent)).isEqualTo(offsets(sent));
  }

  @Test
  void shouldGiveEveryPostOfASeedItsOwnKey() {
    SyntheticStream stream = new SyntheticStream(42);
    Instant at = Instant.ofEpochMilli(WALL);
    Set<String> keys = new HashSet<>();
    for (long seq = 1; seq <= 20_000; seq++) {
      keys.add(MentionKey.of(stream.ordinary(seq, at)));
      keys.add(MentionKey.of(stream.crisis(seq, at, SampleBrand.ALL.get(0))));
    }

    assertThat(keys).hasSize(40_000);
  }

  @Test
  void shouldDrawTheSameSlotForTheSameSeedWhenAskedAtAnotherTime() {
    SyntheticStream stream = new SyntheticStream(7);
    Mention early = stream.ordinary(12, Instant.ofEpochMilli(WALL));
    Mention late = stream.ordinary(12, Instant.ofEpochMilli(WALL + 3_600_000));

    assertThat(late.getId()).isEqualTo(early.getId());
    assertThat(late.getText()).isEqualTo(early.getText());
    assertThat(late.getAuthor()).isEqualTo(early.getAuthor());
    assertThat(late.getCreatedAt()).isEqualTo(Instant.ofEpochMilli(WALL + 3_600_000));
  }

  private static List<Object> keys(List<SourceRecord> records) {
    return records.stream().map(SourceRecord::key).toList();
  }

  private static List<Map<String, ?>> offsets(List<SourceRecord> records) {
    return records.stream().<Map<String, ?>>map(SourceRecord::sourceOffset).toList();
  }

  private static String text(SourceRecord r) {
    return ((Struct) r.value()).getString("text");
  }
}
