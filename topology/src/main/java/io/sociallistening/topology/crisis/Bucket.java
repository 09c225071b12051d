package io.sociallistening.topology.crisis;

/**
 * One closed bucket of one series, as fed to {@link CrisisDetector}.
 *
 * @param start bucket start, epoch milliseconds (inclusive)
 * @param end bucket end, epoch milliseconds (exclusive)
 * @param volume all mentions in the bucket
 * @param negative negative mentions in the bucket ({@code 0 <= negative <= volume})
 */
public record Bucket(long start, long end, long volume, long negative) {

  public Bucket {
    if (end <= start) {
      throw new IllegalArgumentException("bucket end " + end + " must be after start " + start);
    }
    if (volume < 0 || negative < 0 || negative > volume) {
      throw new IllegalArgumentException(
          "bucket counts must satisfy 0 <= negative <= volume, got negative="
              + negative
              + " volume="
              + volume);
    }
  }
}
