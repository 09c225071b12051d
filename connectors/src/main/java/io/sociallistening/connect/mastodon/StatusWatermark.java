package io.sociallistening.connect.mastodon;

import java.util.Map;
import java.util.TreeSet;

/**
 * What one timeline has delivered, small enough for a source offset: the newest status id and the
 * ids delivered within the lookback below it.
 *
 * <p>Mastodon ids are snowflakes, {@code <ms since the epoch> << 16} plus a sequence, and a remote
 * status gets the id of its own {@code published} time, not of its arrival: a status that federates
 * late lands below the ids already read. So a read starts at {@link #minId()}, the id of the newest
 * status delivered minus the lookback ({@code lookback ms << 16}), and keeps the statuses that
 * {@link #covers} does not: those above that floor whose id was not delivered. At most {@code
 * maxIds} ids are kept; when more were delivered within the lookback, the floor rises to the oldest
 * id kept, which bounds both the offset and the statuses a read goes over again.
 *
 * <p>Ids that are not snowflakes (not decimal, or older than 2017, as on servers that only speak
 * Mastodon's API) get no overlap: reads start at the newest id and keep only newer ones, compared
 * as {@link MastodonStatuses#ID_ORDER} does.
 *
 * <p>Offset {@code {"id": "<newest id>", "ids": "<ids kept, oldest first, space separated>"}}; an
 * offset without {@code ids} (written before the lookback existed) restores the newest id alone.
 */
final class StatusWatermark {
  static final String ID = "id";
  static final String IDS = "ids";

  /** The smallest snowflake this reads as one: 2017-01-01T00:00:00Z, shifted. */
  static final long FIRST_SNOWFLAKE = 1_483_228_800_000L << 16;

  private final long window;
  private final int maxIds;
  private final TreeSet<Long> ids = new TreeSet<>();
  private String newest;
  private long newestValue = -1;

  /** An empty watermark: it covers nothing until a status is added. */
  StatusWatermark(long lookbackMs, int maxIds) {
    if (lookbackMs < 0 || lookbackMs > Long.MAX_VALUE >> 17 || maxIds < 1) {
      throw new IllegalArgumentException("lookback " + lookbackMs + " ms, maxIds " + maxIds);
    }
    this.window = lookbackMs << 16;
    this.maxIds = maxIds;
  }

  /** The watermark of a committed offset, or an empty one when there is none. */
  static StatusWatermark fromOffset(Map<String, Object> offset, long lookbackMs, int maxIds) {
    StatusWatermark w = new StatusWatermark(lookbackMs, maxIds);
    Object id = offset == null ? null : offset.get(ID);
    if (id == null) {
      return w;
    }
    w.add(id.toString());
    Object kept = offset.get(IDS);
    if (kept != null && w.overlapping()) {
      for (String s : kept.toString().split(" ")) {
        long v = snowflake(s);
        if (v >= 0 && v <= w.newestValue) {
          w.add(s);
        }
      }
    }
    return w;
  }

  /** The offset: the newest id and the ids kept, oldest first. */
  Map<String, Object> toOffset() {
    StringBuilder b = new StringBuilder();
    for (long v : ids) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(v);
    }
    return Map.of(ID, newest, IDS, b.toString());
  }

  /** The {@code min_id} a read starts at, or null before the first status. */
  String minId() {
    if (newest == null || !overlapping()) {
      return newest;
    }
    return Long.toString(floor() - 1);
  }

  /** Whether the status {@code id} was delivered already (or is below the floor). */
  boolean covers(String id) {
    if (newest == null) {
      return false;
    }
    long v = snowflake(id);
    if (v < 0 || newestValue < 0) {
      return MastodonStatuses.ID_ORDER.compare(id, newest) <= 0;
    }
    return v < floor() || ids.contains(v);
  }

  /** Records a delivered status. */
  void add(String id) {
    long v = snowflake(id);
    if (v < 0 || (newest != null && newestValue < 0)) {
      // not a snowflake (or a timeline that started without them): the newest id only
      if (newest == null || MastodonStatuses.ID_ORDER.compare(id, newest) > 0) {
        newest = id;
        newestValue = v;
        ids.clear();
        if (v >= 0) {
          ids.add(v);
        }
      }
      return;
    }
    if (v > newestValue) {
      newest = id;
      newestValue = v;
    }
    ids.add(v);
    long floor = newestValue - effectiveWindow();
    while (!ids.isEmpty() && ids.first() < floor) {
      ids.pollFirst();
    }
    while (ids.size() > maxIds) {
      ids.pollFirst();
    }
  }

  /** How many ids are kept. */
  int size() {
    return ids.size();
  }

  /** Ids below this are covered: the lookback's floor, or the oldest id kept when full. */
  private long floor() {
    long floor = newestValue - effectiveWindow();
    return ids.size() >= maxIds ? Math.max(floor, ids.first()) : floor;
  }

  private boolean overlapping() {
    return effectiveWindow() > 0;
  }

  private long effectiveWindow() {
    return newestValue >= FIRST_SNOWFLAKE ? window : 0;
  }

  /** The id as a number, or -1 if it is not a plain decimal {@code long}. */
  static long snowflake(String id) {
    if (id.isEmpty() || id.length() > 19) {
      return -1;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
