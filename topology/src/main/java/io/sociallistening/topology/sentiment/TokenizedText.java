package io.sociallistening.topology.sentiment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tokens of one text as {@link SocialTextTokenizer} produced them, in parallel arrays: the
 * token's lower-case form (punctuation stripped, elongation collapsed) as a {@link Vocabulary} id
 * when the word is known, else as a range of {@link #chars}; its lexicon valence ({@code NaN} when
 * it has none); whether it is written in capitals; the boundary after it. Also counts the text's
 * exclamation and question marks.
 *
 * <p>Scratch space: each tokenizer keeps one per thread and refills it for every text, so
 * tokenising allocates nothing once the arrays have grown to the longest text seen. {@link
 * #lower(int)} builds the string of an unknown token only when a rule asks for it. Not thread-safe;
 * valid until the same thread tokenises the next text.
 */
final class TokenizedText {
  /** No boundary after the token. */
  static final byte NONE = 0;

  /** The token ends a clause ({@code , ; :} or a dash: {@code -}, {@code --}, en or em dash). */
  static final byte CLAUSE = 1;

  /** The token ends a sentence ({@code . ! …}). */
  static final byte SENTENCE = 2;

  /** The token ends a question. */
  static final byte QUESTION = 3;

  private static final int CAPACITY = 64;

  /** Vocabulary id of each token's lower-case form, -1 when the word is not known. */
  int[] id = new int[CAPACITY];

  /** Lower-case forms of unknown tokens: token i is {@code chars[start[i]..end[i])}. */
  char[] chars = new char[CAPACITY * 8];

  int[] start = new int[CAPACITY];
  int[] end = new int[CAPACITY];
  double[] valence = new double[CAPACITY];
  boolean[] upper = new boolean[CAPACITY];
  byte[] boundary = new byte[CAPACITY];
  double[] scored = new double[CAPACITY];
  int size;
  int exclamations;
  int questions;

  /** The text as tokenised (HTML references decoded for the social scorer). */
  String text;

  /**
   * Where in {@link #text} the chunk that gave each token is: {@code text[chunkStart[i],
   * chunkEnd[i])}, with its punctuation (all tokens of a hashtag or of a word and its emoji share
   * it).
   */
  int[] chunkStart = new int[CAPACITY];

  int[] chunkEnd = new int[CAPACITY];

  /**
   * The boundary that the punctuation of a dropped handle or link right after each token marks
   * ({@code love @acme, hate}): one of the segments of a brand, and in the social configuration one
   * of the rules too ({@link #boundary}).
   */
  byte[] droppedBoundary = new byte[CAPACITY];

  /**
   * The boundary that each token's own punctuation marks, without that of a dropped handle or link
   * after it: where a brand named in a handle or link right after the token belongs.
   */
  byte[] ownBoundary = new byte[CAPACITY];

  /** Chars of {@link #chars} in use. */
  int charCount;

  /** Scratch of hashtag splitting: the cut before each part, and the best cut to each end. */
  int[] cuts = new int[CAPACITY];

  int[] cut = new int[CAPACITY];
  private int[] best = new int[CAPACITY];

  private Vocabulary vocabulary;
  private String[] lower = new String[CAPACITY];

  /** Per vocabulary id, the tokens of that word counted so far by {@link #earlierRepeats}. */
  private int[] repeats = new int[0];

  /** The same for tokens without a vocabulary id (emoji), by their chars; null until needed. */
  private Map<String, Integer> unknownRepeats;

  /** Empties this scratch for the next text, whose words are looked up in {@code words}. */
  void reset(Vocabulary words, String tokenised) {
    vocabulary = words;
    text = tokenised;
    Arrays.fill(lower, 0, size, null);
    size = 0;
    exclamations = 0;
    questions = 0;
    charCount = 0;
  }

  /**
   * Adds a token whose lower-case form is {@code chars[from..to)} (or, when {@code wordId >= 0},
   * the vocabulary's word {@code wordId}).
   */
  void add(int wordId, int from, int to, double wordValence, boolean allCaps) {
    if (size == id.length) {
      int capacity = size * 2;
      id = Arrays.copyOf(id, capacity);
      start = Arrays.copyOf(start, capacity);
      end = Arrays.copyOf(end, capacity);
      valence = Arrays.copyOf(valence, capacity);
      upper = Arrays.copyOf(upper, capacity);
      boundary = Arrays.copyOf(boundary, capacity);
      lower = Arrays.copyOf(lower, capacity);
      chunkStart = Arrays.copyOf(chunkStart, capacity);
      chunkEnd = Arrays.copyOf(chunkEnd, capacity);
      droppedBoundary = Arrays.copyOf(droppedBoundary, capacity);
      ownBoundary = Arrays.copyOf(ownBoundary, capacity);
    }
    id[size] = wordId;
    lower[size] = wordId >= 0 ? vocabulary.word(wordId) : null;
    start[size] = from;
    end[size] = to;
    valence[size] = wordValence;
    upper[size] = allCaps;
    boundary[size] = NONE;
    droppedBoundary[size] = NONE;
    ownBoundary[size] = NONE;
    size++;
  }

  /** Adds a token whose lower-case form is {@code lowerWord}. */
  void add(String lowerWord, double wordValence, boolean allCaps) {
    int from = charCount;
    for (int k = 0; k < lowerWord.length(); k++) {
      append(lowerWord.charAt(k));
    }
    add(vocabulary.find(chars, from, charCount), from, charCount, wordValence, allCaps);
  }

  /** {@link String#hashCode()}-style hash of the chars the tokenizer wrote last. */
  int hash;

  /** {@link #chars}, with room for {@code n} more chars after {@link #charCount}. */
  char[] reserve(int n) {
    if (charCount + n > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + n));
    }
    return chars;
  }

  /** Appends one char to {@link #chars}, growing it when full. */
  void append(char c) {
    if (charCount == chars.length) {
      chars = Arrays.copyOf(chars, chars.length * 2);
    }
    chars[charCount++] = c;
  }

  /** Hashtag splitting's array of fewest parts, at least {@code n} long (and cuts as long). */
  int[] best(int n) {
    if (best.length < n) {
      best = new int[n];
      cut = new int[n];
      cuts = new int[n];
    }
    return best;
  }

  /** The array of scored valences, at least {@code n} long. */
  double[] scored(int n) {
    if (scored.length < n) {
      scored = new double[Math.max(n, 2 * scored.length)];
    }
    return scored;
  }

  /** Records that the tokens from {@code first} on come from the chunk {@code text[from, to)}. */
  void placeChunk(int first, int from, int to) {
    for (int i = first; i < size; i++) {
      chunkStart[i] = from;
      chunkEnd[i] = to;
    }
  }

  /**
   * Marks the boundary that the punctuation of a dropped handle or link after the last token marks;
   * a boundary of the rules too when {@code forRules} ("I didn't order from https://example.com/x.
   * Great service": the full stop ends the negation's sentence).
   */
  void markDroppedBoundary(byte kind, boolean forRules) {
    if (size > 0 && droppedBoundary[size - 1] < kind) {
      droppedBoundary[size - 1] = kind;
    }
    if (forRules && size > 0 && boundary[size - 1] < kind) {
      boundary[size - 1] = kind;
    }
  }

  /** Marks the last token as ending a clause or sentence, keeping the stronger boundary. */
  void markBoundary(byte kind) {
    if (size > 0 && boundary[size - 1] < kind) {
      boundary[size - 1] = kind;
    }
    if (size > 0 && ownBoundary[size - 1] < kind) {
      ownBoundary[size - 1] = kind;
    }
  }

  boolean inLexicon(int i) {
    return !Double.isNaN(valence[i]);
  }

  /**
   * Token {@code i} in lower case: a known word's shared (interned) string, else a string built on
   * the first call.
   */
  String lower(int i) {
    String word = lower[i];
    if (word == null) {
      word = new String(chars, start[i], end[i] - start[i]);
      lower[i] = word;
    }
    return word;
  }

  /** Whether token {@code i} in lower case is {@code word}; allocates nothing. */
  boolean is(int i, String word) {
    if (id[i] >= 0) {
      return lower[i].equals(word);
    }
    return end[i] - start[i] == word.length() && startsWith(i, word);
  }

  /** Whether token {@code i} in lower case starts with {@code prefix}; allocates nothing. */
  boolean startsWith(int i, String prefix) {
    if (id[i] >= 0) {
      return lower[i].startsWith(prefix);
    }
    int from = start[i];
    if (end[i] - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (chars[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether token {@code i} in lower case is in {@code words}, a set whose words are all in the
   * vocabulary (an unknown token is in none of them).
   */
  boolean in(int i, Set<String> words) {
    return id[i] >= 0 && words.contains(lower[i]);
  }

  /**
   * How many tokens passed to this method before token {@code i} are the same word, counting token
   * {@code i} in turn: linear in the number of tokens, where comparing every pair was quadratic.
   * Call for tokens in order; {@link #clearRepeats} before the next count.
   */
  int earlierRepeats(int i) {
    int wordId = id[i];
    if (wordId >= 0) {
      if (repeats.length <= wordId) {
        repeats = Arrays.copyOf(repeats, Math.max(vocabulary.size(), wordId + 1));
      }
      return repeats[wordId]++;
    }
    if (unknownRepeats == null) {
      unknownRepeats = new HashMap<>();
    }
    Integer earlier =
        unknownRepeats.merge(new String(chars, start[i], end[i] - start[i]), 1, Integer::sum);
    return earlier - 1;
  }

  /** Forgets the counts of {@link #earlierRepeats} for the tokens of this text. */
  void clearRepeats() {
    for (int i = 0; i < size; i++) {
      if (id[i] >= 0 && id[i] < repeats.length) {
        repeats[id[i]] = 0;
      }
    }
    if (unknownRepeats != null) {
      unknownRepeats.clear();
    }
  }
}
