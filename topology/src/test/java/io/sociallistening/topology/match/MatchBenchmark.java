package io.sociallistening.topology.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Throughput of {@link RuleSet} against Lucene Monitor on the same rules (words, phrases, prefixes,
 * AND/OR/NOT) and posts, at 1,000 and 10,000 rules, one post at a time as the topology matches
 * them. Not a unit test: run its {@code main} with the test class path. Posts are 25 words drawn
 * from a common vocabulary with brand names mixed into about a third of them; each rule names its
 * own brand; one rule in five is a prefix ({@code noprefix} replaces those by hashtag rules, which
 * Lucene sees as plain terms). Prints posts per second and total matches, which must agree except
 * for hashtag rules (Lucene cannot tell {@code #brand} from {@code brand}).
 */
public final class MatchBenchmark {

  private static final String FIELD = "text";
  private static final String[] SYLLABLES = {
    "ka", "zo", "rex", "vi", "lu", "mor", "tan", "quo", "pel", "dra", "ni", "sor", "bex", "yu", "ga"
  };

  private final Random random = new Random(42);
  private final boolean prefixes;
  private final List<String> common = new ArrayList<>();
  private final List<String> brands = new ArrayList<>();

  private MatchBenchmark(int rules, boolean prefixes) {
    this.prefixes = prefixes;
    for (int i = 0; i < 2_000; i++) {
      common.add(word(2 + random.nextInt(2)));
    }
    for (int i = 0; i < rules; i++) {
      brands.add(word(3) + i % 7 + word(1));
    }
  }

  private String word(int syllables) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return word.toString();
  }

  private String commonWord() {
    // Roughly Zipfian: low indexes are much more frequent.
    double u = random.nextDouble();
    return common.get((int) (common.size() * u * u * u));
  }

  private String post() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      if (i > 0) {
        text.append(i % 9 == 0 ? ". " : " ");
      }
      if (random.nextDouble() < 0.015) {
        String brand = brands.get(random.nextInt(brands.size()));
        text.append(random.nextInt(4) == 0 ? "#" + brand : brand);
      } else {
        text.append(commonWord());
      }
    }
    return text.toString();
  }

  private record Pair(String text, Query query) {}

  private Pair rule(int i) {
    String brand = brands.get(i);
    String a = commonWord();
    String b = commonWord();
    String c = commonWord();
    switch (i % 5) {
      case 0:
        return new Pair(brand, term(brand));
      case 1:
        return new Pair(
            brand + " OR \"" + a + " " + brand + "\"",
            new BooleanQuery.Builder()
                .add(term(brand), Occur.SHOULD)
                .add(phrase(a, brand), Occur.SHOULD)
                .build());
      case 2:
        return new Pair(
            brand + " (" + a + " OR " + b + ") -" + c,
            new BooleanQuery.Builder()
                .add(term(brand), Occur.MUST)
                .add(
                    new BooleanQuery.Builder()
                        .add(term(a), Occur.SHOULD)
                        .add(term(b), Occur.SHOULD)
                        .build(),
                    Occur.MUST)
                .add(term(c), Occur.MUST_NOT)
                .build());
      case 3:
        if (!prefixes) {
          return new Pair("#" + brand, term(brand));
        }
        String prefix = brand.substring(0, brand.length() - 1);
        return new Pair(prefix + "*", new PrefixQuery(new Term(FIELD, prefix)));
      default:
        return new Pair(
            "\"" + brand + " " + a + "\" OR (" + brand + " AND NOT " + b + ")",
            new BooleanQuery.Builder()
                .add(phrase(brand, a), Occur.SHOULD)
                .add(
                    new BooleanQuery.Builder()
                        .add(term(brand), Occur.MUST)
                        .add(term(b), Occur.MUST_NOT)
                        .build(),
                    Occur.SHOULD)
                .build());
    }
  }

  private static Query term(String word) {
    return new TermQuery(new Term(FIELD, word));
  }

  private static Query phrase(String first, String second) {
    return new PhraseQuery(FIELD, first, second);
  }

  private void run(int ruleCount, int postCount) throws IOException {
    List<Rule> rules = new ArrayList<>();
    List<MonitorQuery> queries = new ArrayList<>();
    for (int i = 0; i < ruleCount; i++) {
      Pair pair = rule(i);
      String id = String.format(Locale.ROOT, "r%05d", i);
      rules.add(new Rule(id, "brand" + i, pair.text()));
      queries.add(new MonitorQuery(id, pair.query()));
    }
    List<String> posts = new ArrayList<>();
    for (int i = 0; i < postCount; i++) {
      posts.add(post());
    }
    RuleSet ruleSet =
        RuleSet.of(
            rules,
            (rule, e) -> {
              throw e;
            });
    try (Monitor monitor = new Monitor(new PostAnalyzer())) {
      monitor.register(queries);
      for (int round = 0; round < 3; round++) {
        long ours = 0;
        long start = System.nanoTime();
        for (String post : posts) {
          ours += ruleSet.match(MatchInput.ofText(post)).size();
        }
        double oursSeconds = (System.nanoTime() - start) / 1e9;
        long theirs = 0;
        start = System.nanoTime();
        for (String post : posts) {
          Document document = new Document();
          document.add(new TextField(FIELD, post, Field.Store.NO));
          theirs += monitor.match(document, QueryMatch.SIMPLE_MATCHER).getMatchCount();
        }
        double theirSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "rules=%d prefixes=%s posts=%d round=%d ruleset=%.0f posts/s monitor=%.0f posts/s ratio=%.1fx"
                + " matches ruleset=%d monitor=%d%n",
            ruleCount,
            prefixes,
            postCount,
            round,
            postCount / oursSeconds,
            postCount / theirSeconds,
            theirSeconds / oursSeconds,
            ours,
            theirs);
      }
    }
  }

  /**
   * Arguments: number of posts (default 5,000), then {@code noprefix} to leave out prefix rules.
   */
  public static void main(String[] args) throws IOException {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    boolean prefixes = args.length < 2 || !args[1].equals("noprefix");
    new MatchBenchmark(1_000, prefixes).run(1_000, posts);
    new MatchBenchmark(10_000, prefixes).run(10_000, posts);
  }
}
