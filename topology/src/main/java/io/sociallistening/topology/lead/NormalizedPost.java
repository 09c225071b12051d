package io.sociallistening.topology.lead;

import io.sociallistening.topology.text.Links;
import java.util.Arrays;

/**
 * A post reduced to the words that lead phrases are matched on: lower case ({@link
 * Character#toLowerCase(char)} is locale-independent), common Latin accents folded ({@code é} to
 * {@code e}; a combining accent after a letter, as in decomposed text, is dropped too), typographic
 * apostrophes made ASCII, words separated by single spaces, {@code %} kept as a word of its own,
 * hashtags kept without {@code #}; URLs and {@code @handles} dropped.
 *
 * <p>Also records what the dropped characters said: whether the post contains a question mark
 * outside URLs (the punctuation right after a link, as in {@code bestbuy.com?}, is outside it),
 * which words belong to a question (a sentence ending in {@code ?} or opened by {@code ¿};
 * sentences end at {@code ? ! .} followed by a space, and at line breaks), which words were written
 * with a capital letter ({@code Galaxy}, {@code iPhone}; not in a sentence written all in
 * capitals), which words come after punctuation, an emoji, a link or a handle (a pause: "no, I need
 * this"; not the hyphen of "carry-on" or the {@code #} of a hashtag), whether it contains a URL, an
 * {@code @handle}, or a price (a currency sign next to a digit, e.g. {@code $899}, {@code R$
 * 2.999}, {@code 300€}).
 */
final class NormalizedPost {
  final char[] text;
  final int length;
  final boolean question;
  final boolean url;
  final boolean handle;
  final boolean price;

  /**
   * The end offset of the post's first sentence when it is a question of at most {@value
   * #SHORT_QUESTION_WORDS} words ("kindle or kobo?"), else 0.
   */
  final int shortFirstQuestionEnd;

  /**
   * Per offset of {@link #text}: {@link #IN_QUESTION} when the sentence around it is a question,
   * {@link #CAPITALISED} at the start of a word written with a capital letter in a sentence that
   * also has a lower-case letter (in a sentence written all in capitals, "TEA OR COFFEE?", a
   * capital says nothing about a word), {@link #PAUSED} at the start of a word after a pause.
   */
  private final byte[] flags;

  private static final byte IN_QUESTION = 1;
  private static final byte CAPITALISED = 2;
  private static final byte PAUSED = 4;

  /** The offsets of {@link #text} where a sentence other than the first starts, ascending. */
  private final int[] sentenceStarts;

  static final int SHORT_QUESTION_WORDS = 8;

  private NormalizedPost(
      char[] text,
      int length,
      boolean question,
      boolean url,
      boolean handle,
      boolean price,
      int shortFirstQuestionEnd,
      byte[] flags,
      int[] sentenceStarts) {
    this.text = text;
    this.length = length;
    this.question = question;
    this.url = url;
    this.handle = handle;
    this.price = price;
    this.shortFirstQuestionEnd = shortFirstQuestionEnd;
    this.flags = flags;
    this.sentenceStarts = sentenceStarts;
  }

