package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rules anchored by prefix terms, as a character trie built from the sorted prefix dictionary:
 * walking a post term down the trie visits every rule prefix of that term without allocating.
 */
final class PrefixTrie {

  private static final int[] NO_RULES = new int[0];

  private final char[] labels;
  private final PrefixTrie[] children;
  private final int[] rules;

  private PrefixTrie(char[] labels, PrefixTrie[] children, int[] rules) {
    this.labels = labels;
    this.children = children;
    this.rules = rules;
  }

  /** A trie of {@code prefix -> rule numbers}. */
  static PrefixTrie of(Map<String, int[]> rulesByPrefix) {
    return build(new TreeMap<>(rulesByPrefix), 0, "");
  }

  private static PrefixTrie build(TreeMap<String, int[]> entries, int depth, String path) {
    int[] here = entries.getOrDefault(path, NO_RULES);
    TreeMap<Character, TreeMap<String, int[]>> byChar = new TreeMap<>();
    for (Map.Entry<String, int[]> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (key.length() > depth) {
        byChar.computeIfAbsent(key.charAt(depth), c -> new TreeMap<>()).put(key, entry.getValue());
      }
    }
    char[] labels = new char[byChar.size()];
    List<PrefixTrie> children = new ArrayList<>(byChar.size());
    int i = 0;
    for (Map.Entry<Character, TreeMap<String, int[]>> entry : byChar.entrySet()) {
      labels[i++] = entry.getKey();
      children.add(build(entry.getValue(), depth + 1, path + entry.getKey()));
    }
    return new PrefixTrie(labels, children.toArray(new PrefixTrie[0]), here);
  }

  /**
   * Marks (see {@link RuleIndex#mark}) every posting of a prefix that starts the term in {@code
   * chars[offset, offset + length)}.
   */
  void mark(char[] chars, int offset, int length, long[] hits, int words) {
    PrefixTrie node = this;
    for (int i = offset, end = offset + length; i < end; i++) {
      int child = Arrays.binarySearch(node.labels, chars[i]);
      if (child < 0) {
        return;
      }
      node = node.children[child];
      for (int posting : node.rules) {
        RuleIndex.mark(hits, words, posting);
      }
    }
  }
}
