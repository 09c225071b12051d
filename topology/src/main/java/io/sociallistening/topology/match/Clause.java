package io.sociallistening.topology.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed rule query: a tree of clauses evaluated against an {@link AnalysedPost}. Leaves are
 * words, prefixes, phrases and field filters; inner nodes are AND, OR, NOT and proximity. Each
 * clause knows its source text and start position in the query (for errors and match explanations).
 */
sealed interface Clause
    permits Clause.Word,
        Clause.Prefix,
        Clause.Phrase,
        Clause.SloppyPhrase,
        Clause.Proximity,
        Clause.AllOf,
        Clause.AnyOf,
        Clause.Not,
        FieldFilter {

  /** 0-based position of the clause in the query. */
  int start();

  boolean matches(AnalysedPost post);

  /** Whether the clause can stand alone: it matches only posts that have something it asks for. */
  boolean positive();

  /** Anchors of the clause, or null if a post can match it without containing any term. */
  Anchors anchors();

  /**
   * Anchors that a matching post must all hit, one of each (a conjunction of the returned
   * alternatives); empty if a post can match without containing any term.
   */
  default List<Anchors> required() {
    Anchors anchors = anchors();
    return anchors == null ? List.of() : List.of(anchors);
  }

  /** Adds the source text of the non-negated text terms that occur in the post. */
  void collectMatched(AnalysedPost post, Set<String> out);

  /** Whether the clause has token spans, so it can be an operand of NEAR. */
  default boolean positional() {
    return false;
  }

  /** Adds the spans where the clause matches; only for {@link #positional()} clauses. */
  default void spans(AnalysedPost post, Spans out) {
    throw new UnsupportedOperationException("not positional: " + getClass().getSimpleName());
  }

  private static boolean flagAccepts(byte required, byte actual) {
    return PostAnalyzer.accepts(required, actual);
  }

  /**
   * One word; a plain word also matches its hashtag and mention, {@code #word} only hashtags, and a
   * word without symbol also matches it written with one ({@code c} matches {@code C++}), {@code
   * c++} only so written.
   */
  final class Word implements Clause {
    private final String source;
    private final int start;
    private final String term;
    private final int id;
    private final byte flag;

    Word(String source, int start, String term, byte flag) {
      this.source = source;
      this.start = start;
      this.term = term;
      this.id = TermDictionary.TERMS.intern(term);
      this.flag = flag;
    }

    String term() {
      return term;
    }

    byte flag() {
      return flag;
    }

    @Override
    public int start() {
      return start;
    }

    @Override
    public boolean matches(AnalysedPost post) {
      int position = post.first(id);
      if (flag == PostAnalyzer.PLAIN) {
        return position >= 0;
      }
      for (; position >= 0; position = post.next(position)) {
        if (flagAccepts(flag, post.flag(position))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean positive() {
      return true;
    }

    @Override
    public Anchors anchors() {
      return Anchors.term(term);
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      if (matches(post)) {
        out.add(source);
      }
    }

    @Override
    public boolean positional() {
      return true;
    }

    @Override
    public void spans(AnalysedPost post, Spans out) {
      for (int position = post.first(id); position >= 0; position = post.next(position)) {
        if (flagAccepts(flag, post.flag(position))) {
          out.add(position, position);
        }
      }
    }
  }

  /** {@code word*}: any token starting with the analysed prefix. */
  final class Prefix implements Clause {
    private final String source;
    private final int start;
    private final String prefix;
    private final char[] chars;
    private final byte flag;

    Prefix(String source, int start, String prefix, byte flag) {
      this.source = source;
      this.start = start;
      this.prefix = prefix;
      this.chars = prefix.toCharArray();
      this.flag = flag;
    }

    String prefix() {
      return prefix;
    }

    byte flag() {
      return flag;
    }

    @Override
    public int start() {
      return start;
    }

    @Override
    public boolean matches(AnalysedPost post) {
      for (int position = 0, size = post.size(); position < size; position++) {
        if (flagAccepts(flag, post.flag(position)) && post.startsWith(position, chars)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean positive() {
      return true;
    }

    @Override
    public Anchors anchors() {
      return Anchors.prefix(prefix);
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      if (matches(post)) {
        out.add(source);
      }
    }

    @Override
    public boolean positional() {
      return true;
    }

    @Override
    public void spans(AnalysedPost post, Spans out) {
      for (int position = 0, size = post.size(); position < size; position++) {
        if (flagAccepts(flag, post.flag(position)) && post.startsWith(position, chars)) {
          out.add(position, position);
        }
      }
    }
  }

  /**
   * {@code "a b c"}: the words at consecutive positions, in order. A wildcard written after a word
   * that splits into several ({@code acme-air*}, {@code at&t*}) is such a phrase whose last word is
   * a prefix.
   */
  final class Phrase implements Clause {
    private final String source;
    private final int start;
    private final String[] terms;
    private final int[] ids;
    private final byte[] flags;

    /** The last word as a prefix, or null when it is a whole word. */
    private final char[] lastPrefix;

    Phrase(String source, int start, String[] terms, byte[] flags) {
      this(source, start, terms, flags, false);
    }

    Phrase(String source, int start, String[] terms, byte[] flags, boolean lastIsPrefix) {
      this.source = source;
      this.start = start;
      this.terms = terms;
      this.ids = ids(terms);
      this.flags = flags;
      this.lastPrefix = lastIsPrefix ? terms[terms.length - 1].toCharArray() : null;
    }

    List<String> terms() {
      return List.of(terms);
    }

    /** Whether the last word is a prefix ({@code acme-air*}). */
    boolean lastIsPrefix() {
      return lastPrefix != null;
    }

    byte flag(int i) {
      return flags[i];
    }

    @Override
    public int start() {
      return start;
    }

    @Override
    public boolean matches(AnalysedPost post) {
      int limit = post.size() - ids.length;
      for (int first = post.first(ids[0]); first >= 0; first = post.next(first)) {
        if (first <= limit && matchesAt(post, first)) {
          return true;
        }
      }
      return false;
    }

    private boolean matchesAt(AnalysedPost post, int first) {
      int last = ids.length - 1;
      for (int i = 0; i < ids.length; i++) {
        int position = first + i;
        boolean word =
            i == last && lastPrefix != null
                ? post.startsWith(position, lastPrefix)
                : ids[i] == post.id(position);
        if (!word || !flagAccepts(flags[i], post.flag(position))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean positive() {
      return true;
    }

    @Override
    public Anchors anchors() {
      // the first word is whole: a phrase with a prefix has at least two words
      return Anchors.term(lastPrefix == null ? longest(terms) : longest(wholeWords()));
    }

    /** Every word of the phrase (the last as a prefix when it is one). */
    @Override
    public List<Anchors> required() {
      if (lastPrefix == null) {
        return eachTerm(terms);
      }
      List<Anchors> each = new ArrayList<>(eachTerm(wholeWords()));
      each.add(Anchors.prefix(terms[terms.length - 1]));
      return each;
    }

    private String[] wholeWords() {
      return Arrays.copyOf(terms, terms.length - 1);
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      if (matches(post)) {
        out.add(source);
      }
    }

    @Override
    public boolean positional() {
      return true;
    }

    @Override
    public void spans(AnalysedPost post, Spans out) {
      int limit = post.size() - ids.length;
      for (int first = post.first(ids[0]); first >= 0; first = post.next(first)) {
        if (first <= limit && matchesAt(post, first)) {
          out.add(first, first + ids.length - 1);
        }
      }
    }
  }

  /**
   * {@code "a b c"~n}: all the words, in any order, within a window holding at most {@code n} other
   * words. For two words this is {@code a NEAR/n b}. A word repeated in the phrase must occur that
   * many times in the window. Each word of the text stands for one word of the phrase at most: the
   * one word of {@code #acme} is {@code #acme} or {@code acme}, never both, so {@code "#acme
   * acme"~0} needs two words.
   */
  final class SloppyPhrase implements Clause {
    private final String source;
    private final int start;
    private final String[] keys;
    private final byte[] keyFlags;
    private final int[] needed;
    private final int words;
    private final int slop;
    private final String[] terms;
    private final byte[] flags;

    /** The distinct terms of the keys: a key (a word with its flag) belongs to its term's group. */
    private final int[] groupIds;

    /**
     * {@code accepting[g][flag]}: the keys of group {@code g} (bit {@code i} for its {@code i}-th
     * key) that a text word of the group's term with {@code flag} can stand for.
     */
    private final int[][] accepting;

    /** {@code demand[g][subset]}: the words that the keys in {@code subset} of group g need. */
    private final int[][] demand;

    SloppyPhrase(String source, int start, String[] terms, byte[] flags, int slop) {
      this.source = source;
      this.start = start;
      this.slop = slop;
      this.terms = terms;
      this.flags = flags;
      this.words = terms.length;
      List<String> distinctTerms = new ArrayList<>();
      List<Byte> distinctFlags = new ArrayList<>();
      int[] counts = new int[terms.length];
      for (int i = 0; i < terms.length; i++) {
        int found = -1;
        for (int k = 0; k < distinctTerms.size(); k++) {
          if (distinctTerms.get(k).equals(terms[i]) && distinctFlags.get(k) == flags[i]) {
            found = k;
          }
        }
        if (found < 0) {
          found = distinctTerms.size();
          distinctTerms.add(terms[i]);
          distinctFlags.add(flags[i]);
        }
        counts[found]++;
      }
      this.keys = distinctTerms.toArray(new String[0]);
      this.keyFlags = new byte[keys.length];
      for (int k = 0; k < keys.length; k++) {
        keyFlags[k] = distinctFlags.get(k);
      }
      this.needed = Arrays.copyOf(counts, keys.length);
      List<String> groupTerms = new ArrayList<>();
      List<List<Integer>> groupKeys = new ArrayList<>();
      for (int k = 0; k < keys.length; k++) {
        int g = groupTerms.indexOf(keys[k]);
        if (g < 0) {
          g = groupTerms.size();
          groupTerms.add(keys[k]);
          groupKeys.add(new ArrayList<>());
        }
        groupKeys.get(g).add(k);
      }
      this.groupIds = ids(groupTerms.toArray(new String[0]));
      this.accepting = new int[groupIds.length][PostAnalyzer.FLAGS];
      this.demand = new int[groupIds.length][];
      for (int g = 0; g < groupIds.length; g++) {
        List<Integer> members = groupKeys.get(g);
        for (int flag = 0; flag < PostAnalyzer.FLAGS; flag++) {
          for (int i = 0; i < members.size(); i++) {
            if (flagAccepts(keyFlags[members.get(i)], (byte) flag)) {
              accepting[g][flag] |= 1 << i;
            }
          }
        }
        demand[g] = new int[1 << members.size()];
        for (int subset = 1; subset < demand[g].length; subset++) {
          for (int i = 0; i < members.size(); i++) {
            if ((subset & (1 << i)) != 0) {
              demand[g][subset] += needed[members.get(i)];
            }
          }
        }
      }
    }

    List<String> terms() {
      return List.of(terms);
    }

    byte flag(int i) {
      return flags[i];
    }

    int slop() {
      return slop;
    }

    @Override
    public int start() {
      return start;
    }

    @Override
    public boolean matches(AnalysedPost post) {
      return windows(post, null);
    }

    /**
     * Whether the words of group {@code g} counted in {@code count[g]} (by flag) can stand for all
     * the words of the phrase that the group's keys need, each for one: by Hall's theorem, when
     * every set of keys has at least as many words that one of them accepts as they need together.
     */
    private boolean enough(int g, int[][] count) {
      int[] byFlag = count[g];
      int[] accepts = accepting[g];
      int[] needs = demand[g];
      for (int subset = 1; subset < needs.length; subset++) {
        int have = 0;
        for (int flag = 0; flag < byFlag.length; flag++) {
          if ((accepts[flag] & subset) != 0) {
            have += byFlag[flag];
          }
        }
        if (have < needs[subset]) {
          return false;
        }
      }
      return true;
    }

    /** Finds the minimal windows holding all words; adds them to {@code out} if not null. */
    private boolean windows(AnalysedPost post, Spans out) {
      int groups = groupIds.length;
      int[][] count = new int[groups][PostAnalyzer.FLAGS];
      int total = 0;
      for (int g = 0; g < groups; g++) {
        for (int position = post.first(groupIds[g]);
            position >= 0;
            position = post.next(position)) {
          byte flag = post.flag(position);
          if (accepting[g][flag] != 0) {
            count[g][flag]++;
            total++;
          }
        }
        if (!enough(g, count)) {
          return false;
        }
      }
      long[] occurrences = new long[total];
      int next = 0;
      for (int g = 0; g < groups; g++) {
        Arrays.fill(count[g], 0);
        for (int position = post.first(groupIds[g]);
            position >= 0;
            position = post.next(position)) {
          byte flag = post.flag(position);
          if (accepting[g][flag] != 0) {
            occurrences[next++] = ((long) position << 32) | ((long) g << 8) | flag;
          }
        }
      }
      Arrays.sort(occurrences);
      boolean[] ok = new boolean[groups];
      int satisfied = 0;
      int left = 0;
      boolean found = false;
      for (long occurrence : occurrences) {
        int group = (int) occurrence >>> 8;
        count[group][(int) occurrence & 0xFF]++;
        if (!ok[group] && enough(group, count)) {
          ok[group] = true;
          satisfied++;
        }
        while (satisfied == groups) {
          long dropped = occurrences[left];
          int leftGroup = (int) dropped >>> 8;
          count[leftGroup][(int) dropped & 0xFF]--;
          if (!enough(leftGroup, count)) {
            int first = (int) (dropped >>> 32);
            int last = (int) (occurrence >>> 32);
            if (last - first + 1 - words <= slop) {
              if (out == null) {
                return true;
              }
              found = true;
              out.add(first, last);
            }
            ok[leftGroup] = false;
            satisfied--;
          }
          left++;
        }
      }
      return found;
    }

    @Override
    public boolean positive() {
      return true;
    }

    @Override
    public Anchors anchors() {
      return Anchors.term(longest(keys));
    }

    /** Every word of the phrase. */
    @Override
    public List<Anchors> required() {
      return eachTerm(keys);
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      if (matches(post)) {
        out.add(source);
      }
    }

    @Override
    public boolean positional() {
      return true;
    }

    @Override
    public void spans(AnalysedPost post, Spans out) {
      windows(post, out);
    }

    /** Whether the word at {@code position} can stand for a word of the phrase. */
    boolean holds(AnalysedPost post, int position) {
      int id = post.id(position);
      byte flag = post.flag(position);
      for (int g = 0; g < groupIds.length; g++) {
        if (groupIds[g] == id && accepting[g][flag] != 0) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * {@code a NEAR/n b} (either order) and {@code a ONEAR/n b} (a before b): spans of both operands
   * that do not overlap and have at most {@code n} words between them. The combined span reaches
   * from the first to the last word, so chains measure from the whole group.
   */
  final class Proximity implements Clause {
    private final Clause left;
    private final Clause right;
    private final int distance;
    private final boolean ordered;

    Proximity(Clause left, Clause right, int distance, boolean ordered) {
      this.left = left;
      this.right = right;
      this.distance = distance;
      this.ordered = ordered;
    }

    Clause left() {
      return left;
    }

    Clause right() {
      return right;
    }

    int distance() {
      return distance;
    }

    boolean ordered() {
      return ordered;
    }

    @Override
    public int start() {
      return left.start();
    }

    @Override
    public boolean matches(AnalysedPost post) {
      return pairs(post, null);
    }

    private boolean pairs(AnalysedPost post, Spans out) {
      Spans a = new Spans();
      left.spans(post, a);
      if (a.size() == 0) {
        return false;
      }
      Spans b = new Spans();
      right.spans(post, b);
      if (b.size() == 0) {
        return false;
      }
      a.sortDistinct();
      b.sortDistinct();
      int widest = b.widest();
      boolean found = false;
      for (int i = 0; i < a.size(); i++) {
        int aStart = a.start(i);
        int aEnd = a.end(i);
        // Only spans of b starting from here to `last` can be near: before aStart, b must end at
        // most `distance` words before it (and is at most `widest` long); after aEnd, start at
        // most `distance` words after it.
        int first = ordered ? aEnd + 1 : aStart - 1 - distance - widest;
        long last = (long) aEnd + 1 + distance;
        for (int j = b.firstStartingFrom(first); j < b.size() && b.start(j) <= last; j++) {
          if (near(aStart, aEnd, b.start(j), b.end(j))) {
            if (out == null) {
              return true;
            }
            found = true;
            out.add(Math.min(aStart, b.start(j)), Math.max(aEnd, b.end(j)));
          }
        }
      }
      return found;
    }

    private boolean near(int aStart, int aEnd, int bStart, int bEnd) {
      if (aEnd < bStart) {
        return bStart - aEnd - 1 <= distance;
      }
      if (!ordered && bEnd < aStart) {
        return aStart - bEnd - 1 <= distance;
      }
      return false;
    }

    @Override
    public boolean positive() {
      return true;
    }

    @Override
    public Anchors anchors() {
      Anchors a = left.anchors();
      Anchors b = right.anchors();
      return a.cost() <= b.cost() ? a : b;
    }

    /** What both operands require. */
    @Override
    public List<Anchors> required() {
      List<Anchors> all = new ArrayList<>(left.required());
      all.addAll(right.required());
      return all;
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      if (matches(post)) {
        left.collectMatched(post, out);
        right.collectMatched(post, out);
      }
    }

    @Override
    public boolean positional() {
      return true;
    }

    @Override
    public void spans(AnalysedPost post, Spans out) {
      pairs(post, out);
    }
  }

  /** AND, also written as words side by side or {@code -word}. */
  final class AllOf implements Clause {
    private final Clause[] clauses;

    AllOf(List<Clause> clauses) {
      this.clauses = clauses.toArray(new Clause[0]);
    }

    @Override
    public int start() {
      return clauses[0].start();
    }

    @Override
    public boolean matches(AnalysedPost post) {
      for (Clause clause : clauses) {
        if (!clause.matches(post)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean positive() {
      for (Clause clause : clauses) {
        if (clause.positive()) {
          return true;
        }
      }
      return false;
    }

    /** The cheapest anchors of any one operand: a match contains all operands. */
    @Override
    public Anchors anchors() {
      Anchors best = null;
      for (Clause clause : clauses) {
        Anchors anchors = clause.anchors();
        if (anchors != null && (best == null || anchors.cost() < best.cost())) {
          best = anchors;
        }
      }
      return best;
    }

    /** What every operand requires. */
    @Override
    public List<Anchors> required() {
      List<Anchors> all = new ArrayList<>();
      for (Clause clause : clauses) {
        all.addAll(clause.required());
      }
      return all;
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      for (Clause clause : clauses) {
        clause.collectMatched(post, out);
      }
    }

    List<Clause> clauses() {
      return List.of(clauses);
    }
  }

  /** OR. It is positional (a NEAR operand) when all its operands are. */
  final class AnyOf implements Clause {
    private final Clause[] clauses;

    AnyOf(List<Clause> clauses) {
      this.clauses = clauses.toArray(new Clause[0]);
    }

    @Override
    public int start() {
      return clauses[0].start();
    }

    @Override
    public boolean matches(AnalysedPost post) {
      for (Clause clause : clauses) {
        if (clause.matches(post)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean positive() {
      for (Clause clause : clauses) {
        if (!clause.positive()) {
          return false;
        }
      }
      return true;
    }

    /** The anchors of all operands: a match contains one of them. */
    @Override
    public Anchors anchors() {
      Anchors all = new Anchors(Set.of(), Set.of());
      for (Clause clause : clauses) {
        Anchors anchors = clause.anchors();
        if (anchors == null) {
          return null;
        }
        all = all.union(anchors);
      }
      return all;
    }

    /**
     * Two groups, from the two cheapest groups each operand requires (its only one twice if it has
     * one): a match matches an operand, so it hits both of that operand's groups.
     */
    @Override
    public List<Anchors> required() {
      Anchors first = new Anchors(Set.of(), Set.of());
      Anchors second = first;
      for (Clause clause : clauses) {
        List<Anchors> groups = cheapestFirst(clause.required());
        if (groups.isEmpty()) {
          return List.of();
        }
        first = first.union(groups.get(0));
        second = second.union(groups.get(groups.size() > 1 ? 1 : 0));
      }
      return first.equals(second) ? List.of(first) : List.of(first, second);
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {
      for (Clause clause : clauses) {
        clause.collectMatched(post, out);
      }
    }

    @Override
    public boolean positional() {
      for (Clause clause : clauses) {
        if (!clause.positional()) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void spans(AnalysedPost post, Spans out) {
      for (Clause clause : clauses) {
        clause.spans(post, out);
      }
    }

    List<Clause> clauses() {
      return List.of(clauses);
    }
  }

  /** NOT or {@code -}. */
  final class Not implements Clause {
    private final int start;
    private final Clause clause;

    Not(int start, Clause clause) {
      this.start = start;
      this.clause = clause;
    }

    @Override
    public int start() {
      return start;
    }

    @Override
    public boolean matches(AnalysedPost post) {
      return !clause.matches(post);
    }

    @Override
    public boolean positive() {
      return false;
    }

    @Override
    public Anchors anchors() {
      return null;
    }

    @Override
    public void collectMatched(AnalysedPost post, Set<String> out) {}

    Clause clause() {
      return clause;
    }
  }

  /** Distinct groups, cheapest first (the order of equal ones kept). */
  static List<Anchors> cheapestFirst(List<Anchors> groups) {
    List<Anchors> distinct = new ArrayList<>(new LinkedHashSet<>(groups));
    distinct.sort(Comparator.comparingInt(Anchors::cost));
    return distinct;
  }

  private static List<Anchors> eachTerm(String[] terms) {
    List<Anchors> each = new ArrayList<>(terms.length);
    for (String term : terms) {
      each.add(Anchors.term(term));
    }
    return each;
  }

  private static int[] ids(String[] terms) {
    int[] ids = new int[terms.length];
    for (int i = 0; i < terms.length; i++) {
      ids[i] = TermDictionary.TERMS.intern(terms[i]);
    }
    return ids;
  }

  private static String longest(String[] terms) {
    String longest = terms[0];
    for (String term : terms) {
      if (term.length() > longest.length()) {
        longest = term;
      }
    }
    return longest;
  }
}
