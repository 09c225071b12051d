package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules a post can match: rules by anchor term (a hash look-up per post token), rules by
 * anchor prefix (a trie walk per post token) and the few rules without anchors (only field filters
 * and negations at the top), which are evaluated for every post. Immutable.
 */
final class RuleIndex {

  private final CompiledRule[] rules;
  private final Map<String, int[]> byTerm;
  private final PrefixTrie byPrefix;
  private final boolean hasPrefixes;
  private final long[] always;

  RuleIndex(CompiledRule[] rules) {
    this.rules = rules;
    Map<String, List<Integer>> terms = new HashMap<>();
    Map<String, List<Integer>> prefixes = new HashMap<>();
    this.always = new long[(rules.length + 63) >>> 6];
    for (int i = 0; i < rules.length; i++) {
      Anchors anchors = rules[i].anchors();
      if (anchors == null) {
        always[i >>> 6] |= 1L << i;
        continue;
      }
      for (String term : anchors.terms()) {
        terms.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
      }
      for (String prefix : anchors.prefixes()) {
        prefixes.computeIfAbsent(prefix, p -> new ArrayList<>()).add(i);
      }
    }
    this.byTerm = toArrays(terms);
    this.byPrefix = PrefixTrie.of(toArrays(prefixes));
    this.hasPrefixes = !prefixes.isEmpty();
  }

  private static Map<String, int[]> toArrays(Map<String, List<Integer>> lists) {
    Map<String, int[]> arrays = new HashMap<>(lists.size() * 2);
    for (Map.Entry<String, List<Integer>> entry : lists.entrySet()) {
      arrays.put(entry.getKey(), entry.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
    return arrays;
  }

  /** The rules matching {@code post}, ordered by rule id. */
  List<RuleMatch> match(AnalysedPost post) {
    long[] candidates = always.clone();
    for (int position = 0, size = post.size(); position < size; position++) {
      String term = post.term(position);
      int[] anchored = byTerm.get(term);
      if (anchored != null) {
        for (int rule : anchored) {
          candidates[rule >>> 6] |= 1L << rule;
        }
      }
      if (hasPrefixes) {
        byPrefix.mark(term, candidates);
      }
    }
    List<RuleMatch> matches = null;
    for (int word = 0; word < candidates.length; word++) {
      long bits = candidates[word];
      while (bits != 0) {
        int rule = (word << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        CompiledRule compiled = rules[rule];
        if (compiled.matches(post)) {
          if (matches == null) {
            matches = new ArrayList<>();
          }
          matches.add(compiled.explain(post));
        }
      }
    }
    return matches == null ? List.of() : List.copyOf(matches);
  }
}
