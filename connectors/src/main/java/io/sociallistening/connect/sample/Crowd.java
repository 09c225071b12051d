package io.sociallistening.connect.sample;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The people who post sample mentions and where: authors with realistic handles and heavy-tailed
 * follower counts per platform, post ids and links in each platform's style (links on example
 * domains, never fetched), fetch latency and engagement. Stateless; callers decide whether to reuse
 * an author.
 */
public final class Crowd {
  private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
  private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final List<String> FIRST =
      List.of(
          "alice", "ben", "carla", "dev", "emma", "felipe", "grace", "hiro", "ines", "jamal",
          "kate", "liam", "maria", "nina", "omar", "priya", "quinn", "rafa", "sofia", "tom", "uma",
          "victor", "wen", "yusuf", "zoe", "joao", "lucia", "marco", "ana", "sam", "noah", "leah",
          "diego", "mei", "oliver", "chloe", "pedro", "elena", "max", "ivy");
  private static final List<String> LAST =
      List.of(
          "smith", "costa", "nguyen", "garcia", "okafor", "kim", "silva", "mueller", "rossi",
          "patel", "brown", "lopez", "tanaka", "dubois", "walsh", "santos", "novak", "ali",
          "jensen", "moreau", "reyes", "fischer", "oconnor", "haddad");
  private static final List<String> WORDS =
      List.of(
          "coffee",
          "travel",
          "pixel",
          "night",
          "urban",
          "retro",
          "sunny",
          "lazy",
          "quiet",
          "happy",
          "wander",
          "tech",
          "jet",
          "gadget",
          "bean",
          "cloud",
          "metro",
          "indie",
          "nomad",
          "rainy",
          "midnight",
          "salty",
          "tiny",
          "loud");
  private static final List<String> INSTANCES =
      List.of("mastodon.example", "social.example.org", "fosstodon.example", "toot.example.net");
  private static final List<String> SUBREDDITS_AIRLINE =
      List.of("travel", "flights", "airlines", "onebag", "solotravel");
  private static final List<String> SUBREDDITS_PHONE =
      List.of("Android", "smartphones", "gadgets", "PhoneHelp");
  private static final List<String> SUBREDDITS_COFFEE =
      List.of("Coffee", "espresso", "cafe", "barista");
  private static final List<String[]> OUTLETS =
      List.of(
          new String[] {"dailyglobe", "The Daily Globe"},
          new String[] {"metrowire", "Metro Wire"},
          new String[] {"techpulse", "TechPulse"},
          new String[] {"travelwire", "Travel Wire"},
          new String[] {"cafeculture", "Café Culture Weekly"},
          new String[] {"businessledger", "Business Ledger"});
  private static final List<String> SELLERS =
      List.of(
          "dealz_daily",
          "phonedealshub",
          "flash.deals",
          "giveaway_queen",
          "travel.bargains",
          "shop_nimbus_cases",
          "coupon.hunter",
          "brewly_jobs_board");

  private Crowd() {}

  /** Picks the platform of an ordinary post; phones draw Hacker News more often. */
  public static Platform platform(SampleBrand brand, RandomGenerator rnd) {
    double r = rnd.nextDouble();
    double hn = brand.category() == SampleBrand.Category.PHONE ? 0.08 : 0.02;
    if (r < 0.50) {
      return Platform.BLUESKY;
    }
    if (r < 0.71) {
      return Platform.MASTODON;
    }
    if (r < 0.985 - hn) {
      return Platform.REDDIT;
    }
    if (r < 0.985) {
      return Platform.HACKER_NEWS;
    }
    return Platform.NEWS;
  }

