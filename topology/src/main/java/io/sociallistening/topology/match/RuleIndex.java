package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules a post can match. A rule has one or two groups of anchors that every matching post
 * hits (see {@link CompiledRule#required()}): for {@code acme (phone OR battery)} the groups {@code
 * acme} and {@code phone, battery}. Each post token marks the groups it hits, by anchor term (an
 * array look-up by the {@link TermDictionary} id of the token) and by anchor prefix (a trie walk);
 * a rule is evaluated only if all its groups were hit. The few rules without anchors (only field
 * filters and negations at the top) are evaluated for every post. Rules sit in stable slots, so
 * adding, replacing or removing one derives a new index by copying arrays of references and
 * rewriting only the posting lists of its anchors (and the prefix trie if its prefixes change), not
 * by rebuilding. Immutable.
 */
final class RuleIndex {

  private static final int[] NO_RULES = new int[0];
  private static final Comparator<RuleMatch> BY_RULE_ID = Comparator.comparing(RuleMatch::ruleId);

  private final CompiledRule[] slots;
  private final int[][] byTerm;
  private final Map<String, int[]> prefixes;
  private final PrefixTrie byPrefix;
  private final long[] always;
  private final long[] oneGroup;

  /**
   * Posting lists hold {@code slot << 1 | group}: which group of which rule an anchor belongs to.
   * {@code always} has the rules without anchors, {@code oneGroup} those with a single group.
   */
  private RuleIndex(
      CompiledRule[] slots,
      int[][] byTerm,
      Map<String, int[]> prefixes,
      PrefixTrie byPrefix,
      long[] always,
      long[] oneGroup) {
    this.slots = slots;
    this.byTerm = byTerm;
    this.prefixes = prefixes;
    this.byPrefix = byPrefix;
    this.always = always;
    this.oneGroup = oneGroup;
  }

  /** The index of {@code rules}, rule {@code i} in slot {@code i}. */
  static RuleIndex of(CompiledRule[] rules) {
    Map<Integer, List<Integer>> terms = new HashMap<>();
    Map<String, List<Integer>> prefixLists = new HashMap<>();
    long[] always = new long[words(rules.length)];
    long[] oneGroup = new long[always.length];
    int maxId = -1;
    for (int i = 0; i < rules.length; i++) {
      List<Anchors> groups = rules[i].required();
      if (groups.size() < 2) {
        (groups.isEmpty() ? always : oneGroup)[i >>> 6] |= 1L << i;
      }
      for (int group = 0; group < groups.size(); group++) {
        int posting = i << 1 | group;
        for (String term : groups.get(group).terms()) {
          int id = TermDictionary.TERMS.intern(term);
          maxId = Math.max(maxId, id);
          terms.computeIfAbsent(id, t -> new ArrayList<>()).add(posting);
        }
        for (String prefix : groups.get(group).prefixes()) {
          prefixLists.computeIfAbsent(prefix, p -> new ArrayList<>()).add(posting);
        }
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
    return new RuleIndex(rules.clone(), byTerm, prefixes, trie(prefixes), always, oneGroup);
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
    private final long[] newOneGroup;

    Change(CompiledRule[] newSlots) {
      this.newSlots = newSlots;
      this.newAlways = Arrays.copyOf(always, words(newSlots.length));
      this.newOneGroup = Arrays.copyOf(oneGroup, newAlways.length);
    }

    void post(CompiledRule rule, int slot) {
      List<Anchors> groups = rule.required();
      if (groups.size() < 2) {
        (groups.isEmpty() ? newAlways : newOneGroup)[slot >>> 6] |= 1L << slot;
      }
      for (int group = 0; group < groups.size(); group++) {
        int posting = slot << 1 | group;
        for (String term : groups.get(group).terms()) {
          int id = TermDictionary.TERMS.intern(term);
          terms(id + 1);
          newByTerm[id] = withPosting(newByTerm[id], posting);
        }
        for (String prefix : groups.get(group).prefixes()) {
          prefixes().put(prefix, withPosting(newPrefixes.getOrDefault(prefix, NO_RULES), posting));
        }
      }
    }

    void unpost(CompiledRule rule, int slot) {
      newAlways[slot >>> 6] &= ~(1L << slot);
      newOneGroup[slot >>> 6] &= ~(1L << slot);
      for (Anchors group : rule.required()) {
        for (String term : group.terms()) {
          int id = TermDictionary.TERMS.intern(term);
          terms(id + 1);
          newByTerm[id] = withoutSlot(newByTerm[id], slot);
        }
        for (String prefix : group.prefixes()) {
          int[] current = newPrefixes.get(prefix);
          if (current == null) {
            continue; // also an anchor of the rule's other group: already unposted
          }
          int[] rest = withoutSlot(current, slot);
          if (rest.length == 0) {
            prefixes().remove(prefix);
          } else {
            prefixes().put(prefix, rest);
          }
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
      return new RuleIndex(newSlots, newByTerm, newPrefixes, trie, newAlways, newOneGroup);
    }
  }

  private static PrefixTrie trie(Map<String, int[]> prefixes) {
    return prefixes.isEmpty() ? null : PrefixTrie.of(prefixes);
  }

  private static int[] withPosting(int[] list, int posting) {
    int[] grown = Arrays.copyOf(list, list.length + 1);
    grown[list.length] = posting;
    return grown;
  }

  /** The postings of {@code list} that are not of the rule in {@code slot}. */
  private static int[] withoutSlot(int[] list, int slot) {
    int kept = 0;
    int[] rest = new int[list.length];
    for (int posting : list) {
      if (posting >>> 1 != slot) {
        rest[kept++] = posting;
      }
    }
    return kept == 0 ? NO_RULES : Arrays.copyOf(rest, kept);
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

  /**
   * Marks a group as hit: {@code hits} holds the bits of first groups in its first {@code words}
   * words, then those of second groups.
   */
  static void mark(long[] hits, int words, int posting) {
    int slot = posting >>> 1;
    hits[(posting & 1) * words + (slot >>> 6)] |= 1L << slot;
  }

  /** The rules matching {@code post}, ordered by rule id. */
  List<RuleMatch> match(AnalysedPost post) {
    long[] hits = post.hits(always.length);
    int words = always.length;
    TokenBuffer tokens = post.tokens();
    char[] chars = tokens.chars();
    PrefixTrie trie = byPrefix;
    for (int position = 0, size = post.size(); position < size; position++) {
      int id = post.id(position);
      if (id >= 0 && id < byTerm.length) {
        for (int posting : byTerm[id]) {
          mark(hits, words, posting);
        }
      }
      if (trie != null) {
        trie.mark(chars, tokens.offset(position), tokens.length(position), hits, words);
      }
    }
    List<RuleMatch> matches = null;
    for (int word = 0; word < words; word++) {
      long first = hits[word];
      long second = hits[words + word];
      long bits = first & (second | oneGroup[word]) | always[word];
      hits[word] = 0;
      hits[words + word] = 0;
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
