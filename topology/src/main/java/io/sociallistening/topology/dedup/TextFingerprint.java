package io.sociallistening.topology.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fingerprints of post text for near-duplicate detection: a normal form that erases the ways copies
 * of one post differ, and a 64-bit SimHash of it.
 *
 * <p><b>Input:</b> raw post text. <b>Output:</b> {@link #normalize(String)} — the normal form;
 * {@link #simHash(String)} — 64 bits; {@link #distance(long, long)} — Hamming distance. <b>State
 * and time:</b> none; pure functions, no regex, one pass over the characters per step.
 *
 * <p>Normal form, in order: NFKC; lower case ({@link Locale#ROOT}); split on white space; drop
 * leading retweet prefixes ({@code rt @user:}, repeated) and then all leading {@code @mentions} (a
 * reply or a copy that dropped them reads the same); drop URL tokens ({@code http://}, {@code
 * https://}, {@code www.}) anywhere; then from the end drop tokens that are hashtags, have no
 * letter or digit (emoji, punctuation) or are truncation marks ({@code …} or {@code ...}), and a
 * last word cut by a truncation mark ({@code wor…}); finally every character that is not a letter
 * or digit becomes a separator and tokens are joined by single spaces.
 */
public final class TextFingerprint {

  /**
   * Words per shingle of {@link #simHash(String)}. One: a 64-bit SimHash flips about 64 ·
   * arccos(cos)/π bits, so with 2-word shingles a one-word edit of a 15+ word tweet stays within 3
   * bits only 4 % of the time (1-word shingles: 25 %; measured on the VADER tweets, one random word
   * replaced, shingles counted with multiplicity). Word order matters little at the lengths where
   * SimHash is used at all (see {@link NearDuplicateIndex}).
   */
  static final int SHINGLE = 1;

  private TextFingerprint() {}

  /** The normal form; see the class comment. Empty when nothing is left. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String[] tokens = splitWhitespace(folded);
    int from = 0;
    int to = tokens.length;
    // Leading "rt @user:" prefixes, then leading mentions.
    while (true) {
      if (from + 1 < to && tokens[from].equals("rt") && tokens[from + 1].startsWith("@")) {
        from += 2;
      } else if (from < to && tokens[from].startsWith("@")) {
        from++;
      } else {
        break;
      }
    }
    // URLs anywhere.
    int kept = from;
    for (int i = from; i < to; i++) {
      if (!isUrl(tokens[i])) {
        tokens[kept++] = tokens[i];
      }
    }
    to = kept;
    // Trailing hashtags, emoji or punctuation, truncation marks and cut words.
    while (to > from) {
      String last = tokens[to - 1];
      if (last.startsWith("#") || !hasLetterOrDigit(last)) {
        to--;
      } else if (last.endsWith("…") || last.endsWith("...")) {
        to--;
      } else {
        break;
      }
    }
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = from; i < to; i++) {
      appendWords(tokens[i], out);
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return out.toString();
  }

  /**
   * 64-bit SimHash of a normal form: every distinct shingle of {@value #SHINGLE} consecutive words
   * (the whole text when shorter) is hashed (64-bit FNV-1a finished with the MurmurHash3 fmix64
   * mixer) and votes +1/-1 on each bit; a bit is set when its vote is positive. 0 for an empty
   * text.
   */
  public static long simHash(String normalized) {
    return simHash(normalized, SHINGLE);
  }

  static long simHash(String normalized, int shingle) {
    if (normalized == null || normalized.isEmpty()) {
      return 0L;
    }
    int[] starts = wordStarts(normalized);
    int words = starts.length;
    int shingles = Math.max(1, words - shingle + 1);
    long[] hashes = new long[shingles];
    for (int s = 0; s < shingles; s++) {
      int last = Math.min(words, s + shingle) - 1;
      hashes[s] = hash(normalized, starts[s], wordEnd(normalized, starts[last]));
    }
    // Each distinct shingle votes once: a word repeated ten times must not outvote the rest.
    Arrays.sort(hashes);
    int[] votes = new int[64];
    for (int s = 0; s < shingles; s++) {
      if (s > 0 && hashes[s] == hashes[s - 1]) {
        continue;
      }
      long h = hashes[s];
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
      }
    }
    long result = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        result |= 1L << bit;
      }
    }
    return result;
  }

  /** Hamming distance of two 64-bit fingerprints. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Number of words in a normal form. */
  static int words(String normalized) {
    if (normalized.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < normalized.length(); i++) {
      if (normalized.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  static long hash(CharSequence text, int begin, int end) {
    long h = 0xcbf29ce484222325L;
    for (int i = begin; i < end; i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static int[] wordStarts(String normalized) {
    int[] starts = new int[words(normalized)];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < normalized.length(); i++) {
      if (normalized.charAt(i) == ' ') {
        starts[n++] = i + 1;
      }
    }
    return starts;
  }

  private static int wordEnd(String normalized, int start) {
    int space = normalized.indexOf(' ', start);
    return space < 0 ? normalized.length() : space;
  }

  private static String[] splitWhitespace(String text) {
    int count = 0;
    boolean inToken = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00a0';
      if (!space && !inToken) {
        count++;
      }
      inToken = !space;
    }
    String[] tokens = new String[count];
    int n = 0;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space =
          i == text.length()
              || Character.isWhitespace(text.charAt(i))
              || text.charAt(i) == '\u00a0';
      if (!space && start < 0) {
        start = i;
      } else if (space && start >= 0) {
        tokens[n++] = text.substring(start, i);
        start = -1;
      }
    }
    return tokens;
  }

  private static boolean isUrl(String token) {
    return token.startsWith("http://") || token.startsWith("https://") || token.startsWith("www.");
  }

  private static boolean hasLetterOrDigit(String token) {
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Appends the letter/digit runs of a token, each followed by one space. */
  private static void appendWords(String token, StringBuilder out) {
    boolean inWord = false;
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        inWord = true;
      } else if (inWord) {
        out.append(' ');
        inWord = false;
      }
      i += Character.charCount(cp);
    }
    if (inWord) {
      out.append(' ');
    }
  }
}
