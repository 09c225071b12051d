package io.sociallistening.topology.sentiment;

import io.sociallistening.topology.text.HtmlEntities;
import io.sociallistening.topology.text.Links;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits a social-media post into the tokens the VADER rules work on.
 *
 * <p>Input: a post as written. Output: a {@link TokenizedText}. Rules, in order:
 *
 * <ul>
 *   <li>The text is split on whitespace. Chunks that are URLs ({@code http://}, {@code https://},
 *       {@code www.}, or a host without a scheme such as {@code bit.ly/x}: {@link Links}) or
 *       handles ({@code @name}), also behind opening punctuation ({@code .@name}, {@code
 *       (https://...)}), are dropped, and their punctuation is not counted. The social
 *       configuration also splits chunks that join words with punctuation ({@code
 *       hilarious...LMAO}, {@code bad/terrible}) or end a word with an emoticon ({@code sucks:(}),
 *       see {@code joinedChunk}.
 *   <li>Emoji become tokens of their own with the valence of the emoji table; emoji missing from
 *       the table, skin-tone modifiers, variation selectors, the keycap mark and zero-width joiners
 *       are dropped.
 *   <li>ASCII punctuation (and typographic quotes, ellipsis, inverted marks) is stripped from both
 *       ends of a chunk. As in VADER, when fewer than three characters remain the chunk is kept as
 *       written, so emoticons such as {@code :)} and {@code :D} survive; unlike VADER, a short
 *       all-letter word that is not itself a lexicon entry is stripped too ({@code "ok,"} becomes
 *       {@code ok}).
 *   <li>A hashtag loses its {@code #} (also inside opening punctuation: {@code (#acme)}). When the
 *       rest is not a known word it is split at camel-case boundaries ({@code #BestDayEver}) or,
 *       all lower-case, into known words ({@code #lovethisphone}), provided one of the parts is in
 *       the lexicon.
 *   <li>An elongated word that is not known ({@code sooo}, {@code gooood}) is looked up with runs
 *       of three or more repeated letters collapsed to two, then to one.
 * </ul>
 *
 * <p>Immutable and thread-safe; one instance serves all threads. No regular expressions. Each
 * thread has one {@link TokenizedText} that it refills for every text; a word is lower-cased into
 * its chars and looked up in the {@link Vocabulary} by char range, so the common tokens (plain
 * words, emoticons, emoji) allocate nothing. Hashtags, elongated words and the rare words whose
 * lower case is not char by char (capital sigma, dotted capital I, surrogate pairs) take the
 * original string path, with the same result.
 */
final class SocialTextTokenizer {
  private static final int MAX_HASHTAG_SEGMENTATION = 40;

  /** Short words allowed as parts when splitting an all-lower-case hashtag. */
  private static final Set<String> HASHTAG_WORDS =
      Set.of(
          "i",
          "a",
          "an",
          "the",
          "my",
          "me",
          "you",
          "your",
          "we",
          "our",
          "it",
          "is",
          "are",
          "was",
          "this",
          "that",
          "to",
          "of",
          "in",
          "on",
          "for",
          "with",
          "and",
          "be",
          "day",
          "life",
          "ever",
          "today",
          "time",
          "new",
          "year",
          "phone",
          "service",
          "customer",
          "team",
          "job",
          "work");

  private final Map<String, Double> lexicon;
  private final Vocabulary vocabulary;
  private final EmojiValences emoji;
  private final boolean social;
  private final int shortLaughter;
  private final int longLaughter;
  private final ThreadLocal<TokenizedText> scratch = ThreadLocal.withInitial(TokenizedText::new);

  SocialTextTokenizer(Map<String, Double> lexicon, EmojiValences emoji) {
    this(lexicon, emoji, false, Set.of());
  }

  /**
   * With {@code social}, unknown emoticons with repeated characters ({@code :(((}) are looked up
   * with the repeats collapsed, and unknown words ending in {@code s} are looked up without it
   * ({@code idiots}, {@code crybabies} as {@code crybaby}).
   */
  SocialTextTokenizer(
      Map<String, Double> lexicon, EmojiValences emoji, boolean social, Set<String> ruleWords) {
    this.lexicon = lexicon;
    this.vocabulary = Vocabulary.of(lexicon, ruleWords, HASHTAG_WORDS);
    this.emoji = emoji;
    this.social = social;
    this.shortLaughter = lexiconEntry("haha".toCharArray(), 0, 4);
    this.longLaughter = lexiconEntry("hahaha".toCharArray(), 0, 6);
  }

  /**
   * The entry laughter written out reads as: VADER's "haha", or "hahaha" when longer than four
   * letters; -1 when the lexicon has no such entry.
   */
  private int laughter(int length) {
    return length > 4 ? longLaughter : shortLaughter;
  }

  /** The words this tokenizer knows: its lexicon and the rules' words. */
  Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Returns the tokens of {@code text}; never null. The result is this thread's scratch, valid
   * until the thread tokenises its next text.
   */
  TokenizedText tokenize(String text) {
    if (social) {
      text = HtmlEntities.decode(text);
    }
    TokenizedText out = scratch.get();
    out.reset(vocabulary, text);
    int length = text.length();
    int i = 0;
    while (i < length) {
      int cp = text.codePointAt(i);
      if (isSpace(cp) || social && isInvisibleBreak(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < length) {
        char c = text.charAt(i);
        if (c > ' ' && c < 0x7F) {
          i++;
          continue;
        }
        int code = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
        if (isSpace(code) || social && isInvisibleBreak(code)) {
          break;
        }
        i += Character.charCount(code);
      }
      if (social) {
        joinedChunk(text, start, i, out);
      } else {
        chunk(text, start, i, out);
      }
    }
    return out;
  }

  /**
   * {@link #chunk} for each part of a chunk that joins words with punctuation and no space ({@code
   * hilarious...LMAO}, {@code great,love}, {@code bad/terrible}) or ends a word with an emoticon
   * ({@code sucks:(}): a part ends after a run of {@code . , ; : ! ? / …} that has at least two
   * letters on each side (or two letters before and a handle or hashtag after: {@code great,@acme},
   * {@code love.#acme}), or before an emoticon of the lexicon that follows a letter. Runs between
   * single letters ({@code U.S.}, {@code w/o}) and URLs and handles stay whole.
   */
  private void joinedChunk(String text, int start, int end, TokenizedText out) {
    if (isLinkOrHandle(text, start, end) || text.charAt(start) == '@') {
      chunk(text, start, end, out);
      return;
    }
    int from = start;
    int i = start;
    while (i < end) {
      if (text.charAt(i) == '='
          && lettersBefore(text, from, i)
          && isEmoticonEnd(text, i, end, out)) {
        // "=" is no joiner, but "=(" glued to a word is an emoticon as ":(" is
        chunk(text, from, i, out);
        from = i;
        break;
      }
      if (!isJoiner(text.charAt(i)) || !lettersBefore(text, from, i)) {
        i++;
        continue;
      }
      int run = i;
      while (run < end && isJoiner(text.charAt(run))) {
        run++;
      }
      if (lettersAfter(text, run, end) || isTagAfter(text, run, end)) {
        chunk(text, from, run, out);
        from = run;
        if (isUrl(text, run, end) || text.charAt(run) == '@') {
          // a URL or handle glued after the punctuation stays whole (and is dropped)
          break;
        }
      } else if (isEmoticonEnd(text, i, end, out)) {
        chunk(text, from, i, out);
        from = i;
        break;
      }
      i = run;
    }
    chunk(text, from, end, out);
  }

  private static boolean isJoiner(char c) {
    return c == '.'
        || c == ','
        || c == ';'
        || c == ':'
        || c == '!'
        || c == '?'
        || c == '/'
        || c == '\u2026';
  }

  /** Whether the two chars before {@code i} (and after {@code from}) are letters. */
  private static boolean lettersBefore(String text, int from, int i) {
    return i - from >= 2
        && Character.isLetter(text.charAt(i - 1))
        && Character.isLetter(text.charAt(i - 2));
  }

  private static boolean lettersAfter(String text, int i, int end) {
    return end - i >= 2
        && Character.isLetter(text.charAt(i))
        && Character.isLetter(text.charAt(i + 1));
  }

  /** Whether a handle or hashtag ({@code @acme}, {@code #acme}) starts at {@code i}. */
  private static boolean isTagAfter(String text, int i, int end) {
    return end - i >= 2
        && (text.charAt(i) == '@' || text.charAt(i) == '#')
        && Character.isLetter(text.charAt(i + 1));
  }

  /** Whether {@code text[i..end)}, less trailing {@code ! ? .}, is an emoticon of the lexicon. */
  private boolean isEmoticonEnd(String text, int i, int end, TokenizedText out) {
    char first = text.charAt(i);
    if (first != ':' && first != ';' && first != '=') {
      return false;
    }
    int to = end;
    while (to > i + 2
        && (text.charAt(to - 1) == '!'
            || text.charAt(to - 1) == '?'
            || text.charAt(to - 1) == '.')) {
      to--;
    }
    return to - i >= 2 && to - i <= 4 && inLexicon(text, i, to, out);
  }

  private void chunk(String text, int start, int end, TokenizedText out) {
    if (isLinkOrHandle(text, start, end)) {
      // its punctuation ends a clause as a word's does (for the rules of the social scorer)
      out.markDroppedBoundary(boundaryAfter(text, start, end), social);
      return;
    }
    int first = out.size;
    int segment = start;
    int i = start;
    while (i < end) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == '!') {
        out.exclamations++;
      } else if (cp == '?') {
        out.questions++;
      } else if (isEmoji(cp)) {
        if (segment < i) {
          word(text, segment, i, out);
        }
        int index = emoji.indexOf(cp);
        if (index >= 0) {
          out.add(emoji.symbol(index), emoji.valence(index), false);
        }
        segment = next;
      }
      i = next;
    }
    if (segment < end) {
      word(text, segment, end, out);
    }
    out.placeChunk(first, start, end);
    byte boundary = boundaryAfter(text, start, end);
    if (social && boundary == TokenizedText.NONE && isEmoticonEnd(text, start, end, out)) {
      // ":D", ";P", "=D" end a clause as ":)" does through its ":" and ")"
      boundary = TokenizedText.CLAUSE;
    }
    out.markBoundary(boundary);
  }

  /**
   * The boundary that the punctuation at the end of chunk {@code start..end} marks; a chunk of
   * dashes ({@code -}, {@code --}, an en or em dash) ends a clause.
   */
  private static byte boundaryAfter(String text, int start, int end) {
    byte kind = TokenizedText.NONE;
    int i = end;
    while (i > start) {
      char c = text.charAt(i - 1);
      if (c == '?') {
        return TokenizedText.QUESTION;
      } else if (c == '.' || c == '!' || c == '\u2026') {
        kind = TokenizedText.SENTENCE;
      } else if (c == ',' || c == ';' || c == ':' || (isDash(c) && i - 1 == start)) {
        kind = kind == TokenizedText.NONE ? TokenizedText.CLAUSE : kind;
      } else if (!isStrippable(c) && !isDash(c)) {
        break;
      }
      i--;
    }
    return kind;
  }

  private void word(String text, int start, int end, TokenizedText out) {
    int from = start;
    int to = end;
    while (from < to && isStrippable(text.charAt(from))) {
      from++;
    }
    while (to > from && isStrippable(text.charAt(to - 1))) {
      to--;
    }
    int strippedLength = text.codePointCount(from, to);
    if (strippedLength > 2) {
      if (from > start && text.charAt(from - 1) == '#') {
        // "#acme", also inside opening punctuation: "(#BestDayEver)"
        hashtag(text, from, to, out);
      } else {
        token(text, from, to, out);
      }
      return;
    }
    if (strippedLength > 0
        && (from != start || to != end)
        && allLetters(text, from, to)
        && !inLexicon(text, start, end, out)) {
      token(text, from, to, out);
    } else {
      token(text, start, end, out);
    }
  }

  /** Whether {@code text[from..to)} in lower case is a lexicon entry. */
  private boolean inLexicon(String text, int from, int to, TokenizedText out) {
    int mark = out.charCount;
    boolean known;
    if (appendLower(text, from, to, out)) {
      int id = vocabulary.find(out.chars, mark, out.charCount);
      known = id >= 0 && !Double.isNaN(vocabulary.valence(id));
    } else {
      known = lexicon.containsKey(lower(text.substring(from, to)));
    }
    out.charCount = mark;
    return known;
  }

  /**
   * {@link #token(String, TokenizedText)} for {@code text[from..to)} without building strings: the
   * word is lower-cased into the scratch chars and looked up by range. Words that need the string
   * path (no char-by-char lower case, elongated letters) are passed on to it.
   */
  private void token(String text, int from, int to, TokenizedText out) {
    int mark = out.charCount;
    if (!appendLower(text, from, to, out)) {
      out.charCount = mark;
      token(text.substring(from, to), out);
      return;
    }
    int end = out.charCount;
    int id = vocabulary.find(out.chars, mark, end, out.hash);
    double valence = id >= 0 ? vocabulary.valence(id) : Double.NaN;
    if (Double.isNaN(valence) && (id < 0 || !vocabulary.isBoosterOrNegation(id))) {
      if (social && ValenceRules.isLaughter(out.chars, mark, end)) {
        int laughter = laughter(end - mark);
        if (laughter >= 0) {
          out.charCount = end;
          out.add(laughter, mark, end, vocabulary.valence(laughter), isAllCaps(text, from, to));
          return;
        }
      }
      if (hasLetterRun(out.chars, mark, end)) {
        out.charCount = mark;
        token(text.substring(from, to), out);
        return;
      }
      // not a lexicon entry, booster or negation, so not known: try the social forms
      if (social) {
        int known = socialForm(out, mark, end);
        if (known >= 0) {
          id = known;
          valence = vocabulary.valence(known);
        }
      }
    }
    out.charCount = end;
    out.add(id, mark, end, valence, isAllCaps(text, from, to));
  }

  /**
   * Appends {@code text[from..to)} in lower case ({@link #lower(String)}) to the scratch chars, or
   * returns false when that is not char by char (a surrogate pair, capital sigma or dotted capital
   * I), leaving the caller to take the string path.
   */
  private static boolean appendLower(String text, int from, int to, TokenizedText out) {
    char[] chars = out.reserve(to - from);
    int at = out.charCount;
    int hash = 0;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      char lowerChar;
      if (c < 0x80) {
        lowerChar = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      } else if (Character.isSurrogate(c) || c == '\u03A3' || c == '\u0130') {
        return false;
      } else {
        lowerChar = Character.toLowerCase(c);
        lowerChar = lowerChar == '\u2019' ? '\'' : lowerChar;
      }
      chars[at++] = lowerChar;
      hash = 31 * hash + lowerChar;
    }
    out.charCount = at;
    out.hash = hash;
    return true;
  }

  /**
   * {@link #socialForm(String)} for the lower-case word {@code out.chars[from..to)}: the id of its
   * known form, or -1. Uses the scratch chars after {@code to} and leaves them unused.
   */
  private int socialForm(TokenizedText out, int from, int to) {
    int length = to - from;
    char[] chars = out.chars;
    if (length >= 3 && !Character.isLetter(chars[from])) {
      out.charCount = to;
      for (int k = from; k < to; k++) {
        if (k == from || chars[k] != chars[k - 1]) {
          out.append(chars[k]);
        }
      }
      int collapsed = lexiconEntry(out.chars, to, out.charCount);
      out.charCount = to;
      if (collapsed >= 0) {
        return collapsed;
      }
      chars = out.chars;
    }
    if (length >= 5 && chars[to - 3] == 'i' && chars[to - 2] == 'e' && chars[to - 1] == 's') {
      out.charCount = to;
      for (int k = from; k < to - 3; k++) {
        out.append(out.chars[k]);
      }
      out.append('y');
      int singular = lexiconEntry(out.chars, to, out.charCount);
      out.charCount = to;
      if (singular >= 0) {
        return singular;
      }
      chars = out.chars;
    }
    if (length >= 4 && chars[to - 1] == 's' && chars[to - 2] != 's') {
      return lexiconEntry(chars, from, to - 1);
    }
    return -1;
  }

  /** The id of the lexicon entry {@code chars[from..to)}, or -1. */
  private int lexiconEntry(char[] chars, int from, int to) {
    int id = vocabulary.find(chars, from, to);
    return id >= 0 && !Double.isNaN(vocabulary.valence(id)) ? id : -1;
  }

  /**
   * {@link #hashtag(String, TokenizedText)} for the hashtag body {@code text[from..to)}, looking
   * words up by char range.
   */
  private void hashtag(String text, int from, int to, TokenizedText out) {
    int mark = out.charCount;
    if (!appendLower(text, from, to, out)) {
      out.charCount = mark;
      hashtag(text.substring(from, to), out);
      return;
    }
    int lowerEnd = out.charCount;
    int id = vocabulary.find(out.chars, mark, lowerEnd);
    if (id >= 0 && (!Double.isNaN(vocabulary.valence(id)) || vocabulary.isBoosterOrNegation(id))) {
      out.charCount = mark;
      token(text, from, to, out);
      return;
    }
    out.charCount = mark;
    if (splitCamelCase(text, from, to, out)) {
      return;
    }
    if (to - from <= MAX_HASHTAG_SEGMENTATION && isLowerCase(text, from, to, out)) {
      int parts = segment(out, mark, mark + (to - from));
      if (parts > 0) {
        int[] cuts = out.cuts;
        for (int k = 0; k < parts; k++) {
          token(text, from + cuts[k], from + cuts[k + 1], out);
        }
        return;
      }
    }
    token(text, from, to, out);
  }

  /**
   * Whether {@code text[from..to)} equals its lower case; leaves that lower case in the scratch
   * chars from {@code out.charCount} on, without counting them as used.
   */
  private static boolean isLowerCase(String text, int from, int to, TokenizedText out) {
    int mark = out.charCount;
    appendLower(text, from, to, out);
    out.charCount = mark;
    for (int k = from; k < to; k++) {
      if (out.chars[mark + k - from] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #segment(String)} for the lower-case hashtag body {@code out.chars[from..to)}: the
   * number of parts, with part k from {@code out.cuts[k]} to {@code out.cuts[k + 1]} (offsets in
   * the body), or 0 when it cannot be split completely or no part is in the lexicon.
   */
  private int segment(TokenizedText out, int from, int to) {
    int n = to - from;
    int[] best = out.best(n + 1);
    int[] cut = out.cut;
    char[] chars = out.chars;
    java.util.Arrays.fill(best, 0, n + 1, Integer.MAX_VALUE);
    best[0] = 0;
    for (int end = 1; end <= n; end++) {
      for (int begin = 0; begin < end; begin++) {
        if (best[begin] != Integer.MAX_VALUE && best[begin] + 1 < best[end]) {
          int id = vocabulary.find(chars, from + begin, from + end);
          boolean word =
              id >= 0
                  && ((end - begin >= 3 && !Double.isNaN(vocabulary.valence(id)))
                      || vocabulary.isHashtagWord(id)
                      || vocabulary.isBoosterOrNegation(id));
          if (word) {
            best[end] = best[begin] + 1;
            cut[end] = begin;
          }
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
      return 0;
    }
    int parts = best[n];
    int[] cuts = out.cuts;
    boolean anyInLexicon = false;
    cuts[parts] = n;
    for (int end = n, k = parts - 1; end > 0; end = cut[end], k--) {
      cuts[k] = cut[end];
      int id = vocabulary.find(chars, from + cut[end], from + end);
      anyInLexicon |= !Double.isNaN(vocabulary.valence(id));
    }
    return anyInLexicon ? parts : 0;
  }

  /** {@link #splitCamelCase(String, TokenizedText)} for the hashtag body {@code text[from..to)}. */
  private boolean splitCamelCase(String text, int from, int to, TokenizedText out) {
    int parts = 0;
    boolean anyInLexicon = false;
    int start = from;
    for (int i = from + 1; i <= to; i++) {
      if (i == to || isBoundary(text, i)) {
        int first = text.charAt(start) == '_' ? start + 1 : start;
        if (first < i) {
          parts++;
          anyInLexicon |= inLexicon(text, first, i, out);
        }
        start = i;
      }
    }
    if (parts < 2 || !anyInLexicon) {
      return false;
    }
    start = from;
    for (int i = from + 1; i <= to; i++) {
      if (i == to || isBoundary(text, i)) {
        int first = text.charAt(start) == '_' ? start + 1 : start;
        if (first < i) {
          token(text, first, i, out);
        }
        start = i;
      }
    }
    return true;
  }

  private void hashtag(String body, TokenizedText out) {
    String lowerBody = lower(body);
    if (isKnown(lowerBody)) {
      token(body, out);
      return;
    }
    if (splitCamelCase(body, out)) {
      return;
    }
    if (body.length() <= MAX_HASHTAG_SEGMENTATION && lowerBody.equals(body)) {
      String[] parts = segment(lowerBody);
      if (parts != null) {
        for (String part : parts) {
          token(part, out);
        }
        return;
      }
    }
    token(body, out);
  }

  /** Splits {@code BestDayEver} or {@code best_day} when a part is in the lexicon. */
  private boolean splitCamelCase(String body, TokenizedText out) {
    int parts = 0;
    boolean anyInLexicon = false;
    int start = 0;
    for (int i = 1; i <= body.length(); i++) {
      if (i == body.length() || isBoundary(body, i)) {
        int from = body.charAt(start) == '_' ? start + 1 : start;
        if (from < i) {
          parts++;
          anyInLexicon |= lexicon.containsKey(lower(body.substring(from, i)));
        }
        start = i;
      }
    }
    if (parts < 2 || !anyInLexicon) {
      return false;
    }
    start = 0;
    for (int i = 1; i <= body.length(); i++) {
      if (i == body.length() || isBoundary(body, i)) {
        int from = body.charAt(start) == '_' ? start + 1 : start;
        if (from < i) {
          token(body.substring(from, i), out);
        }
        start = i;
      }
    }
    return true;
  }

  private static boolean isBoundary(String s, int i) {
    char previous = s.charAt(i - 1);
    char current = s.charAt(i);
    return current == '_'
        || (Character.isLowerCase(previous) && Character.isUpperCase(current))
        || (Character.isLetter(previous) && Character.isDigit(current))
        || (Character.isDigit(previous) && Character.isLetter(current));
  }

  /**
   * Splits an all-lower-case hashtag into the fewest known words, or returns null when it cannot be
   * split completely or no part is in the lexicon.
   */
  private String[] segment(String body) {
    int n = body.length();
    int[] best = new int[n + 1];
    int[] cut = new int[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int end = 1; end <= n; end++) {
      for (int begin = 0; begin < end; begin++) {
        if (best[begin] != Integer.MAX_VALUE && best[begin] + 1 < best[end]) {
          String part = body.substring(begin, end);
          boolean word =
              (part.length() >= 3 && lexicon.containsKey(part)) || HASHTAG_WORDS.contains(part);
          word |= ValenceRules.BOOSTERS.containsKey(part) || ValenceRules.NEGATIONS.contains(part);
          if (word) {
            best[end] = best[begin] + 1;
            cut[end] = begin;
          }
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
      return null;
    }
    String[] parts = new String[best[n]];
    boolean anyInLexicon = false;
    for (int end = n, k = parts.length - 1; end > 0; end = cut[end], k--) {
      parts[k] = body.substring(cut[end], end);
      anyInLexicon |= lexicon.containsKey(parts[k]);
    }
    return anyInLexicon ? parts : null;
  }

  private void token(String word, TokenizedText out) {
    String lowerWord = lower(word);
    Double valence = lexicon.get(lowerWord);
    if (valence == null && !isBoosterOrNegation(lowerWord)) {
      if (social && ValenceRules.isLaughter(lowerWord.toCharArray(), 0, lowerWord.length())) {
        // laughter written out ("jajaja", "kkkkk") reads as the fast path reads it
        int laughter = laughter(lowerWord.length());
        if (laughter >= 0) {
          out.add(vocabulary.word(laughter), vocabulary.valence(laughter), isAllCaps(word));
          return;
        }
      }
      if (hasLetterRun(lowerWord)) {
        String twice = collapse(word, 2);
        if (isKnown(lower(twice))) {
          word = twice;
        } else {
          String once = collapse(word, 1);
          if (isKnown(lower(once))) {
            word = once;
          } else if (social && ValenceRules.isLaughter(lower(once))) {
            // elongated laughter ("jajajaaaa") reads as the fast path reads "jajaja"
            int laughter = laughter(once.length());
            if (laughter >= 0) {
              out.add(vocabulary.word(laughter), vocabulary.valence(laughter), isAllCaps(word));
              return;
            }
          }
        }
        lowerWord = lower(word);
      }
      if (social && !isKnown(lowerWord)) {
        String known = socialForm(lowerWord);
        if (known != null) {
          lowerWord = known;
        }
      }
      valence = lexicon.get(lowerWord);
    }
    out.add(lowerWord, valence == null ? Double.NaN : valence, isAllCaps(word));
  }

  /** A known form of an unknown word: emoticon repeats collapsed, or a plural's singular. */
  private String socialForm(String lowerWord) {
    int length = lowerWord.length();
    if (length >= 3 && !Character.isLetter(lowerWord.charAt(0))) {
      String collapsed = collapseAny(lowerWord);
      if (lexicon.containsKey(collapsed)) {
        return collapsed;
      }
    }
    if (length >= 5 && lowerWord.endsWith("ies")) {
      String singular = lowerWord.substring(0, length - 3) + "y";
      if (lexicon.containsKey(singular)) {
        return singular;
      }
    }
    if (length >= 4 && lowerWord.charAt(length - 1) == 's' && lowerWord.charAt(length - 2) != 's') {
      String singular = lowerWord.substring(0, length - 1);
      if (lexicon.containsKey(singular)) {
        return singular;
      }
    }
    return null;
  }

  /** Collapses every run of one repeated character to one character. */
  private static String collapseAny(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
        out.append(word.charAt(i));
      }
    }
    return out.toString();
  }

  private static boolean isBoosterOrNegation(String lowerWord) {
    return ValenceRules.BOOSTERS.containsKey(lowerWord)
        || ValenceRules.NEGATIONS.contains(lowerWord);
  }

  private boolean isKnown(String lowerWord) {
    return lexicon.containsKey(lowerWord)
        || ValenceRules.BOOSTERS.containsKey(lowerWord)
        || ValenceRules.NEGATIONS.contains(lowerWord);
  }

  /** Lower case with {@link Locale#ROOT}, typographic apostrophes folded to {@code '}. */
  static String lower(String word) {
    String lowerWord = word.toLowerCase(Locale.ROOT);
    return lowerWord.indexOf('\u2019') >= 0 ? lowerWord.replace('\u2019', '\'') : lowerWord;
  }

  /** Python's {@code str.isupper()}: some cased letter and no lower-case letter. */
  static boolean isAllCaps(String word) {
    boolean cased = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      cased |= Character.isUpperCase(c) || Character.isTitleCase(c);
    }
    return cased;
  }

  private static boolean hasLetterRun(char[] word, int from, int to) {
    for (int i = from + 2; i < to; i++) {
      char c = word[i];
      if (Character.isLetter(c) && c == word[i - 1] && c == word[i - 2]) {
        return true;
      }
    }
    return false;
  }

  /** {@link #isAllCaps(String)} of {@code text[from..to)}. */
  private static boolean isAllCaps(String text, int from, int to) {
    boolean cased = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c >= 'a' && c <= 'z') {
          return false;
        }
        cased |= c >= 'A' && c <= 'Z';
        continue;
      }
      if (Character.isLowerCase(c)) {
        return false;
      }
      cased |= Character.isUpperCase(c) || Character.isTitleCase(c);
    }
    return cased;
  }

  private static boolean hasLetterRun(String word) {
    for (int i = 2; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c) && c == word.charAt(i - 1) && c == word.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  /** Collapses runs of three or more equal letters (ignoring case) to {@code keep} letters. */
  private static String collapse(String word, int keep) {
    StringBuilder out = new StringBuilder(word.length());
    int i = 0;
    while (i < word.length()) {
      char c = word.charAt(i);
      char folded = Character.toLowerCase(c);
      int end = i + 1;
      while (end < word.length() && Character.toLowerCase(word.charAt(end)) == folded) {
        end++;
      }
      int run = end - i;
      int kept = Character.isLetter(c) && run >= 3 ? keep : run;
      out.append(word, i, i + kept);
      i = end;
    }
    return out.toString();
  }

  private static boolean allLetters(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the chunk {@code text[start..end)} is a URL or a handle, also behind opening
   * punctuation: {@code .@acme} (a reply shown to all), {@code (@acme)}, {@code
   * (https://example.com)}, {@code "www.example.com"}.
   */
  private static boolean isLinkOrHandle(String text, int start, int end) {
    if (isUrl(text, start, end) || (text.charAt(start) == '@' && end - start > 1)) {
      return true;
    }
    int i = start;
    while (i < end
        && text.charAt(i) != '@'
        && text.charAt(i) != '#'
        && isStrippable(text.charAt(i))) {
      i++;
    }
    if (i == start || i == end) {
      return false;
    }
    return isUrl(text, i, end)
        || (text.charAt(i) == '@'
            && i + 1 < end
            && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '_'));
  }

  private static boolean isUrl(String text, int start, int end) {
    return Links.isLink(text, start, end);
  }

  /**
   * Characters that show no space but separate words in the social scorer: control characters (NUL,
   * a stray form of line end), the zero-width space, the word joiner and a byte-order mark inside
   * the text, so "great\u200Bproduct" reads as two words, as a reader sees it. The zero-width
   * joiner of emoji sequences is not one of them.
   */
  private static boolean isInvisibleBreak(int cp) {
    return Character.isISOControl(cp) || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
  }

  private static boolean isSpace(int cp) {
    if (cp > ' ' && cp < 0x7F) {
      return false;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** A hyphen-minus, en dash, em dash or horizontal bar. */
  private static boolean isDash(char c) {
    return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015';
  }

  /** Python's {@code string.punctuation} plus typographic quotes, ellipsis and inverted marks. */
  static boolean isStrippable(char c) {
    if (c < 128) {
      return (c >= '!' && c <= '/')
          || (c >= ':' && c <= '@')
          || (c >= '[' && c <= '`')
          || (c >= '{' && c <= '~');
    }
    return c == '\u201C'
        || c == '\u201D'
        || c == '\u2018'
        || c == '\u2019'
        || c == '\u00AB'
        || c == '\u00BB'
        || c == '\u2026'
        || c == '\u00A1'
        || c == '\u00BF';
  }

  /**
   * Pictographic emoji and the joiners, selectors and modifiers that compose them: the zero-width
   * joiner, the emoji and text presentation selectors ({@code U+FE0F}, {@code U+FE0E}), the keycap
   * mark ({@code U+20E3} of {@code 1️⃣}), skin tones and flag tags.
   */
  static boolean isEmoji(int cp) {
    if (cp < 0x200D) {
      return false;
    }
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2B00 && cp <= 0x2BFF)
        || (cp >= 0x2300 && cp <= 0x23FF)
        || cp == 0xFE0F
        || cp == 0xFE0E
        || cp == 0x20E3
        || cp == 0x200D
        || (cp >= 0xE0020 && cp <= 0xE007F);
  }
}
