package io.sociallistening.topology.match;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * A hand-written version of {@link PostAnalyzer}'s Lucene chain for the common case, text made of
 * ASCII, Latin-1 letters and typographic quotes and dashes: the word boundaries of {@code
 * StandardTokenizer} (UAX #29: letters and digits join, {@code _} joins, {@code :} joins letters,
 * {@code , ;} join digits, {@code . ' ‘ ’} join letters or digits), then possessive and elision
 * removal, lower-casing and ASCII folding, without allocating. A run of text between spaces that
 * has any other character (emoji, other scripts, combining marks, other punctuation) goes through
 * Lucene; a test checks that both give the same tokens.
 */
final class LatinScanner {

  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte UNDERSCORE = 3;
  private static final byte MID_LETTER = 4;
  private static final byte MID_DIGIT = 5;
  private static final byte MID_BOTH = 6;
  private static final byte REFUSED = 7;

  /** StandardTokenizer's default maximum token length: longer words are split, so refused here. */
  private static final int MAX_TOKEN = 255;

  private static final String[] ARTICLES = {
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"
  };

  private static final byte[] KINDS = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      byte kind;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        kind = LETTER;
      } else if (c >= '0' && c <= '9') {
        kind = DIGIT;
      } else if (c == '_') {
        kind = UNDERSCORE;
      } else if (c == ':') {
        kind = MID_LETTER;
      } else if (c == ',' || c == ';') {
        kind = MID_DIGIT;
      } else if (c == '.' || c == '\'') {
        kind = MID_BOTH;
      } else if (c < 0x80) {
        kind = OTHER;
      } else if (c >= 0xC0 && c != 0xD7 && c != 0xF7) {
        kind = LETTER;
      } else {
        kind = REFUSED;
      }
      KINDS[c] = kind;
    }
  }

  private LatinScanner() {}

  private static byte kind(char c) {
    if (c < 256) {
      return KINDS[c];
    }
    switch (c) {
      case '\u2018':
      case '\u2019':
        return MID_BOTH;
      case '\u2013': // en dash
      case '\u2014': // em dash
      case '\u201C': // left double quotation mark
      case '\u201D': // right double quotation mark
      case '\u2026': // horizontal ellipsis
        return OTHER;
      default:
        return REFUSED;
    }
  }

  /**
   * Adds the tokens of {@code text} to {@code out} (cleared first) and returns true, or returns
   * false, with {@code out} in no particular state, if the text is better analysed by Lucene as a
   * whole. Words never run across spaces, tabs or line breaks, so the text is taken in chunks
   * between them: a chunk with a character this scanner does not handle (an emoji, say) is analysed
   * by Lucene alone, unless it starts with a character that Unicode attaches to what precedes it (a
   * combining mark, a joiner), which sends the whole text to Lucene.
   */
  static boolean scan(String text, TokenBuffer out) {
    out.clear();
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (isSpace(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      boolean refused = false;
      while (end < length) {
        char c = text.charAt(end);
        if (isSpace(c)) {
          break;
        }
        refused |= kind(c) == REFUSED;
        end++;
      }
      if (refused) {
        if (!standsAlone(text.codePointAt(i))) {
          return false;
        }
        PostAnalyzer.addWithLucene(text, i, end, out);
      } else if (!scanChunk(text, i, end, out)) {
        return false;
      }
      i = end;
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  /** Whether a chunk starting with {@code codePoint} splits into words as it would in the text. */
  private static boolean standsAlone(int codePoint) {
    if (codePoint < 0x80 || Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    boolean emojiModifier = codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
    return Character.getType(codePoint) == Character.OTHER_SYMBOL && !emojiModifier;
  }

  /** Scans {@code text[from, to)}, a chunk without refused characters; false if a word is long. */
  private static boolean scanChunk(String text, int from, int to, TokenBuffer out) {
    int i = from;
    while (i < to) {
      byte kind = kind(text.charAt(i));
      if (kind != LETTER && kind != DIGIT && kind != UNDERSCORE) {
        i++;
        continue;
      }
      int start = i;
      boolean word = kind != UNDERSCORE;
      byte last = kind;
      i++;
      while (i < to) {
        byte next = kind(text.charAt(i));
        if (next == LETTER || next == DIGIT || next == UNDERSCORE) {
          word |= next != UNDERSCORE;
          last = next;
          i++;
        } else if (next == MID_LETTER || next == MID_DIGIT || next == MID_BOTH) {
          if (i + 1 >= to) {
            break;
          }
          byte after = kind(text.charAt(i + 1));
          if (last == LETTER && after == LETTER && next != MID_DIGIT
              || last == DIGIT && after == DIGIT && next != MID_LETTER) {
            i += 2;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      if (i - start > MAX_TOKEN) {
        return false;
      }
      if (word) {
        emit(text, start, i, out);
      }
    }
    return true;
  }

  private static void emit(String text, int segment, int segmentEnd, TokenBuffer out) {
    int start = segment;
    int end = segmentEnd;
    // EnglishPossessiveFilter: a trailing 's.
    if (end - start >= 2) {
      char s = text.charAt(end - 1);
      if ((s == 's' || s == 'S') && isApostrophe(text.charAt(end - 2))) {
        end -= 2;
      }
    }
    // ElisionFilter: an article before the first apostrophe (the offset, so the flag, stays).
    for (int i = start; i < end; i++) {
      if (isApostrophe(text.charAt(i))) {
        if (isArticle(text, start, i)) {
          start = i + 1;
        }
        break;
      }
    }
    int length = end - start;
    if (length == 0) {
      return;
    }
    // LowerCaseFilter, then ASCIIFoldingFilter (Latin-1 letters and quotes fold to ASCII).
    char[] chars = out.reserve(length * 5);
    int at = out.end();
    boolean ascii = true;
    int hash = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(start + i);
      if (c < 0x80) {
        c = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      } else {
        c = Character.toLowerCase(c);
        ascii = false;
      }
      chars[at + i] = c;
      hash = 31 * hash + c;
    }
    if (ascii) {
      out.commit(length, hash, PostAnalyzer.flag(text, segment, segmentEnd), segment, segmentEnd);
      return;
    }
    // A character folds to at most four, written after the lower-cased ones, then moved back.
    int foldedEnd = ASCIIFoldingFilter.foldToASCII(chars, at, chars, at + length, length);
    int foldedLength = foldedEnd - at - length;
    System.arraycopy(chars, at + length, chars, at, foldedLength);
    out.commit(
        foldedLength,
        TokenBuffer.hash(chars, at, foldedLength),
        PostAnalyzer.flag(text, segment, segmentEnd),
        segment,
        segmentEnd);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean isArticle(String text, int start, int end) {
    int length = end - start;
    if (length > 6) {
      return false;
    }
    for (String article : ARTICLES) {
      if (article.length() == length && text.regionMatches(true, start, article, 0, length)) {
        return true;
      }
    }
    return false;
  }
}
