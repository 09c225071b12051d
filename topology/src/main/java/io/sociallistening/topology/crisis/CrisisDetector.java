package io.sociallistening.topology.crisis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Online spike and crisis detector for one series of fixed-length count buckets.
 *
 * <p><b>Input:</b> a {@link CrisisState} and the next closed {@link Bucket} of the series. The
 * topology feeds one bucket per brand and closed window (volume and negative volume); the {@code
 * spikes} evaluation command feeds each NAB value as both {@code volume} and {@code negative},
 * which makes the negative-share factor below exactly 1, so both use this one code path. Buckets
 * whose start is not after the last seen start are ignored (state unchanged, score 0). Missing
 * buckets are not imputed: feed empty buckets when silence is meaningful.
 *
 * <p><b>Output:</b> a {@link Step}: the new state, the bucket's score, whether it is anomalous and
 * at most one {@link CrisisEvent}.
 *
 * <p><b>State:</b> {@link CrisisState}, one per series, 372 bytes in binary form.
 *
 * <p><b>Time:</b> only bucket timestamps (UTC hour of day and day of week of the bucket start);
 * never the wall clock, so a replay gives the same answers.
 *
 * <p><b>Evidence.</b> With n = negative count and x = 2·sqrt(n + 3/8) (Anscombe transform; Poisson
 * noise has unit variance on this scale):
 *
 * <ul>
 *   <li>expected x̂ = level + daily[hour] + weekly[day];
 *   <li>scale = max(1, 1.2533 · deviation) (deviation = EWMA of |x − x̂|, 1.2533 turns a mean
 *       absolute deviation into a standard deviation; the floor 1 is the Poisson noise);
 *   <li>z = (x − x̂) / scale;
 *   <li>negative share as supporting evidence: when z &gt; 0 and volume &gt; 0, evidence = z ·
 *       clamp((n / volume) / max(usualShare, 0.01), 0.5, 1), else evidence = z. A burst carried by
 *       non-negative volume (a launch, good news), whose negative share falls, counts down to half.
 *       A rising share adds nothing: a chance excess of negatives raises the share by itself, so a
 *       bonus would amplify noise (measured: it made single quiet buckets reach the threshold);
 *   <li>sustained evidence: a one-sided CUSUM of evidence (drift 2, capped at 8) turns a run of
 *       moderate buckets into evidence = max(evidence, 4.4 · cusum / 5), at most 7.04 deviations
 *       (see {@link #CUSUM_CAP});
 *   <li>tail likelihood: the mean m of this and the previous bucket's evidence (at least 0) is
 *       compared with its own long-run mean μ and standard deviation σ (exponentially weighted over
 *       7 days, spikes included): likelihood = (m − μ) / σ. A series that spikes often (a big brand
 *       with daily news) needs a larger spike to stand out than a calm one;
 *   <li>hour scale: h = EWMA of evidence over {@link #HOUR_MEMORY} (1 hour), standardised by the
 *       standard deviation of an EWMA of unit noise, max(0, h / sqrt(w / (2 − w))) for weight w,
 *       and compared with its own long-run mean and standard deviation (at least 1, the noise it is
 *       standardised by; see {@link #MIN_HOUR_TAIL_VARIANCE}) the same way; the likelihood is the
 *       larger of the two. A rise held for an hour (4x for 80 minutes on a busy series) stands out
 *       on this scale while its two-bucket mean stays inside the series' usual spikes;
 *   <li>score = tanh(max(0, likelihood) / scoreScale), 0 during warm-up.
 * </ul>
 *
 * <p>A bucket is <em>anomalous</em> when warm-up is over, score ≥ openThreshold and n ≥ minVolume.
 * Severity = clamp(1 + floor(2 · log2(n / max(1, expected count))), 1, 10), expected count =
 * (x̂/2)² − 1/8; so 2x is 3, 4x is 5, 8x is 7, 16x is 9.
 *
 * <p><b>Lifecycle</b> (at most one open episode per series): OPENED on the {@code persistence}-th
 * consecutive anomalous bucket, or on a lone anomalous bucket whose own evidence (with its CUSUM)
 * is {@link #LONE_BUCKET_FACTOR} times the opening likelihood, unless within the cooldown;
 * ESCALATED on an anomalous bucket whose severity is at least 2 above the last reported severity;
 * RESOLVED after {@code resolveAfter} consecutive calm buckets, carrying the peak severity. A
 * bucket is calm when every scale that can open an episode is below resolveThreshold (hysteresis):
 * the bucket's own evidence including the CUSUM (not the two-bucket mean, so a crisis resolves as
 * soon as the buckets are normal), and the hour-scale evidence, each against its own tail
 * statistics. Calm on one scale only is not the end of an episode: an episode opened on the hour
 * scale or by the CUSUM would otherwise resolve while the evidence that opened it is still above
 * the opening level, the baseline would resume learning from the rest of the rise, and the cooldown
 * would start early. The CUSUM and the hour evidence are therefore calm at RESOLVED and are not
 * cleared; they drain on their own. An episode now lasts until its hour has calmed (70 minutes
 * after a 30-minute 8x burst ends, in the tests). Measured on the NAB tweet-volume series
 * (docs/crisis.md): judging calm on the raw bucket evidence alone and clearing both on RESOLVED
 * gave 3 more false positives of 15.
 *
 * <p><b>Baseline updates</b> are robust: residuals are clipped to −residualClip·scale and
 * +min(residualClip, {@link #RISE_CLIP})·scale once the series has run {@link #RISE_CLIP_AFTER} (a
 * rise is learnt slowly, a fall at once); while an episode is open or the bucket's evidence reaches
 * 4.4 deviations (whatever its volume), only the level moves, with its weight multiplied by
 * anomalyDamping, and deviation, share and profiles stay frozen, so a spike does not teach the
 * baseline that it is normal. Each profile update is re-centred into the level so the profiles keep
 * mean zero. During warm-up, level, deviation and share use at least weight 1/(buckets seen + 1) so
 * they start as running means.
 */
public final class CrisisDetector {

  private static final double MAD_TO_SD = 1.2533;
  private static final double MIN_SCALE = 1.0;
  private static final double MIN_SHARE = 0.01;
  private static final long HOUR_MS = 3_600_000L;
  private static final long DAY_MS = 86_400_000L;

  /** CUSUM drift: evidence below this many deviations does not accumulate. */
  static final double CUSUM_DRIFT = 2.0;

  /** CUSUM level, in deviations, that counts as a bucket of {@link #SUSTAINED_EVIDENCE}. */
  static final double CUSUM_THRESHOLD = 5;

  /**
   * CUSUM cap, in deviations: 1.6 times the threshold, so a saturated CUSUM is worth {@code 8 · 4.4
   * / 5 = 7.04} deviations and drains within a few buckets. A held rise is scored on the hour scale
   * against its own history; the CUSUM only carries a moderate rise through the persistence
   * buckets. At twice the threshold (8.8 deviations), two saturated buckets alone reached the
   * opening likelihood of a busy series, so any mild rise held for an hour opened an episode
   * (measured on NAB AMZN: 4 of its 8 false positives opened with both buckets at the cap; 5 remain
   * with the cap at 8, and the score is flat for caps 7.5 to 8.5).
   */
  static final double CUSUM_CAP = 8;

  /**
   * Evidence, in deviations, of a CUSUM at its threshold; also the evidence from which a bucket no
   * longer teaches the baseline.
   */
  static final double SUSTAINED_EVIDENCE = 4.4;

  /**
   * Upward residuals teach the baseline at most this many scales per bucket (downward ones up to
   * {@code residualClip}): the level follows a fall at once but a rise only slowly, so a rise that
   * builds over an hour, no bucket of which reaches {@link #SUSTAINED_EVIDENCE} (which would freeze
   * the baseline), is not learnt as normal while it builds. Measured on the ten NAB tweet series
   * (docs/crisis.md): on a quiet series (NAB PFE, about one tweet per bucket) with clipping at 3,
   * an hour at 8 to 17 tweets per bucket raised the expected count from 2 to 6 before its
   * two-bucket evidence could stand out; the daily and weekly profiles still learn a regular rise
   * over days.
   */
  static final double RISE_CLIP = 1.5;

  /**
   * The rise clip applies once the baseline has seen this much of the series. Before, the
   * hour-of-day profile has not seen a whole day, and the level alone has to follow the daily
   * rhythm: clipped, it could not follow a busy brand's morning (at 1,000 negatives a minute its
   * evidence reached 9 deviations on the first afternoon), and the tail statistics, which learn
   * from that, then hid a 3x burst of negatives two days later.
   */
  static final Duration RISE_CLIP_AFTER = Duration.ofDays(1);

  /**
   * A lone bucket opens an episode at once, without the {@code persistence} buckets, when its own
   * evidence against the tail statistics is this many times the opening likelihood: twice, because
   * the two-bucket mean that opens otherwise halves a lone spike. On a quiet series the bucket
   * after a spike has too few mentions to be anomalous (NAB PFE: one bucket of 22 tweets where one
   * is usual, then none), so such a spike could never open; on a busy one it opens a bucket
   * earlier.
   */
  static final double LONE_BUCKET_FACTOR = 2;

  /** Memory of the tail statistics (mean and variance of the two-bucket mean evidence). */
  static final Duration TAIL_MEMORY = Duration.ofDays(7);

  /**
   * Memory of the hour-scale evidence (an exponentially weighted mean of the bucket evidence), so a
   * rise sustained for an hour stands out even when no single bucket or pair of buckets does.
   */
  static final Duration HOUR_MEMORY = Duration.ofHours(1);

  /** Floor of the tail variance, so a perfectly flat history does not make every blip rare. */
  static final double MIN_TAIL_VARIANCE = 0.01;

  /**
   * Floor of the hour-scale tail variance: the variance of the unit noise the hour-scale evidence
   * is standardised by. A history calmer than that (a low-count series, whose Anscombe variance is
   * below 1 while the scale is floored at 1) would otherwise make a noise-sized hour rare: on NAB
   * CVS (about 1 tweet per bucket) the hour-scale spread was 0.4 to 0.7 and two of its three false
   * positives opened on the hour scale. Measured, normalised NAB score for floors 0.2, 0.34, 0.4,
   * 0.5, 0.6 to 2: 81.32, 81.66, 81.66, 83.16, 83.16; busy series (spread above 1) are unaffected.
   */
  static final double MIN_HOUR_TAIL_VARIANCE = 1.0;

  private final CrisisSettings settings;
  private final double levelWeight;
  private final double deviationWeight;
  private final double shareWeight;
  private final double dailyWeight;
  private final double weeklyWeight;
  private final long cooldownMs;
  private final double tailWeight;
  private final double hourWeight;
  private final double hourNorm;
  private final long riseClipAfter;

  public CrisisDetector(CrisisSettings settings) {
    this.settings = settings;
    double bucketMs = settings.bucket().toMillis();
    this.levelWeight = weight(bucketMs, settings.levelMemory().toMillis());
    this.deviationWeight = weight(bucketMs, settings.deviationMemory().toMillis());
    this.shareWeight = weight(bucketMs, settings.shareMemory().toMillis());
    this.dailyWeight = weight(bucketMs, settings.dailyMemory().toMillis() / (double) 24);
    this.weeklyWeight = weight(bucketMs, settings.weeklyMemory().toMillis() / (double) 7);
    this.cooldownMs = settings.cooldown().toMillis();
    this.tailWeight = weight(bucketMs, TAIL_MEMORY.toMillis());
    this.hourWeight = weight(bucketMs, HOUR_MEMORY.toMillis());
    this.hourNorm = Math.sqrt(hourWeight / (2 - hourWeight));
    this.riseClipAfter = (long) Math.ceil(RISE_CLIP_AFTER.toMillis() / bucketMs);
  }

  public CrisisSettings settings() {
    return settings;
  }

  /** Feeds the next bucket of the series; see the class comment. */
  public Step onBucket(CrisisState state, Bucket bucket) {
    if (state.seen() > 0 && bucket.start() <= state.lastStart()) {
      return new Step(state, 0, false, Optional.empty());
    }
    long n = bucket.negative();
    double x = anscombe(n);
    int hour = (int) Math.floorMod(bucket.start(), DAY_MS) / (int) HOUR_MS;
    // 1970-01-01 was a Thursday; day 0 = Monday.
    int day = (int) Math.floorMod(Math.floorDiv(bucket.start(), DAY_MS) + 3, 7L);
    boolean first = state.seen() == 0;
    double expectedX = first ? x : state.level() + state.daily(hour) + state.weekly(day);
    double scale = Math.max(MIN_SCALE, MAD_TO_SD * state.deviation());
    double z = (x - expectedX) / scale;
    double share = bucket.volume() > 0 ? (double) n / bucket.volume() : -1;
    double usualShare = state.share();
    double shareFactor = 1;
    if (z > 0 && share >= 0 && usualShare >= 0) {
      shareFactor = clamp(share / Math.max(usualShare, MIN_SHARE), 0.5, 1.0);
    }
    double evidence = z > 0 ? z * shareFactor : z;
    boolean warm = state.seen() >= settings.warmupBuckets();
    // A sustained moderate rise (a 5x jump of a small brand is ~3 deviations a bucket) never
    // reaches the single-bucket threshold; the CUSUM accumulates it. Capped so that it drains
    // within a few buckets once the rise ends.
    double cusum = warm ? clamp(state.cusum() + evidence - CUSUM_DRIFT, 0, CUSUM_CAP) : 0;
    double combined = Math.max(0, Math.max(evidence, cusum * SUSTAINED_EVIDENCE / CUSUM_THRESHOLD));
    // Tail likelihood: the two-bucket mean evidence against its own long-run mean and spread,
    // spikes included, so a series that spikes often needs a larger spike to stand out.
    double mean = warm ? 0.5 * (combined + state.evidence()) : 0;
    double tailSd = Math.sqrt(Math.max(MIN_TAIL_VARIANCE, state.tailVariance()));
    double likelihood = (mean - state.tailMean()) / tailSd;
    // Hour scale: the same evidence averaged over about an hour and standardised (an EWMA of unit
    // noise has standard deviation hourNorm), scored against its own long-run mean and spread. A
    // crisis that holds a 4x level for an hour is rarer than its single buckets look.
    double hourEvidence =
        warm ? (1 - hourWeight) * state.hourEvidence() + hourWeight * evidence : 0;
    double hourZ = Math.max(0, hourEvidence / hourNorm);
    double hourSd = Math.sqrt(Math.max(MIN_HOUR_TAIL_VARIANCE, state.hourTailVariance()));
    double hourLikelihood = (hourZ - state.hourTailMean()) / hourSd;
    likelihood = Math.max(likelihood, hourLikelihood);
    // Calm is judged on every scale that can open an episode: the bucket (its evidence including
    // the CUSUM, not the two-bucket mean, so a crisis resolves as soon as the buckets are normal)
    // and the hour scale.
    double bucketLikelihood = (combined - state.tailMean()) / tailSd;
    double calmLikelihood = Math.max(bucketLikelihood, hourLikelihood);
    double score = warm ? Math.tanh(Math.max(0, likelihood) / settings.scoreScale()) : 0;
    double calmScore = warm ? Math.tanh(Math.max(0, calmLikelihood) / settings.scoreScale()) : 0;
    boolean anomalous = warm && score >= settings.openThreshold() && n >= settings.minVolume();
    double loneScore =
        warm
            ? Math.tanh(Math.max(0, bucketLikelihood / LONE_BUCKET_FACTOR) / settings.scoreScale())
            : 0;
    boolean lone = anomalous && loneScore >= settings.openThreshold();
    double expected = Math.max(0, expectedX * expectedX / 4 - 0.125);
    int severity = severity(n, expected);

    // Lifecycle.
    int run = anomalous ? state.run() + 1 : 0;
    boolean open = state.open();
    long episodeStart = state.episodeStart();
    int reported = state.reportedSeverity();
    int peak = state.peakSeverity();
    int calm = state.calm();
    long openAllowedFrom = state.openAllowedFrom();
    CrisisEvent event = null;
    if (!open) {
      if (anomalous
          && (run >= settings.persistence() || lone)
          && bucket.start() >= openAllowedFrom) {
        open = true;
        episodeStart = bucket.start();
        reported = severity;
        peak = severity;
        calm = 0;
        event =
            event(
                CrisisEvent.Type.OPENED,
                episodeStart,
                severity,
                score,
                bucket,
                expected,
                evidenceReasons(bucket, expected, usualShare, evidence, null));
      }
    } else {
      if (anomalous) {
        peak = Math.max(peak, severity);
      }
      calm = calmScore < settings.resolveThreshold() ? calm + 1 : 0;
      if (calm >= settings.resolveAfter()) {
        List<String> reasons = new ArrayList<>(2);
        reasons.add(
            String.format(
                Locale.ROOT, "%d buckets below score %.2f", calm, settings.resolveThreshold()));
        reasons.add(String.format(Locale.ROOT, "peak severity %d", peak));
        event =
            event(CrisisEvent.Type.RESOLVED, episodeStart, peak, score, bucket, expected, reasons);
        open = false;
        run = 0;
        calm = 0;
        openAllowedFrom = bucket.end() + cooldownMs;
      } else if (anomalous && severity >= reported + 2) {
        event =
            event(
                CrisisEvent.Type.ESCALATED,
                episodeStart,
                severity,
                score,
                bucket,
                expected,
                evidenceReasons(bucket, expected, usualShare, evidence, reported));
        reported = severity;
      }
    }

    // Baseline.
    double level;
    double deviation;
    double newShare = usualShare;
    double[] daily = state.dailyCopy();
    double[] weekly = state.weeklyCopy();
    if (first) {
      level = x;
      deviation = 0;
      if (share >= 0) {
        newShare = share;
      }
    } else {
      double warmWeight = 1.0 / (state.seen() + 1);
      double limit = settings.residualClip() * scale;
      double riseLimit = state.seen() >= riseClipAfter ? Math.min(limit, RISE_CLIP * scale) : limit;
      double residual = clamp(x - expectedX, -limit, riseLimit);
      boolean disturbed = state.open() || (warm && combined >= SUSTAINED_EVIDENCE);
      double aLevel = warm ? levelWeight : Math.max(levelWeight, warmWeight);
      if (disturbed) {
        level = state.level() + aLevel * settings.anomalyDamping() * residual;
        deviation = state.deviation();
      } else {
        level = state.level() + aLevel * residual;
        double aDev = warm ? deviationWeight : Math.max(deviationWeight, warmWeight);
        deviation = state.deviation() + aDev * (Math.abs(residual) - state.deviation());
        if (share >= 0) {
          double aShare = warm ? shareWeight : Math.max(shareWeight, warmWeight);
          newShare = usualShare < 0 ? share : usualShare + aShare * (share - usualShare);
        }
        double d = dailyWeight * residual;
        for (int i = 0; i < daily.length; i++) {
          daily[i] -= d / daily.length;
        }
        daily[hour] += d;
        double w = weeklyWeight * residual;
        for (int i = 0; i < weekly.length; i++) {
          weekly[i] -= w / weekly.length;
        }
        weekly[day] += w;
        level += d / daily.length + w / weekly.length;
      }
    }
    double tailMean = state.tailMean();
    double tailVariance = state.tailVariance();
    double hourTailMean = state.hourTailMean();
    double hourTailVariance = state.hourTailVariance();
    if (warm) {
      long warmSeen = state.seen() - settings.warmupBuckets();
      double a = Math.max(tailWeight, 1.0 / (warmSeen + 2));
      double delta = mean - tailMean;
      tailMean += a * delta;
      tailVariance = (1 - a) * (tailVariance + a * delta * delta);
      double hourDelta = hourZ - hourTailMean;
      hourTailMean += a * hourDelta;
      hourTailVariance = (1 - a) * (hourTailVariance + a * hourDelta * hourDelta);
    }
    CrisisState next =
        new CrisisState(
            state.seen() + 1,
            bucket.start(),
            level,
            deviation,
            newShare,
            daily,
            weekly,
            run,
            open,
            episodeStart,
            reported,
            peak,
            calm,
            openAllowedFrom,
            cusum,
            warm ? combined : 0,
            tailMean,
            tailVariance,
            hourEvidence,
            hourTailMean,
            hourTailVariance);
    return new Step(next, score, anomalous, Optional.ofNullable(event));
  }

  static double anscombe(long count) {
    return 2 * Math.sqrt(count + 0.375);
  }

  static int severity(long observed, double expected) {
    double ratio = observed / Math.max(1.0, expected);
    if (ratio <= 1) {
      return 1;
    }
    int s = 1 + (int) Math.floor(2 * Math.log(ratio) / Math.log(2));
    return Math.max(1, Math.min(10, s));
  }

  private static CrisisEvent event(
      CrisisEvent.Type type,
      long episodeStart,
      int severity,
      double score,
      Bucket bucket,
      double expected,
      List<String> reasons) {
    return new CrisisEvent(
        type,
        Long.toString(episodeStart),
        severity,
        score,
        bucket.start(),
        bucket.end(),
        expected,
        bucket.negative(),
        reasons);
  }

  private static List<String> evidenceReasons(
      Bucket bucket, double expected, double usualShare, double evidence, Integer fromSeverity) {
    List<String> reasons = new ArrayList<>(5);
    reasons.add(
        String.format(
            Locale.ROOT,
            "negative volume %d vs expected %.1f (%.1fx)",
            bucket.negative(),
            expected,
            bucket.negative() / Math.max(1.0, expected)));
    if (bucket.volume() > 0 && usualShare >= 0) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "negative share %.2f vs usual %.2f",
              (double) bucket.negative() / bucket.volume(),
              usualShare));
    }
    reasons.add(String.format(Locale.ROOT, "total volume %d", bucket.volume()));
    reasons.add(String.format(Locale.ROOT, "evidence %.1f deviations", evidence));
    if (fromSeverity != null) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "severity %d -> %d",
              fromSeverity,
              severity(bucket.negative(), expected)));
    }
    return reasons;
  }

  private static double weight(double bucketMs, double memoryMs) {
    return 1 - Math.exp(-bucketMs / memoryMs);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
