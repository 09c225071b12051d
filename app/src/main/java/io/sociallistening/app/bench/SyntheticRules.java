package io.sociallistening.app.bench;

import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic rule book of the size a large deployment tracks: the six sample rules (acme-air,
 * skyways, nimbus, brewly) followed by generated brands with the query shapes people write (exact
 * phrases with hashtag variants, a name with context words and exclusions, handles and app names,
 * prefixes, proximity) and, one in a hundred, a topic rule built from words that sample posts use,
 * so that a share of the generated rules match sample texts too.
 */
public final class SyntheticRules {
  public static final int SAMPLE_RULES = 6;
  public static final long DEFAULT_SEED = 7L;

  private static final String[] SYLLABLES = {
    "zan", "vor", "kel", "mi", "tro", "lux", "pa", "dra", "quil", "ost", "ri", "ven", "sol", "ta",
    "bri", "gon", "fe", "lo", "mar", "nex", "ul", "cor", "ya", "zeph", "in", "dor", "ka", "vel"
  };
  private static final String[][] CONTEXTS = {
    {"flight", "airline", "gate", "luggage", "boarding", "lounge", "seat", "refund"},
    {"phone", "battery", "screen", "camera", "update", "charger", "app", "signal"},
    {"coffee", "latte", "espresso", "beans", "cafe", "barista", "mug", "roast"},
    {"store", "order", "delivery", "shipping", "discount", "return", "package", "sale"},
    {"bank", "card", "account", "transfer", "loan", "fees", "support", "login"}
  };
  private static final String[] EXCLUSIONS = {
    "cloud", "rocket", "movie", "game", "recipe", "lyrics", "hiring", "jobs", "anime", "crypto"
  };
  private static final String[] TOPICS = {
    "(flight OR airline OR gate) AND (cancelled OR delayed OR refund)",
    "(coffee OR latte OR espresso) AND (best OR love OR great)",
    "(phone OR battery OR screen) AND (broken OR dead OR crash*)",
    "\"customer service\" OR \"on hold\" OR \"hung up\"",
    "(luggage OR bag) AND (lost OR missing) NOT (weight OR gym)"
  };

  private SyntheticRules() {}

  /** {@code count} rules for {@code seed}: the six sample rules first; same seed, same rules. */
  public static List<Rule> generate(int count, long seed) {
    if (count < SAMPLE_RULES) {
      throw new IllegalArgumentException(
          "at least " + SAMPLE_RULES + " rules (the sample ones), got " + count);
    }
    List<Rule> out = new ArrayList<>(count);
    out.addAll(sample());
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<String> names = new HashSet<>(List.of("acme", "skyways", "nimbus", "brewly", "air"));
    String previousBrand = null;
    for (int i = 0; out.size() < count; i++) {
      String id = String.format(java.util.Locale.ROOT, "gen-%05d", i);
      if (i % 100 == 50) {
        out.add(new Rule(id, "topic-" + i, TOPICS[(i / 100) % TOPICS.length]));
        continue;
      }
      String first = name(rnd, names);
      String second = name(rnd, names);
      String[] context = CONTEXTS[rnd.nextInt(CONTEXTS.length)];
      String c1 = context[rnd.nextInt(context.length)];
      String c2 = context[rnd.nextInt(context.length)];
      String c3 = context[rnd.nextInt(context.length)];
      String x1 = EXCLUSIONS[rnd.nextInt(EXCLUSIONS.length)];
      String x2 = EXCLUSIONS[rnd.nextInt(EXCLUSIONS.length)];
      String brand = first + "-" + second;
      String query =
          switch (i % 6) {
            case 0 ->
                "\"%s %s\" OR %s%s OR #%s%s".formatted(first, second, first, second, first, second);
            case 1 -> "%s AND (%s OR %s OR %s) NOT (%s OR %s)".formatted(first, c1, c2, c3, x1, x2);
            case 2 -> "#%s OR @%s OR %sapp OR \"%s app\"".formatted(first, first, first, first);
            case 3 -> "(%s OR #%s OR \"%s %s\") -%s".formatted(first, first, first, second, x1);
            case 4 -> "%s* AND (%s OR %s)".formatted(first, c1, c2);
            default -> "%s NEAR/3 (%s OR %s) NOT %s".formatted(first, c1, c2, x1);
          };
      String competitorOf = i % 10 == 3 ? previousBrand : null;
      out.add(new Rule(id, brand, query, competitorOf));
      previousBrand = brand;
    }
    return List.copyOf(out);
  }

  /** The rules bundled with the sample ({@code sample/rules.jsonl} of the connectors). */
  public static List<Rule> sample() {
    try (InputStream in =
            SyntheticRules.class.getClassLoader().getResourceAsStream("sample/rules.jsonl");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Rules.readJsonLines(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A brand word of two to four syllables not used before. */
  private static String name(SplittableRandom rnd, Set<String> used) {
    while (true) {
      StringBuilder name = new StringBuilder();
      int parts = 2 + rnd.nextInt(3);
      for (int p = 0; p < parts; p++) {
        name.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
      }
      if (used.add(name.toString())) {
        return name.toString();
      }
    }
  }

  /** The rules as JSON lines, the format of {@code rules.bootstrap.file}. */
  public static String jsonLines(List<Rule> rules) {
    StringBuilder out = new StringBuilder();
    for (Rule rule : rules) {
      out.append("{\"id\":")
          .append(quote(rule.id()))
          .append(",\"brand\":")
          .append(quote(rule.brand()))
          .append(",\"query\":")
          .append(quote(rule.query()))
          .append(",\"competitorOf\":")
          .append(rule.competitorOf() == null ? "null" : quote(rule.competitorOf()))
          .append("}\n");
    }
    return out.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
