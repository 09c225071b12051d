package io.sociallistening.topology.dedup;

import java.time.Duration;

/**
 * Settings of {@link NearDuplicateIndex}.
 *
 * @param maxEntries entries kept; the oldest is evicted beyond this
 * @param maxAge entries older than this (by record timestamp, against the newest timestamp seen)
 *     are evicted and never matched
 * @param maxDistance SimHash Hamming distance up to which two long texts are near-duplicates; the
 *     index splits the 64 bits into maxDistance + 1 bands, so every pair within the distance shares
 *     a band (pigeonhole) and a lookup touches maxDistance + 1 buckets
 * @param minWords texts with fewer words in normal form match only an identical normal form
 * @param minLengthRatio two long texts match only if the shorter has at least this fraction of the
 *     longer's words
 */
public record DedupSettings(
    int maxEntries, Duration maxAge, int maxDistance, int minWords, double minLengthRatio) {

  public DedupSettings {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be a positive duration, got " + maxAge);
    }
    if (maxDistance < 0 || maxDistance > 15) {
      throw new IllegalArgumentException("maxDistance must be in 0..15, got " + maxDistance);
    }
    if (minWords < 1) {
      throw new IllegalArgumentException("minWords must be >= 1, got " + minWords);
    }
    if (!(minLengthRatio > 0 && minLengthRatio <= 1)) {
      throw new IllegalArgumentException("minLengthRatio must be in (0, 1], got " + minLengthRatio);
    }
  }

  /**
   * 100,000 entries, 24 hours, distance 8 (9 bands of 7 or 8 bits), 10 words, length ratio 0.75.
   *
   * <p>Why 8: a one-word edit flips about 64 · arccos(1 − 1/n)/π bits of a SimHash over n distinct
   * words, with a wide spread (the 55-word post in the tests: 8 bits; a 12-word cut at its end: 7).
   * On the VADER tweets with at least 10 words (2,672 texts, 3.6 million pairs) a random one-word
   * replacement stayed within 3 bits in 12 % of texts, within 8 bits in 80 %; no pair of distinct
   * texts came within 4 bits, the 12 pairs at 5–6 bits were edited variants of one tweet, 13 pairs
   * at 8 bits. The price is lookup work: with 7–8 bit bands about 5 % of the entries share a band
   * by chance and get a Hamming check.
   */
  public static DedupSettings defaults() {
    return new DedupSettings(100_000, Duration.ofHours(24), 8, 10, 0.75);
  }

  public DedupSettings withMaxEntries(int value) {
    return new DedupSettings(value, maxAge, maxDistance, minWords, minLengthRatio);
  }

  public DedupSettings withMaxAge(Duration value) {
    return new DedupSettings(maxEntries, value, maxDistance, minWords, minLengthRatio);
  }
}
