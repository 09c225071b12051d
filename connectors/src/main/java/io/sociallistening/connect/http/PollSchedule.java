package io.sociallistening.connect.http;

import java.util.List;

/**
 * When each of a task's feeds is next due. All feeds are due at start; a feed read in full is due
 * again one interval later, one with more to read at once. Among due feeds the one due longest is
 * read first, so a busy feed cannot starve the others.
 */
public final class PollSchedule<F> {
  private final List<F> feeds;
  private final long[] dueMs;

  public PollSchedule(List<F> feeds, long startMs) {
    this.feeds = List.copyOf(feeds);
    this.dueMs = new long[feeds.size()];
    java.util.Arrays.fill(dueMs, startMs);
  }

  /** Index of the feed due first. */
  public int next() {
    int best = 0;
    for (int i = 1; i < dueMs.length; i++) {
      if (dueMs[i] < dueMs[best]) {
        best = i;
      }
    }
    return best;
  }

  public F feed(int index) {
    return feeds.get(index);
  }

  /** Milliseconds until feed {@code index} is due at {@code nowMs}; 0 if due. */
  public long waitMs(int index, long nowMs) {
    return Math.max(0, dueMs[index] - nowMs);
  }

  /** Milliseconds until feed {@code index} is due and {@code gate} lets a request go; 0 if both. */
  public long waitMs(int index, long nowMs, RequestGate gate) {
    return Math.max(gate.waitMs(nowMs), waitMs(index, nowMs));
  }

  /** Feed {@code index} is next due at {@code atMs}. */
  public void dueAt(int index, long atMs) {
    dueMs[index] = atMs;
  }

  public int size() {
    return feeds.size();
  }
}
