package io.sociallistening.topology.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the labelled near-duplicate set {@code src/test/resources/dedup/labelled.tsv} from the
 * hand-written inputs beside it and (optionally) the VADER tweets; see the README there for what
 * every copy kind and negative is. Seeded: the same inputs give the same file.
 *
 * <p>Output lines: {@code cluster TAB split TAB kind TAB text}, in stream order per split; {@code
 * kind} is {@code original}, a copy kind ({@code rt}, {@code link}, {@code case}, {@code tags},
 * {@code ellipsis}, {@code mention}, {@code edit}, {@code crosspost}, joined by {@code +} when two
 * were applied) or a negative kind ({@code quote}, {@code template}, {@code paraphrase}, {@code
 * generic}). Posts with the same cluster are copies of one post.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * java -cp topology/target/test-classes:topology/target/classes \
 *     io.sociallistening.topology.dedup.DedupSetGenerator \
 *     ../shared/eval/vader/tweets_GroundTruth.txt topology/src/test/resources/dedup/labelled.tsv
 * </pre>
 */
public final class DedupSetGenerator {
  static final long SEED = 20_260_105L;
  static final int VADER_BASES = 220;

  private static final String[] HANDLES = {
    "dana", "mike_t", "sarah.k", "jonno88", "travelbug", "techdad", "coffeequeen", "ravi_p",
    "newsbot", "lena", "mark_h", "ana.bsky.social", "priya", "tom1990", "dealwatch", "kat"
  };
  private static final String[] BRAND_HANDLES = {
    "@AcmeAir", "@Brewly", "@Voltcell", "@Northbank", "@Shopr", "@CloudlyApp", "@ZippoRides"
  };
  private static final String[] TAILS = {
    " 😡",
    " 😂😂😂",
    " 🙏",
    " 🔥🔥",
    " #fail",
    " #customerservice",
    " #travel #fail",
    " 👏 #goals",
    " 😤 #worst",
    " ❤️",
    " #news",
    "😭😭",
    " 💯",
    " #mondays ☕"
  };
  private static final String[] FILLERS = {
    "really", "just", "so", "literally", "honestly", "actually", "totally", "still"
  };
  private static final String[] CROSS_TAILS = {
    " via @bufferapp", " (cross-posted from Bluesky)", " (x-post)", "", " via @IFTTT"
  };
  private static final String[] COMMENTS = {
    "This is exactly what happened to me last week",
    "Can't believe this is still going on in 2026",
    "Same experience here, avoid them at all costs",
    "Absolutely agree with every single word of this",
    "This needs way more attention than it is getting",
    "Not my experience at all, mine was fine",
    "Sharing because my sister had the same problem",
    "Wow, companies really think we do not notice",
    "Adding my voice here, this is unacceptable",
    "Good thread, worth reading to the end"
  };
  private static final String[] CITIES = {
    "Denver", "Boston", "Leeds", "Lisbon", "Chicago", "Dublin", "Toronto", "Madrid", "Austin",
    "Glasgow", "Phoenix", "Oslo"
  };
  private static final String[] DAYS = {"Monday", "Tuesday", "Thursday", "Friday", "Sunday"};
  private static final String[] SHOPS = {"Tesco", "the pharmacy", "a petrol station", "Ikea"};
  private static final String[] FOODS = {"salmon", "rice", "chicken", "dessert", "sauce"};
  private static final String[] SHOWS = {"The Deep", "Night Desk", "Baker Street", "Orbit"};
  private static final String[] DEVICES = {"TV", "iPad", "laptop", "X2", "X1", "tablet"};

  private final Random random = new Random(SEED);
  private final List<Post> posts = new ArrayList<>();
  private int clusters;

  private record Post(String cluster, String group, String kind, String text) {}

