package io.sociallistening.app.bench;

/**
 * When each record of the paced phase is due: record {@code i} at {@code i / rate} seconds after
 * the start, on the monotonic clock (to wait for it) and on the wall clock (to stamp it with). A
 * record is stamped with the time it was due, not the time it was sent: a producer that falls
 * behind (blocked in {@code send}, descheduled on a busy machine) would otherwise start each late
 * record's clock late and hide its delay from the latencies (coordinated omission).
 *
 * @param startNanos {@link System#nanoTime()} at the start
 * @param startMillis {@link System#currentTimeMillis()} at the same moment
 * @param rate records per second
 */
record PacedSchedule(long startNanos, long startMillis, double rate) {
  PacedSchedule {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + rate);
    }
  }

  /** When record {@code i} is due, on the {@link System#nanoTime()} clock. */
  long dueNanos(long i) {
    return startNanos + (long) (i * 1e9 / rate);
  }

  /**
   * When record {@code i} is due, in epoch milliseconds: never after the wall-clock time at which
   * it is sent, since it is sent at or after {@link #dueNanos}.
   */
  long dueMillis(long i) {
    return startMillis + (long) (i * 1e3 / rate);
  }
}
