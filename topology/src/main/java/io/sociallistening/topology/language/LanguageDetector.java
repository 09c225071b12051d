package io.sociallistening.topology.language;

import io.sociallistening.topology.text.Links;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells whether a short post is in English, Portuguese or Spanish.
 *
 * <p>Input: one post's text. Output: {@code "en"}, {@code "pt"}, {@code "es"}, or {@code "und"}
 * when the text is too short (fewer than two words), carries too little evidence, is ambiguous
 * between languages, or looks like another language (German, French, Italian and Dutch are
 * recognised for that purpose).
 *
 * <p>Two kinds of evidence, over the words of the text (URLs, handles, hashtags and tokens with
 * digits are skipped):
 *
 * <ul>
 *   <li>Word lists, {@code language/language_profiles.txt} (hand-written, see the README beside
 *       it): each word of the text found in a language's word list adds 1 / k to that language,
 *       where k is the number of languages listing the word; each character n-gram (1 to 3
 *       characters of the word padded with {@code _}) found in a language's list adds 0.2 / k, or 1
 *       / k for a single letter such as {@code ñ} or {@code ã}. The best language wins when its
 *       score is at least {@value #MIN_SCORE} and exceeds the runner-up by at least {@value
 *       #MIN_MARGIN}.
 *   <li>Character n-gram likelihoods, {@link NgramModel} ({@code language/ngram_model.txt}, derived
 *       from lingua's models): the log-probability of every trigram of every word, summed per
 *       language. They are sure when the likeliest language beats the runner-up by at least {@value
 *       #MIN_LOG_LIKELIHOOD_RATIO} in natural log.
 * </ul>
 *
 * The word lists decide, unless the n-grams are sure of a language that is not detected (then
 * {@code und}); when the word lists cannot decide, the n-grams decide when they are sure.
 *
 * <p>Measured on 1,491 news sentences in the seven languages (lingua's test sentences) and the 498
 * English tweets of the Sentiment140 test set: see {@code topology/LANGUAGE.md}.
 *
 * <p>Immutable and thread-safe; no regular expressions; per call it allocates two small score
 * arrays and a scratch array of the text's length; words are lower-cased into it and looked up by
 * char range in open-addressing tables.
 */
public final class LanguageDetector {
  /** Returned when no supported language is recognised. */
  public static final String UNDETERMINED = "und";

  static final double MIN_SCORE = 1.0;
  static final double MIN_MARGIN = 0.3;

  /**
   * How much likelier (in natural log, e² ≈ 7.4 times) the n-grams must make the likeliest language
   * than the runner-up for them to decide.
   */
  static final double MIN_LOG_LIKELIHOOD_RATIO = 2.0;

  private static final double NGRAM_WEIGHT = 0.2;
  private static final double LETTER_WEIGHT = 1.0;
  private static final int MIN_WORDS = 2;
  private static final String RESOURCE = "/language/language_profiles.txt";
  private static final List<String> DETECTED = List.of("en", "pt", "es");

  private final String[] languages;
  // the word lists and the n-gram lists: open-addressing tables, looked up by char range
  private final String[] wordKeys;
  private final int[] wordMasks;
  private final long[] ngramKeys;
  private final int[] ngramMasks;
  private final NgramModel model;
  private final boolean[] modelDetects;

  private LanguageDetector(
      String[] languages, Map<String, Integer> words, Map<Long, Integer> ngrams, NgramModel model) {
    this.languages = languages;
    this.wordKeys = new String[tableSize(words.size())];
    this.wordMasks = new int[wordKeys.length];
    for (Map.Entry<String, Integer> word : words.entrySet()) {
      String key = word.getKey();
      int slot = slot(hash(key), wordKeys.length - 1);
      while (wordKeys[slot] != null) {
        slot = (slot + 1) & (wordKeys.length - 1);
      }
      wordKeys[slot] = key;
      wordMasks[slot] = word.getValue();
    }
    this.ngramKeys = new long[tableSize(ngrams.size())];
    this.ngramMasks = new int[ngramKeys.length];
    for (Map.Entry<Long, Integer> ngram : ngrams.entrySet()) {
      long key = ngram.getKey();
      int slot = slot(Long.hashCode(key * 0x9E3779B97F4A7C15L), ngramKeys.length - 1);
      while (ngramKeys[slot] != 0) {
        slot = (slot + 1) & (ngramKeys.length - 1);
      }
      ngramKeys[slot] = key;
      ngramMasks[slot] = ngram.getValue();
    }
    this.model = model;
    List<String> modelLanguages = model.languages();
    this.modelDetects = new boolean[modelLanguages.size()];
    for (int l = 0; l < modelDetects.length; l++) {
      modelDetects[l] = DETECTED.contains(modelLanguages.get(l));
    }
  }

  /** The detector with the bundled profiles; loaded once, then shared. */
  public static LanguageDetector loadDefault() {
    return Default.INSTANCE;
  }

  /** Returns the ISO 639-1 code of {@code text}'s language, or {@code "und"}. */
  public String detect(String text) {
    if (text == null || text.isEmpty()) {
      return UNDETERMINED;
    }
    double[] scores = new double[languages.length];
    double[] likelihoods = new double[modelDetects.length];
    int wordCount = 0;
    int length = text.length();
    char[] word = new char[length];
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int chunkEnd = i;
      while (chunkEnd < length && !Character.isWhitespace(text.charAt(chunkEnd))) {
        chunkEnd++;
      }
      if (!isSkipped(text, i, chunkEnd)) {
        wordCount += words(text, i, chunkEnd, word, scores, likelihoods);
      }
      i = chunkEnd;
    }
    if (wordCount < MIN_WORDS) {
      return UNDETERMINED;
    }
    int likeliest = 0;
    double likeliestScore = Double.NEGATIVE_INFINITY;
    double runnerUpScore = Double.NEGATIVE_INFINITY;
    for (int l = 0; l < likelihoods.length; l++) {
      if (likelihoods[l] > likeliestScore) {
        runnerUpScore = likeliestScore;
        likeliestScore = likelihoods[l];
        likeliest = l;
      } else if (likelihoods[l] > runnerUpScore) {
        runnerUpScore = likelihoods[l];
      }
    }
    boolean sure = likeliestScore - runnerUpScore >= MIN_LOG_LIKELIHOOD_RATIO;
    String byWords = byWords(scores);
    if (!byWords.equals(UNDETERMINED)) {
      // the word lists decide, unless the n-grams are sure of a language that is not detected
      return sure && !modelDetects[likeliest] ? UNDETERMINED : byWords;
    }
    return sure && modelDetects[likeliest] ? model.languages().get(likeliest) : UNDETERMINED;
  }

  /** The language the word and n-gram lists pick, or {@code "und"}. */
  private String byWords(double[] scores) {
    int best = -1;
    double bestScore = 0;
    double secondScore = 0;
    for (int l = 0; l < scores.length; l++) {
      if (scores[l] > bestScore) {
        secondScore = bestScore;
        bestScore = scores[l];
        best = l;
      } else if (scores[l] > secondScore) {
        secondScore = scores[l];
      }
    }
    if (best < 0 || bestScore < MIN_SCORE || bestScore - secondScore < MIN_MARGIN) {
      return UNDETERMINED;
    }
    String language = languages[best];
    return DETECTED.contains(language) ? language : UNDETERMINED;
  }

  /**
   * Scores the words inside one whitespace-separated chunk; returns how many there were. {@code
   * word} is scratch space of at least the text's length.
   */
  private int words(
      String text, int start, int end, char[] word, double[] scores, double[] likelihoods) {
    int count = 0;
    int i = start;
    while (i < end) {
      while (i < end && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int wordStart = i;
      boolean special = false;
      int n = 0;
      while (i < end && (Character.isLetter(text.charAt(i)) || isInnerApostrophe(text, i, end))) {
        char c = text.charAt(i);
        // what String.toLowerCase(Locale.ROOT) does not lower char by char: a dotted capital I
        // (two chars) and a capital sigma (final sigma at the end of a word)
        special |= c == '\u0130' || c == '\u03A3';
        word[n++] = c == '\u2019' ? '\'' : Character.toLowerCase(c);
        i++;
      }
      if (n > 0) {
        if (special) {
          char[] lower =
              text.substring(wordStart, i)
                  .toLowerCase(Locale.ROOT)
                  .replace('\u2019', '\'')
                  .toCharArray();
          score(lower, lower.length, scores);
          model.score(lower, lower.length, likelihoods);
        } else {
          score(word, n, scores);
          model.score(word, n, likelihoods);
        }
        count++;
      }
    }
    return count;
  }

  private void score(char[] word, int n, double[] scores) {
    int mask = wordMask(word, n);
    if (mask != 0) {
      add(scores, mask, 1.0);
    }
    // positions in the padded word "_word_": 0 and n + 1 are the boundary marks
    for (int p = 0; p < n + 2; p++) {
      long key = 0;
      for (int len = 1; len <= 3 && p + len <= n + 2; len++) {
        char c = p + len - 1 == 0 || p + len - 1 == n + 1 ? '_' : word[p + len - 2];
        key = (key << 16) | c;
        int ngramMask = ngramMask(key | ((long) len << 48));
        if (ngramMask != 0) {
          add(scores, ngramMask, len == 1 ? LETTER_WEIGHT : NGRAM_WEIGHT);
        }
      }
    }
  }

  /** The languages listing the word {@code word[0..n)}, as a bit mask; 0 for none. */
  private int wordMask(char[] word, int n) {
    int h = 0;
    for (int k = 0; k < n; k++) {
      h = 31 * h + word[k];
    }
    int mask = wordKeys.length - 1;
    for (int slot = slot(h, mask); wordKeys[slot] != null; slot = (slot + 1) & mask) {
      String key = wordKeys[slot];
      if (key.length() == n && equals(key, word, n)) {
        return wordMasks[slot];
      }
    }
    return 0;
  }

  /** The languages listing the n-gram {@code key} (see {@link #ngramKey}), as a bit mask. */
  private int ngramMask(long key) {
    int mask = ngramKeys.length - 1;
    int slot = slot(Long.hashCode(key * 0x9E3779B97F4A7C15L), mask);
    for (; ngramKeys[slot] != 0; slot = (slot + 1) & mask) {
      if (ngramKeys[slot] == key) {
        return ngramMasks[slot];
      }
    }
    return 0;
  }

  private static boolean equals(String key, char[] word, int n) {
    for (int k = 0; k < n; k++) {
      if (key.charAt(k) != word[k]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(String word) {
    return word.hashCode();
  }

  private static int slot(int hash, int mask) {
    return (hash * 0x9E3779B9 >>> 8) & mask;
  }

  /** A power of two with room for {@code entries} at most half full. */
  private static int tableSize(int entries) {
    return Integer.highestOneBit(Math.max(4, entries * 2 - 1)) << 1;
  }

  private static void add(double[] scores, int mask, double weight) {
    double share = weight / Integer.bitCount(mask);
    for (int l = 0; l < scores.length; l++) {
      if ((mask & (1 << l)) != 0) {
        scores[l] += share;
      }
    }
  }

  private static boolean isInnerApostrophe(String text, int i, int end) {
    char c = text.charAt(i);
    return (c == '\'' || c == '\u2019')
        && i + 1 < end
        && Character.isLetter(text.charAt(i + 1))
        && i > 0
        && Character.isLetter(text.charAt(i - 1));
  }

  private static boolean isSkipped(String text, int start, int end) {
    char first = text.charAt(start);
    if (first == '@' || first == '#') {
      return true;
    }
    if ((first == 'h' || first == 'H') && text.regionMatches(true, start, "http", 0, 4)
        || Links.isLink(text, start, end)) {
      return true;
    }
    for (int i = start; i < end; i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static long ngramKey(String ngram) {
    long key = 0;
    for (int i = 0; i < ngram.length(); i++) {
      key = (key << 16) | ngram.charAt(i);
    }
    return key | ((long) ngram.length() << 48);
  }

  private static LanguageDetector load(String resource) {
    InputStream in = LanguageDetector.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    List<String> languages = new ArrayList<>();
    Map<String, Integer> words = new HashMap<>();
    Map<Long, Integer> ngrams = new TreeMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 3 || !(fields[1].equals("words") || fields[1].equals("trigrams"))) {
          throw new IllegalStateException(
              resource + " line " + number + ": expected language<TAB>words|trigrams<TAB>items");
        }
        int index = languages.indexOf(fields[0]);
        if (index < 0) {
          languages.add(fields[0]);
          index = languages.size() - 1;
        }
        int bit = 1 << index;
        for (String item : fields[2].split(" ")) {
          if (item.isEmpty()) {
            continue;
          }
          if (fields[1].equals("words")) {
            words.merge(item.toLowerCase(Locale.ROOT), bit, (a, b) -> a | b);
          } else if (item.length() > 3) {
            throw new IllegalStateException(
                resource + " line " + number + ": n-gram longer than 3: " + item);
          } else {
            ngrams.merge(ngramKey(item), bit, (a, b) -> a | b);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LanguageDetector(
        languages.toArray(String[]::new), words, ngrams, NgramModel.loadDefault());
  }

  private static final class Default {
    static final LanguageDetector INSTANCE = load(RESOURCE);
  }
}
