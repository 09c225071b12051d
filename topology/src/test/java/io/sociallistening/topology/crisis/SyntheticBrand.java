package io.sociallistening.topology.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test data: 1-minute buckets of one brand with a daily rhythm (quiet at night, busy in the
 * afternoon, UTC), a weekly rhythm (weekends at 70 %) and Poisson noise from a seeded Random.
 * Bursts multiply the negative and/or other rate for a range of bucket indexes.
 */
final class SyntheticBrand {

  /** Monday 2024-01-01T00:00:00Z. */
  static final long T0 = 1_704_067_200_000L;

  static final long MINUTE = 60_000L;

  private final Random random;
  private final double otherRate;
  private final double negativeRate;
  private final List<Burst> bursts = new ArrayList<>();

  private record Burst(int from, int to, double negativeFactor, double otherFactor) {}

  SyntheticBrand(long seed, double otherRate, double negativeRate) {
    this.random = new Random(seed);
    this.otherRate = otherRate;
    this.negativeRate = negativeRate;
  }

  /** Negatives times {@code factor} for buckets {@code from} (inclusive) to {@code to}. */
  SyntheticBrand burst(int from, int to, double factor) {
    return burst(from, to, factor, 1);
  }

  SyntheticBrand burst(int from, int to, double negativeFactor, double otherFactor) {
    bursts.add(new Burst(from, to, negativeFactor, otherFactor));
    return this;
  }

  List<Bucket> buckets(int count) {
    List<Bucket> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long start = T0 + i * MINUTE;
      double rhythm = rhythm(start);
      double negativeFactor = 1;
      double otherFactor = 1;
      for (Burst b : bursts) {
        if (i >= b.from() && i < b.to()) {
          negativeFactor = b.negativeFactor();
          otherFactor = b.otherFactor();
        }
      }
      long negative = poisson(negativeRate * rhythm * negativeFactor);
      long other = poisson(otherRate * rhythm * otherFactor);
      out.add(new Bucket(start, start + MINUTE, negative + other, negative));
    }
    return out;
  }

  static double rhythm(long start) {
    double hour = ((start - T0) % 86_400_000L) / 3_600_000.0;
    double daily = 1 + 0.6 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    long day = ((start - T0) / 86_400_000L) % 7;
    double weekly = day >= 5 ? 0.7 : 1.0;
    return daily * weekly;
  }

  private long poisson(double lambda) {
    if (lambda > 30) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
    }
    double limit = Math.exp(-lambda);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
