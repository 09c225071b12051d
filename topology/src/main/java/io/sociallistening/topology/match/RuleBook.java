package io.sociallistening.topology.match;

import io.sociallistening.avro.BrandRule;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force in this instance: an immutable {@link RuleSet} swapped atomically when a rule
 * is added, changed or deleted, so stream threads match against a consistent set without locks.
 * Invalid rules are kept out of the set and their errors remembered by rule id.
 */
public final class RuleBook {
  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

  private final AtomicReference<RuleSet> current = new AtomicReference<>(RuleSet.empty());
  private final Map<String, String> errors = new ConcurrentHashMap<>();

  /** The rules now in force. */
  public RuleSet rules() {
    return current.get();
  }

  /** Rule ids whose query was refused, with the error. */
  public Map<String, String> errors() {
    return Map.copyOf(errors);
  }

  /** Adds or replaces a rule; a disabled rule is removed; an invalid one is refused and logged. */
  public void put(BrandRule rule) {
    if (!rule.getEnabled()) {
      remove(rule.getId());
      return;
    }
    Rule candidate =
        new Rule(rule.getId(), rule.getBrand(), rule.getQuery(), rule.getCompetitorOf());
    try {
      current.updateAndGet(set -> set.with(candidate));
      errors.remove(rule.getId());
    } catch (RuleSyntaxException e) {
      current.updateAndGet(set -> set.without(rule.getId()));
      errors.put(rule.getId(), e.getMessage());
      LOG.warn("Rule '{}' refused: {}", rule.getId(), e.getMessage());
    }
  }

  /** Removes a rule (a tombstone on the rules topic). */
  public void remove(String ruleId) {
    current.updateAndGet(set -> set.without(ruleId));
    errors.remove(ruleId);
  }
}
