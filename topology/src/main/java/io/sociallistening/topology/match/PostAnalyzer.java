package io.sociallistening.topology.match;

import io.sociallistening.topology.text.HtmlEntities;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The one text analysis used for post text and for rule terms alike: Lucene's {@link
 * StandardTokenizer} (Unicode word boundaries, UAX #29), with a run of Thai, Lao, Khmer or Myanmar
 * text split into its grapheme clusters, one word each ({@link GraphemeClusterFilter}: these
 * scripts put no spaces between words, so a rule word is the phrase of its clusters and is found
 * inside a run, as a Chinese word is the phrase of its characters), removal of a possessive {@code
 * 's} and of elided articles ({@code l'}, {@code d'}, {@code qu'}...), lower-casing (for Greek also
 * without its accents and with a final sigma as a sigma, {@link GreekLowerCaseFilter}: Greek
 * capitals are written without accents), ASCII folding and removal of combining accents (and of
 * emoji variation selectors and skin tones, {@link CombiningMarkFilter}), so {@code Café}, {@code
 * cafe} and {@code cafe\u0301} all become {@code cafe}, {@code ΕΛΛΑΔΑ} and {@code Ελλάδα} become
 * {@code ελλαδα}, and {@code Acme's} and {@code l'Acme} become {@code acme}. HTML character
 * references in the text are decoded first ({@code AT&amp;T} is {@code AT&T}). No stemming. Each
 * token keeps whether it was written as a hashtag or a mention: the tokenizer drops {@code #} and
 * {@code @}, so the character before the token's start offset decides (and only when that marker
 * itself starts a word, so {@code bob@acme} is not a mention). It also keeps the symbol that the
 * tokenizer drops and that makes some names ({@link #symbol}): {@code C#} and {@code F#}, {@code
 * C++}, {@code .NET} are the words {@code c}, {@code f}, {@code c}, {@code net}, flagged as written
 * with {@code #}, {@code ++} or a leading {@code .}; a rule word written so matches only tokens so
 * flagged, as {@code #acme} matches only hashtags. Likewise a word written right after an {@code &}
 * that follows a letter is flagged ({@link #AMPERSAND}: the {@code t} of {@code AT&T}), so the rule
 * word {@code at&t}, the phrase of {@code at} and that {@code t}, does not match "look at
 * t-mobile", while {@code acme} still matches {@code Acme&Co}, split at the {@code &} as the
 * tokenizer splits it.
 */
final class PostAnalyzer extends Analyzer {

  /** Token written without a marker. */
  static final byte PLAIN = 0;

  /** Token written as {@code #word}. */
  static final byte HASHTAG = 1;

  /** Token written as {@code @word}. */
  static final byte MENTION = 2;

  /** The marker bits of a flag: {@link #PLAIN}, {@link #HASHTAG} or {@link #MENTION}. */
  static final byte MARKER = 3;

  /** Token written with {@code #} right after it, as in {@code C#} and {@code F#}. */
  static final byte SHARP = 4;

  /** Token written with {@code ++} right after it, as in {@code C++}. */
  static final byte PLUS_PLUS = 8;

  /** Token written with a {@code .} right before it that starts a word, as in {@code .NET}. */
  static final byte DOT = 12;

  /** The symbol bits of a flag: 0, {@link #SHARP}, {@link #PLUS_PLUS} or {@link #DOT}. */
  static final byte SYMBOL = 12;

  /**
   * Token written right after an {@code &} between two letters, as the {@code t} of {@code AT&T}
   * and the {@code m} of {@code H&M}.
   */
  static final byte AMPERSAND = 16;

  /** Flags are below this. */
  static final int FLAGS = 32;

  private static final PostAnalyzer INSTANCE = new PostAnalyzer();

  /** A new analyzer; the matcher itself uses {@link #instance()}. */
  PostAnalyzer() {}

  /** The shared, thread-safe analyzer (Lucene reuses token streams per thread). */
  static Analyzer instance() {
    return INSTANCE;
  }

  /**
   * The longest run the tokenizer keeps whole (Lucene's default is 255): a run of Thai, Lao, Khmer
   * or Myanmar, written without spaces, is one token before it is split into clusters, and a cut
   * inside it could fall between a letter and its vowel sign. Longer runs are still cut.
   */
  static final int MAX_RUN = 8_192;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setMaxTokenLength(MAX_RUN);
    TokenStream stream = new GraphemeClusterFilter(tokenizer);
    stream = new EnglishPossessiveFilter(stream);
    stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
    stream = new GreekLowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new CombiningMarkFilter(stream);
    return new TokenStreamComponents(tokenizer, stream);
  }

  /** Analyses {@code text} into its tokens, in order; a token's index is its position. */
  static Tokens tokens(String text) {
    TokenBuffer buffer = new TokenBuffer();
    analyse(text, buffer);
    String[] terms = new String[buffer.size()];
    byte[] flags = new byte[buffer.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = buffer.term(i);
      flags[i] = buffer.flag(i);
    }
    return new Tokens(terms, flags, terms.length);
  }

  /**
   * Analyses {@code text} into {@code out} (cleared first): by {@link LatinScanner} when it handles
   * the text, else by this Lucene chain.
   */
  static void analyse(String text, TokenBuffer out) {
    analysePrepared(prepare(text), out);
  }

  /**
   * Analyses {@code prepared}, a text as the tokenizer reads it ({@link #prepare} of a post, or one
   * whose HTML character references are decoded already and are not decoded again, so that tokens
   * are where they are in it), into {@code out} (cleared first): by {@link LatinScanner} when it
   * handles the text, else by this Lucene chain. The tokens depend on {@code prepared} alone.
   */
  static void analysePrepared(String prepared, TokenBuffer out) {
    if (!LatinScanner.scan(prepared, out)) {
      out.clear();
      addWithLucene(prepared, 0, prepared.length(), out);
    }
  }

  /** Analyses {@code text} into {@code out} (cleared first) with this Lucene chain. */
  static void analyseWithLucene(String text, TokenBuffer out) {
    String prepared = prepare(text);
    out.clear();
    addWithLucene(prepared, 0, prepared.length(), out);
  }

  /**
   * {@code text} as the tokenizer reads it: HTML character references decoded ({@link
   * HtmlEntities}: some sources send {@code AT&amp;T} and {@code &quot;acme&quot;}, whose entity
   * names were words).
   */
  static String prepare(String text) {
    return HtmlEntities.decode(text);
  }

  /**
   * Adds the tokens of {@code text[from, to)}, analysed alone with this Lucene chain, to {@code
   * out}; flags look at the whole text.
   */
  static void addWithLucene(String text, int from, int to, TokenBuffer out) {
    String part = from == 0 && to == text.length() ? text : text.substring(from, to);
    try (TokenStream stream = INSTANCE.tokenStream("text", part)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (term.length() > 0) {
          int start = from + offset.startOffset();
          int end = from + offset.endOffset();
          out.add(term.buffer(), 0, term.length(), flag(text, start, end), start, end);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
  }

  /**
   * The flag of the token written at {@code text[start, end)} (before its possessive or article is
   * dropped): its {@link #marker}, its {@link #symbol} and whether an {@code &} joins it to the
   * letter before ({@link #AMPERSAND}).
   */
  static byte flag(String text, int start, int end) {
    return (byte) (marker(text, start) | symbol(text, start, end) | ampersand(text, start));
  }

  /**
   * {@link #AMPERSAND} when the token starting at {@code start} starts with a letter and follows an
   * {@code &} right after a letter ({@code AT&T}, {@code H&M}; not {@code AT & T} or {@code
   * 3&acme}), else 0.
   */
  static byte ampersand(String text, int start) {
    if (start >= 2
        && start < text.length()
        && text.charAt(start - 1) == '&'
        && Character.isLetter(text.charAt(start - 2))
        && Character.isLetter(text.charAt(start))) {
      return AMPERSAND;
    }
    return 0;
  }

  /**
   * Whether a rule word with flag {@code required} accepts a token with flag {@code actual}: a
   * plain word any marker and a word without symbol any symbol, else the same; a word written after
   * an {@code &} only a word so written, a word written without one any.
   */
  static boolean accepts(byte required, byte actual) {
    int marker = required & MARKER;
    int symbol = required & SYMBOL;
    return (marker == PLAIN || marker == (actual & MARKER))
        && (symbol == 0 || symbol == (actual & SYMBOL))
        && ((required & AMPERSAND) == 0 || (actual & AMPERSAND) != 0);
  }

  /**
   * The symbol the tokenizer drops around the token at {@code text[start, end)} that makes it a
   * name of its own: {@link #SHARP} for a {@code #} right after it, {@link #PLUS_PLUS} for {@code
   * ++}, each where the word ends there ({@code C#}, {@code C#.}, {@code C++}, and {@code C++17}
   * with its version; not {@code c#acme} or {@code c+++}); else {@link #DOT} for a {@code .} right
   * before it that starts a word ({@code .NET}, {@code (.NET)}; not {@code wait...net}); else 0.
   */
  static byte symbol(String text, int start, int end) {
    int length = text.length();
    if (end < length && text.charAt(end) == '#') {
      if (end + 1 == length || !Character.isLetterOrDigit(text.charAt(end + 1))) {
        return SHARP;
      }
    } else if (end + 1 < length && text.charAt(end) == '+' && text.charAt(end + 1) == '+') {
      if (end + 2 == length
          || text.charAt(end + 2) != '+' && !Character.isLetter(text.charAt(end + 2))) {
        return PLUS_PLUS;
      }
    }
    if (start >= 1 && start <= length && text.charAt(start - 1) == '.') {
      if (start == 1 || !isWordOrDot(text.charAt(start - 2))) {
        return DOT;
      }
    }
    return 0;
  }

  private static boolean isWordOrDot(char c) {
    return c == '.' || Character.isLetterOrDigit(c);
  }

  /** Whether the token starting at {@code start} was written as a hashtag, a mention or neither. */
  static byte marker(String text, int start) {
    if (start <= 0 || start > text.length()) {
      return PLAIN;
    }
    char before = text.charAt(start - 1);
    if (before != '#' && before != '@') {
      return PLAIN;
    }
    if (start >= 2 && Character.isLetterOrDigit(text.charAt(start - 2))) {
      return PLAIN;
    }
    return before == '#' ? HASHTAG : MENTION;
  }

  /** Analysed tokens: {@code terms[i]} and {@code flags[i]} for {@code i < size}. */
  static final class Tokens {
    private final String[] terms;
    private final byte[] flags;
    private final int size;

    Tokens(String[] terms, byte[] flags, int size) {
      this.terms = terms;
      this.flags = flags;
      this.size = size;
    }

    int size() {
      return size;
    }

    String term(int position) {
      return terms[position];
    }

    byte flag(int position) {
      return flags[position];
    }
  }
}
