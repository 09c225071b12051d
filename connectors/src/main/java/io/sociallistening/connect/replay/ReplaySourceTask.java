package io.sociallistening.connect.replay;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.ListeningSourceTask;
import io.sociallistening.connect.MentionJson;
import io.sociallistening.connect.MentionStruct;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a JSON-lines file of mentions (see {@link MentionJson}) in file order, paced by the gaps
 * between their {@code createdAt} divided by {@code replay.speedup}.
 *
 * <p>Output: key {@code <platform>:<id>} (string schema), value the {@link MentionStruct}, record
 * timestamp {@code createdAt}. With {@code replay.rebase} every timestamp is shifted by whole days,
 * so that the latest {@code createdAt} of the file lands within the day before the first start
 * time: the posts keep their time of day and day-aligned buckets, so every replay of a file gives
 * the same windows and alerts, whenever it starts.
 *
 * <p>Source partition {@code {"file": <replay.file>}}, source offset {@code {"line": <lines
 * consumed>, "shift": <ms>, "loop": <pass>}}: a restarted task skips the committed lines and keeps
 * the committed shift, so it resumes with no gap and no duplicate. Lines that are not a valid
 * mention are skipped, logged at WARN with their line number and counted ({@link
 * #malformedLines()}). With {@code replay.loop}, a pass over the whole file that finds no valid
 * mention ends the replay (logged at WARN) instead of reading the file again and again.
 *
 * <p>{@link #stop()} does not wait for a running {@code poll()}: it marks the task stopped, and the
 * reader is closed by whichever of the two holds the file last.
 */
public final class ReplaySourceTask extends ListeningSourceTask {
  private static final Logger LOG = LoggerFactory.getLogger(ReplaySourceTask.class);
  private static final long DAY_MS = 86_400_000L;

  private ReplaySourceConfig config;
  private Map<String, String> partition;
  private BufferedReader reader;
  private Pacer pacer;
  private long line;
  private long shift;
  private long pass;
  private long loopSpan;
  private Mention pending;
  private long pendingLine;
  private long mentionsThisPass;
  private boolean wholePass;
  private volatile long malformed;
  private boolean finished;
  private volatile boolean stopped;

  /** Held by {@code poll()} and by {@code stop()} while it closes the reader. */
  private final ReentrantLock reading = new ReentrantLock();

  public ReplaySourceTask() {
    this(Time.SYSTEM);
  }

  /** With a clock of the caller's choice, for tests. */
  ReplaySourceTask(Time time) {
    super(time);
  }

  @Override
  public void start(Map<String, String> props) {
    config = new ReplaySourceConfig(props);
    partition = Map.of("file", config.file());
    Map<String, Object> offset = committedOffset(partition);
    Timeline timeline = null;
    if (offset == null || config.loop()) {
      timeline = Timeline.scan(config.file());
    }
    if (offset != null) {
      line = number(offset, "line");
      shift = number(offset, "shift");
      pass = offset.containsKey("loop") ? number(offset, "loop") : 0;
    } else {
      line = 0;
      pass = 0;
      shift =
          config.rebase() && timeline.records() > 0
              ? rebaseShift(timeline.lastMs(), time.milliseconds())
              : 0;
    }
    loopSpan = timeline == null ? 0 : timeline.lastMs() - timeline.firstMs() + 60_000;
    pacer = new Pacer(config.speedup());
    reader = openAt(line);
    wholePass = line == 0;
    LOG.info(
        "Replaying {} to {} from line {} with shift {} ms (pass {})",
        config.file(),
        config.topic(),
        line + 1,
        shift,
        pass);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    reading.lockInterruptibly();
    try {
      return stopped ? null : readBatch();
    } finally {
      if (stopped) {
        closeReader();
      }
      reading.unlock();
    }
  }

  private List<SourceRecord> readBatch() {
    List<SourceRecord> batch = new ArrayList<>();
    boolean waited = false;
    while (batch.size() < config.batchSize() && !stopped) {
      if (pending == null && !advance()) {
        break;
      }
      long timelineMs = pending.getCreatedAt().toEpochMilli() + shift;
      long now = time.milliseconds();
      long due = pacer.dueAt(timelineMs, now);
      if (due > now) {
        if (!batch.isEmpty() || waited) {
          break;
        }
        idle(due - now);
        waited = true;
        continue;
      }
      batch.add(record(pending, pendingLine));
      pending = null;
    }
    if (batch.isEmpty() && finished) {
      idle(MAX_IDLE_MS);
    }
    return batch.isEmpty() ? null : batch;
  }

  /** Lines skipped because they were not a valid mention, since this task started. */
  public long malformedLines() {
    return malformed;
  }

  /**
   * Marks the task stopped and closes the file, unless a {@code poll()} is running: that one closes
   * it as it returns.
   */
  @Override
  public void stop() {
    stopped = true;
    if (reading.tryLock()) {
      try {
        closeReader();
      } finally {
        reading.unlock();
      }
    }
  }

  private void closeReader() {
    try {
      if (reader != null) {
        reader.close();
        reader = null;
      }
    } catch (IOException e) {
      LOG.warn("Cannot close {}: {}", config.file(), e.toString());
    }
  }

  /** Reads the next valid mention into {@code pending}; false at the end of the file. */
  private boolean advance() {
    if (finished) {
      return false;
    }
    try {
      while (!stopped) {
        String text = reader.readLine();
        if (text == null) {
          if (!config.loop() || line == 0) {
            finished = true;
            LOG.info("Replay of {} finished after {} lines", config.file(), line);
            return false;
          }
          if (wholePass && mentionsThisPass == 0) {
            finished = true;
            LOG.warn(
                "Replay of {} finished: {} lines read, none a valid mention; {}=true would read"
                    + " the file again without end",
                config.file(),
                line,
                ReplaySourceConfig.LOOP_CONFIG);
            return false;
          }
          reader.close();
          pass++;
          shift += loopSpan;
          line = 0;
          reader = openAt(0);
          wholePass = true;
          mentionsThisPass = 0;
          continue;
        }
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          pending = MentionJson.read(text);
          pendingLine = line;
          mentionsThisPass++;
          return true;
        } catch (RuntimeException e) {
          malformed++;
          LOG.warn(
              "Skipping malformed line {} of {} ({} so far): {}",
              line,
              config.file(),
              malformed,
              e.getMessage());
        }
      }
      return false;
    } catch (IOException e) {
      throw new ConnectException("Cannot read " + config.file() + " after line " + line, e);
    }
  }

  private SourceRecord record(Mention m, long atLine) {
    m.setCreatedAt(m.getCreatedAt().plusMillis(shift));
    if (m.getFetchedAt() != null) {
      m.setFetchedAt(m.getFetchedAt().plusMillis(shift));
    }
    if (pass > 0) {
      m.setId(m.getId() + "-r" + pass);
    }
    Map<String, Long> offset = Map.of("line", atLine, "shift", shift, "loop", pass);
    return mentionRecord(partition, offset, config.topic(), m);
  }

  private BufferedReader openAt(long skip) {
    try {
      BufferedReader r = MentionLines.open(config.file());
      for (long i = 0; i < skip; i++) {
        if (r.readLine() == null) {
          break;
        }
      }
      return r;
    } catch (IOException e) {
      throw new ConnectException(
          "Cannot open " + ReplaySourceConfig.FILE_CONFIG + "=" + config.file(), e);
    }
  }

  private static long number(Map<String, Object> offset, String key) {
    Object v = offset.get(key);
    if (!(v instanceof Number n)) {
      throw new ConnectException("Committed offset " + offset + " has no numeric '" + key + "'");
    }
    return n.longValue();
  }

  /** First and last createdAt of the valid records of a file. */
  record Timeline(long firstMs, long lastMs, long records) {
    static Timeline scan(String location) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      long records = 0;
      try (BufferedReader r = MentionLines.open(location)) {
        String text;
        while ((text = r.readLine()) != null) {
          if (text.isBlank()) {
            continue;
          }
          try {
            long t = MentionJson.read(text).getCreatedAt().toEpochMilli();
            first = Math.min(first, t);
            last = Math.max(last, t);
            records++;
          } catch (RuntimeException e) {
            // counted and logged when the line is replayed
          }
        }
      } catch (IOException e) {
        throw new ConnectException(
            "Cannot read " + ReplaySourceConfig.FILE_CONFIG + "=" + location, e);
      }
      return records == 0 ? new Timeline(0, 0, 0) : new Timeline(first, last, records);
    }
  }

  /**
   * The whole number of days that moves {@code lastMs} to within the day up to {@code nowMs}
   * (negative for a file dated after now).
   */
  static long rebaseShift(long lastMs, long nowMs) {
    return Math.floorDiv(nowMs - lastMs, DAY_MS) * DAY_MS;
  }
}
