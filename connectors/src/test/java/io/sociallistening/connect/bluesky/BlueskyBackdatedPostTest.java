package io.sociallistening.connect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.connect.SourceTaskRun;
import io.sociallistening.connect.bluesky.WebSocketFixture.Script;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueskyBackdatedPostTest {
  private static final long WALL = Instant.parse("2026-01-05T11:00:00Z").toEpochMilli();
  private final SourceTaskRun run = new SourceTaskRun(WALL);
  private WebSocketFixture server;

  @AfterEach
  void close() {
    run.close();
    if (server != null) {
      server.close();
    }
  }

  private static String post(String rkey, long timeUs, String createdAt) {
    return "{\"did\":\"did:plc:x\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"commit\",\"commit\":{"
        + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
        + rkey
        + "\",\"record\":{\"text\":\"acme is late\",\"createdAt\":\""
        + createdAt
        + "\"}}}";
  }

  /**
   * createdAt is written by the client; backdated posts (year 0001, 1969...) exist on the network.
   * Connect's AbstractWorkerSourceTask#convertTransformedRecord calls
   * ConnectUtils.checkAndConvertTimestamp, which throws InvalidRecordException for any timestamp
   * below -1, outside the error-tolerance operator: the task dies, and since the offset of that
   * record is never committed it dies again on the same post after every restart.
   */
  @Test
  void shouldStampABackdatedPostWithItsFetchTimeNotANegativeTimestamp()
      throws InterruptedException {
    long t = WALL * 1000;
    server =
        new WebSocketFixture(
            Script.send(
                List.of(
                    post("3aaa", t + 1, "0001-01-01T00:00:00.000Z"),
                    post("3bbb", t + 2, "1969-07-20T20:17:00.000Z"))));
    BlueskySourceTask task =
        run.start(
            new BlueskySourceTask(run.time),
            Map.of("bluesky.jetstream.url", server.url(), "bluesky.keywords", "acme"),
            Map.of());
    List<SourceRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (out.size() < 2 && System.nanoTime() < deadline) {
      List<SourceRecord> b = task.poll();
      if (b != null) {
        out.addAll(b);
      }
    }
    assertThat(out).hasSize(2);
    assertThat(out)
        .extracting(SourceRecord::timestamp)
        .allSatisfy(ts -> assertThat(ts).isGreaterThanOrEqualTo(WALL));
  }
}
