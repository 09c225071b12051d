package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules a post can match: rules by anchor term (an array look-up by the {@link
 * TermDictionary} id of each post token), rules by anchor prefix (a trie walk per post token) and
 * the few rules without anchors (only field filters and negations at the top), which are evaluated
 * for every post. Immutable.
 */
final class RuleIndex {

  private static final int[] NO_RULES = new int[0];

  private final CompiledRule[] rules;
  private final int[][] byTerm;
  private final PrefixTrie byPrefix;
  private final boolean hasPrefixes;
  private final long[] always;

  RuleIndex(CompiledRule[] rules) {
    this.rules = rules;
    Map<Integer, List<Integer>> terms = new HashMap<>();
    Map<String, List<Integer>> prefixes = new HashMap<>();
    this.always = new long[(rules.length + 63) >>> 6];
    int maxId = -1;
    for (int i = 0; i < rules.length; i++) {
      Anchors anchors = rules[i].anchors();
      if (anchors == null) {
        always[i >>> 6] |= 1L << i;
        continue;
      }
      for (String term : anchors.terms()) {
        int id = TermDictionary.TERMS.intern(term);
        maxId = Math.max(maxId, id);
        terms.computeIfAbsent(id, t -> new ArrayList<>()).add(i);
      }
      for (String prefix : anchors.prefixes()) {
        prefixes.computeIfAbsent(prefix, p -> new ArrayList<>()).add(i);
      }
    }
    this.byTerm = new int[maxId + 1][];
    Arrays.fill(byTerm, NO_RULES);
    for (Map.Entry<Integer, List<Integer>> entry : terms.entrySet()) {
      byTerm[entry.getKey()] = toArray(entry.getValue());
    }
    Map<String, int[]> prefixArrays = new HashMap<>();
    for (Map.Entry<String, List<Integer>> entry : prefixes.entrySet()) {
      prefixArrays.put(entry.getKey(), toArray(entry.getValue()));
    }
    this.byPrefix = PrefixTrie.of(prefixArrays);
    this.hasPrefixes = !prefixes.isEmpty();
  }

  private static int[] toArray(List<Integer> list) {
    int[] array = new int[list.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = list.get(i);
    }
    return array;
  }

  /** The rules matching {@code post}, ordered by rule id. */
  List<RuleMatch> match(AnalysedPost post) {
    long[] candidates = post.candidates(always.length);
    System.arraycopy(always, 0, candidates, 0, always.length);
    TokenBuffer tokens = post.tokens();
    char[] chars = tokens.chars();
    for (int position = 0, size = post.size(); position < size; position++) {
      int id = post.id(position);
      if (id >= 0 && id < byTerm.length) {
        for (int rule : byTerm[id]) {
          candidates[rule >>> 6] |= 1L << rule;
        }
      }
      if (hasPrefixes) {
        byPrefix.mark(chars, tokens.offset(position), tokens.length(position), candidates);
      }
    }
    List<RuleMatch> matches = null;
    for (int word = 0; word < always.length; word++) {
      long bits = candidates[word];
      if (bits == 0) {
        continue;
      }
      candidates[word] = 0;
      while (bits != 0) {
        int rule = (word << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        CompiledRule compiled = rules[rule];
        if (compiled.matches(post)) {
          if (matches == null) {
            matches = new ArrayList<>(2);
          }
          matches.add(compiled.explain(post));
        }
      }
    }
    return matches == null ? List.of() : List.copyOf(matches);
  }
}
