package io.sociallistening.connect.bluesky;

import static io.sociallistening.connect.SourceTaskRun.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.OffsetStub;
import io.sociallistening.connect.SourceTaskRun;
import io.sociallistening.connect.bluesky.WebSocketFixture.Script;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueskySourceTaskTest {
  private static final long WALL = Instant.parse("2026-01-05T11:00:00Z").toEpochMilli();
  private static final List<String> EVENTS = events();
  private static final String ALICE = "bluesky:at://did:plc:alice/app.bsky.feed.post/3la1";
  private static final String CAROL = "bluesky:at://did:plc:carol/app.bsky.feed.post/3lc3";
  private static final String DAN = "bluesky:at://did:plc:dan/app.bsky.feed.post/3ld4";
  private static final String FAY = "bluesky:at://did:plc:fay/app.bsky.feed.post/3lf7";
  private static final String SUBSCRIBE = "/subscribe?wantedCollections=app.bsky.feed.post";

  private final SourceTaskRun run = new SourceTaskRun(WALL);
  private final FakeTime time = run.time;
  private final OffsetStub offsets = run.offsets;
  private WebSocketFixture server;

  @AfterEach
  void close() {
    run.close();
    if (server != null) {
      server.close();
    }
  }

  private static List<String> events() {
    try (InputStream in =
        BlueskySourceTaskTest.class.getResourceAsStream("/bluesky/events.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(int... indexes) {
    List<String> out = new ArrayList<>();
    for (int i : indexes) {
      out.add(EVENTS.get(i));
    }
    return out;
  }

  private BlueskySourceTask start(Script... scripts) {
    if (server == null) {
      server = new WebSocketFixture(scripts);
    }
    return run.start(
        new BlueskySourceTask(time),
        Map.of("bluesky.jetstream.url", server.url(), "bluesky.keywords", "acme, Skyways"),
        Map.of());
  }

  /** Polls until {@code count} records arrived or 10 s of real time passed. */
  private static List<SourceRecord> pollFor(BlueskySourceTask task, int count)
      throws InterruptedException {
    List<SourceRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (out.size() < count && System.nanoTime() < deadline) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        out.addAll(batch);
      }
    }
    return out;
  }

  @Test
  void shouldKeepOnlyPostsHoldingAKeywordAsAWholeWord() throws InterruptedException {
    BlueskySourceTask task = start(Script.send(EVENTS));

    List<SourceRecord> records = pollFor(task, 4);

    assertThat(keys(records)).containsExactly(ALICE, CAROL, DAN, FAY);
    assertThat(task.malformedMessages()).isEqualTo(2L);
    Struct alice = (Struct) records.get(0).value();
    assertThat(alice.getString("platform")).isEqualTo("BLUESKY");
    assertThat(alice.getString("id")).isEqualTo("at://did:plc:alice/app.bsky.feed.post/3la1");
    assertThat(alice.getString("url"))
        .isEqualTo("https://bsky.app/profile/did:plc:alice/post/3la1");
    assertThat(alice.getString("text")).isEqualTo("Acme Air lost my bag again");
    assertThat(alice.getStruct("author").getString("handle")).isEqualTo("did:plc:alice");
    assertThat(alice.getStruct("author").getString("url"))
        .isEqualTo("https://bsky.app/profile/did:plc:alice");
    assertThat(alice.getString("language")).isEqualTo("en");
    assertThat(alice.get("createdAt")).isEqualTo(Date.from(Instant.parse("2026-01-05T10:00:00Z")));
    assertThat(alice.get("fetchedAt")).isNotNull();
    assertThat(alice.getStruct("engagement")).isNull();
    assertThat(alice.getString("source")).isEqualTo("bluesky:jetstream");
    Struct carol = (Struct) records.get(1).value();
    assertThat(carol.getString("inReplyTo"))
        .isEqualTo("at://did:plc:alice/app.bsky.feed.post/3la1");
    assertThat(carol.getString("repostOf")).isEqualTo("at://did:plc:zed/app.bsky.feed.post/3lz9");
    assertThat(carol.get("createdAt")).isEqualTo(Date.from(Instant.parse("2026-01-05T10:00:04Z")));
    Struct dan = (Struct) records.get(2).value();
    assertThat(dan.getString("language")).isEqualTo("de");
    assertThat(dan.get("createdAt")).isEqualTo(new Date(1767607200006L));
    assertThat(records.get(1).sourcePartition()).isEqualTo(Map.of("jetstream", server.url()));
    assertThat(records.get(1).sourceOffset())
        .isEqualTo(
            Map.of("time_us", 1767607200005000L, "keys", "did:plc:alice/3la1 did:plc:carol/3lc3"));
    assertThat(records.get(1).timestamp()).isEqualTo(1767607204000L);
    assertThat(server.requests()).containsExactly(SUBSCRIBE);
  }

  @Test
  void shouldResumeAfterRestartFromTheCursorWithNoGapAndNoDuplicate() throws InterruptedException {
    BlueskySourceTask first =
        start(Script.send(lines(0, 5, 6)), Script.send(lines(0, 5, 6, 9, 10)));
    List<SourceRecord> before = pollFor(first, 3);
    assertThat(keys(before)).containsExactly(ALICE, CAROL, DAN);
    offsets.commit(before.get(1).sourcePartition(), before.get(1).sourceOffset());
    first.stop();

    BlueskySourceTask second = start();
    List<SourceRecord> after = pollFor(second, 2);

    assertThat(keys(after)).containsExactly(DAN, FAY);
    assertThat(second.duplicatesDropped()).isEqualTo(2L);
    assertThat(server.requests())
        .containsExactly(SUBSCRIBE, SUBSCRIBE + "&cursor=1767607198005000");
  }

  /** A Jetstream commit creating a post "acme is late" with the {@code createdAt} its app wrote. */
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
   * {@code createdAt} is whatever the posting app wrote; backdated posts (year 0001, 1969) exist.
   * Connect refuses a record timestamp below -1 outside its error tolerance: the task would die,
   * and again on the same post after every restart.
   */
  @Test
  void shouldStampABackdatedPostWithItsFetchTimeNotANegativeTimestamp()
      throws InterruptedException {
    long t = WALL * 1000;
    BlueskySourceTask task =
        start(
            Script.send(
                List.of(
                    post("3aaa", t + 1, "0001-01-01T00:00:00.000Z"),
                    post("3bbb", t + 2, "1969-07-20T20:17:00.000Z"))));

    List<SourceRecord> out = pollFor(task, 2);

    assertThat(out).extracting(SourceRecord::timestamp).containsExactly(WALL, WALL);
  }

  @Test
  void shouldResubscribeWhenAnOpenConnectionFallsSilent() throws InterruptedException {
    // the first connection stays open but sends nothing after three events (a half-open path)
    BlueskySourceTask task = start(Script.send(lines(0, 5, 9)), Script.send(lines(5, 9, 6)));
    List<SourceRecord> first = pollFor(task, 2);
    assertThat(task.poll()).isNull();

    time.advance(60_001);
    List<SourceRecord> after = pollFor(task, 1);

    assertThat(keys(first)).containsExactly(ALICE, CAROL);
    assertThat(keys(after)).containsExactly(DAN);
    assertThat(task.duplicatesDropped()).isEqualTo(1L);
    assertThat(server.requests())
        .containsExactly(SUBSCRIBE, SUBSCRIBE + "&cursor=1767607198009000");
  }

  @Test
  void shouldReconnectAfterADroppedConnectionFromTheCursorMinusTheOverlap()
      throws InterruptedException {
    BlueskySourceTask task =
        start(Script.sendThenClose(lines(0, 5, 9)), Script.send(lines(5, 9, 6)));

    List<SourceRecord> records = pollFor(task, 3);

    assertThat(keys(records)).containsExactly(ALICE, CAROL, DAN);
    assertThat(task.duplicatesDropped()).isEqualTo(1L);
    assertThat(server.requests())
        .containsExactly(SUBSCRIBE, SUBSCRIBE + "&cursor=1767607198009000");
    assertThat(time.sleeps).containsExactly(1000L);
  }

  @Test
  void shouldRetryAHandshakeRefusedWith429AfterRetryAfter() throws InterruptedException {
    BlueskySourceTask task = start(Script.refuse(429, "3"), Script.send(lines(0)));

    List<SourceRecord> records = pollFor(task, 1);

    assertThat(keys(records)).containsExactly(ALICE);
    assertThat(server.requests()).containsExactly(SUBSCRIBE, SUBSCRIBE);
    assertThat(time.sleeps).containsExactly(1000L, 1000L, 1000L);
  }

  @Test
  void shouldBackOffWhenTheHandshakeFailsWith5xx() throws InterruptedException {
    BlueskySourceTask task =
        start(Script.refuse(502, null), Script.refuse(503, null), Script.send(lines(0)));

    List<SourceRecord> records = pollFor(task, 1);

    assertThat(keys(records)).containsExactly(ALICE);
    assertThat(server.requests()).hasSize(3);
    assertThat(time.sleeps).containsExactly(1000L, 1000L, 1000L);
  }

  @Test
  void shouldFailNamingTheUrlWhenTheHandshakeIsRefusedWith401() {
    BlueskySourceTask task = start(Script.refuse(401, null));

    assertThatThrownBy(task::poll)
        .isInstanceOf(ConnectException.class)
        .hasMessage(
            "HTTP 401 from WebSocket handshake with "
                + server.url()
                + "?wantedCollections=app.bsky.feed.post (authentication refused): check"
                + " bluesky.jetstream.url");
  }

  @Test
  void shouldTakeTheFirehoseTimeForACreatedAtNoDateCanHold() throws Exception {
    // "+292278995-01-01T00:00:00Z" parses but overflows epoch milliseconds: the task failed on
    // the post, and again after every restart, since it resumed before it
    String post =
        "{\"did\":\"did:plc:evil\",\"time_us\":1767610800000000,\"kind\":\"commit\","
            + "\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
            + "\"rkey\":\"3x1\",\"record\":{\"text\":\"acme rocks\","
            + "\"createdAt\":\"+292278995-01-01T00:00:00Z\"}}}";
    BlueskySourceTask task = start(Script.send(List.of(post)));

    List<SourceRecord> out = pollFor(task, 1);

    assertThat(out).hasSize(1);
    assertThat(((Struct) out.get(0).value()).get("createdAt"))
        .isEqualTo(Date.from(Instant.parse("2026-01-05T11:00:00Z")));
    assertThat(JetstreamEvent.createdAt("9999-12-31T23:59:59Z", 1_767_610_800_000_000L))
        .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(JetstreamEvent.createdAt("-0001-12-31T00:00:00Z", 1_767_610_800_000_000L))
        .isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
  }
}
