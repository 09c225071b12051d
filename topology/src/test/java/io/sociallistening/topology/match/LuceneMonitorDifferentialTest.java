package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.junit.jupiter.api.Test;

/**
 * Random rules and posts matched by our {@link RuleSet} and by Lucene Monitor must give identical
 * match sets, on the part of the language both share (see {@link LuceneTranslation}): words, exact
 * and sloppy phrases, prefixes, AND, OR, NOT, {@code -}, NEAR and ONEAR. Rule vocabulary has no
 * {@code #tag} or {@code @mention} terms (Lucene has no such notion); posts do contain hashtags,
 * mentions, accents, case variants, apostrophes and hyphenated words, which plain rule words must
 * match in both.
 */
class LuceneMonitorDifferentialTest {

  private static final String[] WORDS = {
    "acme", "Acme", "anvil", "rocket", "ROCKET", "air", "fail", "late", "café", "cafe", "delay",
    "big", "x", "anvil's"
  };
  private static final String[] PREFIXES = {
    "ac", "acm", "acme", "an", "ro", "roc", "fa", "ca", "de"
  };
  private static final String[] POST_WORDS = {
    "acme",
    "Acme",
    "ACME",
    "acmes",
    "acmefail",
    "#acme",
    "#AcmeFail",
    "@acme",
    "anvil",
    "anvils",
    "@anvil",
    "anvil's",
    "l'anvil",
    "rocket",
    "#rockets",
    "air",
    "acme-air",
    "fail",
    "failing",
    "late",
    "café",
    "CAFÉ",
    "cafe\u0301",
    "delay",
    "delayed",
    "big",
    "x",
    "pineapple",
    "the",
    "a",
    "today",
    "really",
    "new",
    "love",
    "hate",
    "flight",
    "my",
    "is",
    "so",
    "don't",
    "it's",
    "https://acme.com/x",
    "e.g.",
    "3.5",
    "1,000"
  };
  private static final String[] SEPARATORS = {" ", " ", " ", " ", ", ", "! ", ". ", " - "};

  private static final String[] SYLLABLES = {
    "ka", "zo", "rex", "vi", "lu", "mor", "tan", "quo", "pel", "dra", "ni", "sor", "bex", "yu"
  };

  private final Random random = new Random(20261125L);
  private String[] words = WORDS;
  private String[] prefixes = PREFIXES;
  private String[] postWords = POST_WORDS;
  private String[] separators = SEPARATORS;
  private double prefixShare = 0.12;

  /** A generated rule query; {@code and} if it is an AND at the top (no parentheses needed). */
  private record Generated(String text, boolean and, boolean compound) {}

  /** Few words, so most rules see most posts: AND, NOT and NEAR decide. */
  @Test
  void shouldMatchExactlyWhatLuceneMonitorMatchesOnDenseRules() throws IOException {
    // With this seed 15,885 of the 90,000 (rule, post) pairs match.
    assertThat(compare(300, 300)).isEqualTo(15_885);
  }

