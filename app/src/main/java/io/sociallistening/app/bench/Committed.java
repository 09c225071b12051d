package io.sociallistening.app.bench;

/**
 * One observation of an application under test: at {@code nanos} ({@link System#nanoTime()}) it had
 * committed {@code records} records of the raw topic (the sum of its committed offsets).
 */
record Committed(long nanos, long records) {

  /**
   * Records per second committed from {@code start} to this observation: what the application did
   * between the two, however far past the warm-up it already was at {@code start}.
   */
  double rateSince(Committed start) {
    return (records - start.records) * 1e9 / (nanos - start.nanos);
  }
}
