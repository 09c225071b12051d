package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a rule query into a {@link Clause} tree, or fails with a {@link RuleSyntaxException} that
 * points at the offending position. Parentheses, negations and chained NEARs nest at most {@link
 * #MAX_DEPTH} deep. Grammar (upper-case keywords; NOT binds tighter than AND, AND tighter than OR,
 * NEAR tighter than NOT):
 *
 * <pre>
 * query     = or EOF
 * or        = and ("OR" and)*
 * and       = unary (["AND"] unary)*          words side by side mean AND
 * unary     = ("NOT" | "-") unary | proximity
 * proximity = primary (("NEAR/" n | "ONEAR/" n) primary)*
 * primary   = "(" or ")" | '"' words '"' ["~" n] | word | word"*" | field ":" value
 * </pre>
 *
 * <p>A phrase may also be quoted with the typographic quotes {@code “ ” „}.
 */
final class RuleParser {

  private enum Kind {
    WORD,
    PHRASE,
    OPEN,
    CLOSE,
    AND,
    OR,
    NOT,
    MINUS,
    NEAR,
    END
  }

  /** A lexical token; {@code number} is the NEAR distance or phrase slop (-1 for none). */
  private record Token(Kind kind, int start, int end, String text, int number, boolean ordered) {}

  private final String ruleId;
  private final String query;

  /** Deepest nesting of parentheses and negations, so a hostile rule cannot exhaust the stack. */
  static final int MAX_DEPTH = 100;

  /**
   * Longest query, in chars: a matched rule's terms are copied into every enriched mention it
   * matches, and Kafka refuses records over 1 MiB by default.
   */
  static final int MAX_QUERY_LENGTH = 4_096;

  private final List<Token> tokens = new ArrayList<>();
  private int next;
  private int depth;

  private RuleParser(String ruleId, String query) {
    this.ruleId = ruleId;
    this.query = query;
  }

  /** Parses the query of a rule; the rule id only names the rule in errors. */
  static Clause parse(String ruleId, String query) {
    RuleParser parser = new RuleParser(ruleId, query);
    if (query.length() > MAX_QUERY_LENGTH) {
      throw parser.error(
          MAX_QUERY_LENGTH,
          "Query of " + query.length() + " chars (at most " + MAX_QUERY_LENGTH + ")");
    }
    parser.lex();
    return parser.parseQuery();
  }

  private RuleSyntaxException error(int position, String reason) {
    return new RuleSyntaxException(ruleId, position, reason);
  }

  // ---- lexer

