package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules a post can match: rules by anchor term (an array look-up by the {@link
 * TermDictionary} id of each post token), rules by anchor prefix (a trie walk per post token) and
 * the few rules without anchors (only field filters and negations at the top), which are evaluated
 * for every post. Rules sit in stable slots, so adding, replacing or removing one derives a new
 * index by copying arrays of references and rewriting only the posting lists of its anchors (and
 * the prefix trie if its prefixes change), not by rebuilding. Immutable.
 */
final class RuleIndex {

  private static final int[] NO_RULES = new int[0];
  private static final Comparator<RuleMatch> BY_RULE_ID = Comparator.comparing(RuleMatch::ruleId);

  private final CompiledRule[] slots;
  private final int[][] byTerm;
  private final Map<String, int[]> prefixes;
  private final PrefixTrie byPrefix;
  private final long[] always;

  private RuleIndex(
      CompiledRule[] slots,
      int[][] byTerm,
      Map<String, int[]> prefixes,
      PrefixTrie byPrefix,
      long[] always) {
    this.slots = slots;
    this.byTerm = byTerm;
    this.prefixes = prefixes;
    this.byPrefix = byPrefix;
    this.always = always;
  }

  /** The index of {@code rules}, rule {@code i} in slot {@code i}. */
  static RuleIndex of(CompiledRule[] rules) {
    Map<Integer, List<Integer>> terms = new HashMap<>();
    Map<String, List<Integer>> prefixLists = new HashMap<>();
    long[] always = new long[words(rules.length)];
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
        prefixLists.computeIfAbsent(prefix, p -> new ArrayList<>()).add(i);
      }
    }
    int[][] byTerm = new int[maxId + 1][];
    Arrays.fill(byTerm, NO_RULES);
    for (Map.Entry<Integer, List<Integer>> entry : terms.entrySet()) {
      byTerm[entry.getKey()] = toArray(entry.getValue());
    }
    Map<String, int[]> prefixes = new HashMap<>();
    for (Map.Entry<String, List<Integer>> entry : prefixLists.entrySet()) {
      prefixes.put(entry.getKey(), toArray(entry.getValue()));
    }
    return new RuleIndex(rules.clone(), byTerm, prefixes, trie(prefixes), always);
  }

  /** This index with {@code added} in the slot of {@code replaced}, or a free slot if null. */
  RuleIndex with(CompiledRule added, CompiledRule replaced) {
    int slot = slotOf(replaced);
    CompiledRule[] newSlots;
    if (slot < 0) {
      newSlots = Arrays.copyOf(slots, slots.length + 1);
      slot = slots.length;
    } else {
      newSlots = slots.clone();
    }
    newSlots[slot] = added;
    Change change = new Change(newSlots);
    if (replaced != null) {
      change.unpost(replaced, slot);
    }
    change.post(added, slot);
    return change.index();
  }

  /** This index without {@code removed}, which it holds. */
  RuleIndex without(CompiledRule removed) {
    int slot = slotOf(removed);
    CompiledRule[] newSlots = slots.clone();
    newSlots[slot] = null;
    Change change = new Change(newSlots);
    change.unpost(removed, slot);
    return change.index();
  }

  /** The slot of {@code rule} (by identity), or of the first free slot if null; -1 if none. */
  private int slotOf(CompiledRule rule) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == rule) {
        return i;
      }
    }
    return -1;
  }

  /** The arrays of a derived index, copied on first write. */
  private final class Change {
    private final CompiledRule[] newSlots;
    private int[][] newByTerm = byTerm;
    private Map<String, int[]> newPrefixes = prefixes;
    private final long[] newAlways;

    Change(CompiledRule[] newSlots) {
      this.newSlots = newSlots;
      this.newAlways = Arrays.copyOf(always, words(newSlots.length));
    }

    void post(CompiledRule rule, int slot) {
      Anchors anchors = rule.anchors();
      if (anchors == null) {
        newAlways[slot >>> 6] |= 1L << slot;
        return;
      }
      for (String term : anchors.terms()) {
        int id = TermDictionary.TERMS.intern(term);
        terms(id + 1);
        newByTerm[id] = withSlot(newByTerm[id], slot);
      }
      for (String prefix : anchors.prefixes()) {
        prefixes().put(prefix, withSlot(newPrefixes.getOrDefault(prefix, NO_RULES), slot));
      }
    }

    void unpost(CompiledRule rule, int slot) {
      Anchors anchors = rule.anchors();
      if (anchors == null) {
        newAlways[slot >>> 6] &= ~(1L << slot);
        return;
      }
      for (String term : anchors.terms()) {
        int id = TermDictionary.TERMS.intern(term);
        terms(id + 1);
        newByTerm[id] = withoutSlot(newByTerm[id], slot);
      }
      for (String prefix : anchors.prefixes()) {
        int[] rest = withoutSlot(newPrefixes.get(prefix), slot);
        if (rest.length == 0) {
          prefixes().remove(prefix);
        } else {
          prefixes().put(prefix, rest);
        }
      }
    }

    private void terms(int length) {
      if (newByTerm == byTerm) {
        newByTerm = Arrays.copyOf(byTerm, Math.max(byTerm.length, length));
        Arrays.fill(newByTerm, byTerm.length, newByTerm.length, NO_RULES);
      } else if (newByTerm.length < length) {
        int old = newByTerm.length;
        newByTerm = Arrays.copyOf(newByTerm, length);
        Arrays.fill(newByTerm, old, length, NO_RULES);
      }
    }

    private Map<String, int[]> prefixes() {
      if (newPrefixes == prefixes) {
        newPrefixes = new HashMap<>(prefixes);
      }
      return newPrefixes;
    }

    RuleIndex index() {
      PrefixTrie trie = newPrefixes == prefixes ? byPrefix : trie(newPrefixes);
      return new RuleIndex(newSlots, newByTerm, newPrefixes, trie, newAlways);
    }
  }

  private static PrefixTrie trie(Map<String, int[]> prefixes) {
    return prefixes.isEmpty() ? null : PrefixTrie.of(prefixes);
  }

  private static int[] withSlot(int[] list, int slot) {
    int[] grown = Arrays.copyOf(list, list.length + 1);
    grown[list.length] = slot;
    return grown;
  }

  private static int[] withoutSlot(int[] list, int slot) {
    int[] rest = new int[list.length - 1];
    int kept = 0;
    for (int value : list) {
      if (value != slot) {
        rest[kept++] = value;
      }
    }
    return rest.length == 0 ? NO_RULES : rest;
  }

  private static int words(int bits) {
    return (bits + 63) >>> 6;
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
    PrefixTrie trie = byPrefix;
    for (int position = 0, size = post.size(); position < size; position++) {
      int id = post.id(position);
      if (id >= 0 && id < byTerm.length) {
        for (int rule : byTerm[id]) {
          candidates[rule >>> 6] |= 1L << rule;
        }
      }
      if (trie != null) {
        trie.mark(chars, tokens.offset(position), tokens.length(position), candidates);
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
        CompiledRule compiled = slots[rule];
        if (compiled.matches(post)) {
          if (matches == null) {
            matches = new ArrayList<>(2);
          }
          matches.add(compiled.explain(post));
        }
      }
    }
    if (matches == null) {
      return List.of();
    }
    if (matches.size() > 1) {
      matches.sort(BY_RULE_ID);
    }
    return List.copyOf(matches);
  }
}
