package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

class ExactDedupTest {
  private static final Duration RETENTION = Duration.ofDays(1);
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final MockProcessorContext<String, Copy> context = new MockProcessorContext<>();
  private final WindowStore<String, Long> store =
      Stores.windowStoreBuilder(
              Stores.inMemoryWindowStore(ExactDedup.STORE, RETENTION, RETENTION, false),
              Serdes.String(),
              Serdes.Long())
          .withLoggingDisabled()
          .build();

  ExactDedupTest() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  private static Mention mention(String id) {
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId(id)
        .setAuthor(Author.newBuilder().setHandle("ana.bsky.social").build())
        .setText("acme air lost my bag")
        .setCreatedAt(T0)
        .build();
  }

  private ExactDedup started() {
    ExactDedup dedup = new ExactDedup(RETENTION);
    dedup.init(context);
    return dedup;
  }

  private static Record<String, Mention> record(String id, Instant time) {
    return new Record<>("bluesky:" + id, mention(id), time.toEpochMilli());
  }

  private List<Copy> forwarded() {
    return context.forwarded().stream().map(f -> (Copy) f.record().value()).toList();
  }

  @Test
  void shouldCountACopyAcrossARestartOfTheTask() {
    started().process(record("1", T0));
    context.resetForwards();

    started().process(record("1", T0.plus(Duration.ofHours(2))));

    assertThat(forwarded())
        .extracting(Copy::copyCount, Copy::duplicateOf)
        .containsExactly(tuple(2, "bluesky:1"));
  }

  @Test
  void shouldFindAKeyThatWasInTheStoreBeforeTheTaskStarted() {
    store.put("bluesky:7", 3L, T0.toEpochMilli());

    started().process(record("7", T0.plus(Duration.ofMinutes(5))));

    assertThat(forwarded())
        .extracting(Copy::copyCount, Copy::duplicateOf)
        .containsExactly(tuple(4, "bluesky:7"));
    assertThat(store.fetch("bluesky:7", T0.toEpochMilli())).isEqualTo(4L);
  }

  @Test
  void shouldCountCopiesOfARecordTimedNearTheEndOfTime() {
    ExactDedup dedup = started();
    long time = Long.MAX_VALUE - 1_000;

    dedup.process(new Record<>("bluesky:1", mention("1"), time));
    dedup.process(new Record<>("bluesky:1", mention("1"), time + 10));

    assertThat(forwarded())
        .extracting(Copy::copyCount, Copy::duplicateOf)
        .containsExactly(tuple(1, null), tuple(2, "bluesky:1"));
  }

  @Test
  void shouldPassFirstCopiesAndCountLaterOnes() {
    ExactDedup dedup = started();

    dedup.process(record("1", T0));
    dedup.process(record("2", T0.plusSeconds(1)));
    dedup.process(record("1", T0.plusSeconds(2)));
    dedup.process(record("1", T0.minus(Duration.ofHours(3))));

    assertThat(forwarded())
        .extracting(Copy::key, Copy::copyCount, Copy::duplicateOf)
        .containsExactly(
            tuple("bluesky:1", 1, null),
            tuple("bluesky:2", 1, null),
            tuple("bluesky:1", 2, "bluesky:1"),
            tuple("bluesky:1", 3, "bluesky:1"));
  }

  @Test
  void shouldTakeTheSameIdAsANewPostOnceTheRetentionHasPassed() {
    ExactDedup dedup = started();

    dedup.process(record("1", T0));
    dedup.process(record("1", T0.plus(RETENTION).plusSeconds(1)));

    assertThat(forwarded())
        .extracting(Copy::key, Copy::copyCount, Copy::duplicateOf)
        .containsExactly(tuple("bluesky:1", 1, null), tuple("bluesky:1", 1, null));
  }
}
