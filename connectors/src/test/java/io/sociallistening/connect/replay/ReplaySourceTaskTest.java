package io.sociallistening.connect.replay;

import static io.sociallistening.connect.SourceTaskRun.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.OffsetStub;
import io.sociallistening.connect.SourceTaskRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTaskTest {
  private static final String FIVE = "classpath:replay/five.jsonl";
  private static final long T0 = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final long DAY = 86_400_000;
  private static final long WALL = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();

  private final SourceTaskRun run = new SourceTaskRun(WALL);
  private final FakeTime time = run.time;
  private final OffsetStub offsets = run.offsets;

  @AfterEach
  void close() {
    run.close();
  }

  private ReplaySourceTask start(Map<String, String> overrides) {
    return run.start(
        new ReplaySourceTask(time),
        Map.of("replay.file", FIVE, "replay.rebase", "false", "replay.speedup", "0"),
        overrides);
  }

  @Test
  void shouldEmitInFileOrderPacedByCreatedAtDividedBySpeedup() throws InterruptedException {
    ReplaySourceTask task = start(Map.of("replay.speedup", "600"));
    List<String> emitted = new ArrayList<>();
    List<Long> emittedAt = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      List<SourceRecord> batch = task.poll();
      for (String key : keys(batch)) {
        emitted.add(key);
        emittedAt.add(time.milliseconds() - WALL);
      }
    }

    assertThat(emitted)
        .containsExactly("bluesky:p0", "bluesky:p1", "bluesky:p2", "bluesky:p3", "bluesky:p4");
    assertThat(emittedAt).containsExactly(0L, 100L, 200L, 300L, 400L);
    assertThat(time.sleeps).containsExactly(100L, 100L, 100L, 100L, 1_000L);
  }

  @Test
  void shouldEmitAsFastAsPossibleInBatchesWithSpeedupZero() throws InterruptedException {
    ReplaySourceTask task = start(Map.of("replay.batch.size", "2"));

    assertThat(keys(task.poll())).containsExactly("bluesky:p0", "bluesky:p1");
    assertThat(keys(task.poll())).containsExactly("bluesky:p2", "bluesky:p3");
    assertThat(keys(task.poll())).containsExactly("bluesky:p4");
    assertThat(time.sleeps).isEmpty();
    assertThat(task.poll()).isNull();
  }

  @Test
  void shouldKeepTimestampsAndWriteTheMentionStructWithoutRebase() throws InterruptedException {
    List<SourceRecord> records = start(Map.of()).poll();

    SourceRecord r = records.get(3);
    Struct value = (Struct) r.value();
    assertThat(r.topic()).isEqualTo("social.mentions.raw");
    assertThat(r.timestamp()).isEqualTo(T0 + 3 * MINUTE);
    assertThat(value.get("createdAt")).isEqualTo(new Date(T0 + 3 * MINUTE));
    assertThat(value.getString("text")).isEqualTo("post 3 about acme air");
    assertThat(r.sourcePartition()).isEqualTo(Map.of("file", FIVE));
    assertThat(r.sourceOffset()).isEqualTo(Map.of("line", 4L, "shift", 0L, "loop", 0L));
  }

  @Test
  void shouldShiftByWholeDaysSoTheLastRecordLandsWithinTheDayBeforeTheFirstStart()
      throws InterruptedException {
    List<SourceRecord> records = start(Map.of("replay.rebase", "true")).poll();

    // T0 + 4 min is 2026-01-05T10:04Z, the start 2026-03-01T12:00Z: 55 days later, same time of
    // day.
    long shift = 55 * DAY;
    long last = Instant.parse("2026-03-01T10:04:00Z").toEpochMilli();
    assertThat(records)
        .extracting(SourceRecord::timestamp)
        .containsExactly(
            last - 4 * MINUTE, last - 3 * MINUTE, last - 2 * MINUTE, last - MINUTE, last);
    assertThat(((Struct) records.get(0).value()).get("fetchedAt"))
        .isEqualTo(new Date(T0 + 500 + shift));
    assertThat(records.get(4).sourceOffset())
        .isEqualTo(Map.of("line", 5L, "shift", shift, "loop", 0L));
  }

  @Test
  void shouldRebaseByWholeDaysOnly() {
    assertThat(ReplaySourceTask.rebaseShift(T0 + 4 * MINUTE, WALL)).isEqualTo(55 * DAY);
    assertThat(ReplaySourceTask.rebaseShift(WALL - 1, WALL)).isZero();
    assertThat(ReplaySourceTask.rebaseShift(WALL - DAY, WALL)).isEqualTo(DAY);
    assertThat(ReplaySourceTask.rebaseShift(WALL + 1, WALL)).isEqualTo(-DAY);
  }

  @Test
  void shouldResumeAfterTheCommittedLineWithTheCommittedShift() throws InterruptedException {
    Map<String, String> props = Map.of("replay.rebase", "true", "replay.batch.size", "2");
    ReplaySourceTask first = start(props);
    List<SourceRecord> firstBatch = first.poll();
    SourceRecord last = firstBatch.get(1);
    run.commit(last);
    first.stop();
    time.advance(3_600_000);

    ReplaySourceTask second = start(props);
    List<SourceRecord> rest = new ArrayList<>(second.poll());
    rest.addAll(second.poll());

    assertThat(keys(firstBatch)).containsExactly("bluesky:p0", "bluesky:p1");
    assertThat(keys(rest)).containsExactly("bluesky:p2", "bluesky:p3", "bluesky:p4");
    assertThat(rest.get(0).timestamp())
        .isEqualTo(Instant.parse("2026-03-01T10:02:00Z").toEpochMilli());
    assertThat(rest.get(2).sourceOffset().get("shift")).isEqualTo(last.sourceOffset().get("shift"));
  }

  @Test
  void shouldSkipAndCountMalformedLines() throws InterruptedException {
    ReplaySourceTask task = start(Map.of("replay.file", "classpath:replay/malformed.jsonl"));

    List<SourceRecord> records = task.poll();

    assertThat(keys(records))
        .containsExactly("bluesky:p0", "bluesky:p1", "bluesky:p2", "bluesky:p3");
    assertThat(records.stream().map(r -> (Object) r.sourceOffset().get("line")).toList())
        .containsExactly(1L, 3L, 5L, 7L);
    assertThat(((Struct) records.get(3).value()).getString("text")).isEmpty();
    assertThat(task.malformedLines()).isEqualTo(3);
  }

  @Test
  void shouldReadGzipFilesByPath(@TempDir Path dir) throws IOException, InterruptedException {
    Path gz = dir.resolve("five.jsonl.gz");
    try (InputStream in = getClass().getResourceAsStream("/replay/five.jsonl");
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }

    List<SourceRecord> records = start(Map.of("replay.file", gz.toString())).poll();

    assertThat(keys(records)).hasSize(5).startsWith("bluesky:p0").endsWith("bluesky:p4");
    assertThat(records.get(0).sourcePartition()).isEqualTo(Map.of("file", gz.toString()));
  }

  @Test
  void shouldLoopWithNewIdsAndLaterTimestamps() throws InterruptedException {
    ReplaySourceTask task = start(Map.of("replay.loop", "true", "replay.batch.size", "7"));

    List<SourceRecord> records = task.poll();

    assertThat(keys(records))
        .containsExactly(
            "bluesky:p0",
            "bluesky:p1",
            "bluesky:p2",
            "bluesky:p3",
            "bluesky:p4",
            "bluesky:p0-r1",
            "bluesky:p1-r1");
    assertThat(records.get(5).timestamp()).isEqualTo(T0 + 5 * MINUTE);
    assertThat(records.get(6).sourceOffset())
        .isEqualTo(Map.of("line", 2L, "shift", 5 * MINUTE, "loop", 1L));
  }

  @Test
  void shouldReturnNothingOnceStopped() throws InterruptedException {
    ReplaySourceTask task = start(Map.of("replay.batch.size", "1"));
    task.poll();

    task.stop();

    assertThat(task.poll()).isNull();
  }

  @Test
  void shouldReplayTheWholeBundledSample() throws InterruptedException {
    ReplaySourceTask task = start(Map.of("replay.file", "classpath:sample/mentions.jsonl.gz"));
    int count = 0;
    List<SourceRecord> batch;
    while ((batch = task.poll()) != null) {
      count += batch.size();
    }

    assertThat(count).isEqualTo(9775);
    assertThat(task.malformedLines()).isZero();
  }

  @Test
  void shouldEndALoopedReplayWhenAWholePassFindsNoValidMention(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wrong.jsonl");
    Files.writeString(file, "id,text\n1,hello\n", StandardCharsets.UTF_8);
    ReplaySourceTask task = start(Map.of("replay.file", file.toString(), "replay.loop", "true"));

    CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> poll(task));
    List<SourceRecord> first;
    try {
      first = poll.get(5, TimeUnit.SECONDS);
    } finally {
      Files.delete(file); // were it still reading, the next reopen fails and ends the poll
    }

    assertThat(first).isNull();
    assertThat(task.malformedLines()).isEqualTo(2L);
    assertThat(task.poll()).isNull();
    assertThat(task.malformedLines()).isEqualTo(2L);
  }

  @Test
  void shouldStopWithoutWaitingForAPollThatIsPacing() throws Exception {
    CountDownLatch pacing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Time blocking =
        new Time() {
          @Override
          public long milliseconds() {
            return time.milliseconds();
          }

          @Override
          public long nanoseconds() {
            return time.nanoseconds();
          }

          @Override
          public void sleep(long ms) {
            pacing.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            time.sleep(ms);
          }

          @Override
          public void waitObject(Object o, Supplier<Boolean> condition, long deadlineMs) {
            throw new UnsupportedOperationException();
          }
        };
    ReplaySourceTask task =
        run.start(
            new ReplaySourceTask(blocking),
            Map.of("replay.file", FIVE, "replay.rebase", "false", "replay.speedup", "1"),
            Map.of("replay.batch.size", "1"));
    assertThat(keys(task.poll())).containsExactly("bluesky:p0");
    CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> poll(task));
    assertThat(pacing.await(5, TimeUnit.SECONDS)).isTrue();

    try {
      CompletableFuture.runAsync(task::stop).get(5, TimeUnit.SECONDS);
    } finally {
      release.countDown();
    }

    assertThat(poll.get(5, TimeUnit.SECONDS)).isNull();
    assertThat(task.poll()).isNull();
  }

  private static List<SourceRecord> poll(ReplaySourceTask task) {
    try {
      return task.poll();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
