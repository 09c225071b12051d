package io.sociallistening.topology.match;

import io.sociallistening.avro.BrandRule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@link RuleBook} in step with the compacted rules topic.
 *
 * <p>Input: rules topic, key = rule id, value = {@link BrandRule} or null to delete. Output: none.
 * State: global store {@value #STORE} (a copy of the topic on every instance). On start the book is
 * loaded from the restored store; afterwards each record updates both, so a rule change takes
 * effect on every instance without a restart.
 */
public final class RuleBookUpdater implements Processor<String, BrandRule, Void, Void> {
  public static final String STORE = "brand-rules";

  private final RuleBook book;
  private KeyValueStore<String, BrandRule> store;

  public RuleBookUpdater(RuleBook book) {
    this.book = book;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(STORE);
    try (KeyValueIterator<String, BrandRule> all = store.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        if (entry.value != null) {
          book.put(entry.value);
        }
      }
    }
  }

  @Override
  public void process(Record<String, BrandRule> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      book.remove(record.key());
    } else {
      store.put(record.key(), record.value());
      book.put(record.value());
    }
  }
}
