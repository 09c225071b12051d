package io.sociallistening.connect.social;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What a feed has already delivered, in a form small enough for a source offset: the newest time
 * seen and the keys of the items within {@code window} of it. An item is new unless it is older
 * than {@code newest - window} or its key is among the kept ones. With a window of 0 this is
 * "newest time plus the ids at that time"; a wider window also catches items that arrive late (a
 * search index that lags, a firehose replayed from a cursor with some overlap) without delivering
 * anything twice. At most {@code maxKeys} keys are kept (the oldest go first; an evicted key can
 * only cause a duplicate, never a gap).
 */
public final class Watermark {
  private record Entry(long time, String key) {}

  private final long window;
  private final int maxKeys;
  private final PriorityQueue<Entry> entries =
      new PriorityQueue<>(Comparator.comparingLong(Entry::time));
  private final Set<String> keys = new HashSet<>();
  private long newest = Long.MIN_VALUE;

  public Watermark(long window, int maxKeys) {
    if (window < 0 || maxKeys < 1) {
      throw new IllegalArgumentException("window " + window + ", maxKeys " + maxKeys);
    }
    this.window = window;
    this.maxKeys = maxKeys;
  }

  /**
   * A watermark at {@code newest} holding {@code keysText} (space separated, see {@link
   * #keysText}).
   */
  public static Watermark restore(long window, int maxKeys, long newest, String keysText) {
    Watermark w = new Watermark(window, maxKeys);
    w.newest = newest;
    if (keysText != null && !keysText.isEmpty()) {
      int start = 0;
      while (start <= keysText.length()) {
        int space = keysText.indexOf(' ', start);
        int end = space < 0 ? keysText.length() : space;
        if (end > start) {
          w.add(newest, keysText.substring(start, end));
        }
        start = end + 1;
      }
    }
    return w;
  }

  /** Whether an item at {@code time} with {@code key} was delivered already (or is too old). */
  public boolean covers(long time, String key) {
    if (newest == Long.MIN_VALUE) {
      return false;
    }
    return time < floor() || keys.contains(key);
  }

  /** Whether an item at {@code time} is older than everything this watermark tracks. */
  public boolean before(long time) {
    return newest != Long.MIN_VALUE && time < floor();
  }

  /** Records a delivered item. */
  public void add(long time, String key) {
    if (time > newest) {
      newest = time;
    }
    if (keys.add(key)) {
      entries.add(new Entry(time, key));
    }
    long floor = floor();
    while (!entries.isEmpty() && (entries.peek().time() < floor || entries.size() > maxKeys)) {
      keys.remove(entries.poll().key());
    }
  }

  /** Whether nothing was ever added or restored. */
  public boolean isEmpty() {
    return newest == Long.MIN_VALUE;
  }

  /** The newest time seen, or {@link Long#MIN_VALUE} if none. */
  public long newest() {
    return newest;
  }

  /** The kept keys, oldest first, separated by one space (keys must not contain spaces). */
  public String keysText() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::time).thenComparing(Entry::key));
    StringBuilder b = new StringBuilder();
    for (Entry e : sorted) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(e.key());
    }
    return b.toString();
  }

  private long floor() {
    return newest - window;
  }
}