  /** Thousands of rules over a wider vocabulary, as in a real rule book. */
  @Test
  void shouldMatchExactlyWhatLuceneMonitorMatchesOnThousandsOfRules() throws IOException {
    List<String> generated = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder word = new StringBuilder();
      for (int s = 2 + random.nextInt(2); s > 0; s--) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      generated.add(word.toString());
    }
    words = generated.toArray(new String[0]);
    List<String> starts = new ArrayList<>();
    for (String word : generated.subList(0, 60)) {
      starts.add(word.substring(0, Math.min(word.length(), 3 + random.nextInt(3))));
    }
    prefixes = starts.toArray(new String[0]);
    List<String> inPosts = new ArrayList<>(List.of(POST_WORDS));
    for (String word : generated) {
      inPosts.add(word);
      inPosts.add(random.nextBoolean() ? "#" + word : word.toUpperCase(Locale.ROOT) + "'s");
    }
    postWords = inPosts.toArray(new String[0]);
    // Lucene Monitor evaluates a prefix query for every post, so few keep the test fast.
    prefixShare = 0.02;
    // With this seed 16,077 of the 1,000,000 (rule, post) pairs match.
    assertThat(compare(2_000, 500)).isEqualTo(16_077);
  }

  /**
   * Thai, Lao, Khmer and Myanmar words, most often written without a space between them, among
   * Latin words, numbers, hashtags and emoji: each grapheme cluster is a word in both.
   */
  @Test
  void shouldMatchExactlyWhatLuceneMonitorMatchesInSpacelessScripts() throws IOException {
    words =
        new String[] {
          "แอปเปิ้ล",
          "ซัมซุง",
          "ไลน์",
          "ออนไลน์",
          "มาก",
          "ราคา",
          "ถูก",
          "ดี",
          "แอป",
          "ເບຍລາວ",
          "ຫຼາຍ",
          "កូកាកូឡា",
          "ណាស់",
          "ကိုကာကိုလာ",
          "ကြိုက်",
          "acme",
          "iPhone"
        };
    prefixes = new String[] {"แอปเปิ้ล", "แอป", "ซัม", "ເບຍ", "កូកា", "ကို", "acm", "ipho"};
    postWords =
        new String[] {
          "ฉันชอบ",
          "แอปเปิ้ล",
          "แอปเปิล",
          "ซัมซุง",
          "ออนไลน์",
          "ไลน์",
          "มาก",
          "ราคาถูก",
          "ดีมาก",
          "ขายของ",
          "ຂ້ອຍມັກ",
          "ເບຍລາວ",
          "ຫຼາຍ",
          "ខ្ញុំចូលចិត្ត",
          "កូកាកូឡា",
          "ណាស់",
          "ကျွန်တော်",
          "ကိုကာကိုလာ",
          "ကြိုက်တယ်",
          "iPhone",
          "15",
          "#แอปเปิ้ล",
          "@acme",
          "acme",
          "🔥"
        };
    separators = new String[] {"", "", "", " ", ", "};
    prefixShare = 0.1;
    // With this seed 16,582 of the 90,000 (rule, post) pairs match.
    assertThat(compare(300, 300)).isEqualTo(16_582);
  }

  /**
   * A wildcard after a word that splits ({@code acme-air*}) is the phrase of its words with the
   * last one a prefix; Lucene's equivalent is a span phrase whose last part is a prefix query.
   */
  @Test
  void shouldMatchPhrasesEndingInAPrefixAsLuceneDoes() throws IOException {
    List<String> queries =
        List.of(
            "acme-air*",
            "acme-air* NEAR/2 late",
            "acme-air* ONEAR/1 late",
            "(acme-air* OR rocket) NEAR/1 late",
            "acme-air* -anvil",
            "rocket-fu* OR acme");
    String[] vocabulary = {
      "acme", "Acme", "air", "airlines", "AIRWAYS", "airs", "late", "rocket", "fuel", "anvil", "ai"
    };
    String[] gaps = {" ", " ", "-", ", ", ". "};
    Random seeded = new Random(20261127L);
    List<Rule> rules = new ArrayList<>();
    List<MonitorQuery> monitorQueries = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Rule rule = new Rule("p" + i, "brand", queries.get(i));
      rules.add(rule);
      monitorQueries.add(new MonitorQuery(rule.id(), LuceneTranslation.query(rule)));
    }
    RuleSet ruleSet =
        RuleSet.of(
            rules,
            (rule, e) -> {
              throw new AssertionError(rule.id() + ": " + e.getMessage());
            });
    int totalMatches = 0;
    try (Monitor monitor = new Monitor(LuceneTranslation.analyzer())) {
      monitor.register(monitorQueries);
      for (int p = 0; p < 2_000; p++) {
        StringBuilder text = new StringBuilder();
        for (int w = 2 + seeded.nextInt(5); w > 0; w--) {
          text.append(vocabulary[seeded.nextInt(vocabulary.length)]);
          text.append(gaps[seeded.nextInt(gaps.length)]);
        }
        MatchingQueries<QueryMatch> expected =
            monitor.match(LuceneTranslation.document(text.toString()), QueryMatch.SIMPLE_MATCHER);
        Set<String> expectedIds = new TreeSet<>();
        expected.getMatches().forEach(match -> expectedIds.add(match.getQueryId()));
        List<String> actualIds =
            ruleSet.match(MatchInput.ofText(text.toString())).stream()
                .map(RuleMatch::ruleId)
                .sorted()
                .toList();

        assertThat(actualIds).as("post '%s'", text).containsExactlyElementsOf(expectedIds);
        totalMatches += actualIds.size();
      }
    }
    // every rule matches some posts and misses others
    assertThat(totalMatches).isBetween(1_000, 10_000);
  }

  /** Matches {@code posts} random posts against {@code count} random rules; the total matches. */
  private int compare(int count, int posts) throws IOException {
    List<Rule> rules = new ArrayList<>();
    List<MonitorQuery> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format(Locale.ROOT, "r%04d", i);
      Rule rule = new Rule(id, "brand", positive(3).text());
      rules.add(rule);
      queries.add(new MonitorQuery(id, LuceneTranslation.query(rule)));
    }
    try (Monitor monitor = new Monitor(LuceneTranslation.analyzer())) {
      monitor.register(queries);

      List<String> invalid = new ArrayList<>();
      RuleSet ruleSet = RuleSet.of(rules, (rule, e) -> invalid.add(e.getMessage()));
      assertThat(invalid).isEmpty();

      int totalMatches = 0;
      for (int p = 0; p < posts; p++) {
        String text = post();
        MatchingQueries<QueryMatch> expected =
            monitor.match(LuceneTranslation.document(text), QueryMatch.SIMPLE_MATCHER);
        assertThat(expected.getErrors()).isEmpty();
        Set<String> expectedIds = new TreeSet<>();
        for (QueryMatch match : expected.getMatches()) {
          expectedIds.add(match.getQueryId());
        }
        List<String> actualIds =
            ruleSet.match(MatchInput.ofText(text)).stream().map(RuleMatch::ruleId).toList();

        assertThat(actualIds)
            .as("post '%s' with rules %s", text, describe(rules, expectedIds, actualIds))
            .containsExactlyElementsOf(expectedIds);
        totalMatches += actualIds.size();
      }
      return totalMatches;
    }
  }

  private static String describe(List<Rule> rules, Set<String> expected, List<String> actual) {
    StringBuilder differing = new StringBuilder();
    for (Rule rule : rules) {
      if (expected.contains(rule.id()) != actual.contains(rule.id())) {
        differing.append(rule.id()).append(": ").append(rule.query()).append("; ");
      }
    }
    return differing.toString();
  }

  private String post() {
    int length = 3 + random.nextInt(12);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        text.append(separators[random.nextInt(separators.length)]);
      }
      text.append(postWords[random.nextInt(postWords.length)]);
    }
    return text.toString();
  }

  private Generated positive(int depth) {
    double choice = random.nextDouble();
    if (depth == 0 || choice < 0.35) {
      return leaf();
    }
    if (choice < 0.55) {
      return or(depth);
    }
    return and(depth);
  }

  private Generated or(int depth) {
    int count = 2 + random.nextInt(2);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Generated operand = positive(depth - 1);
      // AND binds tighter than OR, so an AND operand needs no parentheses.
      boolean bare = operand.and() && random.nextBoolean();
      parts.add(bare ? operand.text() : parenthesised(operand));
    }
    return new Generated(String.join(" OR ", parts), false, true);
  }

  private Generated and(int depth) {
    int positives = 1 + random.nextInt(3);
    int negatives = random.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < positives + negatives; i++) {
      boolean negative = i >= positives;
      Generated operand = negative && random.nextBoolean() ? leaf() : positive(depth - 1);
      String text = parenthesised(operand);
      if (negative) {
        text = (random.nextBoolean() ? "NOT " : "-") + text;
      }
      parts.add(text);
    }
    StringBuilder text = new StringBuilder(parts.get(0));
    for (int i = 1; i < parts.size(); i++) {
      text.append(random.nextBoolean() ? " AND " : " ").append(parts.get(i));
    }
    return new Generated(text.toString(), true, true);
  }

  private static String parenthesised(Generated operand) {
    return operand.compound() ? "(" + operand.text() + ")" : operand.text();
  }

  private Generated leaf() {
    double choice = random.nextDouble();
    if (choice < 0.45) {
      return new Generated(words[random.nextInt(words.length)], false, false);
    }
    if (choice < 0.45 + prefixShare) {
      return new Generated(prefixes[random.nextInt(prefixes.length)] + "*", false, false);
    }
    if (choice < 0.80) {
      int length = 2 + random.nextInt(2);
      List<String> phrase = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        phrase.add(this.words[random.nextInt(this.words.length)]);
      }
      return new Generated("\"" + String.join(" ", phrase) + "\"", false, false);
    }
    Set<String> used = new HashSet<>();
    if (choice < 0.88) {
      int length = 2 + random.nextInt(2);
      List<String> phrase = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        phrase.add(distinctWord(used));
      }
      return new Generated(
          "\"" + String.join(" ", phrase) + "\"~" + random.nextInt(4), false, false);
    }
    String operator = (random.nextInt(3) == 0 ? "ONEAR/" : "NEAR/") + random.nextInt(4);
    return new Generated(
        nearOperand(used) + " " + operator + " " + nearOperand(used), false, false);
  }

  private String nearOperand(Set<String> used) {
    double choice = random.nextDouble();
    if (choice < 0.5) {
      return distinctWord(used);
    }
    if (choice < 0.75) {
      return "\"" + distinctWord(used) + " " + distinctWord(used) + "\"";
    }
    return "(" + distinctWord(used) + " OR " + distinctWord(used) + ")";
  }

  /**
   * A rule word whose analysed words (one, or the clusters of a word in a spaceless script) are
   * distinct and not yet in {@code used}.
   */
  private String distinctWord(Set<String> used) {
    while (true) {
      String word = words[random.nextInt(words.length)];
      PostAnalyzer.Tokens tokens = PostAnalyzer.tokens(word);
      Set<String> terms = new HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        terms.add(tokens.term(i));
      }
      if (terms.size() == tokens.size() && terms.stream().noneMatch(used::contains)) {
        used.addAll(terms);
        return word;
      }
    }
  }
}
