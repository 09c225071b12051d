package io.sociallistening.topology.crisis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Everything {@link CrisisDetector} remembers about one series between buckets: the baseline
 * (level, deviation, usual negative share, hour-of-day and day-of-week profiles, all on the
 * Anscombe-transformed negative count) and the episode lifecycle (run of anomalous buckets, the
 * open episode, the cooldown end) and the tail statistics of the evidence (last bucket's evidence,
 * long-run mean and variance of the two-bucket mean; the hour-scale evidence and the long-run mean
 * and variance of its standardised value).
 *
 * <p>Immutable. {@link #toBytes()} writes a versioned binary form (format version byte, then fixed
 * fields via {@link DataOutputStream}; 372 bytes) so the state can live in a Kafka Streams
 * key-value store; {@link #fromBytes(byte[])} reads every version it knows and rejects others.
 */
public final class CrisisState {

  static final int HOURS = 24;
  static final int DAYS = 7;
  private static final byte FORMAT_V1 = 1;
  private static final byte FORMAT_V2 = 2;
  private static final byte FORMAT_V3 = 3;
  private static final byte FORMAT_V4 = 4;
  private static final CrisisState INITIAL =
      new CrisisState(
          0,
          Long.MIN_VALUE,
          0,
          0,
          -1,
          new double[HOURS],
          new double[DAYS],
          0,
          false,
          0,
          0,
          0,
          0,
          Long.MIN_VALUE,
          0,
          0,
          0,
          1,
          0,
          0,
          1);

  private final long seen;
  private final long lastStart;
  private final double level;
  private final double deviation;
  private final double share;
  private final double[] daily;
  private final double[] weekly;
  private final int run;
  private final boolean open;
  private final long episodeStart;
  private final int reportedSeverity;
  private final int peakSeverity;
  private final int calm;
  private final long openAllowedFrom;
  private final double cusum;
  private final double evidence;
  private final double tailMean;
  private final double tailVariance;
  private final double hourEvidence;
  private final double hourTailMean;
  private final double hourTailVariance;

  CrisisState(
      long seen,
      long lastStart,
      double level,
      double deviation,
      double share,
      double[] daily,
      double[] weekly,
      int run,
      boolean open,
      long episodeStart,
      int reportedSeverity,
      int peakSeverity,
      int calm,
      long openAllowedFrom,
      double cusum,
      double evidence,
      double tailMean,
      double tailVariance,
      double hourEvidence,
      double hourTailMean,
      double hourTailVariance) {
    if (daily.length != HOURS || weekly.length != DAYS) {
      throw new IllegalArgumentException("profiles must have 24 and 7 slots");
    }
    this.seen = seen;
    this.lastStart = lastStart;
    this.level = level;
    this.deviation = deviation;
    this.share = share;
    this.daily = daily.clone();
    this.weekly = weekly.clone();
    this.run = run;
    this.open = open;
    this.episodeStart = episodeStart;
    this.reportedSeverity = reportedSeverity;
    this.peakSeverity = peakSeverity;
    this.calm = calm;
    this.openAllowedFrom = openAllowedFrom;
    this.cusum = cusum;
    this.evidence = evidence;
    this.tailMean = tailMean;
    this.tailVariance = tailVariance;
    this.hourEvidence = hourEvidence;
    this.hourTailMean = hourTailMean;
    this.hourTailVariance = hourTailVariance;
  }

  /** The state of a series that has seen no bucket. */
  public static CrisisState initial() {
    return INITIAL;
  }

  /** Buckets the baseline has seen. */
  public long bucketsSeen() {
    return seen;
  }

  /** The id of the open episode (its opening bucket start), if one is open. */
  public Optional<String> openEpisode() {
    return open ? Optional.of(Long.toString(episodeStart)) : Optional.empty();
  }

  long seen() {
    return seen;
  }

  long lastStart() {
    return lastStart;
  }

  double level() {
    return level;
  }

  double deviation() {
    return deviation;
  }

  /** Usual negative share, or -1 before any non-empty bucket. */
  double share() {
    return share;
  }

  double daily(int hour) {
    return daily[hour];
  }

  double weekly(int day) {
    return weekly[day];
  }

  double[] dailyCopy() {
    return daily.clone();
  }

  double[] weeklyCopy() {
    return weekly.clone();
  }

  int run() {
    return run;
  }

  boolean open() {
    return open;
  }

  long episodeStart() {
    return episodeStart;
  }

  int reportedSeverity() {
    return reportedSeverity;
  }

  int peakSeverity() {
    return peakSeverity;
  }

  int calm() {
    return calm;
  }

  long openAllowedFrom() {
    return openAllowedFrom;
  }

  /** Accumulated evidence of a sustained rise (one-sided CUSUM, in deviations). */
  double cusum() {
    return cusum;
  }

  /** Evidence of the last bucket (deviations, at least 0), for the two-bucket mean. */
  double evidence() {
    return evidence;
  }

  /** Long-run mean of the two-bucket mean evidence, including spikes. */
  double tailMean() {
    return tailMean;
  }

  /** Long-run variance of the two-bucket mean evidence, including spikes. */
  double tailVariance() {
    return tailVariance;
  }

  /** Hour-scale evidence: exponentially weighted mean of the bucket evidence over about an hour. */
  double hourEvidence() {
    return hourEvidence;
  }

  /** Long-run mean of the standardised hour-scale evidence, including spikes. */
  double hourTailMean() {
    return hourTailMean;
  }

  /** Long-run variance of the standardised hour-scale evidence, including spikes. */
  double hourTailVariance() {
    return hourTailVariance;
  }

  /** Versioned binary form; see the class comment. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(372);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_V4);
      out.writeLong(seen);
      out.writeLong(lastStart);
      out.writeDouble(level);
      out.writeDouble(deviation);
      out.writeDouble(share);
      for (double v : daily) {
        out.writeDouble(v);
      }
      for (double v : weekly) {
        out.writeDouble(v);
      }
      out.writeInt(run);
      out.writeBoolean(open);
      out.writeLong(episodeStart);
      out.writeByte(reportedSeverity);
      out.writeByte(peakSeverity);
      out.writeInt(calm);
      out.writeLong(openAllowedFrom);
      out.writeDouble(cusum);
      out.writeDouble(evidence);
      out.writeDouble(tailMean);
      out.writeDouble(tailVariance);
      out.writeDouble(hourEvidence);
      out.writeDouble(hourTailMean);
      out.writeDouble(hourTailVariance);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads the form written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException on an unknown format version or truncated bytes
   */
  public static CrisisState fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty crisis state");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readByte();
      if (version < FORMAT_V1 || version > FORMAT_V4) {
        throw new IllegalArgumentException("unknown crisis state format version " + version);
      }
      long seen = in.readLong();
      long lastStart = in.readLong();
      double level = in.readDouble();
      double deviation = in.readDouble();
      double share = in.readDouble();
      double[] daily = new double[HOURS];
      for (int i = 0; i < HOURS; i++) {
        daily[i] = in.readDouble();
      }
      double[] weekly = new double[DAYS];
      for (int i = 0; i < DAYS; i++) {
        weekly[i] = in.readDouble();
      }
      int run = in.readInt();
      boolean open = in.readBoolean();
      long episodeStart = in.readLong();
      int reported = in.readByte();
      int peak = in.readByte();
      int calm = in.readInt();
      long openAllowedFrom = in.readLong();
      double cusum = version >= FORMAT_V2 ? in.readDouble() : 0;
      double evidence = version >= FORMAT_V3 ? in.readDouble() : 0;
      double tailMean = version >= FORMAT_V3 ? in.readDouble() : 0;
      double tailVariance = version >= FORMAT_V3 ? in.readDouble() : 1;
      double hourEvidence = version >= FORMAT_V4 ? in.readDouble() : 0;
      double hourTailMean = version >= FORMAT_V4 ? in.readDouble() : 0;
      double hourTailVariance = version >= FORMAT_V4 ? in.readDouble() : 1;
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes in crisis state");
      }
      return new CrisisState(
          seen,
          lastStart,
          level,
          deviation,
          share,
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
          evidence,
          tailMean,
          tailVariance,
          hourEvidence,
          hourTailMean,
          hourTailVariance);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated crisis state", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CrisisState s
        && seen == s.seen
        && lastStart == s.lastStart
        && Double.compare(level, s.level) == 0
        && Double.compare(deviation, s.deviation) == 0
        && Double.compare(share, s.share) == 0
        && Arrays.equals(daily, s.daily)
        && Arrays.equals(weekly, s.weekly)
        && run == s.run
        && open == s.open
        && episodeStart == s.episodeStart
        && reportedSeverity == s.reportedSeverity
        && peakSeverity == s.peakSeverity
        && calm == s.calm
        && openAllowedFrom == s.openAllowedFrom
        && Double.compare(cusum, s.cusum) == 0
        && Double.compare(evidence, s.evidence) == 0
        && Double.compare(tailMean, s.tailMean) == 0
        && Double.compare(tailVariance, s.tailVariance) == 0
        && Double.compare(hourEvidence, s.hourEvidence) == 0
        && Double.compare(hourTailMean, s.hourTailMean) == 0
        && Double.compare(hourTailVariance, s.hourTailVariance) == 0;
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(seen);
    h = 31 * h + Long.hashCode(lastStart);
    h = 31 * h + Double.hashCode(level);
    h = 31 * h + Double.hashCode(deviation);
    h = 31 * h + Arrays.hashCode(daily);
    h = 31 * h + Arrays.hashCode(weekly);
    h = 31 * h + run;
    h = 31 * h + (open ? 1 : 0);
    h = 31 * h + Long.hashCode(episodeStart);
    return 31 * h + calm;
  }

  @Override
  public String toString() {
    return "CrisisState[seen="
        + seen
        + ", level="
        + level
        + ", deviation="
        + deviation
        + ", share="
        + share
        + ", run="
        + run
        + ", open="
        + open
        + ", episodeStart="
        + episodeStart
        + ", severity="
        + reportedSeverity
        + ", calm="
        + calm
        + "]";
  }
}
