package io.sociallistening.topology.lead;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A character trie over normalised phrases, used to find leftmost-longest, non-overlapping phrase
 * occurrences that start and end on word boundaries of a {@link NormalizedPost}. Immutable after
 * construction; lookups allocate nothing.
 */
final class PhraseIndex {
  private final Node root;

  PhraseIndex(List<String> phrases) {
    Builder rootBuilder = new Builder();
    for (int p = 0; p < phrases.size(); p++) {
      Builder node = rootBuilder;
      String phrase = phrases.get(p);
      for (int i = 0; i < phrase.length(); i++) {
        node = node.children.computeIfAbsent(phrase.charAt(i), c -> new Builder());
      }
      if (node.phrase >= 0) {
        throw new IllegalArgumentException("duplicate phrase: " + phrase);
      }
      node.phrase = p;
    }
    this.root = rootBuilder.freeze();
  }

  /** Decides, for each phrase found, whether it counts. */
  interface Visitor {
    /**
     * Returns whether the phrase with this index, found at offsets {@code start} (inclusive) to
     * {@code end} (exclusive) of the post's text, counts there (and records it); a rejected phrase
     * lets a shorter one starting at the same word match instead.
     */
    boolean accept(int phrase, int start, int end);
  }

  /**
   * Walks the post word by word; at each word start takes the longest accepted phrase that ends on
   * a word boundary and continues after it.
   */
  void scan(NormalizedPost post, Visitor visitor) {
    char[] text = post.text;
    int length = post.length;
    // pairs (phrase, end offset) of the phrases that end on a boundary, shortest first
    int[] candidates = new int[16];
    int start = 0;
    while (start < length) {
      int count = 0;
      Node node = root;
      int i = start;
      while (i < length && (node = node.child(text[i])) != null) {
        i++;
        if (node.phrase >= 0 && (i == length || text[i] == ' ')) {
          if (count == candidates.length) {
            candidates = Arrays.copyOf(candidates, count * 2);
          }
          candidates[count++] = node.phrase;
          candidates[count++] = i;
        }
      }
      int next = start;
      for (int c = count - 2; c >= 0; c -= 2) {
        if (visitor.accept(candidates[c], start, candidates[c + 1])) {
          next = candidates[c + 1];
          break;
        }
      }
      while (next < length && text[next] != ' ') {
        next++;
      }
      start = next + 1;
    }
  }

  private static final class Node {
    final char[] keys;
    final Node[] children;
    final int phrase;

    Node(char[] keys, Node[] children, int phrase) {
      this.keys = keys;
      this.children = children;
      this.phrase = phrase;
    }

    Node child(char c) {
      int index = Arrays.binarySearch(keys, c);
      return index >= 0 ? children[index] : null;
    }
  }

  private static final class Builder {
    final Map<Character, Builder> children = new TreeMap<>();
    int phrase = -1;

    Node freeze() {
      char[] keys = new char[children.size()];
      Node[] nodes = new Node[children.size()];
      int i = 0;
      for (Map.Entry<Character, Builder> entry : children.entrySet()) {
        keys[i] = entry.getKey();
        nodes[i] = entry.getValue().freeze();
        i++;
      }
      return new Node(keys, nodes, phrase);
    }
  }
}