  private void lex() {
    int length = query.length();
    int i = 0;
    while (true) {
      while (i < length && isSpace(query.charAt(i))) {
        i++;
      }
      if (i >= length) {
        tokens.add(new Token(Kind.END, length, length, "", -1, false));
        return;
      }
      char c = query.charAt(i);
      if (c == '(') {
        tokens.add(new Token(Kind.OPEN, i, i + 1, "(", -1, false));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.CLOSE, i, i + 1, ")", -1, false));
        i++;
      } else if (isQuote(c)) {
        i = lexPhrase(i);
      } else if (c == '-') {
        if (i + 1 >= length || isSpace(query.charAt(i + 1)) || query.charAt(i + 1) == ')') {
          throw error(i + 1, "Expected a term after '-'");
        }
        tokens.add(new Token(Kind.MINUS, i, i + 1, "-", -1, false));
        i++;
      } else {
        i = lexWord(i);
      }
    }
  }

  private int lexPhrase(int open) {
    int close = open + 1;
    while (close < query.length() && !isQuote(query.charAt(close))) {
      close++;
    }
    if (close == query.length()) {
      throw error(open, "Unterminated phrase");
    }
    int end = close + 1;
    int slop = -1;
    if (end < query.length() && query.charAt(end) == '~') {
      int digits = end + 1;
      int stop = digits;
      while (stop < query.length() && isAsciiDigit(query.charAt(stop))) {
        stop++;
      }
      slop = distance(digits, stop, "Expected a distance after '~'");
      end = stop;
    }
    tokens.add(new Token(Kind.PHRASE, open, end, query.substring(open + 1, close), slop, false));
    return end;
  }

  private int lexWord(int start) {
    int end = start;
    while (end < query.length()) {
      char c = query.charAt(end);
      if (isSpace(c) || c == '(' || c == ')' || isQuote(c)) {
        break;
      }
      end++;
    }
    String word = query.substring(start, end);
    switch (word) {
      case "AND":
        tokens.add(new Token(Kind.AND, start, end, word, -1, false));
        return end;
      case "OR":
        tokens.add(new Token(Kind.OR, start, end, word, -1, false));
        return end;
      case "NOT":
        tokens.add(new Token(Kind.NOT, start, end, word, -1, false));
        return end;
      default:
        break;
    }
    boolean ordered = word.startsWith("ONEAR");
    if (ordered || word.startsWith("NEAR")) {
      int slash = start + (ordered ? 5 : 4);
      String operator = ordered ? "ONEAR" : "NEAR";
      if (slash == end) {
        throw error(slash, "Expected '/' and a distance after " + operator);
      }
      if (query.charAt(slash) == '/') {
        int distance = distance(slash + 1, end, "Expected a distance after " + operator + "/");
        tokens.add(new Token(Kind.NEAR, start, end, word, distance, ordered));
        return end;
      }
    }
    tokens.add(new Token(Kind.WORD, start, end, word, -1, false));
    return end;
  }

  private int distance(int from, int to, String reason) {
    if (from >= to) {
      throw error(from, reason);
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = query.charAt(i);
      if (!isAsciiDigit(c)) {
        throw error(i, reason);
      }
      value = value * 10 + (c - '0');
      if (value > 10_000) {
        throw error(from, "Distance too large (at most 10000)");
      }
    }
    return value;
  }

  /**
   * Whether {@code c} opens or closes a phrase: {@code "}, and the typographic quotes that phones
   * and word processors type for it ({@code “acme air”}, {@code „acme air“}).
   */
  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
  }

  /**
   * Whether {@code c} separates terms: white space, and also the no-break and other Unicode spaces
   * (U+00A0, U+2007, U+202F...) that a query pasted from a web page or a chat often has.
   */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---- parser

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private Clause parseQuery() {
    if (peek().kind() == Kind.END) {
      throw error(0, "Empty query");
    }
    Clause clause = parseOr();
    Token rest = peek();
    if (rest.kind() != Kind.END) {
      throw error(rest.start(), "Unexpected '" + rest.text() + "'");
    }
    Clause negativeOnly = negativeOnly(clause);
    if (negativeOnly != null) {
      throw error(negativeOnly.start(), "A rule needs a term that is not negated");
    }
    return clause;
  }

  private Clause parseOr() {
    List<Clause> clauses = new ArrayList<>();
    clauses.add(parseAnd());
    while (peek().kind() == Kind.OR) {
      take();
      clauses.add(parseAnd());
    }
    return clauses.size() == 1 ? clauses.get(0) : new Clause.AnyOf(clauses);
  }

  private Clause parseAnd() {
    List<Clause> clauses = new ArrayList<>();
    clauses.add(parseUnary());
    while (true) {
      Kind kind = peek().kind();
      if (kind == Kind.AND) {
        take();
        clauses.add(parseUnary());
      } else if (kind == Kind.WORD
          || kind == Kind.PHRASE
          || kind == Kind.OPEN
          || kind == Kind.NOT
          || kind == Kind.MINUS) {
        clauses.add(parseUnary());
      } else {
        break;
      }
    }
    return clauses.size() == 1 ? clauses.get(0) : new Clause.AllOf(clauses);
  }

  private Clause parseUnary() {
    Kind kind = peek().kind();
    if (kind == Kind.NOT || kind == Kind.MINUS) {
      Token not = take();
      enter(not);
      Clause negated = parseUnary();
      depth--;
      return new Clause.Not(not.start(), negated);
    }
    return parseProximity();
  }

  private Clause parseProximity() {
    int leftStart = peek().start();
    Clause left = parsePrimary();
    int chained = 0;
    while (peek().kind() == Kind.NEAR) {
      Token near = take();
      enter(near);
      chained++;
      int rightStart = peek().start();
      Clause right = parsePrimary();
      String operator = near.ordered() ? "ONEAR" : "NEAR";
      if (!left.positional()) {
        throw error(leftStart, operator + " needs words, phrases or OR of them on both sides");
      }
      if (!right.positional()) {
        throw error(rightStart, operator + " needs words, phrases or OR of them on both sides");
      }
      left = new Clause.Proximity(left, right, near.number(), near.ordered());
    }
    depth -= chained;
    return left;
  }

  private Clause parsePrimary() {
    Token token = take();
    switch (token.kind()) {
      case OPEN:
        enter(token);
        Clause inner = parseOr();
        depth--;
        Token close = peek();
        if (close.kind() != Kind.CLOSE) {
          throw error(close.start(), "Expected ')'");
        }
        take();
        return inner;
      case PHRASE:
        return phrase(token);
      case WORD:
        return word(token);
      case END:
        throw error(token.start(), "Expected a term");
      default:
        throw error(token.start(), "Expected a term but found '" + token.text() + "'");
    }
  }

  private void enter(Token token) {
    if (++depth > MAX_DEPTH) {
      throw error(token.start(), "Too deeply nested (at most " + MAX_DEPTH + " levels)");
    }
  }

  private Clause phrase(Token token) {
    PostAnalyzer.Tokens analysed = PostAnalyzer.tokens(token.text());
    if (analysed.size() == 0) {
      throw error(token.start(), "No searchable word in phrase");
    }
    String source = query.substring(token.start(), token.end());
    if (analysed.size() == 1) {
      return new Clause.Word(source, token.start(), analysed.term(0), analysed.flag(0));
    }
    String[] terms = new String[analysed.size()];
    byte[] flags = new byte[analysed.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = analysed.term(i);
      flags[i] = analysed.flag(i);
    }
    return token.number() < 0
        ? new Clause.Phrase(source, token.start(), terms, flags)
        : new Clause.SloppyPhrase(source, token.start(), terms, flags, token.number());
  }

  private Clause word(Token token) {
    String word = token.text();
    int start = token.start();
    int colon = word.indexOf(':');
    if (colon > 0 && isLetters(word, colon)) {
      String name = word.substring(0, colon);
      FieldFilter.Field field = FieldFilter.Field.named(name);
      if (field == null) {
        throw error(start, "Unknown field '" + name + "' (quote the word to search for it)");
      }
      String value = word.substring(colon + 1);
      if (value.isEmpty()) {
        throw error(start + colon + 1, "Missing value after '" + name + ":'");
      }
      if (value.indexOf('*') >= 0) {
        // lang:en already takes its regions; a '*' would be compared as written and match nothing
        throw error(
            start + colon + 1 + value.indexOf('*'), "Wildcard '*' is not allowed in a field value");
      }
      FieldFilter filter = FieldFilter.of(start, field, value);
      if (filter == null) {
        throw error(start + colon + 1, "Invalid value for '" + name + ":'");
      }
      return filter;
    }
    int star = word.indexOf('*');
    boolean prefix = false;
    if (star >= 0) {
      if (star != word.length() - 1) {
        throw error(start + star, "Wildcard '*' is only allowed at the end of a word");
      }
      if (star == 0) {
        throw error(start, "Wildcard '*' needs a word before it");
      }
      prefix = true;
      word = word.substring(0, star);
    }
    PostAnalyzer.Tokens analysed = PostAnalyzer.tokens(word);
    if (analysed.size() == 0) {
      throw error(start, "No searchable word in '" + token.text() + "'");
    }
    if (prefix && GraphemeClusterFilter.isCluster(analysed.term(analysed.size() - 1))) {
      // Thai, Lao, Khmer, Myanmar: every cluster is a word, so the term is already found whatever
      // follows it (แอปเปิ้ล* is the phrase of the clusters of แอปเปิ้ล).
      prefix = false;
    }
    if (prefix && analysed.size() == 1) {
      return new Clause.Prefix(token.text(), start, analysed.term(0), analysed.flag(0));
    }
    if (analysed.size() == 1) {
      return new Clause.Word(token.text(), start, analysed.term(0), analysed.flag(0));
    }
    String[] terms = new String[analysed.size()];
    byte[] flags = new byte[analysed.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = analysed.term(i);
      flags[i] = analysed.flag(i);
    }
    // acme-air*, at&t*: the words in a row, the last one a prefix
    return new Clause.Phrase(token.text(), start, terms, flags, prefix);
  }

  private static boolean isLetters(String word, int end) {
    for (int i = 0; i < end; i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first clause that makes the rule match without any positive term, or null if none. */
  private static Clause negativeOnly(Clause clause) {
    if (clause.positive()) {
      return null;
    }
    if (clause instanceof Clause.AnyOf anyOf) {
      for (Clause operand : anyOf.clauses()) {
        if (!operand.positive()) {
          return negativeOnly(operand);
        }
      }
    }
    if (clause instanceof Clause.AllOf allOf) {
      return negativeOnly(allOf.clauses().get(0));
    }
    return clause;
  }
}
