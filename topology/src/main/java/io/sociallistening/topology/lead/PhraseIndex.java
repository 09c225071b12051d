package io.sociallistening.topology.lead;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A character trie over normalised phrases, used to find leftmost-longest, non-overlapping phrase
 * occurrences that start and end on word boundaries of a {@link NormalizedPost}. A phrase may hold
 * {@link #ANY_WORD} between two of its words, a slot that takes exactly one word of the post (the
 * table's "which * to buy" finds "which laptop to buy"). Immutable after construction; lookups
 * allocate nothing but the growth of one small array on posts with many candidates.
 */
final class PhraseIndex {
  /** The slot for any one word, written between two spaces of a phrase (never first). */
  static final char ANY_WORD = '\u0001';

  private final Node root;

  PhraseIndex(List<String> phrases) {
    Builder rootBuilder = new Builder();
    for (int p = 0; p < phrases.size(); p++) {
      Builder node = rootBuilder;
      String phrase = phrases.get(p);
      for (int i = 0; i < phrase.length(); i++) {
        char c = phrase.charAt(i);
        if (c == ANY_WORD
            && (i == 0
                || phrase.charAt(i - 1) != ' '
                || (i + 1 < phrase.length() && phrase.charAt(i + 1) != ' '))) {
          throw new IllegalArgumentException("a word slot must stand after a word: " + phrase);
        }
        node = node.children.computeIfAbsent(c, k -> new Builder());
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
    Candidates candidates = new Candidates();
    int start = 0;
    while (start < length) {
      candidates.count = 0;
      walk(root, text, length, start, candidates);
      candidates.sortByEnd();
      int next = start;
      int[] found = candidates.pairs;
      for (int c = candidates.count - 2; c >= 0; c -= 2) {
        if (visitor.accept(found[c], start, found[c + 1])) {
          next = found[c + 1];
          break;
        }
      }
      while (next < length && text[next] != ' ') {
        next++;
      }
      start = next + 1;
    }
  }

  /**
   * Adds the phrases that start where {@code node} was reached and end on a word boundary at or
   * after {@code i}; a word slot takes the word at {@code i} (phrases through it are added before
   * those through the same text without a slot, so after a stable sort by end the latter win).
   */
  private static void walk(Node node, char[] text, int length, int i, Candidates out) {
    while (true) {
      if (node.anyWord != null && i < length && text[i] != ' ') {
        int j = i;
        while (j < length && text[j] != ' ') {
          j++;
        }
        if (node.anyWord.phrase >= 0) {
          out.add(node.anyWord.phrase, j);
        }
        walk(node.anyWord, text, length, j, out);
      }
      if (i >= length) {
        return;
      }
      node = node.child(text[i]);
      if (node == null) {
        return;
      }
      i++;
      if (node.phrase >= 0 && (i == length || text[i] == ' ')) {
        out.add(node.phrase, i);
      }
    }
  }

  /** Pairs (phrase, end offset) found at one word. */
  private static final class Candidates {
    int[] pairs = new int[16];
    int count;

    void add(int phrase, int end) {
      if (count == pairs.length) {
        pairs = Arrays.copyOf(pairs, count * 2);
      }
      pairs[count++] = phrase;
      pairs[count++] = end;
    }

    /** Sorts the pairs by end offset, shortest first, keeping the order of equal ends. */
    void sortByEnd() {
      for (int k = 2; k < count; k += 2) {
        int phrase = pairs[k];
        int end = pairs[k + 1];
        int m = k - 2;
        while (m >= 0 && pairs[m + 1] > end) {
          pairs[m + 2] = pairs[m];
          pairs[m + 3] = pairs[m + 1];
          m -= 2;
        }
        pairs[m + 2] = phrase;
        pairs[m + 3] = end;
      }
    }
  }

  private static final class Node {
    final char[] keys;
    final Node[] children;
    final int phrase;
    final Node anyWord;

    Node(char[] keys, Node[] children, int phrase, Node anyWord) {
      this.keys = keys;
      this.children = children;
      this.phrase = phrase;
      this.anyWord = anyWord;
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
      Builder slot = children.get(ANY_WORD);
      int size = children.size() - (slot == null ? 0 : 1);
      char[] keys = new char[size];
      Node[] nodes = new Node[size];
      int i = 0;
      for (Map.Entry<Character, Builder> entry : children.entrySet()) {
        if (entry.getKey() != ANY_WORD) {
          keys[i] = entry.getKey();
          nodes[i] = entry.getValue().freeze();
          i++;
        }
      }
      return new Node(keys, nodes, phrase, slot == null ? null : slot.freeze());
    }
  }
}
