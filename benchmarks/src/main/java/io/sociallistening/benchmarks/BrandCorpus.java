package io.sociallistening.benchmarks;

import io.sociallistening.topology.match.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generated brand rules and tweet-length posts, the same for a given seed. Brands are invented
 * names (one or two words, some with a joined spelling such as {@code zorvexair}) and a few common
 * words ({@code orange}, {@code shell}); rules are what a listening team writes: the name alone, OR
 * lists of spellings, the name with context words and exclusions, phrases and, in the {@link
 * Mix#WILDCARDS} mix, prefix wildcards, NEAR, ONEAR and sloppy phrases. Posts are 8 to 35 words of
 * everyday English drawn with a Zipf-like skew, with brand mentions (as written, lower case,
 * hashtag, mention, possessive) in about a third of them, context words, URLs, hashtags, mentions,
 * numbers, contractions, accented words and emoji.
 */
public final class BrandCorpus {

  /** Which rule shapes to generate. */
  public enum Mix {
    /** Words, phrases, OR lists, AND and NOT only. */
    WORDS,
    /**
     * As {@link #WORDS}, with three rules in ten using prefix wildcards, NEAR or sloppy phrases.
     */
    WILDCARDS
  }

  private static final String[] SYLLABLES = {
    "ka", "zo", "rex", "vi", "lu", "mor", "tan", "quo", "pel", "dra", "ni", "sor", "bex", "yu",
    "ga", "tri", "no", "vel", "ar", "is", "ox", "fen", "la", "mi"
  };
  private static final String[] COMMON_BRANDS = {
    "orange", "shell", "target", "delta", "notion", "amazon", "apple", "jaguar", "puma", "dove",
    "oracle", "subway", "corona", "mint", "square", "slack", "zoom", "uber", "visa", "nest"
  };
  private static final String[] CONTEXT = {
    "love",
    "hate",
    "broken",
    "refund",
    "support",
    "outage",
    "app",
    "down",
    "price",
    "deal",
    "launch",
    "review",
    "customer",
    "service",
    "delivery",
    "late",
    "order",
    "phone",
    "battery",
    "screen",
    "flight",
    "delay",
    "cancelled",
    "bank",
    "card",
    "fees",
    "fraud",
    "scam",
    "stock",
    "earnings",
    "update",
    "crash",
    "login",
    "account",
    "store",
    "shipping",
    "quality",
    "recall",
    "lawsuit",
    "ceo"
  };
  private static final String[] EXCLUDED = {
    "giveaway", "sponsored", "hiring", "job", "contest", "affiliate", "coupon", "retweet"
  };
  private static final String[] EXCLUDED_PHRASES = {
    "\"promo code\"", "\"win a\"", "\"link in bio\"", "\"use code\""
  };
  private static final String[] EVERYDAY =
      ("the to and a i you it of is in that my for this on me so be have just with not but"
              + " was are at like all get your what we do up out if can they one time about now"
              + " new day really good know how when it's don't i'm no go people got more today"
              + " think love from see want will going there make would back why here right much"
              + " still some can't need well only by who did too then been yes our even over"
              + " home work night week first never best last great thank thanks life first"
              + " watch game long lol feel morning better said show made little via happy live"
              + " next again year always let's way gonna real every new free little check ever"
              + " amazing tonight tomorrow pretty wait man girl world video music follow hope"
              + " someone something nothing everyone school friends family weekend coffee food"
              + " team city phone post read point hours minutes years guys finally actually")
          .split(" ");
  private static final String[] ACCENTED = {"café", "naïve", "très", "über", "déjà", "jalapeño"};
  private static final String[] EMOJI = {"😂", "🔥", "❤️", "👍", "🙄", "😡", "🎉", "✈️"};
  private static final String[] PUNCTUATION = {" ", " ", " ", " ", " ", ", ", ". ", "! ", "? "};

  private final Random random;
  private final List<Brand> brands = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();

  private record Brand(String name, String second, String joined) {
    /** The brand as a rule term: a word, or a quoted two-word phrase. */
    String term() {
      return second == null ? name : "\"" + name + " " + second + "\"";
    }

    /** The brand as written in a post. */
    String written() {
      return second == null ? name : name + " " + second;
    }
  }

  /** {@code ruleCount} rules of the given mix, then posts on demand, from {@code seed}. */
  public BrandCorpus(int ruleCount, Mix mix, long seed) {
    this.random = new Random(seed);
    int brandCount = Math.max(1, ruleCount / 2);
    for (int i = 0; i < brandCount; i++) {
      brands.add(brand(i));
    }
    for (int i = 0; i < ruleCount; i++) {
      Brand brand = brands.get(i % brandCount);
      String id = String.format(Locale.ROOT, "r%05d", i);
      rules.add(new Rule(id, brand.written(), query(brand, mix)));
    }
  }

  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  private Brand brand(int i) {
    if (i % 40 == 7) {
      return new Brand(COMMON_BRANDS[(i / 40) % COMMON_BRANDS.length], null, null);
    }
    String name = invented(3 + random.nextInt(2));
    if (random.nextInt(4) == 0) {
      String second = random.nextBoolean() ? invented(1 + random.nextInt(2)) : pick(CONTEXT);
      return new Brand(name, second, name + second);
    }
    return new Brand(name, null, null);
  }

  private String invented(int syllables) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      word.append(pick(SYLLABLES));
    }
    return word.toString();
  }

  private String query(Brand brand, Mix mix) {
    if (mix == Mix.WILDCARDS && random.nextInt(10) < 3) {
      return wildcardQuery(brand);
    }
    Set<String> context = distinctContext(3, brand);
    String c1 = nth(context, 0);
    String c2 = nth(context, 1);
    String c3 = nth(context, 2);
    String names = brand.joined() == null ? brand.term() : brand.term() + " OR " + brand.joined();
    switch (random.nextInt(6)) {
      case 0:
        return brand.term();
      case 1:
        return names + " OR \"" + brand.name() + " official\"";
      case 2:
        return brand.term()
            + " ("
            + c1
            + " OR "
            + c2
            + " OR "
            + c3
            + ") -"
            + pick(EXCLUDED)
            + " -"
            + pick(EXCLUDED_PHRASES);
      case 3:
        return "(" + names + ") AND (" + c1 + " OR " + c2 + ") NOT " + pick(EXCLUDED);
      case 4:
        return "\"" + brand.written() + " " + c1 + "\" OR \"" + c2 + " " + brand.written() + "\"";
      default:
        return "(" + names + ") " + c1 + " -" + pick(EXCLUDED);
    }
  }

  private String wildcardQuery(Brand brand) {
    Set<String> context = distinctContext(3, brand);
    String c1 = nth(context, 0);
    String c2 = nth(context, 1);
    String c3 = nth(context, 2);
    switch (random.nextInt(4)) {
      case 0:
        String stem = brand.name().substring(0, Math.min(brand.name().length(), 4));
        return stem + "* (" + c1 + " OR " + c2 + ") -" + pick(EXCLUDED);
      case 1:
        return brand.term() + " NEAR/3 (" + c1 + " OR " + c2 + " OR " + c3 + ")";
      case 2:
        return brand.term() + " ONEAR/2 " + c1;
      default:
        return "\"" + brand.name() + " " + c1 + "\"~2 OR " + brand.name() + "*";
    }
  }

  /** {@code count} different context words, none of them part of the brand's name. */
  private Set<String> distinctContext(int count, Brand brand) {
    Set<String> words = new LinkedHashSet<>();
    while (words.size() < count) {
      String word = pick(CONTEXT);
      if (!word.equals(brand.second())) {
        words.add(word);
      }
    }
    return words;
  }

  private static String nth(Set<String> words, int n) {
    return words.stream().skip(n).findFirst().orElseThrow();
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  /** {@code count} posts. */
  public List<String> posts(int count) {
    List<String> posts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      posts.add(post());
    }
    return posts;
  }

  private String post() {
    int length = 8 + random.nextInt(28);
    int brandAt = random.nextInt(3) == 0 ? random.nextInt(length) : -1;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        text.append(pick(PUNCTUATION));
      }
      if (i == brandAt) {
        text.append(mention(brands.get(random.nextInt(brands.size()))));
      } else {
        text.append(word(i == 0));
      }
    }
    if (random.nextInt(6) == 0) {
      text.append(" https://t.co/").append(invented(3)).append(random.nextInt(100));
    }
    if (random.nextInt(10) == 0) {
      text.append(' ').append(pick(EMOJI));
    }
    return text.toString();
  }

  private String mention(Brand brand) {
    String written = brand.written();
    switch (random.nextInt(8)) {
      case 0:
        return "#" + (brand.joined() == null ? written : brand.joined());
      case 1:
        return "@" + (brand.joined() == null ? written : brand.joined());
      case 2:
        return capitalised(written) + "'s";
      case 3:
        return written.toUpperCase(Locale.ROOT);
      case 4:
        return capitalised(written) + " " + pick(CONTEXT);
      default:
        return random.nextBoolean() ? capitalised(written) : written;
    }
  }

  private String word(boolean first) {
    double choice = random.nextDouble();
    if (choice < 0.08) {
      return pick(CONTEXT);
    }
    if (choice < 0.10) {
      return "#" + pick(EVERYDAY);
    }
    if (choice < 0.12) {
      return "@" + invented(2);
    }
    if (choice < 0.13) {
      return Integer.toString(random.nextInt(2_000));
    }
    if (choice < 0.135) {
      return pick(ACCENTED);
    }
    if (choice < 0.14) {
      return pick(EXCLUDED);
    }
    // Roughly Zipfian: low indexes are much more frequent.
    double u = random.nextDouble();
    String word = EVERYDAY[(int) (EVERYDAY.length * u * u)];
    return first ? capitalised(word) : word;
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
