package io.sociallistening.connect.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * How far a time-ordered source has read: the newest item time emitted, and the ids of the items
 * emitted at exactly that time. An item is new when it is later, or at the same time with an id not
 * yet seen, so that a restart from the committed watermark re-reads the boundary instant and skips
 * only what was delivered: no gap and no duplicate. The unit of {@code time} is the source's own
 * (seconds for Hacker News, ms for feeds).
 *
 * <p>In a source offset it is two primitive fields, the time and the ids joined by newlines
 * (Connect offsets hold only primitives).
 */
public record Watermark(long time, Set<String> ids) {
  private static final char SEPARATOR = '\n';

  public Watermark {
    ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
  }

  public static Watermark at(long time) {
    return new Watermark(time, Set.of());
  }

  /** True when an item at {@code itemTime} with {@code id} has not been emitted. */
  public boolean admits(long itemTime, String id) {
    return itemTime > time || (itemTime == time && !ids.contains(id));
  }

  /** The watermark after emitting an item that {@link #admits} it. */
  public Watermark after(long itemTime, String id) {
    if (itemTime > time) {
      return new Watermark(itemTime, Set.of(id));
    }
    Set<String> more = new LinkedHashSet<>(ids);
    more.add(id);
    return new Watermark(time, more);
  }

  /** The offset map {@code {timeKey: time, idsKey: "id1\nid2"}}. */
  public Map<String, Object> toOffset(String timeKey, String idsKey) {
    return Map.of(timeKey, time, idsKey, String.join(String.valueOf(SEPARATOR), ids));
  }

  /**
   * The watermark in a committed offset, or null when there is none.
   *
   * @throws ConnectException if the offset lacks the fields
   */
  public static Watermark fromOffset(Map<String, Object> offset, String timeKey, String idsKey) {
    if (offset == null) {
      return null;
    }
    Object t = offset.get(timeKey);
    Object i = offset.get(idsKey);
    if (!(t instanceof Number n) || !(i instanceof String s)) {
      throw new ConnectException(
          "Committed offset "
              + offset
              + " lacks a numeric '"
              + timeKey
              + "' or a '"
              + idsKey
              + "'");
    }
    Set<String> ids = new LinkedHashSet<>();
    if (!s.isEmpty()) {
      // single-character split: no regex is compiled
      ids.addAll(Arrays.asList(s.split(String.valueOf(SEPARATOR))));
      ids.remove("");
    }
    return new Watermark(n.longValue(), ids);
  }

  /** An id safe to store: newlines replaced by spaces. */
  public static String storable(String id) {
    return id.indexOf(SEPARATOR) < 0 ? id : id.replace(SEPARATOR, ' ');
  }
}
