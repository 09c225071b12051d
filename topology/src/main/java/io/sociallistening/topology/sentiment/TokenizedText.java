package io.sociallistening.topology.sentiment;

import java.util.Arrays;

/**
 * The tokens of one text as {@link SocialTextTokenizer} produced them, in parallel arrays: the
 * token as written (punctuation stripped, elongation collapsed), its lower-case form, its lexicon
 * valence ({@code NaN} when it has none) and whether it is written in capitals. Also counts the
 * text's exclamation and question marks. Mutable while the tokenizer fills it; read-only
 * afterwards.
 */
final class TokenizedText {
  String[] words = new String[32];
  String[] lower = new String[32];
  double[] valence = new double[32];
  boolean[] upper = new boolean[32];

  /** No boundary after the token. */
  static final byte NONE = 0;

  /** The token ends a clause ({@code , ; :} or a dash). */
  static final byte CLAUSE = 1;

  /** The token ends a sentence ({@code . ! …}). */
  static final byte SENTENCE = 2;

  /** The token ends a question. */
  static final byte QUESTION = 3;

  byte[] boundary = new byte[32];
  double[] scored;
  int size;
  int exclamations;
  int questions;

  void add(String word, String lowerWord, double wordValence, boolean allCaps) {
    if (size == words.length) {
      int capacity = size * 2;
      words = Arrays.copyOf(words, capacity);
      lower = Arrays.copyOf(lower, capacity);
      valence = Arrays.copyOf(valence, capacity);
      upper = Arrays.copyOf(upper, capacity);
      boundary = Arrays.copyOf(boundary, capacity);
    }
    words[size] = word;
    lower[size] = lowerWord;
    valence[size] = wordValence;
    upper[size] = allCaps;
    boundary[size] = NONE;
    size++;
  }

  /** The array of scored valences, at least {@code n} long. */
  double[] scored(int n) {
    if (scored == null || scored.length < n) {
      scored = new double[Math.max(n, 32)];
    }
    return scored;
  }

  /** Marks the last token as ending a clause or sentence, keeping the stronger boundary. */
  void markBoundary(byte kind) {
    if (size > 0 && boundary[size - 1] < kind) {
      boundary[size - 1] = kind;
    }
  }

  boolean inLexicon(int i) {
    return !Double.isNaN(valence[i]);
  }
}
