package io.sociallistening.topology.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * <p>Immutable and thread-safe; the n-grams sit in an open-addressing table of packed keys, each
 * beside its values (a byte per language), so scoring allocates nothing and a lookup reads one
 * cache line.
 */
final class NgramModel {
  /** ln(1e-5): the log-probability of an n-gram a language lacks. */
  static final double FLOOR = -11.5;

  /** {@link #FLOOR} in the file's unit (-10 x ln). */
  private static final int FLOOR_BYTE = 115;

  private static final String RESOURCE = "/language/ngram_model.txt";

  /** At most this many languages: one byte of a slot's second long each. */
  private static final int MAX_LANGUAGES = 8;

  /** The log-probability of each byte value b of a slot: -b / 10 (the file's unit). */
  private static final float[] LOG_PROBABILITY = new float[256];

  static {
    for (int b = 0; b < LOG_PROBABILITY.length; b++) {
      LOG_PROBABILITY[b] = -b / 10f;
    }
  }

  private final String[] languages;
  // slot i: table[2i] the packed n-gram (0 for an empty slot), table[2i + 1] one byte per
  // language, -10 x its log-probability; key and values share a cache line
  private final long[] table;
  private final int mask;

  private NgramModel(String[] languages, long[] table) {
    this.languages = languages;
    this.table = table;
    this.mask = table.length / 2 - 1;
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
    while (table[2 * slot] != 0) {
      if (table[2 * slot] == key) {
        long values = table[2 * slot + 1];
        for (int l = 0; l < languages.length; l++) {
          scores[l] += LOG_PROBABILITY[(int) (values >>> (8 * l)) & 0xFF];
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
    int slots = 1 << 16;
    long[] table = new long[2 * slots];
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
          if (languages.length > MAX_LANGUAGES) {
            throw new IllegalStateException(
                resource + ": more than " + MAX_LANGUAGES + " languages");
          }
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
        // at most three quarters full, so that a probe for an absent n-gram stays short
        if (++count > slots / 4 * 3) {
          throw new IllegalStateException(resource + ": more n-grams than the table holds");
        }
        long key = key(line, 0, tab);
        int mask = slots - 1;
        int slot = slot(key, mask);
        while (table[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        long values = 0;
        for (int l = 0; l < fields.length; l++) {
          int value = fields[l].equals("-") ? FLOOR_BYTE : Integer.parseInt(fields[l]);
          if (value < 0 || value > 255) {
            throw new IllegalStateException(
                resource + " line " + number + ": value out of 0..255: " + fields[l]);
          }
          values |= (long) value << (8 * l);
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = values;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (languages == null) {
      throw new IllegalStateException(resource + ": no header naming the languages");
    }
    return new NgramModel(languages, table);
  }

  private static final class Default {
    static final NgramModel INSTANCE = load(RESOURCE);
  }
}
