package io.sociallistening.topology.match;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the terms a rule matched ({@link RuleMatch#matchedTerms()}: {@code acme}, {@code "acme
 * air"~2}, {@code #acme}, {@code c++}, {@code acme*}) are written in a post: the words the rule
 * matcher itself finds for each term, by the same analysis and the same clauses, so that whatever
 * the matcher accepts (case and accents, a possessive or an elided article, a word split at a
 * hyphen, a hashtag or mention marker, a name written with a symbol, a phrase or a sloppy phrase)
 * is found at the place it matched. Sentiment towards a brand uses it to find the clauses of the
 * post that hold the brand.
 *
 * <p>A term is parsed as a query of its own. A sloppy phrase gives the words of the phrase inside
 * each window the matcher finds, not the other words of the window (a {@code NEAR} given as one
 * term gives its whole window). A term that does not parse as one word, prefix or phrase (a list of
 * words written without quotes, say) is found as its words in a row. Parsed terms are kept for
 * reuse. Thread-safe: each thread analyses into its own buffers, those the rule matcher analyses
 * into, so a post the thread has just matched ({@link RuleSet#match}) is not analysed again.
 */
public final class TermLocator {

  /** Parsed terms by source; emptied when it holds this many (rule vocabularies are small). */
  private static final int CACHED = 10_000;

  private static final Map<String, Clause> CLAUSES = new ConcurrentHashMap<>();

  private TermLocator() {}

  /**
   * For each list of terms in {@code brandTerms}, the words of {@code text} where one of its terms
   * occurs, as pairs of offsets: word {@code k} is {@code text[words[2k], words[2k + 1])}, written
   * as in the text (with its possessive, article or marker); empty when none occurs. {@code text}
   * is a post whose HTML character references are decoded already: they are not decoded again, so
   * offsets are offsets of {@code text}. When the thread has just matched the post {@code text} was
   * decoded from ({@link RuleSet#match}), the text is not analysed again: the matcher's analysis of
   * it is the same.
   */
  public static int[][] locate(String text, List<List<String>> brandTerms) {
    Clause[][] clauses = new Clause[brandTerms.size()][];
    for (int b = 0; b < clauses.length; b++) {
      List<String> terms = brandTerms.get(b);
      clauses[b] = new Clause[terms.size()];
      for (int k = 0; k < terms.size(); k++) {
        // parsed before the text is analysed: a new term gets its dictionary id first
        clauses[b][k] = clause(terms.get(k));
      }
    }
    // the thread's post: when the rule matcher has just analysed the post that text was decoded
    // from, its analysis is used as it is
    AnalysedPost post = AnalysedPost.ofThread();
    post.analyseDecoded(text);
    TokenBuffer tokens = post.tokens();
    int[][] words = new int[clauses.length][];
    boolean[] found = new boolean[post.size()];
    for (int b = 0; b < clauses.length; b++) {
      Arrays.fill(found, false);
      int count = 0;
      for (Clause clause : clauses[b]) {
        if (clause == null) {
          continue;
        }
        Spans spans = new Spans();
        clause.spans(post, spans);
        for (int s = 0; s < spans.size(); s++) {
          for (int position = spans.start(s); position <= spans.end(s); position++) {
            if (!found[position]
                && (!(clause instanceof Clause.SloppyPhrase sloppy)
                    || sloppy.holds(post, position))) {
              found[position] = true;
              count++;
            }
          }
        }
      }
      int[] offsets = new int[2 * count];
      int k = 0;
      for (int position = 0; position < found.length; position++) {
        if (found[position]) {
          offsets[k++] = tokens.start(position);
          offsets[k++] = tokens.end(position);
        }
      }
      words[b] = offsets;
    }
    return words;
  }

  /** The positional clause of a term, or null when it has no word. */
  private static Clause clause(String term) {
    Clause clause = CLAUSES.get(term);
    if (clause == null) {
      clause = parse(term);
      if (CLAUSES.size() >= CACHED) {
        CLAUSES.clear();
      }
      if (clause != null) {
        CLAUSES.put(term, clause);
      }
    }
    return clause;
  }

  private static Clause parse(String term) {
    try {
      Clause clause = RuleParser.parse("term", term);
      if (clause.positional()) {
        return clause;
      }
    } catch (IllegalArgumentException e) {
      // not a term of the rule language: its words in a row
    }
    PostAnalyzer.Tokens words = PostAnalyzer.tokens(term);
    if (words.size() == 0) {
      return null;
    }
    String[] terms = new String[words.size()];
    byte[] flags = new byte[words.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = words.term(i);
      flags[i] = words.flag(i);
    }
    return new Clause.Phrase(term, 0, terms, flags);
  }
}
