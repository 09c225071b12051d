package io.sociallistening.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.SampleMention;
import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.http.ReplayServer;
import io.sociallistening.connect.http.ReplayServer.Reply;
import io.sociallistening.connect.http.RetryLaterException;
import io.sociallistening.connect.http.StallingServer;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSinkTaskTest {
  private static final String TOPIC = "social.alerts";
  private static final String SECRET_PATH = "/services/T0001/B0001/s3cr3t";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReplayServer server = new ReplayServer();
  private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z").toEpochMilli());
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroSerde<Alert> serde = AvroSerde.forValues(Alert.class, registry);
  private final SinkContextStub context = new SinkContextStub(true);
  private WebhookSinkTask task;
  private long offset;

  @AfterEach
  void stop() {
    if (task != null) {
      task.stop();
    }
    server.close();
  }

  private Map<String, String> props(String format) {
    Map<String, String> p = new HashMap<>();
    p.put("webhook.url", server.url(SECRET_PATH));
    p.put("webhook.format", format);
    p.put("schema.registry.url", "http://127.0.0.1:1");
    return p;
  }

  private WebhookSinkTask start(Map<String, String> props, SchemaRegistry r, SinkContextStub c) {
    WebhookSinkTask t = new WebhookSinkTask(time, r);
    t.initialize(c);
    t.start(props);
    return t;
  }

  private WebhookSinkTask start(String format) {
    return start(props(format), registry, context);
  }

  private SinkRecord record(Object value) {
    return new SinkRecord(TOPIC, 0, null, "acme-air", null, value, offset++);
  }

  private SinkRecord record(Alert a) {
    return record(serde.serialize(TOPIC, a));
  }

  private long slept() {
    return time.sleeps.stream().mapToLong(Long::longValue).sum();
  }

  private static void assertJson(String actual, String fixture) throws Exception {
    assertThat(JSON.readTree(actual))
        .isEqualTo(JSON.readTree(ReplayServer.resource("/webhook/" + fixture)));
  }

  static Alert crisis() {
    return Alert.newBuilder()
        .setId("acme-air:crisis:1767607200000:opened")
        .setType(AlertType.CRISIS_OPENED)
        .setBrand("acme-air")
        .setSeverity(8)
        .setEventTime(Instant.parse("2026-01-05T10:00:00Z"))
        .setEpisodeId("acme-air:1767607140000")
        .setSummary("Negative mentions of acme-air at 70% (84 of 120) vs 12% baseline")
        .setMetrics(
            new CrisisMetrics(
                Instant.parse("2026-01-05T09:59:00Z"),
                Instant.parse("2026-01-05T10:00:00Z"),
                120L,
                84L,
                0.7,
                6.5,
                0.12,
                0.93))
        .setTopTerms(List.of("cancelled", "#acmeairfail", "refund"))
        .setTopSources(List.of("bluesky", "reddit"))
        .setReasons(List.of("negative share 70% > 3x baseline", "volume 120 >= 20"))
        .setScore(null)
        .setSamples(
            List.of(
                new SampleMention(
                    "bluesky:3kabc",
                    "https://bsky.app/profile/alice.bsky.social/post/3kabc",
                    "alice.bsky.social",
                    123L,
                    "@AcmeAir cancelled my flight again <3 hours> & no refund",
                    -0.8),
                new SampleMention(
                    "reddit:t3_x", null, "bob", null, "Acme refund still pending", -0.4)))
        .build();
  }

  static Alert lead() {
    return Alert.newBuilder()
        .setId("skyways:lead:hacker_news:42600011")
        .setType(AlertType.LEAD)
        .setBrand("skyways")
        .setSeverity(7)
        .setEventTime(Instant.parse("2026-01-05T09:58:20Z"))
        .setSummary("Lead: asking for alternatives to acme-air")
        .setTopSources(List.of("hacker_news"))
        .setReasons(List.of("asks for a recommendation", "mentions competitor acme-air"))
        .setScore(0.72)
        .setSamples(
            List.of(
                new SampleMention(
                    "hacker_news:42600011",
                    "https://news.ycombinator.com/item?id=42600011",
                    "mira",
                    null,
                    "Thinking of flying Acme Air to Lisbon. Any recommendations vs. Skyways?",
                    0.1)))
        .build();
  }

  @Test
  void shouldPostACrisisAsASlackMessage() throws Exception {
    server.enqueue(Reply.ok("ok", "text/plain"));
    Map<String, String> p = props("slack");
    p.put("webhook.authorization", "Bearer t0k3n");
    task = start(p, registry, context);

    task.put(List.of(record(crisis())));

    ReplayServer.Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(SECRET_PATH);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isEqualTo("Bearer t0k3n");
    assertJson(request.body(), "crisis-slack.json");
    assertThat(task.delivered()).isEqualTo(1);
  }

  @Test
  void shouldPostALeadAsASlackMessage() throws Exception {
    server.enqueue(Reply.ok("ok", "text/plain"));
    task = start("slack");

    task.put(List.of(record(lead())));

    assertJson(server.requests().get(0).body(), "lead-slack.json");
    assertThat(server.requests().get(0).header("Authorization")).isNull();
  }

  @Test
  void shouldPostTheAlertAsPlainJson() throws Exception {
    server.enqueue(Reply.ok("", "text/plain"));
    task = start("JSON");

    task.put(List.of(record(crisis())));

    assertJson(server.requests().get(0).body(), "crisis.json");
  }

  @Test
  void shouldRetryA503ThenDeliver() {
    server.enqueue(Reply.status(503), Reply.ok("ok", "text/plain"));
    task = start("slack");

    task.put(List.of(record(crisis())));

    assertThat(task.delivered()).isEqualTo(1);
    assertThat(task.requests()).isEqualTo(2);
    assertThat(slept()).isEqualTo(1_000);
    assertThat(context.reported).isEmpty();
  }

  @Test
  void shouldWaitTheRetryAfterOf429ThenDeliver() {
    server.enqueue(Reply.status(429).withHeader("Retry-After", "2"), Reply.ok("ok", "text/plain"));
    task = start("slack");

    task.put(List.of(record(crisis())));

    assertThat(task.delivered()).isEqualTo(1);
    assertThat(task.requests()).isEqualTo(2);
    assertThat(slept()).isEqualTo(2_000);
  }

  @Test
  void shouldHandAnAlertStillFailingAfterTheRetriesToTheErrantReporterAndGoOn() {
    server.enqueue(
        Reply.status(503),
        Reply.status(503),
        Reply.status(503),
        Reply.status(503),
        Reply.ok("ok", "text/plain"));
    task = start("slack");
    SinkRecord undeliverable = record(crisis());

    task.put(List.of(undeliverable, record(lead())));

    assertThat(context.reported).containsExactly(undeliverable);
    assertThat(context.errors.get(0))
        .isInstanceOf(RetryLaterException.class)
        .hasMessage(
            "HTTP 503 from POST " + server.url("/...") + " (attempt 4 of 4); giving up for now");
    assertThat(task.deadLettered()).isEqualTo(1);
    assertThat(task.delivered()).isEqualTo(1);
    assertThat(server.requests()).hasSize(5);
    assertThat(slept()).isEqualTo(1_000 + 2_000 + 4_000);
  }

  @Test
  void shouldDeadLetterAnAlertWhoseReplyStallsMidBodyAndGoOn() {
    try (StallingServer stalling = new StallingServer()) {
      Map<String, String> p = props("slack");
      p.put("webhook.url", stalling.url(SECRET_PATH));
      p.put("http.timeout.ms", "300");
      p.put("http.retry.max.attempts", "2");
      task = start(p, registry, context);
      SinkRecord undeliverable = record(crisis());

      task.put(List.of(undeliverable));

      assertThat(context.reported).containsExactly(undeliverable);
      assertThat(context.errors.get(0))
          .isInstanceOf(RetryLaterException.class)
          .hasMessage(
              "HttpTimeoutException: no complete response within 300 ms from POST "
                  + stalling.url("/...")
                  + " (attempt 2 of 2); giving up for now");
      assertThat(stalling.requests()).isEqualTo(2);
    }
  }

  @Test
  void shouldDeadLetterA400WithoutRetrying() {
    server.enqueue(Reply.status(400));
    task = start("slack");

    task.put(List.of(record(crisis())));

    assertThat(context.reported).hasSize(1);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldDeadLetterValuesThatAreNotAlertsWithoutPosting() {
    task = start("slack");
    SinkRecord garbage = record(new byte[] {0, 0, 0, 0, 42, 1, 2});
    SinkRecord struct =
        record(new Struct(org.apache.kafka.connect.data.SchemaBuilder.struct().build()));

    task.put(List.of(garbage, struct, record((Object) null)));

    assertThat(context.reported).containsExactly(garbage, struct);
    assertThat(context.errors).allMatch(e -> e instanceof DataException);
    assertThat(context.errors.get(1))
        .hasMessageEndingWith(
            "set value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldOnlyLogWhenTheWorkerHasNoErrantReporter() {
    server.fallback(Reply.status(404));
    SinkContextStub bare = new SinkContextStub(false);
    task = start(props("slack"), registry, bare);

    task.put(List.of(record(crisis())));

    assertThat(task.deadLettered()).isEqualTo(1);
    assertThat(bare.reported).isEmpty();
  }

  @Test
  void shouldStopOn401WithoutShowingTheSecretPath() {
    server.enqueue(Reply.status(401));
    task = start("slack");

    assertThatThrownBy(() -> task.put(List.of(record(crisis()))))
        .isInstanceOf(ConnectException.class)
        .hasMessageStartingWith(
            "Webhook refused: HTTP 401 from POST "
                + server.url("/...")
                + " (authentication refused)")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void shouldHandTheBatchBackWhileTheRegistryIsDownAndNotRepostOnRedelivery() {
    server.fallback(Reply.ok("ok", "text/plain"));
    SchemaRegistry flaky =
        new SchemaRegistry() {
          private int calls;

          @Override
          public int register(String subject, Schema schema) {
            return registry.register(subject, schema);
          }

          @Override
          public Schema schemaById(int id) {
            if (calls++ == 0) {
              throw new RegistryException("Connection refused", -1);
            }
            return registry.schemaById(id);
          }
        };
    task = start(props("slack"), flaky, context);
    List<SinkRecord> batch = List.of(record(crisis()), record(lead()));

    assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
    assertThat(context.timeouts).containsExactly(1_000L);
    task.put(batch);
    task.put(batch);

    assertThat(server.requests()).hasSize(2);
    assertThat(task.delivered()).isEqualTo(2);
    assertThat(context.reported).isEmpty();
  }

  /** A registry that registers, but answers every schema lookup with {@code error}. */
  private SchemaRegistry failingWith(RegistryException error) {
    return new SchemaRegistry() {
      @Override
      public int register(String subject, Schema schema) {
        return registry.register(subject, schema);
      }

      @Override
      public Schema schemaById(int id) {
        throw error;
      }
    };
  }

  @Test
  void shouldStopOnABare404FromTheRegistryInsteadOfDeadLetteringTheAlert() {
    task =
        start(
            props("slack"),
            failingWith(
                new RegistryException(
                    "HTTP 404 (error code 404, GET http://proxy/schemas/ids/1)", 404)),
            context);

    assertThatThrownBy(() -> task.put(List.of(record(crisis()))))
        .isInstanceOf(ConnectException.class)
        .isNotInstanceOf(RetriableException.class)
        .hasMessage(
            "Schema registry refused: HTTP 404 (error code 404, GET http://proxy/schemas/ids/1);"
                + " check schema.registry.url and its credentials");
    assertThat(context.reported).isEmpty();
    assertThat(task.deadLettered()).isEqualTo(0);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldDeadLetterAnAlertWhoseSchemaIdTheRegistryDoesNotKnow() {
    task =
        start(
            props("slack"),
            failingWith(new RegistryException("Schema 1 not found (error code 40403)", 40403)),
            context);

    task.put(List.of(record(crisis())));

    assertThat(context.reported).hasSize(1);
    assertThat(task.deadLettered()).isEqualTo(1);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldHandTheBatchBackWhileTheRegistryRateLimits() {
    task =
        start(
            props("slack"),
            failingWith(new RegistryException("HTTP 429 (gave up after 3 attempts)", 429)),
            context);

    assertThatThrownBy(() -> task.put(List.of(record(crisis()))))
        .isInstanceOf(RetriableException.class);
    assertThat(context.reported).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void shouldCountAnAlertAsDeliveredWhenTheReplyBodyIsOverTheLimit() {
    server.enqueue(Reply.ok("a".repeat(4096), "text/plain").chunked());
    Map<String, String> p = props("slack");
    p.put("http.max.response.bytes", "1024");
    task = start(p, registry, context);

    task.put(List.of(record(crisis())));

    assertThat(task.delivered()).isEqualTo(1);
    assertThat(task.deadLettered()).isEqualTo(0);
    assertThat(server.requests()).hasSize(1);
    assertThat(context.reported).isEmpty();
  }
}
