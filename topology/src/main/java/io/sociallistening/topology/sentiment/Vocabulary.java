package io.sociallistening.topology.sentiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the scorer knows, looked up by a range of chars without building a string: every
 * lexicon entry (with its valence) and every word the rules name ({@link ValenceRules}' lists and
 * phrases, and the words given as rule words). Each word has an id, {@code 0..size-1}; {@link
 * #word} is the one shared string of that word, so rules compare words without allocating.
 *
 * <p>An open-addressing hash table over the words' chars (linear probing, at most half full; each
 * slot holds the word's hash beside its id, so that most mismatches cost one int comparison in the
 * slot itself). Immutable and thread-safe.
 */
final class Vocabulary {
  private final String[] words;
  private final double[] valences;
  private final boolean[] boostersOrNegations;
  private final boolean[] hashtagWords;

  /** Pairs (hash, id + 1) per slot; id + 1 = 0 marks an empty slot. */
  private final int[] slots;

  private final int mask;

  /**
   * All words' chars, one after the other: word id is {@code chars[offsets[id]..offsets[id+1])}.
   */
  private final char[] chars;

  private final int[] offsets;

  private Vocabulary(List<String> words, Map<String, Double> lexicon, Set<String> hashtagWords) {
    int n = words.size();
    this.words = new String[n];
    this.valences = new double[n];
    this.boostersOrNegations = new boolean[n];
    this.hashtagWords = new boolean[n];
    this.offsets = new int[n + 1];
    int capacity = Integer.highestOneBit(Math.max(2 * n, 16) - 1) << 1;
    this.slots = new int[2 * capacity];
    this.mask = capacity - 1;
    int total = 0;
    for (String word : words) {
      total += word.length();
    }
    this.chars = new char[total];
    for (int id = 0; id < n; id++) {
      // interned, so that a rule's literal ("no") is the very string of a token
      String word = words.get(id).intern();
      this.words[id] = word;
      word.getChars(0, word.length(), chars, offsets[id]);
      offsets[id + 1] = offsets[id] + word.length();
      Double valence = lexicon.get(word);
      valences[id] = valence == null ? Double.NaN : valence;
      boostersOrNegations[id] =
          ValenceRules.BOOSTERS.containsKey(word) || ValenceRules.NEGATIONS.contains(word);
      this.hashtagWords[id] = hashtagWords.contains(word);
      int hash = hash(word);
      int slot = hash & mask;
      while (slots[2 * slot + 1] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = id + 1;
    }
  }

  /**
   * The lexicon's entries and the rule words of {@link ValenceRules}, plus {@code ruleWords} (words
   * that the scorer's rules compare tokens with) and {@code hashtagWords} (short words allowed when
   * splitting a hashtag).
   */
  static Vocabulary of(
      Map<String, Double> lexicon, Collection<String> ruleWords, Set<String> hashtagWords) {
    Set<String> words = new LinkedHashSet<>(lexicon.keySet());
    words.addAll(ValenceRules.BOOSTERS.keySet());
    words.addAll(ValenceRules.SOCIAL_BOOSTERS.keySet());
    words.addAll(ValenceRules.NEGATIONS);
    words.addAll(ValenceRules.SOCIAL_NEGATIONS);
    words.addAll(ValenceRules.CONTRASTS);
    words.addAll(ValenceRules.PORTUGUESE_CONTRASTS);
    words.addAll(ValenceRules.SPANISH_CONTRASTS);
    words.addAll(ValenceRules.PORTUGUESE_CONCESSIVES);
    words.addAll(ValenceRules.SPANISH_CONCESSIVES);
    words.addAll(ValenceRules.SEGMENT_STARTS);
    for (String[] phrase : ValenceRules.SPECIAL_CASES) {
      words.addAll(List.of(phrase));
    }
    for (String[] phrase : ValenceRules.BOOSTER_PHRASES) {
      words.addAll(List.of(phrase));
    }
    words.addAll(ruleWords);
    words.addAll(hashtagWords);
    return new Vocabulary(new ArrayList<>(words), lexicon, hashtagWords);
  }

  /** The id of the word made of {@code chars[from..to)}, or -1 when it is not known. */
  int find(char[] chars, int from, int to) {
    return find(chars, from, to, polynomial(chars, from, to));
  }

  /**
   * {@link #find(char[], int, int)} given the chars' {@link String#hashCode()}-style polynomial
   * hash (31 * h + c over the chars), computed by the caller while writing them.
   */
  int find(char[] chars, int from, int to, int polynomialHash) {
    int hash = mix(polynomialHash);
    int length = to - from;
    int slot = hash & mask;
    int entry;
    while ((entry = slots[2 * slot + 1]) != 0) {
      if (slots[2 * slot] == hash && equals(entry - 1, chars, from, length)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The id of {@code word}, or -1 when it is not known. */
  int find(String word) {
    char[] chars = word.toCharArray();
    return find(chars, 0, chars.length);
  }

  /** The shared string of word {@code id}. */
  /** Number of words; ids run from 0 to this minus one. */
  int size() {
    return words.length;
  }

  String word(int id) {
    return words[id];
  }

  /** The lexicon valence of word {@code id}, NaN when the word is not a lexicon entry. */
  double valence(int id) {
    return valences[id];
  }

  /** Whether word {@code id} is one of the short words allowed when splitting a hashtag. */
  boolean isHashtagWord(int id) {
    return hashtagWords[id];
  }

  /** Whether word {@code id} is one of VADER's boosters, dampeners or negation words. */
  boolean isBoosterOrNegation(int id) {
    return boostersOrNegations[id];
  }

  private boolean equals(int id, char[] other, int from, int length) {
    int offset = offsets[id];
    if (offsets[id + 1] - offset != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (chars[offset + k] != other[from + k]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(String word) {
    return mix(word.hashCode());
  }

  private static int polynomial(char[] chars, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + chars[k];
    }
    return h;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }
}
