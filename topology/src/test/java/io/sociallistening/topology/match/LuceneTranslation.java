package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A rule translated to the Lucene query that matches exactly the same posts, over one field
 * analysed by the matcher's own {@link PostAnalyzer}: the reference that Lucene Monitor runs in the
 * differential test and in the benchmark. Only the part of the rule language that Lucene shares is
 * translated: words, prefixes, phrases, AND, OR, NOT, sloppy phrases and NEAR/ONEAR of words,
 * phrases and OR lists of them with distinct words (Lucene spans let operands overlap where the
 * rule language does not). Hashtag and mention terms, field filters, nested proximity and negations
 * that Lucene reads differently ({@code a OR -b}) are refused.
 */
public final class LuceneTranslation {

  /** The one text field of the documents. */
  public static final String FIELD = "text";

  private LuceneTranslation() {}

  /** The analyzer of the text field: the matcher's own Lucene chain. */
  public static Analyzer analyzer() {
    return PostAnalyzer.instance();
  }

  /** A document holding {@code text} in {@link #FIELD}. */
  public static Document document(String text) {
    Document document = new Document();
    document.add(new TextField(FIELD, text, Field.Store.NO));
    return document;
  }

  /**
   * The Lucene query equivalent to the rule's query.
   *
   * @throws IllegalArgumentException if the query uses a construct Lucene does not share
   * @throws RuleSyntaxException if the query is invalid
   */
  public static Query query(Rule rule) {
    return query(CompiledRule.compile(rule).clause());
  }

  private static Query query(Clause clause) {
    if (clause instanceof Clause.Word word) {
      plain(word.flag(), clause);
      return new TermQuery(new Term(FIELD, word.term()));
    }
    if (clause instanceof Clause.Prefix prefix) {
      plain(prefix.flag(), clause);
      return new PrefixQuery(new Term(FIELD, prefix.prefix()));
    }
    if (clause instanceof Clause.Phrase phrase) {
      if (phrase.lastIsPrefix()) {
        return span(clause, new HashSet<>());
      }
      List<String> terms = phrase.terms();
      for (int i = 0; i < terms.size(); i++) {
        plain(phrase.flag(i), clause);
      }
      return new PhraseQuery(FIELD, terms.toArray(new String[0]));
    }
    if (clause instanceof Clause.SloppyPhrase || clause instanceof Clause.Proximity) {
      return span(clause, new HashSet<>());
    }
    if (clause instanceof Clause.AllOf allOf) {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      boolean positive = false;
      for (Clause operand : allOf.clauses()) {
        if (operand instanceof Clause.Not not) {
          if (!not.clause().positive() || not.clause() instanceof FieldFilter) {
            throw refused(operand);
          }
          query.add(query(not.clause()), Occur.MUST_NOT);
        } else {
          query.add(query(operand), Occur.MUST);
          positive = true;
        }
      }
      if (!positive) {
        throw refused(clause);
      }
      return query.build();
    }
    if (clause instanceof Clause.AnyOf anyOf) {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      for (Clause operand : anyOf.clauses()) {
        query.add(query(operand), Occur.SHOULD);
      }
      return query.build();
    }
    throw refused(clause);
  }

  /** A span query for a NEAR operand; {@code words} collects the words to keep them distinct. */
  private static SpanQuery span(Clause clause, Set<String> words) {
    if (clause instanceof Clause.Word word) {
      plain(word.flag(), clause);
      distinct(word.term(), words, clause);
      return new SpanTermQuery(new Term(FIELD, word.term()));
    }
    if (clause instanceof Clause.Phrase phrase) {
      List<String> terms = phrase.terms();
      SpanQuery[] parts = new SpanQuery[terms.size()];
      for (int i = 0; i < parts.length; i++) {
        plain(phrase.flag(i), clause);
        distinct(terms.get(i), words, clause);
        Term term = new Term(FIELD, terms.get(i));
        parts[i] =
            phrase.lastIsPrefix() && i == parts.length - 1
                ? new SpanMultiTermQueryWrapper<>(new PrefixQuery(term))
                : new SpanTermQuery(term);
      }
      return new SpanNearQuery(parts, 0, true);
    }
    if (clause instanceof Clause.SloppyPhrase phrase) {
      List<String> terms = phrase.terms();
      SpanQuery[] parts = new SpanQuery[terms.size()];
      for (int i = 0; i < parts.length; i++) {
        plain(phrase.flag(i), clause);
        distinct(terms.get(i), words, clause);
        parts[i] = new SpanTermQuery(new Term(FIELD, terms.get(i)));
      }
      return new SpanNearQuery(parts, phrase.slop(), false);
    }
    if (clause instanceof Clause.AnyOf anyOf) {
      List<SpanQuery> parts = new ArrayList<>();
      for (Clause operand : anyOf.clauses()) {
        parts.add(span(operand, words));
      }
      return new SpanOrQuery(parts.toArray(new SpanQuery[0]));
    }
    if (clause instanceof Clause.Proximity proximity
        && !(proximity.left() instanceof Clause.Proximity)
        && !(proximity.right() instanceof Clause.Proximity)) {
      return new SpanNearQuery(
          new SpanQuery[] {span(proximity.left(), words), span(proximity.right(), words)},
          proximity.distance(),
          proximity.ordered());
    }
    throw refused(clause);
  }

  private static void distinct(String word, Set<String> words, Clause clause) {
    if (!words.add(word)) {
      throw refused(clause);
    }
  }

  private static void plain(byte flag, Clause clause) {
    if (flag != PostAnalyzer.PLAIN) {
      throw refused(clause);
    }
  }

  private static IllegalArgumentException refused(Clause clause) {
    return new IllegalArgumentException(
        "Not in the language shared with Lucene: "
            + clause.getClass().getSimpleName()
            + " at "
            + clause.start());
  }
}
