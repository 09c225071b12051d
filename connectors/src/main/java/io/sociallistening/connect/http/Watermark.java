package io.sociallistening.connect.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * What a feed has already delivered, small enough for a source offset: the newest item time
 * delivered and the keys of the items delivered within {@code window} of it. The unit of time is
 * the source's own (seconds for Hacker News and Reddit, ms for feeds, µs for Jetstream).
 *
 * <p>An item at time {@code t} with key {@code k} is covered (already delivered, or too old) when
 * {@code t < newest - window}, or when {@code k} was delivered at {@code t} or later. With a window
 * of 0 this is "the newest time plus the keys at that time": a restart from the committed offset
 * re-reads the boundary instant and skips only what was delivered, so there is no gap and no
 * duplicate. A wider window also catches items that arrive late (a search index that lags, a
 * firehose replayed with some overlap). At most {@code maxKeys} keys are kept, the oldest going
 * first: an evicted key can only cause a duplicate, never a gap.
 *
 * <p>In a source offset it is two primitive fields (Connect offsets hold only primitives), named by
 * the source's {@link Fields}: the newest time and the kept keys joined by one separator; and, when
 * some delivered items are dated after the newest time ({@link #add(long, String, long)}), a third,
 * {@link Fields#ahead()}: those keys each as {@code <time>=<key>}, so that a restart still knows
 * them as delivered at their own time.
 */
public final class Watermark {
  /** No limit on the keys kept. */
  public static final int ALL_KEYS = Integer.MAX_VALUE;

  /**
   * Where a source keeps its watermark in an offset: the field of the newest time, the field of the
   * keys and the character joining the keys (keys must not contain it; see {@link #storable}).
   */
  public record Fields(String time, String keys, char separator) {
    /** {@code key} with the separator replaced by a space (a newline separator), or unchanged. */
    public String storable(String key) {
      return key.indexOf(separator) < 0 ? key : key.replace(separator, ' ');
    }

    /** The field of the keys dated after the newest time: {@code keys} + {@code "_ahead"}. */
    public String ahead() {
      return keys + "_ahead";
    }
  }

  /** A kept key; {@code seq} orders keys of the same time as they were added. */
  private record Entry(long time, long seq, String key) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong(Entry::time).thenComparingLong(Entry::seq);

  private final long window;
  private final int maxKeys;
  private final PriorityQueue<Entry> entries = new PriorityQueue<>(ORDER);
  private final Map<String, Entry> keys = new HashMap<>();
  private long newest = Long.MIN_VALUE;
  private long seq;

  /** An empty watermark: it covers nothing until an item is added. */
  public Watermark(long window, int maxKeys) {
    if (window < 0 || maxKeys < 1) {
      throw new IllegalArgumentException("window " + window + ", maxKeys " + maxKeys);
    }
    this.window = window;
    this.maxKeys = maxKeys;
  }

  /** A watermark that covers everything before {@code time} and nothing from it on. */
  public static Watermark at(long time, long window, int maxKeys) {
    Watermark w = new Watermark(window, maxKeys);
    w.newest = time;
    return w;
  }

  /**
   * The watermark of a committed offset written with the same {@code fields}, or null when there is
   * none.
   *
   * @throws ConnectException if the offset has no numeric time field
   */
  public static Watermark fromOffset(
      Map<String, Object> offset, Fields fields, long window, int maxKeys) {
    if (offset == null) {
      return null;
    }
    if (!(offset.get(fields.time()) instanceof Number n)) {
      throw new ConnectException(
          "Committed offset " + offset + " has no numeric '" + fields.time() + "'");
    }
    Watermark w = at(n.longValue(), window, maxKeys);
    for (String key : split(offset.get(fields.keys()), fields.separator())) {
      w.add(w.newest, key);
    }
    for (String entry : split(offset.get(fields.ahead()), fields.separator())) {
      int equals = entry.indexOf('=');
      try {
        long time = Long.parseLong(entry.substring(0, Math.max(0, equals)));
        w.add(time, entry.substring(equals + 1), w.newest);
      } catch (NumberFormatException e) {
        throw new ConnectException(
            "Committed offset field '"
                + fields.ahead()
                + "' holds '"
                + entry
                + "', not <time>=<key>");
      }
    }
    return w;
  }

  private static List<String> split(Object text, char separator) {
    List<String> out = new ArrayList<>();
    String s = text == null ? "" : text.toString();
    int start = 0;
    while (start < s.length()) {
      int sep = s.indexOf(separator, start);
      int end = sep < 0 ? s.length() : sep;
      if (end > start) {
        out.add(s.substring(start, end));
      }
      start = end + 1;
    }
    return out;
  }

  /**
   * The offset map {@code {time: newest, keys: "k1<separator>k2"}}, keys oldest first, those of one
   * time in the order they were added.
   */
  public Map<String, Object> toOffset(Fields fields) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    StringBuilder b = new StringBuilder();
    StringBuilder ahead = new StringBuilder();
    for (Entry e : sorted) {
      if (e.time() > newest) {
        if (ahead.length() > 0) {
          ahead.append(fields.separator());
        }
        ahead.append(e.time()).append('=').append(e.key());
        continue;
      }
      if (b.length() > 0) {
        b.append(fields.separator());
      }
      b.append(e.key());
    }
    return ahead.length() == 0
        ? Map.of(fields.time(), newest, fields.keys(), b.toString())
        : Map.of(
            fields.time(), newest, fields.keys(), b.toString(), fields.ahead(), ahead.toString());
  }

  /** Whether an item at {@code time} with {@code key} was delivered already (or is too old). */
  public boolean covers(long time, String key) {
    if (isEmpty()) {
      return false;
    }
    Entry at = keys.get(key);
    return time < floor() || (at != null && at.time() >= time);
  }

  /** Whether an item at {@code time} is older than everything this watermark tracks. */
  public boolean before(long time) {
    return !isEmpty() && time < floor();
  }

  /** Records a delivered item. */
  public void add(long time, String key) {
    add(time, key, Long.MAX_VALUE);
  }

  /**
   * Records a delivered item without moving the newest time past {@code maxNewest} (the fetch
   * time): an item dated in the future (a scheduled post, a typo in the year) is still known as
   * delivered, but does not make every item published after it look older than the newest.
   */
  public void add(long time, String key, long maxNewest) {
    long t = Math.min(time, maxNewest);
    if (t > newest) {
      newest = t;
    }
    Entry entry = new Entry(time, seq++, key);
    Entry previous = keys.put(key, entry);
    if (previous != null) {
      entries.remove(previous);
    }
    entries.add(entry);
    long floor = floor();
    while (!entries.isEmpty() && (entries.peek().time() < floor || entries.size() > maxKeys)) {
      keys.remove(entries.poll().key());
    }
  }

  /** Whether nothing was ever added, restored or set. */
  public boolean isEmpty() {
    return newest == Long.MIN_VALUE;
  }

  /** The newest time delivered, or {@link Long#MIN_VALUE} if none. */
  public long newest() {
    return newest;
  }

  /** How many keys are kept. */
  public int size() {
    return keys.size();
  }

  private long floor() {
    return newest - window;
  }
}
