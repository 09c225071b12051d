package io.sociallistening.topology.dedup;

import io.sociallistening.topology.text.Links;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fingerprints of post text for near-duplicate detection: a normal form that erases the ways copies
 * of one post differ, and a MinHash signature of its word pairs for LSH lookups.
 *
 * <p><b>Input:</b> raw post text. <b>Output:</b> {@link #normalForm(String)} (words and whether the
 * text was truncated), {@link #normalize(String)} (its text), {@link #minHash(String[])}. <b>State
 * and time:</b> none; pure functions, no regex.
 *
 * <p>Normal form, in order: NFKC; lower case ({@link Locale#ROOT}); split on white space
 * (no-break spaces included); drop leading retweet prefixes ({@code rt @user:}) and leading {@code
 * @mentions}, in any order (a reply or a copy that dropped them reads the same) — unless fewer
 * than {@value #MIN_WORDS_WITHOUT_MENTIONS} words would be left, so {@code "@acme thanks"} and
 * {@code "@delta thanks"} stay apart; drop URL tokens ({@code http://}, {@code https://}, {@code
 * www.}) anywhere; then from the end drop tokens that are hashtags or have no letter or digit
 * (emoji, punctuation), truncation marks ({@code …}, {@code ...}) with a word cut by them (and note
 * the truncation), a {@code via @handle} signature and a parenthesised cross-post note ({@code
 * (cross-posted from …)}, {@code (x-post)}); {@code &}, {@code &amp;} become {@code and}; a mention
 * inside the text keeps its handle without a server ({@code @acme.bsky.social} → {@code acme});
 * a combining mark after a letter (a vowel sign or virama of Devanagari or Thai, an accent NFKC
 * could not compose) stays in its word; every other character that is not a letter or digit
 * separates words; finally the texting forms
 * {@code u}, {@code ur}, {@code pls}, {@code plz}, {@code thx} become {@code you}, {@code your},
 * {@code please}, {@code please}, {@code thanks}.
 */
public final class TextFingerprint {

  /** Leading mentions are kept when fewer words than this would be left without them. */
  static final int MIN_WORDS_WITHOUT_MENTIONS = 3;

  /** Hash functions of a MinHash signature. */
  public static final int SIGNATURE = 32;

  private static final long[] SEEDS = new long[SIGNATURE];

  static {
    long seed = 0x9e3779b97f4a7c15L;
    for (int i = 0; i < SIGNATURE; i++) {
      seed = mix(seed + 0x9e3779b97f4a7c15L);
      SEEDS[i] = seed;
    }
  }

  private TextFingerprint() {}

  /** The text of the normal form; see the class comment. Empty when nothing is left. */
  public static String normalize(String text) {
    return normalForm(text).text();
  }

  /** The normal form; see the class comment. */
  public static NormalForm normalForm(String text) {
    if (text == null || text.isEmpty()) {
      return NormalForm.EMPTY;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String[] tokens = splitWhitespace(folded);
    int from = 0;
    int to = tokens.length;
    // Leading retweet prefixes and mentions, in any order; the plain mentions are kept aside.
    List<String> leadingMentions = new ArrayList<>(2);
    while (from < to) {
      if (from + 1 < to && tokens[from].equals("rt") && tokens[from + 1].startsWith("@")) {
        from += 2;
      } else if (tokens[from].startsWith("@")) {
        leadingMentions.add(tokens[from++]);
      } else {
        break;
      }
    }
    int kept = from;
    for (int i = from; i < to; i++) {
      if (!Links.isLink(tokens[i])) {
        tokens[kept++] = tokens[i];
      }
    }
    to = kept;
    boolean truncated = false;
    while (to > from) {
      String last = tokens[to - 1];
      if (last.endsWith("…") || last.endsWith("...")) {
        truncated = true;
        to--;
      } else if (last.startsWith("#") || !hasLetterOrDigit(last)) {
        to--;
      } else if (to - 2 >= from && tokens[to - 2].equals("via") && last.startsWith("@")) {
        to -= 2;
      } else if (last.endsWith(")")) {
        int open = crossPostNote(tokens, from, to);
        if (open < 0) {
          break;
        }
        to = open;
      } else {
        break;
      }
    }
    List<String> words = new ArrayList<>(to - from + 4);
    StringBuilder word = new StringBuilder(16);
    for (int i = from; i < to; i++) {
      appendWords(tokens[i], words, word);
    }
    if (words.size() < MIN_WORDS_WITHOUT_MENTIONS && !leadingMentions.isEmpty()) {
      List<String> withMentions = new ArrayList<>(words.size() + leadingMentions.size());
      for (String mention : leadingMentions) {
        appendWords(mention, withMentions, word);
      }
      withMentions.addAll(words);
      words = withMentions;
    }
    if (words.isEmpty()) {
      return truncated ? new NormalForm("", new String[0], true) : NormalForm.EMPTY;
    }
    return new NormalForm(String.join(" ", words), words.toArray(new String[0]), truncated);
  }

  /**
   * MinHash signature of the word pairs of a normal form (the single word of a one-word text):
   * {@value #SIGNATURE} minima of seeded 64-bit hashes. Two texts agree on one position with
   * probability equal to the Jaccard similarity of their word-pair sets.
   */
  public static long[] minHash(String[] words) {
    long[] signature = new long[SIGNATURE];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    int shingles = Math.max(1, words.length - 1);
    // each word is hashed once, though it is in two pairs
    long next = hash(words[0]);
    for (int s = 0; s < shingles; s++) {
      long h = next;
      if (words.length > 1) {
        next = hash(words[s + 1]);
        h = mix(h * 31 + next);
      }
      for (int i = 0; i < SIGNATURE; i++) {
        long v = mix(h ^ SEEDS[i]);
        if (v < signature[i]) {
          signature[i] = v;
        }
      }
    }
    return signature;
  }

  static long hash(CharSequence text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** MurmurHash3 fmix64. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Start of a trailing "(cross-posted …)", "(x-post)" or "(via …)" note ending at to, or -1. */
  private static int crossPostNote(String[] tokens, int from, int to) {
    for (int i = to - 1; i >= from && i >= to - 6; i--) {
      if (tokens[i].startsWith("(")) {
        for (int j = i; j < to; j++) {
          String t = tokens[j];
          if (t.contains("cross")
              || t.contains("x-post")
              || t.contains("xpost")
              || t.equals("(via")) {
            return i;
          }
        }
        return -1;
      }
    }
    return -1;
  }

  private static String[] splitWhitespace(String text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space =
          i == text.length()
              || Character.isWhitespace(text.charAt(i))
              || text.charAt(i) == '\u00a0'
              || text.charAt(i) == '\u202f';
      if (!space && start < 0) {
        start = i;
      } else if (space && start >= 0) {
        tokens.add(text.substring(start, i));
        start = -1;
      }
    }
    return tokens.toArray(new String[0]);
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

  /** Adds the words of one token: letter/digit runs, with the rules of the class comment. */
  private static void appendWords(String token, List<String> words, StringBuilder word) {
    if (token.equals("&") || token.equals("&amp;")) {
      words.add("and");
      return;
    }
    int end = token.length();
    if (token.startsWith("@")) {
      for (int i = 1; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c == '.' || c == '@') {
          end = i;
          break;
        }
      }
    }
    word.setLength(0);
    for (int i = 0; i < end; ) {
      int cp = token.codePointAt(i);
      if (Character.isLetterOrDigit(cp) || word.length() > 0 && isMark(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        words.add(texting(word.toString()));
        word.setLength(0);
      }
      i += Character.charCount(cp);
    }
    if (word.length() > 0) {
      words.add(texting(word.toString()));
    }
  }

  /**
   * A combining mark that belongs to the letter before it: a vowel sign or virama (Devanagari,
   * Bengali, Thai, ...), a tone mark or an accent NFKC could not compose; not the variation
   * selectors that choose how an emoji looks.
   */
  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK)
        && !(cp >= 0xfe00 && cp <= 0xfe0f)
        && !(cp >= 0xe0100 && cp <= 0xe01ef);
  }

  private static String texting(String word) {
    return switch (word) {
      case "u" -> "you";
      case "ur" -> "your";
      case "pls", "plz" -> "please";
      case "thx" -> "thanks";
      default -> word;
    };
  }
}
