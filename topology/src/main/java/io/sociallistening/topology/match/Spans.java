package io.sociallistening.topology.match;

import java.util.Arrays;

/** A growable list of token spans {@code [start, end]} (inclusive positions) in one post. */
final class Spans {

  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int size;

  void add(int start, int end) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  int size() {
    return size;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }
}
