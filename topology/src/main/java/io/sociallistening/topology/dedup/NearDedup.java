package io.sociallistening.topology.dedup;

import io.sociallistening.avro.DuplicateInfo;
import io.sociallistening.avro.EnrichedMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 4a, near-duplicate detection per brand, with {@link NearDuplicateIndex} (the code of the
 * {@code dedup} command).
 *
 * <p><b>Input:</b> key brand (re-partitioned upstream, so every mention of one brand meets in one
 * task whatever partition, connector or instance it came from), value {@link EnrichedMention}.
 * <b>Output:</b> the same record; a first copy (by platform id) whose text near-duplicates an
 * earlier first copy of the brand gets {@code duplicates = {copyCount: n, duplicateOf: <key of the
 * earlier one>}}, n counting the copies of that post so far. Exact copies pass unchanged. So
 * downstream windows count near copies in volume and reach but not in unique volume, and crisis and
 * lead detection see first copies only. A post matching two brands is deduplicated per brand.
 *
 * <p><b>State:</b> key-value store {@value #STORE} (persistent, changelogged) holding the first
 * copies of the index, key {@code <brand> NUL <mention key>}, value {@link Original#toBytes()}; the
 * index mirrors it in memory and is rebuilt from it in {@link #init}. Bounded by {@link
 * DedupSettings}: at most {@code maxEntries} first copies per task, none older than {@code maxAge}
 * (forgotten entries are deleted from the store). Each entry keeps the order in which the index
 * remembered it, so the index rebuilt after a restart or a rebalance forgets the same entries first
 * and picks the same one of equally close first copies. <b>Time:</b> record time; age is measured
 * against the newest record time the task has seen.
 */
public final class NearDedup
    implements FixedKeyProcessor<String, EnrichedMention, EnrichedMention>,
        NearDuplicateIndex.Listener {
  public static final String STORE = "dedup-near";
  public static final String NAME = "dedup-near";

  private final DedupSettings settings;
  private FixedKeyProcessorContext<String, EnrichedMention> context;
  private KeyValueStore<String, byte[]> store;
  private NearDuplicateIndex index;

  public NearDedup(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedMention> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    this.index = new NearDuplicateIndex(settings, this);
    List<Original> originals = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        originals.add(Original.fromBytes(all.next().value));
      }
    }
    index.restoreAll(originals);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedMention> record) {
    EnrichedMention mention = record.value();
    if (mention.getDuplicates().getDuplicateOf() != null) {
      context.forward(record);
      return;
    }
    Optional<Original> first =
        index.findOrAdd(
            record.key(), mention.getKey(), mention.getMention().getText(), record.timestamp());
    if (first.isEmpty()) {
      context.forward(record);
      return;
    }
    EnrichedMention copy = shallowCopy(mention);
    copy.setDuplicates(
        DuplicateInfo.newBuilder()
            .setCopyCount(first.get().copies())
            .setDuplicateOf(first.get().key())
            .build());
    context.forward(record.withValue(copy));
  }

  /**
   * A new record sharing every field value of {@code mention}: the input is not changed (it may
   * have been forwarded elsewhere), and the untouched fields are not deep-copied as a builder
   * would.
   */
  private static EnrichedMention shallowCopy(EnrichedMention mention) {
    EnrichedMention copy = new EnrichedMention();
    int fields = EnrichedMention.getClassSchema().getFields().size();
    for (int i = 0; i < fields; i++) {
      copy.put(i, mention.get(i));
    }
    return copy;
  }

  @Override
  public void saved(Original original) {
    store.put(storeKey(original), original.toBytes());
  }

  @Override
  public void removed(Original original) {
    store.delete(storeKey(original));
  }

  private static String storeKey(Original original) {
    return original.scope() + '\u0000' + original.key();
  }
}
