package io.sociallistening.topology.match;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Splits a run of Thai, Lao, Khmer or Myanmar text into its grapheme clusters, one token each at
 * consecutive positions, as {@link StandardTokenizer} already gives each Han or Hiragana character
 * a token of its own. These scripts are written without spaces between words, so the tokenizer
 * gives a whole run ({@code ฉันชอบแอปเปิ้ลมาก}, "I like Apple a lot") as one token, which a rule
 * word matched only when the post had spaces around it; split into clusters, a rule word becomes
 * the phrase of its clusters and is found anywhere inside a run. A cluster is a letter (or any
 * other character that is not a mark) with the marks that follow it: vowel signs, tone marks,
 * viramas (Unicode categories Mn, Mc, Me), so {@code ปิ้} is one cluster and {@code แอปเปิ้ล} the
 * five clusters {@code แ อ ป เ ปิ้ ล}. A cluster is the same whatever surrounds it (no word starts
 * with a mark), unlike a dictionary's words, which depend on the neighbouring words. Invisible
 * format characters (joiners, a soft hyphen: category Cf) stay in their cluster's stretch of text
 * but are dropped from its word, so a joiner in a post does not hide a brand.
 *
 * <p>It reads the tokenizer's output directly: a token's term is then its text, so a cluster's
 * offsets are the token's plus the cluster's place in it.
 */
final class GraphemeClusterFilter extends TokenFilter {

  private static final String SOUTHEAST_ASIAN =
      StandardTokenizer.TOKEN_TYPES[StandardTokenizer.SOUTHEAST_ASIAN];

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  /** The run being split, its length, its start offset and where its next cluster starts. */
  private char[] run = new char[32];

  private int runLength;
  private int runStart;
  private int at;

  GraphemeClusterFilter(TokenStream input) {
    super(input);
  }

  /**
   * Whether a token starting with {@code codePoint} is split into clusters: a letter or mark of
   * Thai, Lao, Khmer or Myanmar (their digits are numbers of their own, as Latin digits are).
   */
  static boolean splits(int codePoint) {
    if (Character.isDigit(codePoint)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.THAI
        || script == Character.UnicodeScript.LAO
        || script == Character.UnicodeScript.KHMER
        || script == Character.UnicodeScript.MYANMAR;
  }

  /** Whether the analysed word {@code term} is a cluster of these scripts (see {@link #splits}). */
  static boolean isCluster(String term) {
    return !term.isEmpty() && splits(term.codePointAt(0));
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (true) {
      if (at < runLength) {
        if (nextCluster()) {
          return true;
        }
        continue;
      }
      if (!input.incrementToken()) {
        return false;
      }
      if (!SOUTHEAST_ASIAN.equals(type.type())
          || term.length() == 0
          || !splits(Character.codePointAt(term.buffer(), 0, term.length()))) {
        return true;
      }
      int length = term.length();
      run = ArrayUtil.grow(run, length);
      System.arraycopy(term.buffer(), 0, run, 0, length);
      runLength = length;
      runStart = offset.startOffset();
      at = 0;
      // The first cluster keeps the run's position increment, the others follow it.
      if (nextCluster()) {
        return true;
      }
    }
  }

  /**
   * Sets the attributes to the cluster at {@link #at} and moves past it; false, setting nothing, if
   * the cluster holds only format characters (possible only where the tokenizer cut a long run).
   */
  private boolean nextCluster() {
    int start = at;
    int end = start + Character.charCount(Character.codePointAt(run, start, runLength));
    while (end < runLength) {
      int next = Character.codePointAt(run, end, runLength);
      if (!attaches(Character.getType(next))) {
        break;
      }
      end += Character.charCount(next);
    }
    boolean first = start == 0;
    at = end;
    char[] buffer = term.resizeBuffer(end - start);
    int kept = 0;
    for (int i = start; i < end; ) {
      int codePoint = Character.codePointAt(run, i, end);
      int count = Character.charCount(codePoint);
      if (Character.getType(codePoint) != Character.FORMAT) {
        System.arraycopy(run, i, buffer, kept, count);
        kept += count;
      }
      i += count;
    }
    if (kept == 0) {
      return false;
    }
    term.setLength(kept);
    offset.setOffset(runStart + start, runStart + end);
    if (!first) {
      increment.setPositionIncrement(1);
    }
    return true;
  }

  private static boolean attaches(int type) {
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    runLength = 0;
    at = 0;
  }
}
