package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable set of compiled brand rules, matched against posts. Safe to share between threads:
 * {@link #with} and {@link #without} return new sets. The anchor index (see {@link RuleIndex}) is
 * built on a set's first {@link #match}, so loading many rules one by one builds it once; a set
 * derived from one that has its index derives its own index incrementally, so a live rule change
 * costs array copies, not a rebuild. Each post is analysed once, into buffers reused by the thread;
 * only rules whose anchor terms occur in it are evaluated.
 */
public final class RuleSet {

  private static final RuleSet EMPTY = new RuleSet(new CompiledRule[0], null);

  private final CompiledRule[] rules;
  private volatile RuleIndex index;

  private RuleSet(CompiledRule[] rules, RuleIndex index) {
    this.rules = rules;
    this.index = index;
  }

  /** The set without rules. */
  public static RuleSet empty() {
    return EMPTY;
  }

  /**
   * Compiles {@code rules}; each invalid rule is passed to {@code onInvalid} and left out, the
   * others are kept. Of rules with the same id, the last one wins: when it is invalid, the id has
   * no rule, as when it replaces an earlier one on the rules topic (see {@link RuleBook#put}).
   */
  public static RuleSet of(
      Collection<Rule> rules, BiConsumer<Rule, RuleSyntaxException> onInvalid) {
    TreeMap<String, CompiledRule> byId = new TreeMap<>();
    for (Rule rule : rules) {
      try {
        byId.put(rule.id(), CompiledRule.compile(rule));
      } catch (RuleSyntaxException e) {
        byId.remove(rule.id());
        onInvalid.accept(rule, e);
      }
    }
    return new RuleSet(byId.values().toArray(new CompiledRule[0]), null);
  }

  /**
   * A new set with {@code rule} added, or replacing the rule with the same id.
   *
   * @throws RuleSyntaxException if the rule's query is invalid
   */
  public RuleSet with(Rule rule) {
    CompiledRule compiled = CompiledRule.compile(rule);
    int found = find(rule.id());
    CompiledRule[] copy;
    RuleIndex built = index;
    if (found >= 0) {
      copy = rules.clone();
      copy[found] = compiled;
      built = built == null ? null : built.with(compiled, rules[found]);
    } else {
      built = built == null ? null : built.with(compiled, null);
      int insert = -found - 1;
      copy = new CompiledRule[rules.length + 1];
      System.arraycopy(rules, 0, copy, 0, insert);
      copy[insert] = compiled;
      System.arraycopy(rules, insert, copy, insert + 1, rules.length - insert);
    }
    return new RuleSet(copy, built);
  }

  /** A new set without the rule {@code ruleId}; this set if it has no such rule. */
  public RuleSet without(String ruleId) {
    int found = find(ruleId);
    if (found < 0) {
      return this;
    }
    CompiledRule[] copy = new CompiledRule[rules.length - 1];
    System.arraycopy(rules, 0, copy, 0, found);
    System.arraycopy(rules, found + 1, copy, found, rules.length - found - 1);
    RuleIndex built = index;
    return new RuleSet(copy, built == null ? null : built.without(rules[found]));
  }

  public int size() {
    return rules.length;
  }

  public Optional<Rule> rule(String id) {
    int found = find(id);
    return found < 0 ? Optional.empty() : Optional.of(rules[found].rule());
  }

  /** All rules, ordered by id. */
  public List<Rule> rules() {
    List<Rule> all = new ArrayList<>(rules.length);
    for (CompiledRule compiled : rules) {
      all.add(compiled.rule());
    }
    return List.copyOf(all);
  }

  /** The rules that match {@code input}, ordered by rule id. */
  public List<RuleMatch> match(MatchInput input) {
    if (rules.length == 0) {
      return List.of();
    }
    RuleIndex built = index;
    if (built == null) {
      built = RuleIndex.of(rules);
      index = built;
    }
    AnalysedPost post = AnalysedPost.ofThread();
    post.analyse(input);
    return built.match(post);
  }

  /** Index of the rule {@code id}, or {@code -(insertion point) - 1} as in Arrays.binarySearch. */
  private int find(String id) {
    int low = 0;
    int high = rules.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = rules[middle].id().compareTo(id);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -low - 1;
  }

  @Override
  public String toString() {
    return "RuleSet" + Arrays.stream(rules).map(CompiledRule::id).toList();
  }
}
