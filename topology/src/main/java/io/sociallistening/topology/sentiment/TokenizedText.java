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
    }
    words[size] = word;
    lower[size] = lowerWord;
    valence[size] = wordValence;
    upper[size] = allCaps;
    size++;
  }

  boolean inLexicon(int i) {
    return !Double.isNaN(valence[i]);
  }
}
