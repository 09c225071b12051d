package io.sociallistening.topology.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A rule with its parsed query and anchors (null anchors: evaluated for every post). */
final class CompiledRule {

  private final Rule rule;
  private final Clause clause;
  private final Anchors anchors;

  private CompiledRule(Rule rule, Clause clause) {
    this.rule = rule;
    this.clause = clause;
    this.anchors = clause.anchors();
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

  Anchors anchors() {
    return anchors;
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
