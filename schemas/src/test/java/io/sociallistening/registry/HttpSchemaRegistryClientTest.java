package io.sociallistening.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.registry.ScriptedHttpServer.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {
  static final Schema V1 =
      SchemaBuilder.record("Thing").namespace("test").fields().requiredString("id").endRecord();
  static final Schema V2 =
      SchemaBuilder.record("Thing")
          .namespace("test")
          .fields()
          .requiredString("id")
          .optionalString("note")
          .endRecord();
  static final Schema NEEDS_COUNT =
      SchemaBuilder.record("Thing")
          .namespace("test")
          .fields()
          .requiredString("id")
          .requiredInt("count")
          .endRecord();

  private EmbeddedSchemaRegistry registry;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void startRegistry() {
    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, new InMemorySchemaStore());
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private HttpSchemaRegistryClient client(String urls, Map<String, Object> extra) {
    Map<String, Object> configs = new HashMap<>(extra);
    configs.put("schema.registry.url", urls);
    configs.putIfAbsent("schema.registry.retries", 3);
    configs.putIfAbsent("schema.registry.retry.backoff.ms", 1);
    configs.putIfAbsent("schema.registry.retry.backoff.max.ms", 2000);
    configs.putIfAbsent("schema.registry.request.timeout.ms", 2000);
    return new HttpSchemaRegistryClient(new SchemaRegistryClientConfig(configs), waits::add);
  }

  private HttpSchemaRegistryClient client(String urls) {
    return client(urls, Map.of());
  }

  @Test
  void shouldRegisterAndAnswerTheSameIdOnReRegistration() {
    HttpSchemaRegistryClient first = client(registry.url());
    HttpSchemaRegistryClient second = client(registry.url());

    assertThat(first.register("things-value", V1)).isEqualTo(1);
    assertThat(first.register("things-value", V1)).isEqualTo(1);
    assertThat(second.register("things-value", V1)).isEqualTo(1);
    assertThat(second.register("other-value", V1)).isEqualTo(1);
    assertThat(second.register("things-value", V2)).isEqualTo(2);
  }

  @Test
  void shouldFetchSchemaById() {
    client(registry.url()).register("things-value", V2);

    assertThat(client(registry.url()).schemaById(1)).isEqualTo(V2);
  }

  @Test
  void shouldReadAWriterSchemaWhoseDefaultDoesNotMatchItsType() {
    String written =
        "{\"type\":\"record\",\"name\":\"Thing\",\"namespace\":\"test\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":null}]}";
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(Answer.of(200, "{\"schema\":" + quoted(written) + "}"))) {

      Schema schema = client(server.url()).schemaById(7);

      assertThat(schema.getField("note").schema().getType()).isEqualTo(Schema.Type.STRING);
      assertThat(schema.toString()).isEqualTo(written);
    }
  }

  @Test
  void shouldBlameTheRecordForASchemaIdThatIsNotAnAvroSchema() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(
            Answer.of(200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"),
            Answer.of(200, "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}"))) {
      HttpSchemaRegistryClient client = client(server.url());

      assertThatThrownBy(() -> client.schemaById(7))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(42201);
                assertThat(e.isRecordAtFault()).isTrue();
              })
          .hasMessage("schema id 7 is a PROTOBUF schema, not Avro");
      assertThatThrownBy(() -> client.schemaById(8))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(42201);
                assertThat(e.isRecordAtFault()).isTrue();
              })
          .hasMessageStartingWith("The registry's schema id 8 is not a valid Avro schema: ");
    }
  }

  @Test
  void shouldBlameTheRecordOnlyForAnUnknownOrUnusableSchema() {
    assertThat(new RegistryException("x", 40403).isRecordAtFault()).isTrue();
    assertThat(new RegistryException("x", 40401).isRecordAtFault()).isTrue();
    assertThat(new RegistryException("x", 42201).isRecordAtFault()).isTrue();
    assertThat(new RegistryException("x", 404).isRecordAtFault()).isFalse();
    assertThat(new RegistryException("x", 50001).isRecordAtFault()).isFalse();
    assertThat(new RegistryException("x", -1).isRecordAtFault()).isFalse();
  }

  @Test
  void shouldLookUpAVersionAndTheLatest() {
    HttpSchemaRegistryClient client = client(registry.url());
    client.register("things-value", V1);
    client.register("things-value", V2);

    assertThat(client.lookup("things-value", V1))
        .isEqualTo(new RegisteredSchema("things-value", 1, 1, V1));
    assertThat(client.latest("things-value"))
        .isEqualTo(new RegisteredSchema("things-value", 2, 2, V2));
  }

  @Test
  void shouldReportAnUnknownSubjectWith40401() {
    assertThatThrownBy(() -> client(registry.url()).latest("nope"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401))
        .hasMessage(
            "Subject 'nope' not found. (error code 40401, GET "
                + registry.url()
                + "/subjects/nope/versions/latest)");
  }

  @Test
  void shouldReportAnUnknownIdWith40403() {
    assertThatThrownBy(() -> client(registry.url()).schemaById(99))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
        .hasMessage(
            "Schema 99 not found (error code 40403, GET " + registry.url() + "/schemas/ids/99)");
  }

  @Test
  void shouldNotTakeA404WithoutARegistryErrorCodeForAnUnknownSchema() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(Answer.of(404, "<html><body>Not Found</body></html>"))) {
      assertThatThrownBy(() -> client(server.url()).schemaById(1))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(404);
                assertThat(e.isNotFound()).isFalse();
              });
    }
    assertThatThrownBy(() -> client(registry.url() + "/wrong-prefix").schemaById(1))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isNotFound()).isFalse());
    assertThatThrownBy(() -> client(registry.url()).schemaById(1))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void shouldReportASchemaMissingFromItsSubjectWith40403() {
    HttpSchemaRegistryClient client = client(registry.url());
    client.register("things-value", V1);

    assertThatThrownBy(() -> client.lookup("things-value", V2))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403))
        .hasMessage(
            "Schema not found (error code 40403, POST "
                + registry.url()
                + "/subjects/things-value)");
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaWith409WithoutRetrying() {
    HttpSchemaRegistryClient client = client(registry.url());
    client.register("things-value", V1);

    assertThatThrownBy(() -> client.register("things-value", NEEDS_COUNT))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessage(
            "Schema being registered is incompatible with an earlier schema for subject"
                + " 'things-value', details: [version 1: BACKWARD READER_FIELD_MISSING_DEFAULT_VALUE"
                + " at /fields/1: count] (error code 409, POST "
                + registry.url()
                + "/subjects/things-value/versions)");
    assertThat(waits).isEmpty();
  }

  @Test
  void shouldEncodeSubjectsAsOnePathSegment() {
    HttpSchemaRegistryClient client = client(registry.url());

    int id = client.register("odd subject/with+chars", V1);

    assertThat(client.latest("odd subject/with+chars"))
        .isEqualTo(new RegisteredSchema("odd subject/with+chars", id, 1, V1));
  }

  @Test
  void shouldSendConfiguredBasicAuthCredentials() {
    try (ScriptedHttpServer server = new ScriptedHttpServer(Answer.of(200, "{\"id\":7}"))) {
      HttpSchemaRegistryClient client =
          client(
              server.url(),
              Map.of(
                  "basic.auth.credentials.source", "USER_INFO",
                  "basic.auth.user.info", "alice:s3cret:x"));

      assertThat(client.register("things-value", V1)).isEqualTo(7);
      assertThat(server.seen())
          .containsExactly(
              new ScriptedHttpServer.Seen(
                  "POST",
                  "/subjects/things-value/versions",
                  "Basic YWxpY2U6czNjcmV0Ong=",
                  "{\"schema\":" + quoted(V1.toString()) + "}"));
    }
  }

  @Test
  void shouldSendCredentialsFromTheUrlWithoutPuttingThemInThePath() {
    try (ScriptedHttpServer server = new ScriptedHttpServer(Answer.of(200, "{\"id\":7}"))) {
      String url = server.url().replace("http://", "http://bob:pw@") + "/";

      client(url).register("s", V1);

      assertThat(server.seen().get(0).authorization()).isEqualTo("Basic Ym9iOnB3");
      assertThat(server.seen().get(0).path()).isEqualTo("/subjects/s/versions");
    }
  }

  @Test
  void shouldRetryA503AndSucceed() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(
            Answer.of(503, "{\"error_code\":50001,\"message\":\"Store down\"}"),
            Answer.of(200, "{\"id\":3}"))) {

      assertThat(client(server.url()).register("s", V1)).isEqualTo(3);
      assertThat(server.seen()).hasSize(2);
      assertThat(waits).hasSize(1);
    }
  }

  @Test
  void shouldWaitWhatRetryAfterAsksOn429() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(
            new Answer(
                429, Map.of("Retry-After", "1"), "{\"error_code\":429,\"message\":\"Slow\"}"),
            Answer.of(200, "{\"id\":4}"))) {

      assertThat(client(server.url()).register("s", V1)).isEqualTo(4);
      assertThat(server.seen()).hasSize(2);
      assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldReallySleepForRetryAfter() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(
            new Answer(429, Map.of("Retry-After", "1"), ""), Answer.of(200, "{\"id\":4}"))) {
      Map<String, Object> configs =
          Map.of("schema.registry.url", server.url(), "schema.registry.retry.backoff.ms", 1);
      HttpSchemaRegistryClient client =
          new HttpSchemaRegistryClient(new SchemaRegistryClientConfig(configs));

      long start = System.nanoTime();
      assertThat(client.register("s", V1)).isEqualTo(4);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(950), Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldStopRetryingWhenRetryAfterExceedsTheMaximumBackoff() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(
            new Answer(
                429, Map.of("Retry-After", "60"), "{\"error_code\":429,\"message\":\"Slow\"}"))) {

      assertThatThrownBy(() -> client(server.url()).register("s", V1))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(429))
          .hasMessage(
              "Slow (error code 429, POST "
                  + server.url()
                  + "/subjects/s/versions); the registry asks to retry after 60000 ms, longer"
                  + " than schema.registry.retry.backoff.max.ms=2000");
      assertThat(server.seen()).hasSize(1);
    }
  }

  @Test
  void shouldNotRetryAClientError() {
    try (ScriptedHttpServer server =
        new ScriptedHttpServer(
            Answer.of(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"))) {

      assertThatThrownBy(() -> client(server.url()).register("s", V1))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
      assertThat(server.seen()).hasSize(1);
    }
  }

  @Test
  void shouldGiveUpAfterTheConfiguredRetries() {
    try (ScriptedHttpServer server = new ScriptedHttpServer(Answer.of(503, "busy"))) {
      HttpSchemaRegistryClient client = client(server.url(), Map.of("schema.registry.retries", 2));

      assertThatThrownBy(() -> client.register("s", V1))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(503))
          .hasMessage(
              "HTTP 503 busy (error code 503, POST "
                  + server.url()
                  + "/subjects/s/versions) (gave up after 3 attempts)");
      assertThat(server.seen()).hasSize(3);
      assertThat(waits).hasSize(2);
      assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(2));
    }
  }

  @Test
  void shouldFailOverToTheNextUrlAndKeepUsingIt() {
    try (ScriptedHttpServer failing =
            new ScriptedHttpServer(Answer.of(500, "{\"error_code\":50001,\"message\":\"x\"}"));
        ScriptedHttpServer working =
            new ScriptedHttpServer(
                Answer.of(200, "{\"id\":5}"),
                Answer.of(200, "{\"schema\":" + quoted(V1.toString()) + "}"))) {
      HttpSchemaRegistryClient client = client(failing.url() + "," + working.url());

      assertThat(client.register("s", V2)).isEqualTo(5);
      assertThat(client.schemaById(6)).isEqualTo(V1);
      assertThat(failing.seen()).hasSize(1);
      assertThat(working.seen())
          .extracting(ScriptedHttpServer.Seen::path)
          .containsExactly("/subjects/s/versions", "/schemas/ids/6");
    }
  }

  @Test
  void shouldKeepUsingTheUrlThatAnsweredNotFound() {
    try (ScriptedHttpServer failing =
            new ScriptedHttpServer(Answer.of(500, "{\"error_code\":50001,\"message\":\"x\"}"));
        ScriptedHttpServer working =
            new ScriptedHttpServer(
                Answer.of(404, "{\"error_code\":40403,\"message\":\"Schema 7 not found\"}"))) {
      HttpSchemaRegistryClient client = client(failing.url() + "," + working.url());

      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> client.schemaById(7))
            .isInstanceOfSatisfying(
                RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
      }
      assertThat(failing.seen()).hasSize(1);
      assertThat(working.seen()).hasSize(2);
      assertThat(waits).hasSize(1);
    }
  }

  @Test
  void shouldFailOverFromAnUnreachableUrl() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    HttpSchemaRegistryClient client = client("http://127.0.0.1:" + deadPort + "," + registry.url());

    assertThat(client.register("s", V1)).isEqualTo(1);
    assertThat(waits).hasSize(1);
  }

  @Test
  void shouldReportAnUnreachableRegistryWithMinusOne() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    HttpSchemaRegistryClient client =
        client("http://127.0.0.1:" + deadPort, Map.of("schema.registry.retries", 1));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(-1))
        .hasMessageStartingWith(
            "Cannot reach the schema registry: GET http://127.0.0.1:" + deadPort + "/schemas/ids/1")
        .hasMessageEndingWith("(gave up after 2 attempts)");
  }

  @Test
  void shouldNameAnUnknownHost() {
    HttpSchemaRegistryClient client =
        client("http://no-such-host.invalid:8081", Map.of("schema.registry.retries", 0));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(-1))
        .hasMessageStartingWith(
            "Cannot reach the schema registry: GET http://no-such-host.invalid:8081/schemas/ids/1:"
                + " unknown host no-such-host.invalid (");
  }

  @Test
  void shouldBuildAClientFromConfig() {
    try (SchemaRegistry client =
        SchemaRegistries.fromConfig(Map.of("schema.registry.url", registry.url()))) {
      assertThat(client).isInstanceOf(HttpSchemaRegistryClient.class);
      assertThat(client.register("s", V1)).isEqualTo(1);
    }
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
