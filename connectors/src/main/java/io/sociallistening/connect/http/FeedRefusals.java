package io.sociallistening.connect.http;

import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds of one polling task (Reddit listings, Mastodon timelines, RSS feeds, Hacker News
 * queries) that their server refused with a status of their own, so that one bad feed does not stop
 * the others. Which statuses ({@link HttpStatusException}, a status that retrying cannot fix) are
 * the feed's own is the task's choice: for Reddit and Mastodon every one but 401 ({@link
 * #ALL_BUT_401}: 403 a private or quarantined subreddit, 404 a subreddit deleted or renamed or a
 * tag endpoint gone, 410...), 401 concerning the credentials every feed of the task shares; for
 * RSS, whose feeds share no credentials and no host, every one ({@link #ANY}); for Hacker News,
 * whose queries share one endpoint, only 400 (the search refused that query's text). A status that
 * is not the feed's own is thrown back to fail the task. 408, 425, 429 and 5xx never get here: they
 * are retried by the task's {@link HttpPoller} or {@link RequestGate}.
 *
 * <p>A refused feed is logged at WARN with its URL and status, counted ({@link #count()}), and read
 * again after a backoff of its own: the poll interval after the first refusal, twice as long after
 * each further one in a row, at most the larger of the poll interval and the task's longest retry
 * backoff ({@code <prefix>.retry.backoff.max.ms}, {@code http.retry.backoff.max.ms} for RSS and
 * Hacker News). A successful read ({@link #read}) resets it. The task's other feeds keep their
 * schedule.
 *
 * <p>When every feed of the task was refused at its first answered read since start, and none was
 * ever read (none read since start, none with a committed offset: {@link #readBefore}), {@link
 * #refused} fails the task with a {@link ConnectException} naming each refusal (status and URL) and
 * the config keys to check: that is a configuration error (every subreddit misspelled, a token
 * without the scope to read, every feed URL wrong), not one feed gone. A feed read before a restart
 * that is refused after it (a bot wall, a site moving, a subreddit private for a while) is backed
 * off like any other refusal.
 */
public final class FeedRefusals {
  private static final Logger LOG = LoggerFactory.getLogger(FeedRefusals.class);

  /** Every status but 401 is the feed's own: the feeds share credentials, not URLs. */
  public static final IntPredicate ALL_BUT_401 = status -> status != 401;

  /** Every status is the feed's own: the feeds share nothing. */
  public static final IntPredicate ANY = status -> true;

  private final List<String> names;
  private final IntPredicate ownStatus;
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
   * configKeys} the keys that list the feeds (for the message when every feed is refused); every
   * status but 401 is a feed's own ({@link #ALL_BUT_401}).
   */
  public FeedRefusals(
      List<String> names, Duration pollInterval, Duration maxBackoff, String configKeys) {
    this(names, pollInterval, maxBackoff, configKeys, ALL_BUT_401);
  }

  /**
   * As {@link #FeedRefusals(List, Duration, Duration, String)}, with {@code ownStatus} telling the
   * statuses that refuse one feed only; any other fails the task.
   */
  public FeedRefusals(
      List<String> names,
      Duration pollInterval,
      Duration maxBackoff,
      String configKeys,
      IntPredicate ownStatus) {
    this.names = List.copyOf(names);
    this.ownStatus = ownStatus;
    this.backoff =
        new Backoff(
            pollInterval, maxBackoff.compareTo(pollInterval) > 0 ? maxBackoff : pollInterval);
    this.configKeys = configKeys;
    this.inARow = new int[names.size()];
    this.answered = new boolean[names.size()];
    this.refusedFirst = new String[names.size()];
  }

  /** True when {@code e} concerns one feed only; false when it concerns every feed of the task. */
  public boolean feedScoped(HttpStatusException e) {
    return ownStatus.test(e.status());
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

  /**
   * Records which feeds, in the order of the names, were read before this start (they have a
   * committed offset): if any was, the feeds worked once, and refusals now are not a configuration
   * error that fails the task.
   */
  public void readBefore(List<Boolean> read) {
    anyRead |= read.contains(true);
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
