package io.sociallistening.topology.crisis;

import java.util.List;

/**
 * A lifecycle event of one crisis episode of one series.
 *
 * @param type what happened to the episode
 * @param episodeId the opening bucket start as a decimal string (callers prefix the series key,
 *     e.g. the brand)
 * @param severity 1..10; for RESOLVED the peak severity of the episode
 * @param score anomaly score 0..1 of the bucket that caused the event
 * @param bucketStart start of that bucket, epoch ms
 * @param bucketEnd end of that bucket, epoch ms
 * @param expected expected negative count for that bucket from the baseline
 * @param observed observed negative count in that bucket
 * @param reasons human-readable evidence, in a fixed order
 */
public record CrisisEvent(
    Type type,
    String episodeId,
    int severity,
    double score,
    long bucketStart,
    long bucketEnd,
    double expected,
    double observed,
    List<String> reasons) {

  /** Lifecycle of an episode: OPENED, then any number of ESCALATED, then RESOLVED. */
  public enum Type {
    OPENED,
    ESCALATED,
    RESOLVED
  }

  public CrisisEvent {
    reasons = List.copyOf(reasons);
  }
}
