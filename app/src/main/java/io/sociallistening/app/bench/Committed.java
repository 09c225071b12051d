package io.sociallistening.app.bench;

/**
 * One observation of an application under test: at {@code nanos} ({@link System#nanoTime()}) it had
 * committed {@code records} records of the raw topic (the sum of its committed offsets).
 */
record Committed(long nanos, long records) {

  /**
   * Records of the raw topic an application must have committed before its timing starts: the
   * warm-up, or with none its first commit, so that its start-up, first rebalance and state
   * restoration stay out of the rate (the full pipeline's take longer than the pass-through's).
   */
  static long timingStartsAt(long warmup) {
    return Math.max(1, warmup);
  }

  /**
   * Records per second committed from {@code start} to this observation: what the application did
   * between the two, however far past the warm-up it already was at {@code start}.
   */
  double rateSince(Committed start) {
    return (records - start.records) * 1e9 / (nanos - start.nanos);
  }
}
