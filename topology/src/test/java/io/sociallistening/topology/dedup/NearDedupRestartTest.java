package io.sociallistening.topology.dedup;

import static io.sociallistening.topology.MentionBuilder.mention;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.DuplicateInfo;
import io.sociallistening.avro.EnrichedMention;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.InternalFixedKeyRecordFactory;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * {@link NearDedup} started again on the store another instance of it wrote (a restart, or a
 * rebalance that moved the task) marks the same copies as one that ran on.
 */
class NearDedupRestartTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final DedupSettings TWO_ENTRIES = new DedupSettings(2, Duration.ofDays(1));

  private record Post(String id, String text, Instant at) {}

  @Test
  void shouldForgetTheSameFirstCopiesAfterARestartWhenTheyArrivedOutOfTimeOrder() {
    assertSameAnswersWithARestartAfter(
        2,
        new Post("k1", "Acme Air lost my bag on the flight to Denver today", T0.plusSeconds(10)),
        // polled a little late: earlier record time, remembered second
        new Post("k2", "Acme Air crew was lovely on the flight to Lisbon this morning", T0),
        new Post(
            "k3", "Acme Air boarding now for Boston, the gate changed twice", T0.plusSeconds(20)),
        new Post(
            "k4",
            "RT @dana: Acme Air crew was lovely on the flight to Lisbon this morning",
            T0.plusSeconds(21)));
  }

  @Test
  void shouldForgetTheSameFirstCopiesAfterARestartWhenTheirTimesAreEqual() {
    // sources that date posts to the second (Reddit, Hacker News) give many equal record times
    assertSameAnswersWithARestartAfter(
        2,
        new Post("k2", "Acme Air lost my bag on the flight to Denver today", T0),
        new Post("k1", "Acme Air crew was lovely on the flight to Lisbon this morning", T0),
        new Post("k3", "Acme Air boarding now for Boston, the gate changed twice", T0),
        new Post(
            "k4", "RT @dana: Acme Air crew was lovely on the flight to Lisbon this morning", T0));
  }

  private static void assertSameAnswersWithARestartAfter(int restartAfter, Post... posts) {
    List<String> uninterrupted = new ArrayList<>();
    Instance one = new Instance(new TreeMap<>());
    for (Post post : posts) {
      uninterrupted.add(one.process(post));
    }

    List<String> restarted = new ArrayList<>();
    TreeMap<String, byte[]> store = new TreeMap<>();
    Instance before = new Instance(store);
    for (int i = 0; i < restartAfter; i++) {
      restarted.add(before.process(posts[i]));
    }
    Instance after = new Instance(store);
    for (int i = restartAfter; i < posts.length; i++) {
      restarted.add(after.process(posts[i]));
    }

    assertThat(restarted).isEqualTo(uninterrupted);
    assertThat(uninterrupted.get(uninterrupted.size() - 1)).isNotEqualTo("first");
  }

  /** One NearDedup on a store kept in a sorted map, as RocksDB keeps it. */
  private static final class Instance {
    private final NearDedup dedup = new NearDedup(TWO_ENTRIES);
    private final List<FixedKeyRecord<String, EnrichedMention>> forwarded = new ArrayList<>();

    Instance(TreeMap<String, byte[]> store) {
      dedup.init(context(store(store), forwarded));
    }

    /** "first", or the key of the first copy the post copies. */
    String process(Post post) {
      EnrichedMention value = new EnrichedMention();
      value.setMention(mention(post.id()).text(post.text()).at(post.at()).build());
      value.setKey("bluesky:" + post.id());
      value.setDuplicates(DuplicateInfo.newBuilder().setCopyCount(1).setDuplicateOf(null).build());
      dedup.process(
          InternalFixedKeyRecordFactory.create(
              new Record<>("acme-air", value, post.at().toEpochMilli())));
      String of = forwarded.get(forwarded.size() - 1).value().getDuplicates().getDuplicateOf();
      return of == null ? "first" : of;
    }
  }

  @SuppressWarnings("unchecked")
  private static FixedKeyProcessorContext<String, EnrichedMention> context(
      KeyValueStore<String, byte[]> store,
      List<FixedKeyRecord<String, EnrichedMention>> forwarded) {
    return (FixedKeyProcessorContext<String, EnrichedMention>)
        Proxy.newProxyInstance(
            NearDedupRestartTest.class.getClassLoader(),
            new Class<?>[] {FixedKeyProcessorContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getStateStore" -> store;
                  case "forward" -> {
                    forwarded.add((FixedKeyRecord<String, EnrichedMention>) args[0]);
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @SuppressWarnings("unchecked")
  private static KeyValueStore<String, byte[]> store(TreeMap<String, byte[]> map) {
    return (KeyValueStore<String, byte[]>)
        Proxy.newProxyInstance(
            NearDedupRestartTest.class.getClassLoader(),
            new Class<?>[] {KeyValueStore.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "put" -> map.put((String) args[0], (byte[]) args[1]);
                  case "delete" -> map.remove((String) args[0]);
                  case "get" -> map.get((String) args[0]);
                  case "all" -> iterator(new TreeMap<>(map).entrySet().iterator());
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static KeyValueIterator<String, byte[]> iterator(
      Iterator<Map.Entry<String, byte[]>> entries) {
    return new KeyValueIterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public KeyValue<String, byte[]> next() {
        Map.Entry<String, byte[]> entry = entries.next();
        return KeyValue.pair(entry.getKey(), entry.getValue());
      }

      @Override
      public String peekNextKey() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
  }
}
