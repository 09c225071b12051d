package io.sociallistening.connect.replay;

/**
 * Maps timeline time to wall-clock time: the first record seen is due at once, each later one when
 * the wall clock has advanced by its distance in the timeline divided by the speed-up. A speed-up
 * of 0 makes every record due at once. Records earlier than the anchor are due at once too.
 */
final class Pacer {
  private final double speedup;
  private long anchorWall = Long.MIN_VALUE;
  private long anchorTimeline;

  Pacer(double speedup) {
    this.speedup = speedup;
  }

  /** Wall-clock millis at which a record with timeline time {@code timelineMs} is due. */
  long dueAt(long timelineMs, long nowMs) {
    if (speedup == 0) {
      return nowMs;
    }
    if (anchorWall == Long.MIN_VALUE) {
      anchorWall = nowMs;
      anchorTimeline = timelineMs;
    }
    return anchorWall + (long) Math.ceil((timelineMs - anchorTimeline) / speedup);
  }
}
