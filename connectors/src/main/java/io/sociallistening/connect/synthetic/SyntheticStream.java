package io.sociallistening.connect.synthetic;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.sample.Crowd;
import io.sociallistening.connect.sample.Phrasebook;
import io.sociallistening.connect.sample.Post;
import io.sociallistening.connect.sample.SampleBrand;
import io.sociallistening.connect.sample.Tone;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Endless mentions from the sample's phrasebook and crowd. Slot {@code seq} of a seed holds one
 * ordinary post and, during a crisis, may hold one crisis post about the crisis brand ({@link
 * #crisisIn}). Each is a pure function of the seed and the slot (id, brand, tone, platform, author,
 * text, url but a news article's date) and is stamped with the time it is asked for: a slot emitted
 * again after a restart is the same post under the same key.
 *
 * <p>Ids take the platform's style ({@link Crowd#id}) from a notional instant of the seed and slot
 * rather than the time of emission: an ordinary post uses salt {@code 2 seq}, a crisis post {@code
 * 2 seq + 1}, each at {@code base(seed) + salt} ms, so that no two posts of a seed share an id.
 */
final class SyntheticStream {
  static final String SOURCE = "synthetic";
  private static final double[] BRAND_WEIGHT = {0.28, 0.22, 0.26, 0.24};
  private static final double NEGATIVE = 0.15;
  private static final double CRISIS_FACTOR = 8;

  /** 2024-01-01T00:00:00Z: the notional instants of ids start within about a year after it. */
  private static final long ID_EPOCH_MS = 1_704_067_200_000L;

  private static final long ID_SPREAD_MS = 1L << 35;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long CRISIS_STREAM = 0xC2B2AE3D27D4EB4FL;
  private static final long DICE_STREAM = 0x165667B19E3779F9L;

  private final long seed;

  SyntheticStream(long seed) {
    this.seed = seed;
  }

  /**
   * Extra mentions per ordinary mention during a crisis of {@code brand}, so that its negative
   * volume runs at eight times the ordinary one.
   */
  static double crisisShare(SampleBrand brand) {
    return BRAND_WEIGHT[SampleBrand.ALL.indexOf(brand)] * NEGATIVE * (CRISIS_FACTOR - 1);
  }

  /**
   * Whether slot {@code seq} holds a crisis post when a crisis adds {@code share} crisis posts per
   * ordinary one (a pure function of the seed and the slot).
   */
  boolean crisisIn(long seq, double share) {
    return new SplittableRandom((seed * GOLDEN + seq) ^ DICE_STREAM).nextDouble() < share;
  }

  /** Ordinary mention {@code seq}, created at {@code at}. */
  Mention ordinary(long seq, Instant at) {
    SplittableRandom rnd = random(seq);
    double r = rnd.nextDouble();
    int b = 0;
    double acc = BRAND_WEIGHT[0];
    while (r >= acc && b < BRAND_WEIGHT.length - 1) {
      acc += BRAND_WEIGHT[++b];
    }
    SampleBrand brand = SampleBrand.ALL.get(b);
    double t = rnd.nextDouble();
    Tone tone = t < 0.38 ? Tone.POSITIVE : t < 0.85 ? Tone.NEUTRAL : Tone.NEGATIVE;
    Platform platform = Crowd.platform(brand, rnd);
    Post post =
        platform == Platform.NEWS
            ? Phrasebook.article(brand, false, rnd)
            : Phrasebook.regular(brand, tone, rnd);
    return mention(2 * seq, at, brand, platform, post, 1, rnd);
  }

  /** The crisis mention of slot {@code seq} about {@code brand}, created at {@code at}. */
  Mention crisis(long seq, Instant at, SampleBrand brand) {
    SplittableRandom rnd = new SplittableRandom((seed * GOLDEN + seq) ^ CRISIS_STREAM);
    Platform platform = Crowd.platform(brand, rnd);
    Post post =
        platform == Platform.NEWS
            ? Phrasebook.article(brand, true, rnd)
            : Phrasebook.crisis(brand, rnd);
    return mention(2 * seq + 1, at, brand, platform, post, 3, rnd);
  }

  private Mention mention(
      long salt,
      Instant at,
      SampleBrand brand,
      Platform platform,
      Post post,
      double boost,
      SplittableRandom rnd) {
    Author author = Crowd.author(platform, false, rnd);
    Instant notional =
        Instant.ofEpochMilli(ID_EPOCH_MS + Math.floorMod(seed * GOLDEN, ID_SPREAD_MS) + salt);
    String id = Crowd.id(platform, notional, salt, rnd);
    Mention m = Crowd.mention(platform, id, author, post, brand, at, boost, SOURCE, rnd);
    m.setFetchedAt(at);
    return m;
  }

  private SplittableRandom random(long seq) {
    return new SplittableRandom(seed * GOLDEN + seq);
  }
}
