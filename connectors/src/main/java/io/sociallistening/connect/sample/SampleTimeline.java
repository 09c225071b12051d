package io.sociallistening.connect.sample;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.MentionJson;
import io.sociallistening.connect.MentionKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * The bundled sample: six hours of mentions of four fictional brands (acme-air, its competitor
 * skyways, nimbus phones, brewly coffee) at one-minute resolution, generated from a seed.
 *
 * <ul>
 *   <li>Ordinary volume of 4-10 mentions per minute per brand following a smooth rhythm with
 *       Poisson noise; 38% positive, 47% neutral, 15% negative.
 *   <li>A negative crisis burst for acme-air from minute {@value #CRISIS_START_MINUTE} for {@value
 *       #CRISIS_MINUTES} minutes, at about 10 times the ordinary negative volume and twice that
 *       from its minute {@value #CRISIS_SECOND_WAVE} (the story spreads), then a ten-minute tail.
 *   <li>{@value #LEADS} purchase-intent posts and {@value #LEAD_LOOKALIKES} look-alikes (sellers,
 *       giveaways, "just bought"), {@value #OFF_TOPIC} off-topic posts with brand-like words.
 *   <li>About 5% duplicates: the same platform id delivered again, and reposts or quote copies
 *       ("RT @user: ...") under new ids.
 *   <li>{@value #INVALID} invalid mentions (empty or whitespace-only text).
 * </ul>
 *
 * Lines are ordered by fetch time, as a connector would deliver them. The same seed gives the same
 * bytes. {@link #main} writes the file bundled under {@code sample/mentions.jsonl.gz}.
 */
public final class SampleTimeline {
  public static final long DEFAULT_SEED = 20260105L;
  public static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  public static final int MINUTES = 360;
  public static final int CRISIS_START_MINUTE = 300;
  public static final int CRISIS_MINUTES = 25;
  public static final int CRISIS_TAIL_MINUTES = 10;

  /** Minute of the crisis from which it runs at twice its first rate. */
  static final int CRISIS_SECOND_WAVE = 12;

  public static final int LEADS = 30;
  public static final int LEAD_LOOKALIKES = 30;
  public static final int OFF_TOPIC = 12;
  public static final int INVALID = 10;
  public static final double DUPLICATE_SHARE = 0.05;
  public static final String SOURCE = "sample";
  public static final String DEFAULT_OUTPUT =
      "connectors/src/main/resources/sample/mentions.jsonl.gz";

  private static final double POSITIVE = 0.38;
  private static final double NEUTRAL = 0.47;
  private static final double NEGATIVE = 0.15;
  private static final double[] BASE_RATE = {7.0, 5.5, 6.5, 6.0};
  private static final double[] CRISIS_TAIL = {5, 4, 3, 3, 2.5, 2, 1.8, 1.5, 1.3, 1.2};
  private static final String[] BLANKS = {"", " ", "   ", "\n", "\t \t"};

  /** One generated mention with what it is meant to be. {@code brand} is null when it has none. */
  public record Entry(Mention mention, String brand, SampleKind kind, Tone tone) {}

  private final SplittableRandom rnd;
  private final Map<Platform, List<Author>> authors = new EnumMap<>(Platform.class);
  private final Set<String> keys = new HashSet<>();
  private final List<Entry> originals = new ArrayList<>();
  private long salt;

  private SampleTimeline(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  /** The sample for {@code seed}, ordered by fetch time. */
  public static List<Entry> generate(long seed) {
    return new SampleTimeline(seed).build();
  }

  /** Ordinary mentions per minute of brand {@code b} (index in {@link SampleBrand#ALL}). */
  public static double rate(int b, int minute) {
    double phase = b * 1.7;
    double hours = minute / 60.0;
    double rhythm =
        1
            + 0.3 * Math.sin(2 * Math.PI * hours / 6 + phase)
            + 0.1 * Math.sin(2 * Math.PI * minute / 47.0 + b);
    return Math.max(4, Math.min(10, BASE_RATE[b] * rhythm));
  }

  /** How many times the ordinary negative volume of acme-air the crisis runs at, per minute. */
  private double crisisMultiplier(int minute) {
    int k = minute - CRISIS_START_MINUTE;
    if (k < 0 || k >= CRISIS_MINUTES + CRISIS_TAIL_MINUTES) {
      return 1;
    }
    if (k >= CRISIS_MINUTES) {
      return CRISIS_TAIL[k - CRISIS_MINUTES];
    }
    if (k == 0) {
      return 6;
    }
    if (k >= CRISIS_MINUTES - 2) {
      return 7 - (k - CRISIS_MINUTES + 2);
    }
    // the story spreads: from minute 12 on, the burst doubles
    return (k < CRISIS_SECOND_WAVE ? 9 : 18) + 2 * rnd.nextDouble();
  }

  private List<Entry> build() {
    for (int m = 0; m < MINUTES; m++) {
      for (int b = 0; b < SampleBrand.ALL.size(); b++) {
        SampleBrand brand = SampleBrand.ALL.get(b);
        int n = poisson(rate(b, m));
        for (int i = 0; i < n; i++) {
          double r = rnd.nextDouble();
          Tone tone =
              r < POSITIVE ? Tone.POSITIVE : r < POSITIVE + NEUTRAL ? Tone.NEUTRAL : Tone.NEGATIVE;
          add(brand, SampleKind.REGULAR, tone, m);
        }
        if (brand == SampleBrand.ACME_AIR) {
          double extra = rate(b, m) * NEGATIVE * (crisisMultiplier(m) - 1);
          int crisis = extra > 0 ? poisson(extra) : 0;
          for (int i = 0; i < crisis; i++) {
            add(brand, SampleKind.CRISIS, Tone.NEGATIVE, m);
          }
        }
      }
    }
    spread(LEADS, SampleKind.LEAD, new int[] {10, 4, 10, 6});
    spread(LEAD_LOOKALIKES, SampleKind.LEAD_LOOKALIKE, new int[] {8, 2, 12, 8});
    for (int i = 0; i < OFF_TOPIC; i++) {
      int minute = i * (MINUTES / OFF_TOPIC) + rnd.nextInt(MINUTES / OFF_TOPIC);
      Platform platform = social();
      Instant at = at(minute);
      Post post = Phrasebook.offTopic(i, rnd);
      Author author = author(platform);
      originals.add(
          new Entry(
              Crowd.mention(platform, id(platform, at), author, post, null, at, 1, SOURCE, rnd),
              null,
              SampleKind.OFF_TOPIC,
              Tone.NEUTRAL));
    }
    for (int i = 0; i < INVALID; i++) {
      int minute = i * (MINUTES / INVALID) + rnd.nextInt(MINUTES / INVALID);
      Platform platform = rnd.nextBoolean() ? Platform.BLUESKY : Platform.MASTODON;
      Instant at = at(minute);
      Post post = new Post(BLANKS[i % BLANKS.length], "en", null);
      originals.add(
          new Entry(
              Crowd.mention(
                  platform, id(platform, at), author(platform), post, null, at, 1, SOURCE, rnd),
              null,
              SampleKind.INVALID,
              Tone.NEUTRAL));
    }
    List<Entry> all = new ArrayList<>(originals);
    int copies = (int) Math.round(originals.size() * DUPLICATE_SHARE / 2);
    all.addAll(redeliveries(copies));
    all.addAll(reposts(copies));
    all.sort(Comparator.comparing((Entry e) -> e.mention().getFetchedAt()));
    return all;
  }

  private void spread(int count, SampleKind kind, int[] perBrand) {
    List<SampleBrand> brands = new ArrayList<>();
    for (int b = 0; b < perBrand.length; b++) {
      for (int i = 0; i < perBrand[b]; i++) {
        brands.add(SampleBrand.ALL.get(b));
      }
    }
    for (int i = brands.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      SampleBrand t = brands.get(i);
      brands.set(i, brands.get(j));
      brands.set(j, t);
    }
    int slot = MINUTES / count;
    for (int i = 0; i < count; i++) {
      int minute = i * slot + rnd.nextInt(slot);
      SampleBrand brand = brands.get(i);
      Platform platform = social();
      Instant at = at(minute);
      Post post =
          kind == SampleKind.LEAD
              ? Phrasebook.lead(brand, rnd)
              : Phrasebook.leadLookalike(brand, rnd);
      Author author =
          kind == SampleKind.LEAD_LOOKALIKE && rnd.nextDouble() < 0.6
              ? Crowd.author(platform, true, rnd)
              : author(platform);
      originals.add(
          new Entry(
              Crowd.mention(platform, id(platform, at), author, post, brand, at, 1, SOURCE, rnd),
              brand.id(),
              kind,
              Tone.NEUTRAL));
    }
  }

  private void add(SampleBrand brand, SampleKind kind, Tone tone, int minute) {
    Platform platform = Crowd.platform(brand, rnd);
    Instant at = at(minute);
    Post post;
    if (platform == Platform.NEWS) {
      post = Phrasebook.article(brand, kind == SampleKind.CRISIS, rnd);
    } else if (kind == SampleKind.CRISIS) {
      post = Phrasebook.crisis(brand, rnd);
    } else {
      post = Phrasebook.regular(brand, tone, rnd);
    }
    double boost = kind == SampleKind.CRISIS ? 3 : 1;
    Mention m =
        Crowd.mention(
            platform, id(platform, at), author(platform), post, brand, at, boost, SOURCE, rnd);
    originals.add(new Entry(m, brand.id(), kind, tone));
  }

  private List<Entry> redeliveries(int count) {
    List<Entry> out = new ArrayList<>(count);
    Set<Integer> picked = new HashSet<>();
    while (out.size() < count) {
      int i = rnd.nextInt(originals.size());
      Entry e = originals.get(i);
      if (!picked.add(i) || (e.kind() != SampleKind.REGULAR && e.kind() != SampleKind.CRISIS)) {
        continue;
      }
      Mention o = e.mention();
      Engagement g = o.getEngagement();
      Mention m =
          new Mention(
              o.getPlatform(),
              o.getId(),
              o.getUrl(),
              o.getAuthor(),
              o.getTitle(),
              o.getText(),
              o.getLanguage(),
              o.getCreatedAt(),
              o.getFetchedAt().plusMillis(60_000 + rnd.nextInt(840_000)),
              o.getInReplyTo(),
              o.getRepostOf(),
              g == null
                  ? null
                  : new Engagement(
                      g.getLikes() + rnd.nextInt(5),
                      g.getReposts() + rnd.nextInt(2),
                      g.getReplies()),
              o.getSource());
      out.add(new Entry(m, e.brand(), SampleKind.REDELIVERY, e.tone()));
    }
    return out;
  }

  private List<Entry> reposts(int count) {
    List<Entry> crisis = new ArrayList<>();
    List<Entry> regular = new ArrayList<>();
    for (Entry e : originals) {
      Platform p = e.mention().getPlatform();
      if (p == Platform.BLUESKY || p == Platform.MASTODON) {
        if (e.kind() == SampleKind.CRISIS) {
          crisis.add(e);
        } else if (e.kind() == SampleKind.REGULAR) {
          regular.add(e);
        }
      }
    }
    Instant end = START.plusSeconds(MINUTES * 60L - 1);
    List<Entry> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Entry> from = !crisis.isEmpty() && rnd.nextDouble() < 0.3 ? crisis : regular;
      Entry e = from.get(rnd.nextInt(from.size()));
      Mention o = e.mention();
      Platform platform = o.getPlatform();
      Instant at = o.getCreatedAt().plusSeconds(60 + rnd.nextInt(2640));
      if (at.isAfter(end)) {
        at = end;
      }
      Author author = author(platform);
      String text = Phrasebook.repost(o.getAuthor().getHandle(), o.getText(), rnd);
      Post post = new Post(text, o.getLanguage(), null);
      SampleBrand brand = SampleBrand.byId(e.brand());
      Mention m =
          Crowd.mention(platform, id(platform, at), author, post, brand, at, 0.5, SOURCE, rnd);
      m.setRepostOf(o.getId());
      out.add(new Entry(m, e.brand(), SampleKind.REPOST, e.tone()));
    }
    return out;
  }

  private Platform social() {
    double r = rnd.nextDouble();
    return r < 0.55 ? Platform.BLUESKY : r < 0.8 ? Platform.MASTODON : Platform.REDDIT;
  }

  private Author author(Platform platform) {
    List<Author> pool = authors.computeIfAbsent(platform, p -> new ArrayList<>());
    if (platform == Platform.NEWS || (!pool.isEmpty() && rnd.nextDouble() < 0.35)) {
      if (platform == Platform.NEWS || pool.isEmpty()) {
        return Crowd.author(platform, false, rnd);
      }
      double u = rnd.nextDouble();
      return pool.get((int) (pool.size() * u * u * u));
    }
    Author a = Crowd.author(platform, false, rnd);
    pool.add(a);
    return a;
  }

  private String id(Platform platform, Instant at) {
    while (true) {
      String id = Crowd.id(platform, at, ++salt, rnd);
      if (keys.add(MentionKey.of(platform, id))) {
        return id;
      }
    }
  }

  private Instant at(int minute) {
    return START.plusSeconds(minute * 60L + rnd.nextInt(60));
  }

  private int poisson(double lambda) {
    double limit = Math.exp(-lambda);
    double p = rnd.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= rnd.nextDouble();
      k++;
    }
    return k;
  }

  /** Writes {@code entries} as gzip-compressed JSON lines. */
  public static void write(List<Entry> entries, OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16);
    try (Writer w = new OutputStreamWriter(gzip, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        w.write(MentionJson.write(e.mention()));
        w.write('\n');
      }
    }
  }

  /**
   * The counts the sample README documents, as label to value in a fixed order: lines, each kind,
   * each brand, platform and language, and the crisis window.
   */
  public static Map<String, Long> summary(List<Entry> entries) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("mentions (lines)", (long) entries.size());
    for (SampleKind k : SampleKind.values()) {
      out.put("kind " + k.name(), entries.stream().filter(e -> e.kind() == k).count());
    }
    for (SampleBrand b : SampleBrand.ALL) {
      out.put(
          "brand " + b.id() + " (all kinds)",
          entries.stream().filter(e -> b.id().equals(e.brand())).count());
    }
    for (SampleBrand b : SampleBrand.ALL) {
      out.put(
          "leads " + b.id(),
          entries.stream()
              .filter(e -> e.kind() == SampleKind.LEAD && b.id().equals(e.brand()))
              .count());
    }
    for (Tone t : Tone.values()) {
      out.put(
          "tone " + t.name() + " (regular)",
          entries.stream().filter(e -> e.kind() == SampleKind.REGULAR && e.tone() == t).count());
    }
    Map<String, Long> platforms = new TreeMap<>();
    Map<String, Long> languages = new TreeMap<>();
    for (Entry e : entries) {
      platforms.merge("platform " + e.mention().getPlatform().name(), 1L, Long::sum);
      String lang = e.mention().getLanguage();
      languages.merge("language " + (lang == null ? "null" : lang), 1L, Long::sum);
    }
    out.putAll(platforms);
    out.putAll(languages);
    Instant from = START.plusSeconds(CRISIS_START_MINUTE * 60L);
    Instant to = from.plusSeconds(CRISIS_MINUTES * 60L);
    long negativeBefore =
        entries.stream()
            .filter(e -> SampleBrand.ACME_AIR.id().equals(e.brand()) && e.tone() == Tone.NEGATIVE)
            .filter(e -> e.kind() != SampleKind.REDELIVERY)
            .filter(e -> e.mention().getCreatedAt().isBefore(START.plusSeconds(4 * 3600)))
            .count();
    long negativeInCrisis =
        entries.stream()
            .filter(e -> SampleBrand.ACME_AIR.id().equals(e.brand()) && e.tone() == Tone.NEGATIVE)
            .filter(e -> e.kind() != SampleKind.REDELIVERY)
            .filter(e -> !e.mention().getCreatedAt().isBefore(from))
            .filter(e -> e.mention().getCreatedAt().isBefore(to))
            .count();
    out.put("acme-air negative, first 4 hours", negativeBefore);
    out.put("acme-air negative in crisis window", negativeInCrisis);
    out.put(
        "crisis posts in crisis window",
        entries.stream()
            .filter(e -> e.kind() == SampleKind.CRISIS)
            .filter(e -> !e.mention().getCreatedAt().isBefore(from))
            .filter(e -> e.mention().getCreatedAt().isBefore(to))
            .count());
    out.put("distinct texts", entries.stream().map(e -> e.mention().getText()).distinct().count());
    return out;
  }

  /**
   * Writes the sample: {@code SampleTimeline [output] [seed]}, by default {@value #DEFAULT_OUTPUT}
   * and seed {@value #DEFAULT_SEED}, and prints the README's count table.
   */
  public static void main(String[] args) throws IOException {
    Path output = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    List<Entry> entries = generate(seed);
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      write(entries, out);
    }
    System.out.println(
        "wrote "
            + entries.size()
            + " mentions to "
            + output
            + " ("
            + Files.size(output)
            + " bytes)");
    for (Map.Entry<String, Long> row : summary(entries).entrySet()) {
      System.out.println("| " + row.getKey() + " | " + row.getValue() + " |");
    }
  }
}