  public static void main(String[] args) throws IOException {
    Path vader = args.length > 0 ? Path.of(args[0]) : null;
    Path out =
        Path.of(args.length > 1 ? args[1] : "topology/src/test/resources/dedup/labelled.tsv");
    DedupSetGenerator generator = new DedupSetGenerator();
    List<String> lines = generator.generate(vader);
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT, "%d posts in %d clusters -> %s%n", lines.size(), generator.clusters, out);
  }

  List<String> generate(Path vader) throws IOException {
    for (String base : resource("bases.txt")) {
      baseCluster("h", base);
    }
    if (vader != null) {
      List<String> tweets = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String line : Files.readAllLines(vader, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t", 3);
        if (fields.length == 3) {
          String text = fields[2].strip();
          if (text.split(" ").length >= 4 && seen.add(TextFingerprint.normalize(text))) {
            tweets.add(text);
          }
        }
      }
      Collections.shuffle(tweets, random);
      for (String tweet : tweets.subList(0, Math.min(VADER_BASES, tweets.size()))) {
        baseCluster("v", tweet);
      }
    }
    int t = 0;
    for (String template : resource("templates.txt")) {
      String group = "t" + (t++);
      Set<String> filled = new HashSet<>();
      while (filled.size() < 4) {
        filled.add(fill(template));
      }
      for (String text : filled) {
        String cluster = newCluster();
        posts.add(new Post(cluster, group, "template", text));
        if (random.nextDouble() < 0.4) {
          String kind = pick(new String[] {"rt", "case", "tags", "mention", "link"});
          posts.add(new Post(cluster, group, kind, apply(kind, text)));
        }
      }
    }
    int s = 0;
    String family = "s" + s;
    for (String line : resource("short-templates.txt")) {
      if (line.isBlank()) {
        family = "s" + (++s);
        continue;
      }
      String cluster = newCluster();
      posts.add(new Post(cluster, family, "template", line));
      if (random.nextDouble() < 0.3) {
        String kind = pick(new String[] {"rt", "case", "tags", "link"});
        posts.add(new Post(cluster, family, kind, apply(kind, line)));
      }
    }
    int p = 0;
    String group = "p" + p;
    for (String line : resource("paraphrases.txt")) {
      if (line.isBlank()) {
        group = "p" + (++p);
        continue;
      }
      String cluster = newCluster();
      posts.add(new Post(cluster, group, "paraphrase", line));
      if (random.nextDouble() < 0.3) {
        posts.add(new Post(cluster, group, "rt", apply("rt", line)));
      }
    }
    int g = 0;
    for (String line : resource("generic.txt")) {
      String cluster = newCluster();
      String generic = "g" + (g++ % 2);
      posts.add(new Post(cluster, generic, "generic", line));
      if (random.nextDouble() < 0.2) {
        posts.add(new Post(cluster, generic, "rt", apply("rt", line)));
      }
    }
    return order();
  }

  private void baseCluster(String prefix, String base) {
    String cluster = newCluster();
    String group = prefix + cluster;
    posts.add(new Post(cluster, group, "original", base));
    int copies = 1 + pickWeighted(new int[] {30, 30, 20, 12, 8});
    String[] kinds = {"rt", "link", "case", "tags", "ellipsis", "mention", "edit", "crosspost"};
    for (int c = 0; c < copies; c++) {
      String kind = pick(kinds);
      if (kind.equals("ellipsis") && words(base) < 8) {
        kind = "edit";
      }
      String text = apply(kind, base);
      if (random.nextDouble() < 0.3) {
        String second = pick(new String[] {"rt", "link", "case", "tags", "mention"});
        if (!second.equals(kind)) {
          text = apply(second, text);
          kind = kind + "+" + second;
        }
      }
      posts.add(new Post(cluster, group, kind, text));
    }
    if (words(base) <= 30 && random.nextDouble() < 0.15) {
      String quote = pick(COMMENTS) + (random.nextBoolean() ? " \"" + base + "\"" : " > " + base);
      posts.add(new Post(newCluster(), group, "quote", quote));
    }
  }

  private String newCluster() {
    return "c" + (++clusters);
  }

  /** Splits by group (so template and paraphrase siblings stay together), then shuffles. */
  private List<String> order() {
    Map<String, String> splitOfGroup = new LinkedHashMap<>();
    List<Post> dev = new ArrayList<>();
    List<Post> holdout = new ArrayList<>();
    for (Post post : posts) {
      String split =
          splitOfGroup.computeIfAbsent(post.group(), g -> random.nextBoolean() ? "dev" : "holdout");
      (split.equals("dev") ? dev : holdout).add(post);
    }
    List<String> lines = new ArrayList<>(posts.size());
    for (List<Post> part : List.of(dev, holdout)) {
      Collections.shuffle(part, random);
      // Mostly the original comes first, as in a real stream; sometimes a copy overtakes it.
      Map<String, Integer> firstAt = new LinkedHashMap<>();
      for (int i = 0; i < part.size(); i++) {
        Post post = part.get(i);
        Integer first = firstAt.putIfAbsent(post.cluster(), i);
        if (first != null && isOriginal(post) && random.nextDouble() < 0.8) {
          Collections.swap(part, first, i);
        }
      }
      String split = part == dev ? "dev" : "holdout";
      for (Post post : part) {
        lines.add(post.cluster() + "\t" + split + "\t" + post.kind() + "\t" + post.text());
      }
    }
    return lines;
  }

  private static boolean isOriginal(Post post) {
    return post.kind().equals("original")
        || post.kind().equals("template")
        || post.kind().equals("paraphrase")
        || post.kind().equals("generic");
  }

  String apply(String kind, String text) {
    return switch (kind) {
      case "rt" -> retweet(text);
      case "link" -> link(text);
      case "case" -> caseAndSpacing(text);
      case "tags" -> text + pick(TAILS);
      case "ellipsis" -> truncate(text);
      case "mention" -> mention(text);
      case "edit" -> edit(text);
      case "crosspost" -> crossPost(text);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private String retweet(String text) {
    String rt = "RT @" + pick(HANDLES) + ": " + text;
    if (rt.length() > 140 && random.nextDouble() < 0.4) {
      int cut = rt.lastIndexOf(' ', 138);
      return rt.substring(0, cut) + "…";
    }
    return rt;
  }

  private String link(String text) {
    String[] tokens = text.split(" ");
    String fresh = shortLink();
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].startsWith("http")) {
        tokens[i] = fresh;
        return String.join(" ", tokens);
      }
    }
    return text + " " + fresh;
  }

  private String shortLink() {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return switch (random.nextInt(3)) {
      case 0 -> "https://t.co/" + id;
      case 1 -> "https://bit.ly/" + id.substring(0, 7);
      default -> "https://www.example-news.com/story/" + id + "?utm_source=social";
    };
  }

  private String caseAndSpacing(String text) {
    return switch (random.nextInt(4)) {
      case 0 -> text.toLowerCase(Locale.ROOT);
      case 1 -> text.toUpperCase(Locale.ROOT);
      case 2 -> "  " + text.replace(" ", random.nextBoolean() ? "  " : "\u00a0") + " ";
      default -> titleCase(text);
    };
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean start = true;
    for (char c : text.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ';
    }
    return out.toString();
  }

  private String truncate(String text) {
    int cut = (int) (text.length() * (0.55 + 0.3 * random.nextDouble()));
    String head = text.substring(0, cut);
    if (random.nextBoolean()) {
      int space = head.lastIndexOf(' ');
      head = space > 0 ? head.substring(0, space) : head;
    }
    return head.stripTrailing()
        + (random.nextBoolean() ? "…" : random.nextBoolean() ? "..." : " …");
  }

  private String mention(String text) {
    if (text.startsWith("@")) {
      int space = text.indexOf(' ');
      return space > 0 ? text.substring(space + 1) : text;
    }
    return pick(BRAND_HANDLES) + " " + text;
  }

  private String edit(String text) {
    List<String> tokens = new ArrayList<>(List.of(text.split(" ")));
    switch (random.nextInt(5)) {
      case 0 -> {
        List<Integer> long4 = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
          if (tokens.get(i).length() >= 4 && isWord(tokens.get(i))) {
            long4.add(i);
          }
        }
        if (!long4.isEmpty()) {
          int i = long4.get(random.nextInt(long4.size()));
          tokens.set(i, typo(tokens.get(i)));
        }
      }
      case 1 -> tokens.add(1 + random.nextInt(tokens.size()), pick(FILLERS));
      case 2 -> {
        List<Integer> plain = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
          if (isWord(tokens.get(i))) {
            plain.add(i);
          }
        }
        if (tokens.size() >= 6 && !plain.isEmpty()) {
          tokens.remove((int) plain.get(random.nextInt(plain.size())));
        } else {
          tokens.add(pick(FILLERS));
        }
      }
      case 3 -> {
        String last = tokens.get(tokens.size() - 1);
        char end = last.charAt(last.length() - 1);
        tokens.set(
            tokens.size() - 1,
            Character.isLetterOrDigit(end) ? last + "!!" : last.substring(0, last.length() - 1));
      }
      default -> {
        int and = tokens.indexOf("and");
        if (and >= 0) {
          tokens.set(and, "&");
        } else {
          tokens.replaceAll(s -> s.equals("you") ? "u" : s.equals("your") ? "ur" : s);
          if (String.join(" ", tokens).equals(text)) {
            tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "!");
          }
        }
      }
    }
    return String.join(" ", tokens);
  }

  private String typo(String word) {
    int i = 1 + random.nextInt(word.length() - 2);
    return switch (random.nextInt(3)) {
      case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
      case 1 -> word.substring(0, i) + word.substring(i + 1);
      default -> word.substring(0, i) + word.charAt(i) + word.substring(i);
    };
  }

  private static boolean isWord(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isLetter(token.charAt(i))) {
        return false;
      }
    }
    return !token.isEmpty();
  }

  private String crossPost(String text) {
    String moved = text;
    for (String handle : BRAND_HANDLES) {
      moved = moved.replace(handle, handle.toLowerCase(Locale.ROOT) + ".bsky.social");
    }
    return link(moved).replace(" https://", " https://").concat(pick(CROSS_TAILS));
  }

  private String fill(String template) {
    return template
        .replace("{flight}", "AA" + (100 + random.nextInt(900)))
        .replace("{city}", pick(CITIES))
        .replace("{n}", Integer.toString(2 + random.nextInt(40)))
        .replace("{day}", pick(DAYS))
        .replace("{ref}", "REF" + (10_000 + random.nextInt(90_000)))
        .replace("{order}", "#" + (100_000 + random.nextInt(900_000)))
        .replace("{hour}", (6 + random.nextInt(12)) + "am")
        .replace("{money}", (5 + random.nextInt(200)) + " dollars")
        .replace("{shop}", pick(SHOPS))
        .replace("{food}", pick(FOODS))
        .replace("{show}", pick(SHOWS))
        .replace("{device}", pick(DEVICES));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private int pickWeighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static int words(String text) {
    return text.split(" ").length;
  }

  private static List<String> resource(String name) throws IOException {
    try (InputStream in = DedupSetGenerator.class.getResourceAsStream("/dedup/" + name)) {
      if (in == null) {
        throw new IOException("missing resource /dedup/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
