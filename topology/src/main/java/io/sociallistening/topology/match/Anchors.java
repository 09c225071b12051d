package io.sociallistening.topology.match;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Terms and prefixes of which every post matching a clause contains at least one: the rule index
 * only evaluates a rule for posts that contain one of its anchors.
 */
record Anchors(Set<String> terms, Set<String> prefixes) {

  Anchors {
    terms = Set.copyOf(terms);
    prefixes = Set.copyOf(prefixes);
  }

  static Anchors term(String term) {
    return new Anchors(Set.of(term), Set.of());
  }

  static Anchors prefix(String prefix) {
    return new Anchors(Set.of(), Set.of(prefix));
  }

  /** Rough cost of evaluating a rule under these anchors: prefixes and short terms fire often. */
  int cost() {
    int cost = 0;
    for (String term : terms) {
      cost += term.length() <= 2 ? 4 : 1;
    }
    for (String prefix : prefixes) {
      cost += prefix.length() <= 3 ? 16 : 4;
    }
    return cost;
  }

  Anchors union(Anchors other) {
    Set<String> allTerms = new LinkedHashSet<>(terms);
    allTerms.addAll(other.terms);
    Set<String> allPrefixes = new LinkedHashSet<>(prefixes);
    allPrefixes.addAll(other.prefixes);
    return new Anchors(allTerms, allPrefixes);
  }
}
