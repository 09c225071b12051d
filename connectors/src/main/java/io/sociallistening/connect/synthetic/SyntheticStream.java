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
 * Endless mentions from the sample's phrasebook and crowd: mention number {@code seq} of a seed is
 * always the same post (brand, tone, platform, author, text), stamped with the time it is asked
 * for. During a crisis a share of the stream is crisis posts about the crisis brand.
 */
final class SyntheticStream {
  static final String SOURCE = "synthetic";
  private static final double[] BRAND_WEIGHT = {0.28, 0.22, 0.26, 0.24};
  private static final double NEGATIVE = 0.15;
  private static final double CRISIS_FACTOR = 8;

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
    return mention(seq, at, brand, platform, post, 1, rnd);
  }

  /** Crisis mention {@code seq} about {@code brand}, created at {@code at}. */
  Mention crisis(long seq, Instant at, SampleBrand brand) {
    SplittableRandom rnd = random(seq);
    Platform platform = Crowd.platform(brand, rnd);
    Post post =
        platform == Platform.NEWS
            ? Phrasebook.article(brand, true, rnd)
            : Phrasebook.crisis(brand, rnd);
    return mention(seq, at, brand, platform, post, 3, rnd);
  }

  private Mention mention(
      long seq,
      Instant at,
      SampleBrand brand,
      Platform platform,
      Post post,
      double boost,
      SplittableRandom rnd) {
    Author author = Crowd.author(platform, false, rnd);
    String id = Crowd.id(platform, at, seq, rnd);
    Mention m = Crowd.mention(platform, id, author, post, brand, at, boost, SOURCE, rnd);
    m.setFetchedAt(at);
    return m;
  }

  private SplittableRandom random(long seq) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + seq);
  }
}