  /** A new author on {@code platform}; {@code seller} makes a deals or giveaway account. */
  public static Author author(Platform platform, boolean seller, RandomGenerator rnd) {
    String first = Phrasebook.pick(FIRST, rnd);
    String last = Phrasebook.pick(LAST, rnd);
    String word = Phrasebook.pick(WORDS, rnd);
    String display = capitalize(first) + " " + capitalize(last);
    int digits = rnd.nextInt(100);
    switch (platform) {
      case BLUESKY -> {
        String local =
            seller
                ? Phrasebook.pick(SELLERS, rnd).replace('_', '-')
                : switch (rnd.nextInt(4)) {
                  case 0 -> first + last;
                  case 1 -> word + first;
                  case 2 -> first + "-" + word + digits;
                  default -> first + "." + last;
                };
        String handle =
            rnd.nextInt(10) == 0 && !seller
                ? first + "." + last + ".example.com"
                : local + ".bsky.social";
        return new Author(
            handle,
            seller ? local : rnd.nextInt(5) == 0 ? capitalize(first) : display,
            followers(seller ? 2_000 : 12, 1.05, rnd),
            "https://bsky.app/profile/" + handle);
      }
      case MASTODON -> {
        String user = seller ? Phrasebook.pick(SELLERS, rnd) : first + "_" + word;
        String instance = Phrasebook.pick(INSTANCES, rnd);
        return new Author(
            user + "@" + instance,
            seller ? user : display,
            followers(seller ? 800 : 8, 1.1, rnd),
            "https://" + instance + "/@" + user);
      }
      case REDDIT -> {
        String user =
            seller
                ? Phrasebook.pick(SELLERS, rnd).replace('.', '_')
                : switch (rnd.nextInt(3)) {
                  case 0 -> word + "_" + word + digits;
                  case 1 -> "throwaway" + (1000 + rnd.nextInt(9000));
                  default -> capitalize(word) + capitalize(first) + digits;
                };
        return new Author(user, null, null, null);
      }
      case HACKER_NEWS -> {
        return new Author(rnd.nextBoolean() ? first + digits : word + last, null, null, null);
      }
      default -> {
        String[] outlet = Phrasebook.pick(OUTLETS, rnd);
        return new Author(outlet[0], outlet[1], null, "https://" + outlet[0] + ".example");
      }
    }
  }

  /**
   * A platform-style post id: a Bluesky TID from the time and {@code salt}, a Mastodon snowflake, a
   * base-36 Reddit id, a numeric Hacker News item or a news slug.
   */
  public static String id(Platform platform, Instant createdAt, long salt, RandomGenerator rnd) {
    long ms = createdAt.toEpochMilli();
    return switch (platform) {
      case BLUESKY -> tid(ms * 1000 + rnd.nextInt(1000), salt & 1023);
      case MASTODON -> Long.toString((ms << 16) | (salt & 0xffff));
      case REDDIT -> "1h" + base36(salt * 7919 + rnd.nextInt(7919), 5);
      case HACKER_NEWS -> Long.toString(42_600_000L + salt);
      default -> "a" + base36(salt * 104_729 + rnd.nextInt(104_729), 8);
    };
  }

  /** The public link of a post, in the platform's style. */
  public static String url(
      Platform platform,
      Author author,
      String id,
      SampleBrand brand,
      String title,
      Instant createdAt,
      RandomGenerator rnd) {
    return switch (platform) {
      case BLUESKY -> "https://bsky.app/profile/" + author.getHandle() + "/post/" + id;
      case MASTODON -> author.getUrl() + "/" + id;
      case REDDIT ->
          "https://reddit.example.com/r/"
              + subreddit(brand, rnd)
              + "/comments/"
              + id
              + "/"
              + (title == null ? "comment" : slug(title))
              + "/";
      case HACKER_NEWS -> "https://hn.example.com/item?id=" + id;
      default ->
          author.getUrl()
              + "/"
              + createdAt.toString().substring(0, 10).replace('-', '/')
              + "/"
              + slug(title == null ? id : title);
    };
  }

  /** When a connector on {@code platform} would fetch a post: seconds to minutes later. */
  public static Instant fetchedAt(Platform platform, Instant createdAt, RandomGenerator rnd) {
    long ms =
        switch (platform) {
          case BLUESKY -> 500 + rnd.nextInt(4_500);
          case MASTODON -> 2_000 + rnd.nextInt(28_000);
          case REDDIT -> 30_000 + rnd.nextInt(90_000);
          case HACKER_NEWS -> 30_000 + rnd.nextInt(60_000);
          default -> 120_000 + rnd.nextInt(780_000);
        };
    return createdAt.plusMillis(ms);
  }

