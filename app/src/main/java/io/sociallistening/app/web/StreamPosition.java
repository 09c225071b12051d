package io.sociallistening.app.web;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * How far an alert-stream client has got in the alerts topic: per partition, the offset after the
 * last alert it has had. It is the {@code id} of every event of the stream ({@code
 * 0:1523,1:1498,2:1610}), so a client that reconnects with it as {@code Last-Event-ID} (as an
 * EventSource does by itself) gets what was published in between. The offsets are the topic's, so
 * the id means the same to every instance and across restarts.
 */
public final class StreamPosition {
  /** More partitions than any alerts topic has; bounds what a {@code Last-Event-ID} may name. */
  static final int MAX_PARTITIONS = 10_000;

  private final TreeMap<Integer, Long> next;

  private StreamPosition(Map<Integer, Long> next) {
    this.next = new TreeMap<>(next);
  }

  /** A copy of {@code next}: partition to the offset after the last alert had from it. */
  public static StreamPosition of(Map<Integer, Long> next) {
    return new StreamPosition(next);
  }

  /**
   * Reads an event id, as {@link #id()} writes it.
   *
   * @throws BadParameter when {@code id} is not {@code partition:offset} pairs separated by commas,
   *     each partition once, both non-negative, at most {@value #MAX_PARTITIONS} pairs
   */
  public static StreamPosition parse(String id) {
    TreeMap<Integer, Long> next = new TreeMap<>();
    String[] pairs = id.split(",", -1);
    if (pairs.length > MAX_PARTITIONS) {
      throw bad(id);
    }
    for (String pair : pairs) {
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw bad(id);
      }
      try {
        int partition = Integer.parseInt(pair.substring(0, colon));
        long offset = Long.parseLong(pair.substring(colon + 1));
        if (partition < 0 || offset < 0 || next.put(partition, offset) != null) {
          throw bad(id);
        }
      } catch (NumberFormatException e) {
        throw bad(id);
      }
    }
    return new StreamPosition(next);
  }

  private static BadParameter bad(String id) {
    String shown = id.length() > 80 ? id.substring(0, 80) + "..." : id;
    return new BadParameter(
        "Last-Event-ID must be an id this stream sent (partition:offset pairs separated by"
            + " commas), not '"
            + shown
            + "'");
  }

  /** The offset after the last alert had from {@code partition}; 0 when none was. */
  public long next(int partition) {
    return next.getOrDefault(partition, 0L);
  }

  /** Whether the client has had the alert at {@code offset} of {@code partition}. */
  public boolean covers(int partition, long offset) {
    return offset < next(partition);
  }

  /** This position once the client has had the alert at {@code offset} of {@code partition}. */
  public StreamPosition after(int partition, long offset) {
    if (covers(partition, offset)) {
      return this;
    }
    StreamPosition moved = new StreamPosition(next);
    moved.next.put(partition, offset + 1);
    return moved;
  }

  /** This position with {@code next} for {@code partition}, whatever it was. */
  public StreamPosition with(int partition, long next) {
    StreamPosition moved = new StreamPosition(this.next);
    moved.next.put(partition, next);
    return moved;
  }

  public boolean isEmpty() {
    return next.isEmpty();
  }

  /** The event id: {@code partition:offset} pairs by partition, separated by commas. */
  public String id() {
    StringJoiner out = new StringJoiner(",");
    next.forEach((partition, offset) -> out.add(partition + ":" + offset));
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StreamPosition position && position.next.equals(next);
  }

  @Override
  public int hashCode() {
    return next.hashCode();
  }

  @Override
  public String toString() {
    return id();
  }
}
