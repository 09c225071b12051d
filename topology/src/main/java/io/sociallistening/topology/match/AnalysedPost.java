package io.sociallistening.topology.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A post analysed once for matching against every rule: its tokens with positions and
 * hashtag/mention flags and, built on first use, the positions of each distinct term, the distinct
 * terms sorted (for prefix look-ups) and the normalised fields that field filters compare. Used by
 * one thread for one post.
 */
final class AnalysedPost {

  private static final int[] NO_POSITIONS = new int[0];

  private final PostAnalyzer.Tokens tokens;
  private final MatchInput input;
  private Map<String, int[]> positions;
  private String[] vocabulary;
  private String language;
  private String platform;
  private String author;
  private String host;

  private AnalysedPost(MatchInput input, PostAnalyzer.Tokens tokens) {
    this.input = input;
    this.tokens = tokens;
  }

  static AnalysedPost of(MatchInput input) {
    return new AnalysedPost(input, PostAnalyzer.tokens(input.text()));
  }

  int size() {
    return tokens.size();
  }

  String term(int position) {
    return tokens.term(position);
  }

  byte flag(int position) {
    return tokens.flag(position);
  }

  /**
   * Sorted positions of {@code term}, empty if the post does not contain it. The term map is built
   * on first use, so posts that no candidate rule looks at never pay for it.
   */
  int[] positions(String term) {
    if (positions == null) {
      positions = positionsByTerm();
    }
    int[] list = positions.get(term);
    return list == null ? NO_POSITIONS : list;
  }

  private Map<String, int[]> positionsByTerm() {
    int size = tokens.size();
    Map<String, int[]> byTerm = new HashMap<>(size * 2 + 1);
    for (int i = 0; i < size; i++) {
      String term = tokens.term(i);
      int[] list = byTerm.get(term);
      if (list == null) {
        byTerm.put(term, new int[] {1, i});
      } else {
        if (list[0] + 1 == list.length) {
          list = Arrays.copyOf(list, list.length * 2);
          byTerm.put(term, list);
        }
        list[++list[0]] = i;
      }
    }
    for (Map.Entry<String, int[]> entry : byTerm.entrySet()) {
      int[] list = entry.getValue();
      entry.setValue(Arrays.copyOfRange(list, 1, list[0] + 1));
    }
    return byTerm;
  }

  /** The distinct terms of the post, sorted (built on first use, for prefix clauses). */
  String[] vocabulary() {
    if (vocabulary == null) {
      if (positions == null) {
        positions = positionsByTerm();
      }
      String[] distinct = positions.keySet().toArray(new String[0]);
      Arrays.sort(distinct);
      vocabulary = distinct;
    }
    return vocabulary;
  }

  /** Index in {@link #vocabulary()} of the first term not less than {@code prefix}. */
  int firstAtLeast(String prefix) {
    int found = Arrays.binarySearch(vocabulary(), prefix);
    return found >= 0 ? found : -found - 1;
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
