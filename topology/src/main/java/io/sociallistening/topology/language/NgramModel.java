package io.sociallistening.topology.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Character n-gram likelihoods of a word in each of seven languages, from {@code
 * language/ngram_model.txt} (derived from lingua's models, see the licence file beside it).
 *
 * <p>Input: one lower-case word. Output: for each language, the natural log-probability of the
 * word's trigrams (a word of one or two letters: the word itself as a unigram or bigram) added to a
 * caller's score array. An n-gram that no language has adds nothing; one that a language lacks adds
 * {@value #FLOOR} to that language.
 *
 * <p>Immutable and thread-safe; the n-grams sit in an open-addressing table of packed keys, so
 * scoring allocates nothing.
 */
final class NgramModel {
  /** ln(1e-5): the log-probability of an n-gram a language lacks. */
  static final double FLOOR = -11.5;

  private static final String RESOURCE = "/language/ngram_model.txt";

  private final String[] languages;
  private final long[] keys;
  private final float[] logProbabilities;
  private final int mask;

  private NgramModel(String[] languages, long[] keys, float[] logProbabilities) {
    this.languages = languages;
    this.keys = keys;
    this.logProbabilities = logProbabilities;
    this.mask = keys.length - 1;
  }

  /** The bundled model; loaded once, then shared. */
  static NgramModel loadDefault() {
    return Default.INSTANCE;
  }

  /** The model's languages, in the order of the score arrays. */
  List<String> languages() {
    return List.of(languages);
  }

  /**
   * Adds the log-likelihood of the lower-case word {@code word[0..n)} in each language to {@code
   * scores}.
   */
  void score(char[] word, int n, double[] scores) {
    if (n < 3) {
      add(key(word, 0, n), scores);
      return;
    }
    for (int i = 0; i + 3 <= n; i++) {
      add(key(word, i, i + 3), scores);
    }
  }

  private void add(long key, double[] scores) {
    int slot = slot(key, mask);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        int base = slot * languages.length;
        for (int l = 0; l < languages.length; l++) {
          scores[l] += logProbabilities[base + l];
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private static long key(CharSequence text, int from, int to) {
    long key = 0;
    for (int i = from; i < to; i++) {
      key = (key << 16) | text.charAt(i);
    }
    return key | ((long) (to - from) << 48);
  }

  private static long key(char[] word, int from, int to) {
    long key = 0;
    for (int i = from; i < to; i++) {
      key = (key << 16) | word[i];
    }
    return key | ((long) (to - from) << 48);
  }

  private static NgramModel load(String resource) {
    InputStream in = NgramModel.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    String[] languages = null;
    long[] keys = new long[1 << 17];
    float[] values = null;
    int count = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.startsWith("# ngram TAB ")) {
          String header = line.substring(line.indexOf(" in ") + 4);
          languages = header.substring(0, header.indexOf(" (")).split(" ");
          values = new float[keys.length * languages.length];
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        String[] fields = line.substring(tab + 1).split(" ");
        if (languages == null || tab < 1 || tab > 3 || fields.length != languages.length) {
          throw new IllegalStateException(
              resource + " line " + number + ": expected ngram<TAB>one value per language");
        }
        if (++count > keys.length / 2) {
          throw new IllegalStateException(resource + ": more n-grams than the table holds");
        }
        long key = key(line, 0, tab);
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        for (int l = 0; l < fields.length; l++) {
          values[slot * languages.length + l] =
              fields[l].equals("-") ? (float) FLOOR : -Integer.parseInt(fields[l]) / 10f;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (languages == null) {
      throw new IllegalStateException(resource + ": no header naming the languages");
    }
    return new NgramModel(languages, keys, Arrays.copyOf(values, values.length));
  }

  private static final class Default {
    static final NgramModel INSTANCE = load(RESOURCE);
  }
}
