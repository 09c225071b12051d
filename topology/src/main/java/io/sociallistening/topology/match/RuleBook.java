package io.sociallistening.topology.match;

import io.sociallistening.avro.BrandRule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
  private volatile Set<String> competitorBrands = Set.of();
  private volatile Map<String, Set<String>> competitors = Map.of();

  /** The rules now in force. */
  public RuleSet rules() {
    return current.get();
  }

  /**
   * Whether {@code brand} is tracked as someone's competitor (one of its rules has {@code
   * competitorOf}): its mentions count in aggregates and crises, but a post leaving it is a lead
   * for the brand it names, not for the competitor.
   */
  public boolean isCompetitor(String brand) {
    return competitorBrands.contains(brand);
  }

  /**
   * The brands competing with {@code brand}: those whose rules name it in {@code competitorOf} and
   * those its own rules name there (empty if none). Together with {@code brand} they form its
   * competitive set.
   */
  public Set<String> competitorsOf(String brand) {
    return competitors.getOrDefault(brand, Set.of());
  }

  private void refreshCompetitors() {
    Set<String> brands = new HashSet<>();
    Map<String, Set<String>> related = new HashMap<>();
    for (Rule rule : current.get().rules()) {
      String other = rule.competitorOf();
      if (other != null) {
        brands.add(rule.brand());
        if (!other.equals(rule.brand())) {
          related.computeIfAbsent(rule.brand(), b -> new HashSet<>()).add(other);
          related.computeIfAbsent(other, b -> new HashSet<>()).add(rule.brand());
        }
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    related.forEach((b, set) -> frozen.put(b, Set.copyOf(set)));
    competitorBrands = Set.copyOf(brands);
    competitors = Map.copyOf(frozen);
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
      refreshCompetitors();
    } catch (RuleSyntaxException e) {
      current.updateAndGet(set -> set.without(rule.getId()));
      errors.put(rule.getId(), e.getMessage());
      refreshCompetitors();
      LOG.warn("Rule '{}' refused: {}", rule.getId(), e.getMessage());
    } catch (RuntimeException e) {
      // A defect in indexing one rule must not stop every instance (the rules topic is read by
      // all): the rule set stays as it was, and the error is reported like a refused rule.
      errors.put(rule.getId(), "not applied: " + e);
      LOG.error("Rule '{}' not applied, the rule set is unchanged", rule.getId(), e);
    }
  }

  /** Removes a rule (a tombstone on the rules topic). */
  public void remove(String ruleId) {
    try {
      current.updateAndGet(set -> set.without(ruleId));
      errors.remove(ruleId);
    } catch (RuntimeException e) {
      errors.put(ruleId, "not removed: " + e);
      LOG.error("Rule '{}' not removed, the rule set is unchanged", ruleId, e);
    }
    refreshCompetitors();
  }
}
