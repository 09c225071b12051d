package io.sociallistening.connect.http;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds of one polling task (Reddit listings, Mastodon timelines) that their server refused
 * with a status of their own, so that one bad feed does not stop the others: 403 (a private or
 * quarantined subreddit), 404 (a subreddit deleted or renamed, a tag endpoint gone), 410, and any
 * other status that retrying cannot fix ({@link HttpStatusException}) except 401, which concerns
 * the credentials every feed of the task shares. 408, 425, 429 and 5xx never get here: they are
 * retried through the task's {@link RequestGate}.
 *
 * <p>A refused feed is logged at WARN with its URL and status, counted ({@link #count()}), and read
 * again after a backoff of its own: the poll interval after the first refusal, twice as long after
 * each further one in a row, at most the larger of the poll interval and {@code
 * <prefix>.retry.backoff.max.ms}. A successful read ({@link #read}) resets it. The task's other
 * feeds keep their schedule.
 *
 * <p>When every feed of the task was refused at its first answered read since start (none was read
 * before), {@link #refused} fails the task with a {@link ConnectException} naming each refusal
 * (status and URL) and the config keys to check: that is a configuration error (every subreddit
 * misspelled, a token without the scope to read), not one feed gone.
 */
public final class FeedRefusals {
  private static final Logger LOG = LoggerFactory.getLogger(FeedRefusals.class);

  private final List<String> names;
  private final Backoff backoff;
  private final String configKeys;
  private final int[] inARow;
  private final boolean[] answered;
  private final String[] refusedFirst;
  private int refusedAtFirstRead;
  private boolean anyRead;
  private volatile long count;

  /**
   * For the feeds named {@code names} (in the order of the task's {@link PollSchedule}), read every
   * {@code pollInterval}, with {@code maxBackoff} the longest wait of the task's backoff and {@code
   * configKeys} the keys that list the feeds (for the message when every feed is refused).
   */
  public FeedRefusals(
      List<String> names, Duration pollInterval, Duration maxBackoff, String configKeys) {
    this.names = List.copyOf(names);
    this.backoff =
        new Backoff(
            pollInterval, maxBackoff.compareTo(pollInterval) > 0 ? maxBackoff : pollInterval);
    this.configKeys = configKeys;
    this.inARow = new int[names.size()];
    this.answered = new boolean[names.size()];
    this.refusedFirst = new String[names.size()];
  }

  /** True when {@code e} concerns one feed's URL; false for 401 (the credentials of every feed). */
  public static boolean feedScoped(HttpStatusException e) {
    return e.status() != 401;
  }

  /**
   * Records that feed {@code index} was refused with {@code e} at {@code nowMs}; returns the time
   * (ms, the task's clock) at which it is due again.
   *
   * @throws HttpStatusException {@code e} itself when it is not {@link #feedScoped}
   * @throws ConnectException when every feed was refused at its first read
   */
  public long refused(int index, HttpStatusException e, long nowMs) {
    if (!feedScoped(e)) {
      throw e;
    }
    count++;
    inARow[index]++;
    if (!answered[index]) {
      answered[index] = true;
      refusedFirst[index] = e.getMessage();
      refusedAtFirstRead++;
      if (!anyRead && refusedAtFirstRead == names.size()) {
        throw new ConnectException(
            "Every feed of the task was refused at its first read (check "
                + configKeys
                + "): "
                + String.join("; ", refusedFirst),
            e);
      }
    }
    long wait = backoff.waitMs(inARow[index]);
    LOG.warn(
        "Feed {} refused ({} in a row, {} refused reads so far), reading it again in {} ms, the"
            + " other feeds go on: {}",
        names.get(index),
        inARow[index],
        count,
        wait,
        e.getMessage());
    return nowMs + wait;
  }

  /** Records a successful read of feed {@code index}: its backoff starts again. */
  public void read(int index) {
    inARow[index] = 0;
    answered[index] = true;
    anyRead = true;
  }

  /** Refused reads since start, of all feeds. */
  public long count() {
    return count;
  }

  /** Refusals of feed {@code index} since its last successful read. */
  public int inARow(int index) {
    return inARow[index];
  }
}
