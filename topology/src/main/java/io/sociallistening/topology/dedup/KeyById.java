package io.sociallistening.topology.dedup;

import io.sociallistening.avro.Mention;
import io.sociallistening.topology.validate.MentionRules;
import io.sociallistening.topology.validate.Validated;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stage 2a, key accepted mentions by platform id for exact dedup.
 *
 * <p>Input: raw key bytes, value accepted {@link Validated}. Output: key {@code <platform>:<id>}
 * ({@link MentionRules#keyOf}), value {@link Keyed}, marked {@code atHome} when the record already
 * sits in the key's {@link HomePartition} (it goes straight to exact dedup; the others through the
 * {@code mentions-by-id} re-key). State: none. Time: record time unchanged.
 */
public final class KeyById implements Processor<byte[], Validated, String, KeyById.Keyed> {
  /** A mention with its key and whether it is already in the key's home partition. */
  public record Keyed(Mention mention, boolean atHome) {}

  private final HomePartition home;
  private ProcessorContext<String, Keyed> context;

  public KeyById(HomePartition home) {
    this.home = home;
  }

  @Override
  public void init(ProcessorContext<String, Keyed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], Validated> record) {
    Mention mention = record.value().mention();
    String key = MentionRules.keyOf(mention);
    int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
    boolean atHome = home.isHome(key, record.key(), partition);
    context.forward(record.withKey(key).withValue(new Keyed(mention, atHome)));
  }
}
