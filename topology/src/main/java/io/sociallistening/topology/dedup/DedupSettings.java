package io.sociallistening.topology.dedup;

import java.time.Duration;

/**
 * Settings of {@link NearDuplicateIndex}.
 *
 * @param maxEntries first copies remembered; the oldest is forgotten beyond this
 * @param maxAge first copies older than this (by record time, against the newest record time seen)
 *     are forgotten and never matched
 */
public record DedupSettings(int maxEntries, Duration maxAge) {

  public DedupSettings {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be a positive duration, got " + maxAge);
    }
  }

  /** 100,000 first copies, 24 hours. */
  public static DedupSettings defaults() {
    return new DedupSettings(100_000, Duration.ofHours(24));
  }

  public DedupSettings withMaxEntries(int value) {
    return new DedupSettings(value, maxAge);
  }

  public DedupSettings withMaxAge(Duration value) {
    return new DedupSettings(maxEntries, value);
  }
}
