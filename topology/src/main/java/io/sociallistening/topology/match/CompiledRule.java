package io.sociallistening.topology.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule with its parsed query and the (at most {@value #INDEXED}) cheapest groups of anchors that
 * a matching post must all hit; none: evaluated for every post.
 */
final class CompiledRule {

  /** How many required anchor groups the index checks before evaluating a rule. */
  static final int INDEXED = 2;

  private final Rule rule;
  private final Clause clause;
  private final List<Anchors> required;

  private CompiledRule(Rule rule, Clause clause) {
    this.rule = rule;
    this.clause = clause;
    List<Anchors> distinct = Clause.cheapestFirst(clause.required());
    this.required = List.copyOf(distinct.subList(0, Math.min(INDEXED, distinct.size())));
  }

  /** Parses the rule's query; throws {@link RuleSyntaxException} if it is invalid. */
  static CompiledRule compile(Rule rule) {
    return new CompiledRule(rule, RuleParser.parse(rule.id(), rule.query()));
  }

  Rule rule() {
    return rule;
  }

  String id() {
    return rule.id();
  }

  Clause clause() {
    return clause;
  }

  /** The anchor groups the index checks, cheapest first; empty: evaluated for every post. */
  List<Anchors> required() {
    return required;
  }

  boolean matches(AnalysedPost post) {
    return clause.matches(post);
  }

  RuleMatch explain(AnalysedPost post) {
    Set<String> terms = new LinkedHashSet<>();
    clause.collectMatched(post, terms);
    return new RuleMatch(rule.id(), rule.brand(), List.copyOf(terms));
  }
}