  static NormalizedPost of(String post) {
    char[] out = new char[post.length() * 3 + 1];
    byte[] flags = new byte[out.length];
    int[] sentenceStarts = new int[8];
    int sentences = 0;
    int length = 0;
    boolean question = false;
    boolean url = false;
    boolean handle = false;
    boolean price = false;
    boolean sentenceLowerCase = false;
    int wordStart = 0;
    boolean pause = false;
    int sentenceStart = 0;
    int firstSentenceEnd = -1;
    boolean openedQuestion = false;
    int i = 0;
    int n = post.length();
    while (i < n) {
      char w = post.charAt(i);
      if (Character.isWhitespace(w)) {
        if (w == '\n' && length > sentenceStart) {
          // the text so far ends with the space after its last word: the next word starts here
          if (openedQuestion) {
            mark(flags, sentenceStart, length);
          }
          if (!sentenceLowerCase) {
            uncapitalise(flags, sentenceStart, length);
          }
          sentenceLowerCase = false;
          if (firstSentenceEnd < 0) {
            firstSentenceEnd = length;
          }
          sentenceStart = length;
          sentenceStarts = addStart(sentenceStarts, sentences++, sentenceStart);
          openedQuestion = false;
        }
        i++;
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(post.charAt(end))) {
        end++;
      }
      if (Links.isLink(post, i, end)) {
        url = true;
        pause = true;
        // the punctuation after a link is not part of it: "buy at bestbuy.com?" is a question
        int after = end;
        while (after > i && isClosing(post.charAt(after - 1))) {
          after--;
        }
        if (after == end) {
          i = end;
          continue;
        }
        i = after;
      } else if (post.charAt(i) == '@' && end - i > 1) {
        handle = true;
        pause = true;
        i = end;
        continue;
      }
      for (int k = i; k < end; k++) {
        char c = post.charAt(k);
        if (Character.isLetterOrDigit(c)) {
          if (length > 0 && out[length - 1] != ' ' && !isWordChar(out[length - 1])) {
            out[length++] = ' ';
          }
          if (length == 0 || out[length - 1] == ' ') {
            wordStart = length;
            if (pause) {
              flags[wordStart] |= PAUSED;
            }
          }
          pause = false;
          if (Character.isUpperCase(c)) {
            flags[wordStart] |= CAPITALISED;
          } else if (Character.isLowerCase(c)) {
            sentenceLowerCase = true;
          }
          out[length++] = fold(Character.toLowerCase(c));
        } else if (Character.getType(c) == Character.NON_SPACING_MARK
            && length > 0
            && isWordChar(out[length - 1])) {
          // a combining accent after a letter (decomposed text, "e" + U+0301): folded away
          continue;
        } else if ((c == '\'' || c == '\u2019')
            && k > i
            && k + 1 < end
            && Character.isLetter(post.charAt(k - 1))
            && Character.isLetter(post.charAt(k + 1))) {
          out[length++] = '\'';
        } else if (c == '%') {
          if (length > 0 && out[length - 1] != ' ') {
            out[length++] = ' ';
          }
          out[length++] = '%';
        } else {
          if (c != '#'
              && !(c == '-'
                  && k > i
                  && k + 1 < end
                  && Character.isLetterOrDigit(post.charAt(k - 1))
                  && Character.isLetterOrDigit(post.charAt(k + 1)))) {
            pause = true;
          }
          if (isCurrency(c)
              && ((k + 1 < n && Character.isDigit(post.charAt(k + 1)))
                  || (k + 2 < n
                      && post.charAt(k + 1) == ' '
                      && Character.isDigit(post.charAt(k + 2)))
                  || (k > 0 && Character.isDigit(post.charAt(k - 1))))) {
            price = true;
          }
          if (c == '\u00bf') {
            openedQuestion = true;
          }
          boolean terminator =
              c == '?'
                  || c == '!'
                  || (c == '.' && (k + 1 == end || !isWordChar(post.charAt(k + 1))));
          if (length > 0 && out[length - 1] != ' ') {
            out[length++] = ' ';
          }
          if (terminator && length > 0) {
            if (c == '?' || openedQuestion) {
              question |= c == '?';
              mark(flags, sentenceStart, length);
            }
            if (!sentenceLowerCase) {
              uncapitalise(flags, sentenceStart, length);
            }
            sentenceLowerCase = false;
            if (firstSentenceEnd < 0) {
              firstSentenceEnd = length;
            }
            if (sentences == 0 || sentenceStarts[sentences - 1] < length) {
              sentenceStarts = addStart(sentenceStarts, sentences++, length);
            }
            sentenceStart = length;
            openedQuestion = false;
          }
        }
      }
      if (length > 0 && out[length - 1] != ' ') {
        out[length++] = ' ';
      }
      i = end;
    }
    if (openedQuestion) {
      mark(flags, sentenceStart, length);
    }
    if (!sentenceLowerCase) {
      uncapitalise(flags, sentenceStart, length);
    }
    if (length > 0 && out[length - 1] == ' ') {
      length--;
    }
    int shortFirstQuestionEnd = 0;
    if (firstSentenceEnd > 0 && (flags[firstSentenceEnd - 1] & IN_QUESTION) != 0) {
      int words = 0;
      for (int k = 0; k < firstSentenceEnd; k++) {
        if (out[k] != ' ' && (k == 0 || out[k - 1] == ' ')) {
          words++;
        }
      }
      if (words <= SHORT_QUESTION_WORDS) {
        shortFirstQuestionEnd = firstSentenceEnd;
      }
    }
    return new NormalizedPost(
        out,
        length,
        question,
        url,
        handle,
        price,
        shortFirstQuestionEnd,
        flags,
        Arrays.copyOf(sentenceStarts, sentences));
  }

  /** {@code starts} with {@code start} set at index {@code count}, grown when full. */
  private static int[] addStart(int[] starts, int count, int start) {
    int[] out = count == starts.length ? Arrays.copyOf(starts, count * 2) : starts;
    out[count] = start;
    return out;
  }

