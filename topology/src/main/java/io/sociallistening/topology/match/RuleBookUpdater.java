package io.sociallistening.topology.match;

import io.sociallistening.avro.BrandRule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link RuleBook} in step with the compacted rules topic.
 *
 * <p>Input: rules topic, key = rule id, value = {@link BrandRule} or null to delete. Output: none.
 * State: global store {@value #STORE} (a copy of the topic on every instance). On start the book is
 * loaded from the restored store; afterwards each record updates both, so a rule change takes
 * effect on every instance without a restart.
 *
 * <p>A rule whose id is not its record's key is refused (logged at WARN) and removes whatever the
 * key held: the book files rules by id and the topic is compacted by key, so such a record would
 * leave running instances matching a rule that a restarted one does not know.
 */
public final class RuleBookUpdater implements Processor<String, BrandRule, Void, Void> {
  public static final String STORE = "brand-rules";
  private static final Logger LOG = LoggerFactory.getLogger(RuleBookUpdater.class);

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
        if (entry.value != null && entry.value.getId().equals(entry.key)) {
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
    BrandRule rule = record.value();
    if (rule != null && !rule.getId().equals(record.key())) {
      LOG.warn(
          "Rule with id '{}' under key '{}' refused: the key of a rule must be its id; the key's"
              + " previous rule, if any, is removed",
          rule.getId(),
          record.key());
      rule = null;
    }
    if (rule == null) {
      store.delete(record.key());
      book.remove(record.key());
    } else {
      store.put(record.key(), rule);
      book.put(rule);
    }
  }
}
