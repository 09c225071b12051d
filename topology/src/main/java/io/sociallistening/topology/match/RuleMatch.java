package io.sociallistening.topology.match;

import java.util.List;

/**
 * One rule that matched a post.
 *
 * @param ruleId id of the rule
 * @param brand the rule's brand
 * @param matchedTerms the rule's non-negated text terms found in the post, as written in the query,
 *     in query order and without repeats (e.g. {@code acme}, {@code "acme air"}, {@code acme*});
 *     field filters are not listed
 */
public record RuleMatch(String ruleId, String brand, List<String> matchedTerms) {

  public RuleMatch {
    matchedTerms = List.copyOf(matchedTerms);
  }
}
