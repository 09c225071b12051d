package io.sociallistening.topology.match;

import java.util.Arrays;
import java.util.Locale;

/**
 * A post analysed once for matching against every rule: its tokens with hashtag/mention flags, the
 * {@link TermDictionary} id of each token, the positions of each rule term found (as linked lists
 * through the positions, in order) and, built on first use, the normalised fields that field
 * filters compare. Reused for post after post by one thread ({@link #ofThread}), so matching a post
 * allocates nothing once its buffers have grown, and {@link TermLocator} finds the matched terms of
 * a post in the analysis the matcher made of it.
 */
final class AnalysedPost {

  /** Each thread's post, shared by the rule matcher and {@link TermLocator}. */
  private static final ThreadLocal<AnalysedPost> OF_THREAD =
      ThreadLocal.withInitial(AnalysedPost::new);

  private final TokenBuffer tokens = new TokenBuffer();

  /**
   * The text analysed, as the tokenizer read it ({@link PostAnalyzer#analysePrepared}), or null.
   */
  private String prepared;

  /** The size of the term dictionary when the tokens were looked up in it. */
  private int dictionarySize;

  private int[] ids = new int[32];
  private int[] next = new int[32];
  private int[] first = new int[0];
  private int[] stamp = new int[0];
  private int serial;
  private long[] hits = new long[0];
  private MatchInput input;
  private String language;
  private String platform;
  private String author;
  private String host;

  /**
   * This thread's post. The thread analyses each post into it, so what it holds is valid until the
   * thread analyses the next one.
   */
  static AnalysedPost ofThread() {
    return OF_THREAD.get();
  }

  /** Analyses {@code input}, replacing the previous post. */
  void analyse(MatchInput input) {
    start(input);
    prepared = null;
    String text = PostAnalyzer.prepare(input.text());
    PostAnalyzer.analysePrepared(text, tokens);
    index();
    prepared = text;
  }

  /**
   * Analyses {@code text}, whose HTML character references are decoded already (they are not
   * decoded again), replacing the previous post; it has no fields. When this holds the analysis of
   * a post that reads as the same text (the post {@code text} was decoded from, say) and no rule
   * term was added since, that analysis is kept: it is the one this would compute.
   */
  void analyseDecoded(String text) {
    boolean same = holdsDecoded(text);
    start(MatchInput.ofText(text));
    if (!same) {
      prepared = null;
      PostAnalyzer.analysePrepared(text, tokens);
      index();
      prepared = text;
    }
  }

  /**
   * Whether this holds the analysis that {@link #analyseDecoded} would compute of {@code text}: of
   * a text that reads as the same, with no rule term added to the dictionary since.
   */
  boolean holdsDecoded(String text) {
    return prepared != null
        && dictionarySize == TermDictionary.TERMS.size()
        && prepared.equals(text);
  }

  private void start(MatchInput input) {
    this.input = input;
    language = null;
    platform = null;
    author = null;
    host = null;
  }

  /** Looks each token up in the term dictionary and links the positions of each term. */
  private void index() {
    int size = tokens.size();
    if (ids.length < size) {
      ids = new int[Math.max(size, ids.length * 2)];
      next = new int[ids.length];
    }
    int known = TermDictionary.TERMS.size();
    dictionarySize = known;
    if (first.length < known) {
      first = new int[Math.max(known, first.length * 2)];
      stamp = new int[first.length];
      serial = 0;
    }
    if (++serial == 0) {
      Arrays.fill(stamp, 0);
      serial = 1;
    }
    char[] chars = tokens.chars();
    for (int position = size - 1; position >= 0; position--) {
      int id =
          TermDictionary.TERMS.find(
              chars, tokens.offset(position), tokens.length(position), tokens.hash(position));
      if (id >= first.length) {
        // A term of rules newer than those being matched.
        id = -1;
      }
      ids[position] = id;
      if (id >= 0) {
        if (stamp[id] != serial) {
          stamp[id] = serial;
          first[id] = -1;
        }
        next[position] = first[id];
        first[id] = position;
      }
    }
  }

  int size() {
    return tokens.size();
  }

  /** The dictionary id of the token at {@code position}, or -1 if no rule has the term. */
  int id(int position) {
    return ids[position];
  }

  byte flag(int position) {
    return tokens.flag(position);
  }

  /** The analysed tokens, for walking them by characters. */
  TokenBuffer tokens() {
    return tokens;
  }

  /** The first position of the term {@code id}, or -1 if the post does not contain it. */
  int first(int id) {
    return id < stamp.length && stamp[id] == serial ? first[id] : -1;
  }

  /** The next position of the term at {@code position}, or -1. */
  int next(int position) {
    return next[position];
  }

  /** Whether the token at {@code position} starts with {@code prefix}. */
  boolean startsWith(int position, char[] prefix) {
    return tokens.startsWith(position, prefix);
  }

  /** Zeroed bits, at least {@code 2 * words} words; callers leave them zeroed. */
  long[] hits(int words) {
    if (hits.length < 2 * words) {
      hits = new long[2 * words];
    }
    return hits;
  }

  /** Declared language, lower case with {@code -} as separator, or null. */
  String language() {
    if (language == null && input.language() != null) {
      language = FieldFilter.normaliseLanguage(input.language());
    }
    return language;
  }

  /** Platform as a {@link FieldFilter#platformKey} key, or null. */
  String platform() {
    if (platform == null && input.platform() != null) {
      platform = FieldFilter.platformKey(input.platform());
    }
    return platform;
  }

  /** Author handle, lower case, without a leading {@code @}, or null. */
  String author() {
    if (author == null && input.author() != null) {
      author = FieldFilter.normaliseHandle(input.author());
    }
    return author;
  }

  /** Host name of the post URL, lower case, or null. */
  String host() {
    if (host == null && input.url() != null) {
      host = hostOf(input.url());
    }
    return host;
  }

  static String hostOf(String url) {
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = url.length();
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    int userInfo = url.lastIndexOf('@', end - 1);
    if (userInfo >= start) {
      start = userInfo + 1;
    }
    if (start < end && url.charAt(start) != '[') {
      int port = url.indexOf(':', start);
      if (port >= 0 && port < end) {
        end = port;
      }
    }
    while (end > start && url.charAt(end - 1) == '.') {
      end--;
    }
    return url.substring(start, end).toLowerCase(Locale.ROOT);
  }
}
