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

  /**
   * Sorts the spans by start, then end, and drops repeated ones: operands of a NEAR chain give the
   * same span for many pairs of words, which would otherwise multiply at every link of the chain.
   */
  void sortDistinct() {
    long[] keyed = new long[size];
    for (int i = 0; i < size; i++) {
      keyed[i] = (long) starts[i] << 32 | ends[i];
    }
    Arrays.sort(keyed);
    int kept = 0;
    for (int i = 0; i < keyed.length; i++) {
      if (i == 0 || keyed[i] != keyed[i - 1]) {
        starts[kept] = (int) (keyed[i] >>> 32);
        ends[kept] = (int) keyed[i];
        kept++;
      }
    }
    size = kept;
  }

  /** The largest {@code end - start}, 0 if none. */
  int widest() {
    int widest = 0;
    for (int i = 0; i < size; i++) {
      widest = Math.max(widest, ends[i] - starts[i]);
    }
    return widest;
  }

  /** The first span, of spans sorted by start, that starts at or after {@code start}. */
  int firstStartingFrom(int start) {
    int low = 0;
    int high = size;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (starts[middle] < start) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
