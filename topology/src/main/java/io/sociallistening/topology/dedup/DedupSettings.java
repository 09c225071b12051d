package io.sociallistening.topology.dedup;

import java.time.Duration;

/**
 * Settings of {@link NearDuplicateIndex}.
 *
 * @param maxEntries first copies remembered; the oldest is forgotten beyond this
 * @param maxAge first copies older than this (by record time, against the newest record time seen)
 *     are forgotten and never matched
 * @param maxTextChars characters of normalised text remembered, over all first copies; the oldest
 *     are forgotten beyond this (a first copy costs memory in proportion to its text)
 */
public record DedupSettings(int maxEntries, Duration maxAge, long maxTextChars) {

  public DedupSettings {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
    }
    if (maxTextChars < 1) {
      throw new IllegalArgumentException("maxTextChars must be >= 1, got " + maxTextChars);
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be a positive duration, got " + maxAge);
    }
  }

  /** {@code maxEntries} first copies of at most {@code maxAge}, whatever their texts' length. */
  public DedupSettings(int maxEntries, Duration maxAge) {
    this(maxEntries, maxAge, Long.MAX_VALUE);
  }

  /**
   * 100,000 first copies, 24 hours, 10,000,000 characters: about 100 characters a first copy when
   * all the entries are taken, so short posts are bounded by their number and long articles by
   * their text.
   */
  public static DedupSettings defaults() {
    return new DedupSettings(100_000, Duration.ofHours(24), 10_000_000L);
  }

  public DedupSettings withMaxEntries(int value) {
    return new DedupSettings(value, maxAge, maxTextChars);
  }

  public DedupSettings withMaxAge(Duration value) {
    return new DedupSettings(maxEntries, value, maxTextChars);
  }

  public DedupSettings withMaxTextChars(long value) {
    return new DedupSettings(maxEntries, maxAge, value);
  }
}
