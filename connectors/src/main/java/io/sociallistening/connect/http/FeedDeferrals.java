package io.sociallistening.connect.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds of one polling task (RSS feeds, Hacker News queries) whose last reads failed in a
 * retriable way ({@link RetryLaterException}: 408, 425, 429, 5xx, timeouts and I/O errors once the
 * {@link HttpPoller}'s attempts ran out, or a {@code Retry-After} too long to wait in place), so
 * that a feed that keeps failing is not read more often than its poll interval, and less often the
 * longer it fails.
 *
 * <p>A deferred feed is logged at WARN with its name, counted ({@link #count()}) and read again
 * after a backoff of its own, counted from the start of the failed read: the poll interval after
 * the first failed read, twice as long after each further one in a row, at most the larger of the
 * poll interval and the task's longest retry backoff ({@code http.retry.backoff.max.ms}); and never
 * before the time the server asked for ({@link RetryLaterException#retryAtMs()}, its {@code
 * Retry-After} or rate-limit reset, at most {@link HttpErrors#MAX_SERVER_WAIT_MS} ahead). A read
 * the server answered ({@link #answered}: a success, a malformed body, a refusal) resets it. The
 * task's other feeds keep their schedule.
 */
public final class FeedDeferrals {
  private static final Logger LOG = LoggerFactory.getLogger(FeedDeferrals.class);

  private final List<String> names;
  private final Backoff backoff;
  private final int[] inARow;
  private volatile long count;

  /**
   * For the feeds named {@code names} (in the order of the task's {@link PollSchedule}), read every
   * {@code pollInterval}, with {@code maxBackoff} the longest wait of the task's retry backoff.
   */
  public FeedDeferrals(List<String> names, Duration pollInterval, Duration maxBackoff) {
    this.names = List.copyOf(names);
    this.backoff =
        new Backoff(
            pollInterval, maxBackoff.compareTo(pollInterval) > 0 ? maxBackoff : pollInterval);
    this.inARow = new int[names.size()];
  }

  /**
   * Records that the read of feed {@code index} begun at {@code startMs} failed with {@code e};
   * returns the time (ms, the task's clock) at which the feed is due again.
   */
  public long deferred(int index, RetryLaterException e, long startMs) {
    count++;
    inARow[index]++;
    long dueMs = Math.max(HttpErrors.after(startMs, backoff.waitMs(inARow[index])), e.retryAtMs());
    LOG.warn(
        "Feed {} failed ({} in a row, {} deferred reads so far), reading it again at {}, the other"
            + " feeds go on: {}",
        names.get(index),
        inARow[index],
        count,
        Instant.ofEpochMilli(dueMs),
        e.getMessage());
    return dueMs;
  }

  /** Records that the server answered a read of feed {@code index}: its backoff starts again. */
  public void answered(int index) {
    inARow[index] = 0;
  }

  /** Deferred reads since start, of all feeds. */
  public long count() {
    return count;
  }

  /** Deferred reads of feed {@code index} since the server last answered it. */
  public int inARow(int index) {
    return inARow[index];
  }
}
