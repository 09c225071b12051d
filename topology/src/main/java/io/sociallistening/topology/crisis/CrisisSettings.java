package io.sociallistening.topology.crisis;

import java.time.Duration;

/**
 * Settings of {@link CrisisDetector}. All durations are in bucket time (record timestamps), never
 * wall-clock time.
 *
 * @param bucket bucket length; converts the memory durations below into per-bucket EWMA weights
 * @param minVolume a bucket is anomalous only if its negative count is at least this
 * @param openThreshold score (0..1) at or above which a bucket is anomalous
 * @param resolveThreshold score below which a bucket counts towards resolving an open episode
 * @param persistence consecutive anomalous buckets that open an episode (the episode opens on the
 *     last of them); a lone anomalous bucket whose own evidence is {@code
 *     CrisisDetector.LONE_BUCKET_FACTOR} times the opening likelihood opens one at once, whatever
 *     this is
 * @param resolveAfter consecutive buckets below {@code resolveThreshold} that resolve an episode
 * @param cooldown after RESOLVED, no new episode opens on a bucket starting before resolve bucket
 *     end + cooldown
 * @param warmupBuckets buckets the baseline must see before any bucket may be anomalous
 * @param levelMemory time constant of the level EWMA
 * @param deviationMemory time constant of the deviation (mean absolute residual) EWMA
 * @param shareMemory time constant of the usual negative share EWMA
 * @param dailyMemory memory of the hour-of-day profile, in days of calendar time
 * @param weeklyMemory memory of the day-of-week profile, in calendar time
 * @param anomalyDamping factor on the level weight while a bucket is anomalous or an episode is
 *     open (deviation, share and profiles are frozen then)
 * @param residualClip residuals are clipped to this many deviations before updating the baseline
 * @param scoreScale tail likelihood at which the score is tanh(1) = 0.76; score = tanh(likelihood /
 *     scoreScale)
 */
public record CrisisSettings(
    Duration bucket,
    long minVolume,
    double openThreshold,
    double resolveThreshold,
    int persistence,
    int resolveAfter,
    Duration cooldown,
    int warmupBuckets,
    Duration levelMemory,
    Duration deviationMemory,
    Duration shareMemory,
    Duration dailyMemory,
    Duration weeklyMemory,
    double anomalyDamping,
    double residualClip,
    double scoreScale) {

  public CrisisSettings {
    positive("bucket", bucket);
    if (minVolume < 0) {
      throw new IllegalArgumentException("minVolume must be >= 0, got " + minVolume);
    }
    if (!(openThreshold > 0 && openThreshold < 1)) {
      throw new IllegalArgumentException("openThreshold must be in (0, 1), got " + openThreshold);
    }
    if (!(resolveThreshold > 0 && resolveThreshold <= openThreshold)) {
      throw new IllegalArgumentException(
          "resolveThreshold must be in (0, openThreshold], got " + resolveThreshold);
    }
    if (persistence < 1) {
      throw new IllegalArgumentException("persistence must be >= 1, got " + persistence);
    }
    if (resolveAfter < 1) {
      throw new IllegalArgumentException("resolveAfter must be >= 1, got " + resolveAfter);
    }
    if (cooldown == null || cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
    }
    if (warmupBuckets < 0) {
      throw new IllegalArgumentException("warmupBuckets must be >= 0, got " + warmupBuckets);
    }
    positive("levelMemory", levelMemory);
    positive("deviationMemory", deviationMemory);
    positive("shareMemory", shareMemory);
    positive("dailyMemory", dailyMemory);
    positive("weeklyMemory", weeklyMemory);
    if (!(anomalyDamping >= 0 && anomalyDamping <= 1)) {
      throw new IllegalArgumentException("anomalyDamping must be in [0, 1], got " + anomalyDamping);
    }
    if (!(residualClip > 0)) {
      throw new IllegalArgumentException("residualClip must be > 0, got " + residualClip);
    }
    if (!(scoreScale > 0)) {
      throw new IllegalArgumentException("scoreScale must be > 0, got " + scoreScale);
    }
  }

  /**
   * Defaults for 1-minute buckets: at least 5 negatives, open at score 0.8 (tail likelihood about
   * 6.8) for 2 buckets, resolve after 5 buckets below 0.5 (bucket likelihood about 3.4), 24 hours
   * cooldown (at most one new episode a day per brand), 2 hours warm-up, level memory 1 hour,
   * deviation and share memory 6 hours, hour-of-day profile over about 7 days, day-of-week profile
   * over about 4 weeks.
   */
  public static CrisisSettings defaults() {
    return new CrisisSettings(
        Duration.ofMinutes(1),
        5,
        0.8,
        0.5,
        2,
        5,
        Duration.ofHours(24),
        120,
        Duration.ofHours(1),
        Duration.ofHours(6),
        Duration.ofHours(6),
        Duration.ofDays(7),
        Duration.ofDays(28),
        0.1,
        3.0,
        6.2);
  }

  public CrisisSettings withBucket(Duration value) {
    return new CrisisSettings(
        value,
        minVolume,
        openThreshold,
        resolveThreshold,
        persistence,
        resolveAfter,
        cooldown,
        warmupBuckets,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        scoreScale);
  }

  public CrisisSettings withMinVolume(long value) {
    return new CrisisSettings(
        bucket,
        value,
        openThreshold,
        resolveThreshold,
        persistence,
        resolveAfter,
        cooldown,
        warmupBuckets,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        scoreScale);
  }

  public CrisisSettings withCooldown(Duration value) {
    return new CrisisSettings(
        bucket,
        minVolume,
        openThreshold,
        resolveThreshold,
        persistence,
        resolveAfter,
        value,
        warmupBuckets,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        scoreScale);
  }

  public CrisisSettings withWarmupBuckets(int value) {
    return new CrisisSettings(
        bucket,
        minVolume,
        openThreshold,
        resolveThreshold,
        persistence,
        resolveAfter,
        cooldown,
        value,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        scoreScale);
  }

  public CrisisSettings withPersistence(int value) {
    return new CrisisSettings(
        bucket,
        minVolume,
        openThreshold,
        resolveThreshold,
        value,
        resolveAfter,
        cooldown,
        warmupBuckets,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        scoreScale);
  }

  public CrisisSettings withThresholds(double open, double resolve) {
    return new CrisisSettings(
        bucket,
        minVolume,
        open,
        resolve,
        persistence,
        resolveAfter,
        cooldown,
        warmupBuckets,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        scoreScale);
  }

  public CrisisSettings withScoreScale(double value) {
    return new CrisisSettings(
        bucket,
        minVolume,
        openThreshold,
        resolveThreshold,
        persistence,
        resolveAfter,
        cooldown,
        warmupBuckets,
        levelMemory,
        deviationMemory,
        shareMemory,
        dailyMemory,
        weeklyMemory,
        anomalyDamping,
        residualClip,
        value);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