  private static void mark(byte[] flags, int from, int to) {
    for (int k = from; k < to && k < flags.length; k++) {
      flags[k] |= IN_QUESTION;
    }
  }

  private static void uncapitalise(byte[] flags, int from, int to) {
    for (int k = from; k < to && k < flags.length; k++) {
      flags[k] &= ~CAPITALISED;
    }
  }

  /** Whether the word at this offset of {@link #text} is part of a question. */
  boolean inQuestion(int offset) {
    return (flags[offset] & IN_QUESTION) != 0;
  }

  /**
   * Whether the word starting at this offset of {@link #text} was written with a capital, in a
   * sentence not written all in capitals.
   */
  boolean capitalised(int start) {
    return (flags[start] & CAPITALISED) != 0;
  }

  /**
   * Whether punctuation, an emoji, a link or a handle comes right before the word starting at this
   * offset of {@link #text}.
   */
  boolean pausedBefore(int start) {
    return (flags[start] & PAUSED) != 0;
  }

  /** Whether the word starting at this offset of {@link #text} is the first of its sentence. */
  boolean firstOfSentence(int start) {
    return start == 0 || startsSentence(start);
  }

  /**
   * The offset where the word after the one ending at {@code end} starts, or -1 when there is none
   * or it opens another sentence.
   */
  int nextWordInSentence(int end) {
    int next = end + 1;
    return next < length && !startsSentence(next) ? next : -1;
  }

  /**
   * The offset where the word before the one starting at {@code start} starts, or -1 when there is
   * none or the word at {@code start} opens its sentence.
   */
  int previousWordInSentence(int start) {
    return firstOfSentence(start) ? -1 : previousWord(start);
  }

  /** Whether a sentence (not the post's first) starts at this offset of {@link #text}. */
  boolean startsSentence(int offset) {
    return Arrays.binarySearch(sentenceStarts, offset) >= 0;
  }

  /** The offset where the sentence holding the word at {@code offset} starts (0 for the first). */
  int sentenceStart(int offset) {
    int at = Arrays.binarySearch(sentenceStarts, offset);
    if (at >= 0) {
      return offset;
    }
    int before = -at - 2; // the last start below offset
    return before < 0 ? 0 : sentenceStarts[before];
  }

  /** The offset where the word before the one starting at {@code start} starts, or -1. */
  int previousWord(int start) {
    if (start <= 1) {
      return -1;
    }
    int k = start - 2;
    while (k > 0 && text[k - 1] != ' ') {
      k--;
    }
    return k;
  }

  /** The end offset (exclusive) of the word starting at {@code start}. */
  int wordEnd(int start) {
    int k = start;
    while (k < length && text[k] != ' ') {
      k++;
    }
    return k;
  }

  /** Whether the word starting at {@code start} equals {@code word}. */
  boolean wordIs(int start, String word) {
    int end = wordEnd(start);
    if (end - start != word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (text[start + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Normalises a phrase of the signal table the same way as posts. */
  static String phrase(String phrase) {
    NormalizedPost normalized = of(phrase);
    return new String(normalized.text, 0, normalized.length);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '\'';
  }

  private static boolean isCurrency(char c) {
    return c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u00a5';
  }

  /** Punctuation that can close a sentence or a parenthesis right after a link. */
  private static boolean isClosing(char c) {
    return c == '.'
        || c == '?'
        || c == '!'
        || c == ','
        || c == ';'
        || c == ':'
        || c == ')'
        || c == ']'
        || c == '"'
        || c == '\''
        || c == '\u201d'
        || c == '\u2019'
        || c == '\u2026';
  }

  /** Folds the accented lower-case Latin letters of Portuguese, Spanish and their neighbours. */
  static char fold(char c) {
    if (c < 0xE0 || c > 0xFF) {
      return c;
    }
    switch (c) {
      case 'à', 'á', 'â', 'ã', 'ä', 'å':
        return 'a';
      case 'ç':
        return 'c';
      case 'è', 'é', 'ê', 'ë':
        return 'e';
      case 'ì', 'í', 'î', 'ï':
        return 'i';
      case 'ñ':
        return 'n';
      case 'ò', 'ó', 'ô', 'õ', 'ö':
        return 'o';
      case 'ù', 'ú', 'û', 'ü':
        return 'u';
      case 'ý', 'ÿ':
        return 'y';
      default:
        return c;
    }
  }
}