  /** Engagement growing with the author's audience; null for news articles. */
  public static Engagement engagement(
      Platform platform, Long followers, double boost, RandomGenerator rnd) {
    if (platform == Platform.NEWS) {
      return null;
    }
    double audience = followers == null ? 40 + rnd.nextInt(400) : followers;
    long likes = (long) (Math.sqrt(audience) * rnd.nextDouble() * 0.8 * boost);
    long reposts = (long) (likes * rnd.nextDouble() * 0.25);
    long replies = (long) (likes * rnd.nextDouble() * 0.2) + (rnd.nextInt(4) == 0 ? 1 : 0);
    return new Engagement(likes, reposts, replies);
  }

  /** Assembles a mention; Reddit and Hacker News comments get a parent id. */
  public static Mention mention(
      Platform platform,
      String id,
      Author author,
      Post post,
      SampleBrand brand,
      Instant createdAt,
      double engagementBoost,
      String source,
      RandomGenerator rnd) {
    String title = post.title();
    String text = post.text();
    String inReplyTo = null;
    if (platform == Platform.REDDIT) {
      if (rnd.nextDouble() < 0.35 && !text.isBlank()) {
        title = text.length() > 100 ? text.substring(0, 100) : text;
        text = text + "\n\n" + Phrasebook.redditTail(rnd);
      } else {
        inReplyTo = "1h" + base36(rnd.nextLong() >>> 20, 5);
      }
    } else if (platform == Platform.HACKER_NEWS) {
      inReplyTo = Long.toString(42_500_000L + rnd.nextInt(100_000));
    }
    String language = post.language();
    if (platform == Platform.REDDIT || platform == Platform.HACKER_NEWS) {
      language = null;
    }
    return Mention.newBuilder()
        .setPlatform(platform)
        .setId(id)
        .setUrl(url(platform, author, id, brand, title, createdAt, rnd))
        .setAuthor(author)
        .setTitle(title)
        .setText(text)
        .setLanguage(language)
        .setCreatedAt(createdAt)
        .setFetchedAt(fetchedAt(platform, createdAt, rnd))
        .setInReplyTo(inReplyTo)
        .setRepostOf(null)
        .setEngagement(engagement(platform, author.getFollowers(), engagementBoost, rnd))
        .setSource(source)
        .build();
  }

  /** Pareto-distributed follower count with minimum {@code min} and shape {@code alpha}. */
  static long followers(long min, double alpha, RandomGenerator rnd) {
    double u = 1.0 - rnd.nextDouble();
    return Math.min(5_000_000L, (long) (min / Math.pow(u, 1.0 / alpha)));
  }

  private static String subreddit(SampleBrand brand, RandomGenerator rnd) {
    if (brand == null) {
      return "AskReddit";
    }
    return Phrasebook.pick(
        switch (brand.category()) {
          case AIRLINE -> SUBREDDITS_AIRLINE;
          case PHONE -> SUBREDDITS_PHONE;
          case COFFEE -> SUBREDDITS_COFFEE;
        },
        rnd);
  }

  static String tid(long micros, long clock) {
    long v = (micros << 10) | clock;
    char[] out = new char[13];
    for (int i = 0; i < 13; i++) {
      out[i] = BASE32_SORTABLE.charAt((int) ((v >>> (60 - 5 * i)) & 31));
    }
    return new String(out);
  }

  private static String base36(long value, int width) {
    char[] out = new char[width];
    long v = value & Long.MAX_VALUE;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = BASE36.charAt((int) (v % 36));
      v /= 36;
    }
    return new String(out);
  }

  private static String slug(String title) {
    StringBuilder out = new StringBuilder(title.length());
    boolean dash = false;
    for (int i = 0; i < title.length() && out.length() < 60; i++) {
      char c = Character.toLowerCase(title.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        dash = false;
      } else if (!dash && out.length() > 0) {
        out.append('-');
        dash = true;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return end == 0 ? "post" : out.substring(0, end);
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
