package io.sociallistening.registry;

import static io.sociallistening.registry.HttpSchemaRegistryClientTest.NEEDS_COUNT;
import static io.sociallistening.registry.HttpSchemaRegistryClientTest.V1;
import static io.sociallistening.registry.HttpSchemaRegistryClientTest.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.registry.SchemaStore.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {
  /** V1 with an optional count: backward compatible with V1. */
  private static final Schema COUNT_WITH_DEFAULT =
      SchemaBuilder.record("Thing")
          .namespace("test")
          .fields()
          .requiredString("id")
          .name("count")
          .type()
          .intType()
          .intDefault(0)
          .endRecord();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final InMemorySchemaStore store = new InMemorySchemaStore();
  private EmbeddedSchemaRegistry registry;

  record Reply(int status, String contentType, String body) {}

  @BeforeEach
  void start() {
    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, store);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private Reply call(String method, String path, String body, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (body != null) {
      request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  private Reply call(String method, String path, String body) throws Exception {
    return call(method, path, body, null);
  }

  private Reply get(String path, Duration timeout) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registry.url() + path)).timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  private static String schemaBody(Schema schema) throws IOException {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static String quoted(Schema schema) throws IOException {
    return JSON.writeValueAsString(schema.toString());
  }

  private static final String JSON_TYPE = "application/vnd.schemaregistry.v1+json";

  @Test
  void shouldAnswerTheRootWithAnEmptyObject() throws Exception {
    assertThat(call("GET", "/", null)).isEqualTo(new Reply(200, JSON_TYPE, "{}"));
    assertThat(call("GET", "/", null, "application/json"))
        .isEqualTo(new Reply(200, "application/json", "{}"));
    assertThat(call("GET", "/schemas/types", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "[\"AVRO\"]"));
  }

  @Test
  void shouldShareOneIdForOneSchemaAcrossSubjects() throws Exception {
    String v1 =
        JSON.createObjectNode().put("schema", V1.toString()).put("schemaType", "AVRO").toString();
    assertThat(call("POST", "/subjects/a-value/versions", v1).body()).isEqualTo("{\"id\":1}");
    assertThat(call("POST", "/subjects/a-value/versions", v1).body()).isEqualTo("{\"id\":1}");
    assertThat(call("POST", "/subjects/b-value/versions", v1).body()).isEqualTo("{\"id\":1}");
    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(V2)).body())
        .isEqualTo("{\"id\":2}");

    assertThat(call("GET", "/subjects", null).body()).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1,2]");
    assertThat(call("GET", "/schemas/ids/1/versions", null).body())
        .isEqualTo(
            "[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
    assertThat(call("GET", "/schemas/ids/2", null).body())
        .isEqualTo("{\"schema\":" + quoted(V2) + "}");
    assertThat(call("GET", "/schemas/ids/2/schema", null).body()).isEqualTo(V2.toString());
  }

  @Test
  void shouldFindASchemaInAnotherLayoutWithOrWithoutNormalize() throws Exception {
    String relaidOut =
        "{ \"fields\": [ {\"type\": {\"type\": \"string\"}, \"name\": \"id\"} ],"
            + " \"type\": \"record\", \"name\": \"test.Thing\" }";
    String body = JSON.createObjectNode().put("schema", relaidOut).toString();
    call("POST", "/subjects/a-value/versions", schemaBody(V1));

    assertThat(call("POST", "/subjects/a-value/versions?normalize=true", body).body())
        .isEqualTo("{\"id\":1}");
    assertThat(call("POST", "/subjects/a-value/versions", body).body()).isEqualTo("{\"id\":1}");
    assertThat(call("POST", "/subjects/a-value?normalize=true", body).body())
        .isEqualTo(
            "{\"subject\":\"a-value\",\"id\":1,\"version\":1,\"schema\":" + quoted(V1) + "}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1]");
  }

  @Test
  void shouldServeVersionsByNumberAndLatest() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));

    String second =
        "{\"subject\":\"a-value\",\"id\":2,\"version\":2,\"schema\":" + quoted(V2) + "}";
    assertThat(call("GET", "/subjects/a-value/versions/latest", null).body()).isEqualTo(second);
    assertThat(call("GET", "/subjects/a-value/versions/-1", null).body()).isEqualTo(second);
    assertThat(call("GET", "/subjects/a-value/versions/2", null).body()).isEqualTo(second);
    assertThat(call("GET", "/subjects/a-value/versions/1/schema", null).body())
        .isEqualTo(V1.toString());
    assertThat(call("POST", "/subjects/a-value", schemaBody(V1)).body())
        .isEqualTo(
            "{\"subject\":\"a-value\",\"id\":1,\"version\":1,\"schema\":" + quoted(V1) + "}");
  }

  @Test
  void shouldAnswerConfluentErrorBodies() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));

    assertThat(call("GET", "/subjects/nope/versions", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}"));
    assertThat(call("GET", "/subjects/a-value/versions/7", null))
        .isEqualTo(
            new Reply(
                404, JSON_TYPE, "{\"error_code\":40402,\"message\":\"Version 7 not found.\"}"));
    assertThat(call("GET", "/schemas/ids/9", null))
        .isEqualTo(
            new Reply(404, JSON_TYPE, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}"));
    assertThat(call("GET", "/subjects/a-value/versions/zero", null))
        .isEqualTo(
            new Reply(
                422,
                JSON_TYPE,
                "{\"error_code\":42202,\"message\":\"The specified version 'zero' is not a valid"
                    + " version id. Allowed values are between [1, 2^31-1] and the string"
                    + " \\\"latest\\\"\"}"));
    assertThat(call("GET", "/nowhere", null))
        .isEqualTo(
            new Reply(404, JSON_TYPE, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    assertThat(call("DELETE", "/subjects", null).status()).isEqualTo(405);
  }

  @Test
  void shouldRefuseInvalidSchemasWith42201() throws Exception {
    Reply notAvro =
        call("POST", "/subjects/a-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");
    Reply protobuf =
        call(
            "POST",
            "/subjects/a-value/versions",
            "{\"schema\":\"syntax\",\"schemaType\":\"PROTOBUF\"}");
    Reply empty = call("POST", "/subjects/a-value/versions", "{}");

    assertThat(notAvro.status()).isEqualTo(422);
    assertThat(JSON.readTree(notAvro.body()).get("error_code").asInt()).isEqualTo(42201);
    assertThat(JSON.readTree(notAvro.body()).get("message").asText())
        .startsWith("Invalid schema: ");
    assertThat(protobuf.body())
        .isEqualTo(
            "{\"error_code\":42201,\"message\":\"Invalid schema: schema type PROTOBUF is not"
                + " supported, only AVRO\"}");
    assertThat(empty.body()).isEqualTo("{\"error_code\":42201,\"message\":\"Empty schema\"}");
    assertThat(call("GET", "/subjects", null).body()).isEqualTo("[]");
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaWith409() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));

    Reply refused = call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).get("error_code").asInt()).isEqualTo(409);
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1]");
  }

  @Test
  void shouldCheckCompatibilityWithoutRegistering() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));

    assertThat(
            call("POST", "/compatibility/subjects/a-value/versions/latest", schemaBody(V2)).body())
        .isEqualTo("{\"is_compatible\":true}");
    assertThat(
            call("POST", "/compatibility/subjects/a-value/versions/1", schemaBody(NEEDS_COUNT))
                .body())
        .isEqualTo("{\"is_compatible\":false}");
    assertThat(
            call(
                    "POST",
                    "/compatibility/subjects/a-value/versions/latest?verbose=true",
                    schemaBody(NEEDS_COUNT))
                .body())
        .isEqualTo(
            "{\"is_compatible\":false,\"messages\":[\"version 1: BACKWARD"
                + " READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1: count\"]}");
    assertThat(call("POST", "/compatibility/subjects/a-value/versions/3", schemaBody(V2)).body())
        .isEqualTo("{\"error_code\":40402,\"message\":\"Version 3 not found.\"}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1]");
  }

  @Test
  void shouldCheckANewSubjectAsCompatibleWithLatest() throws Exception {
    assertThat(call("POST", "/compatibility/subjects/nope/versions/latest", schemaBody(V2)).body())
        .isEqualTo("{\"is_compatible\":true}");
    assertThat(call("POST", "/compatibility/subjects/nope/versions", schemaBody(V2)).body())
        .isEqualTo("{\"is_compatible\":true}");
    assertThat(call("POST", "/compatibility/subjects/nope/versions/1", schemaBody(V2)).body())
        .isEqualTo("{\"error_code\":40402,\"message\":\"Version 1 not found.\"}");
  }

  @Test
  void shouldCheckLatestAgainstTheLatestVersionOnlyAndAllVersionsAsRegistrationDoes()
      throws Exception {
    call("PUT", "/config/a-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(COUNT_WITH_DEFAULT));

    assertThat(
            call("POST", "/compatibility/subjects/a-value/versions/latest", schemaBody(NEEDS_COUNT))
                .body())
        .isEqualTo("{\"is_compatible\":true}");
    assertThat(
            call(
                    "POST",
                    "/compatibility/subjects/a-value/versions?verbose=true",
                    schemaBody(NEEDS_COUNT))
                .body())
        .isEqualTo(
            "{\"is_compatible\":false,\"messages\":[\"version 1: BACKWARD"
                + " READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1: count\"]}");
    assertThat(
            call(
                    "POST",
                    "/compatibility/subjects/a-value/versions/",
                    schemaBody(COUNT_WITH_DEFAULT))
                .body())
        .isEqualTo("{\"is_compatible\":true}");
    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT)).status())
        .isEqualTo(409);
  }

  @Test
  void shouldReadAndWriteTheGlobalAndSubjectLevels() throws Exception {
    assertThat(call("GET", "/config", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(call("PUT", "/config", "{\"compatibility\":\"FULL\"}").body())
        .isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(call("GET", "/config", null).body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

    assertThat(call("GET", "/config/a-value", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40408,\"message\":\"Subject 'a-value' does not have subject-level"
                    + " compatibility configured\"}"));
    assertThat(call("GET", "/config/a-value?defaultToGlobal=true", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(call("PUT", "/config/a-value", "{\"compatibility\":\"none\"}").body())
        .isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(call("GET", "/config/a-value", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(call("DELETE", "/config/a-value", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(call("GET", "/config/a-value", null).status()).isEqualTo(404);
    assertThat(call("DELETE", "/config/a-value", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40401,\"message\":\"Subject 'a-value' not found.\"}"));
    assertThat(call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"))
        .isEqualTo(
            new Reply(
                422,
                JSON_TYPE,
                "{\"error_code\":42203,\"message\":\"Invalid compatibility level. Valid values are"
                    + " none, backward, forward, full, backward_transitive, forward_transitive,"
                    + " and full_transitive\"}"));
  }

  @Test
  void shouldPutTheGlobalLevelBackToTheDefaultOnDeleteAcrossARestart() throws Exception {
    call("PUT", "/config", "{\"compatibility\":\"FULL\"}");

    assertThat(call("DELETE", "/config", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "{\"compatibilityLevel\":\"FULL\"}"));
    assertThat(call("GET", "/config", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    registry.close();

    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, store);

    assertThat(call("GET", "/config", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  @Test
  void shouldApplyTheSubjectLevelToRegistration() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("PUT", "/config/a-value", "{\"compatibility\":\"NONE\"}");

    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT)).body())
        .isEqualTo("{\"id\":2}");
    assertThat(call("POST", "/subjects/b-value/versions", schemaBody(V1)).body())
        .isEqualTo("{\"id\":1}");
    assertThat(call("POST", "/subjects/b-value/versions", schemaBody(NEEDS_COUNT)).status())
        .isEqualTo(409);
  }

  @Test
  void shouldCheckEveryVersionUnderATransitiveLevel() throws Exception {
    call("POST", "/subjects/plain/versions", schemaBody(V1));
    call("POST", "/subjects/plain/versions", schemaBody(COUNT_WITH_DEFAULT));
    call("PUT", "/config/transitive", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    call("POST", "/subjects/transitive/versions", schemaBody(V1));
    call("POST", "/subjects/transitive/versions", schemaBody(COUNT_WITH_DEFAULT));

    assertThat(call("POST", "/subjects/plain/versions", schemaBody(NEEDS_COUNT)).status())
        .isEqualTo(200);
    assertThat(call("POST", "/subjects/transitive/versions", schemaBody(NEEDS_COUNT)).status())
        .isEqualTo(409);
  }

  @Test
  void shouldRemoveTheSubjectLevelWithASoftDeleteOfTheSubject() throws Exception {
    call("PUT", "/config/a-value", "{\"compatibility\":\"NONE\"}");
    call("POST", "/subjects/a-value/versions", schemaBody(V1));

    assertThat(call("DELETE", "/subjects/a-value", null).body()).isEqualTo("[1]");
    assertThat(call("GET", "/config/a-value", null).status()).isEqualTo(404);
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT)).status())
        .isEqualTo(409);
  }

  @Test
  void shouldCheckForwardCompatibilityFromTheOldReadersSide() throws Exception {
    call("PUT", "/config", "{\"compatibility\":\"FORWARD\"}");
    call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT));

    assertThat(
            call("POST", "/compatibility/subjects/a-value/versions/latest", schemaBody(V1)).body())
        .isEqualTo("{\"is_compatible\":false}");
    call("PUT", "/config", "{\"compatibility\":\"BACKWARD\"}");
    assertThat(
            call("POST", "/compatibility/subjects/a-value/versions/latest", schemaBody(V1)).body())
        .isEqualTo("{\"is_compatible\":true}");
    call("PUT", "/config", "{\"compatibility\":\"FULL\"}");
    assertThat(
            call("POST", "/compatibility/subjects/a-value/versions/latest", schemaBody(V1)).body())
        .isEqualTo("{\"is_compatible\":false}");
  }

  @Test
  void shouldSoftDeleteASubjectAndContinueItsVersions() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));

    assertThat(call("DELETE", "/subjects/a-value", null).body()).isEqualTo("[1,2]");
    assertThat(call("GET", "/subjects/a-value/versions", null).status()).isEqualTo(404);
    assertThat(call("GET", "/subjects", null).body()).isEqualTo("[]");
    assertThat(call("GET", "/schemas/ids/1", null).status()).isEqualTo(200);

    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(V1)).body())
        .isEqualTo("{\"id\":1}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[3]");
  }

  @Test
  void shouldAnswerReadWriteModeAndRefuseOtherModes() throws Exception {
    assertThat(call("GET", "/mode", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "{\"mode\":\"READWRITE\"}"));
    assertThat(call("PUT", "/mode", "{\"mode\":\"readwrite\"}").body())
        .isEqualTo("{\"mode\":\"READWRITE\"}");
    assertThat(call("GET", "/mode/a-value?defaultToGlobal=true", null).body())
        .isEqualTo("{\"mode\":\"READWRITE\"}");
    assertThat(call("GET", "/mode/a-value", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40409,\"message\":\"Subject 'a-value' does not have"
                    + " subject-level mode configured\"}"));
    assertThat(call("PUT", "/mode", "{\"mode\":\"READONLY\"}"))
        .isEqualTo(
            new Reply(
                422,
                JSON_TYPE,
                "{\"error_code\":42205,\"message\":\"Mode READONLY is not supported by this"
                    + " registry; only READWRITE is\"}"));
    assertThat(call("PUT", "/mode/a-value", "{\"mode\":\"READWRITE\"}").body())
        .isEqualTo(
            "{\"error_code\":42205,\"message\":\"Subject-level modes are not supported by this"
                + " registry; every subject is READWRITE\"}");
    assertThat(call("PUT", "/mode", "{\"mode\":\"SOMETIMES\"}"))
        .isEqualTo(
            new Reply(
                422,
                JSON_TYPE,
                "{\"error_code\":42204,\"message\":\"Invalid mode. Valid values are READWRITE,"
                    + " READONLY, READONLY_OVERRIDE, and IMPORT\"}"));
    assertThat(call("DELETE", "/mode/a-value", null).body())
        .isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'a-value' not found.\"}");
    assertThat(call("DELETE", "/mode", null).status()).isEqualTo(405);
  }

  @Test
  void shouldListSoftDeletedSubjectsAndVersionsWithDeletedTrue() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));
    call("POST", "/subjects/b-value/versions", schemaBody(V1));
    call("DELETE", "/subjects/a-value/versions/1", null);
    call("DELETE", "/subjects/b-value", null);

    assertThat(call("GET", "/subjects", null).body()).isEqualTo("[\"a-value\"]");
    assertThat(call("GET", "/subjects?deleted=true", null).body())
        .isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(call("GET", "/subjects/a-value/versions?deleted=true", null).body())
        .isEqualTo("[1,2]");
    assertThat(call("GET", "/subjects/b-value/versions?deleted=true", null).body())
        .isEqualTo("[1]");
    assertThat(call("GET", "/subjects/nope/versions?deleted=true", null).body())
        .contains("\"error_code\":40401");
    assertThat(call("GET", "/subjects/a-value/versions/1?deleted=true", null).body())
        .isEqualTo(
            "{\"subject\":\"a-value\",\"id\":1,\"version\":1,\"schema\":" + quoted(V1) + "}");
    assertThat(call("POST", "/subjects/b-value?deleted=true", schemaBody(V1)).body())
        .isEqualTo(
            "{\"subject\":\"b-value\",\"id\":1,\"version\":1,\"schema\":" + quoted(V1) + "}");
    assertThat(call("POST", "/subjects/b-value", schemaBody(V1)).body())
        .contains("\"error_code\":40401");
  }

  @Test
  void shouldListTheSubjectsAndVersionsOfAnId() throws Exception {
    call("POST", "/subjects/b-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/c-value/versions", schemaBody(V1));
    call("DELETE", "/subjects/c-value", null);

    assertThat(call("GET", "/schemas/ids/1/subjects", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "[\"a-value\",\"b-value\"]"));
    assertThat(call("GET", "/schemas/ids/1/subjects?deleted=true", null).body())
        .isEqualTo("[\"a-value\",\"b-value\",\"c-value\"]");
    assertThat(call("GET", "/schemas/ids/1/versions", null).body())
        .isEqualTo(
            "[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
    assertThat(call("GET", "/schemas/ids/1/versions?deleted=true", null).body())
        .isEqualTo(
            "[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1},"
                + "{\"subject\":\"c-value\",\"version\":1}]");
    assertThat(call("GET", "/schemas/ids/9/subjects", null))
        .isEqualTo(
            new Reply(404, JSON_TYPE, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}"));
  }

  @Test
  void shouldAnswer40404ToASecondSoftDeleteOfASubject() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("DELETE", "/subjects/a-value", null);

    assertThat(call("DELETE", "/subjects/a-value", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40404,\"message\":\"Subject 'a-value' was soft deleted.Set"
                    + " permanent=true to delete permanently\"}"));
    assertThat(call("DELETE", "/subjects/nope", null).body())
        .isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");
  }

  @Test
  void shouldPermanentlyDeleteASoftDeletedSubjectAcrossARestart() throws Exception {
    call("PUT", "/config/a-value", "{\"compatibility\":\"NONE\"}");
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));
    call("POST", "/subjects/b-value/versions", schemaBody(V2));
    call("DELETE", "/subjects/a-value/versions/1", null);

    assertThat(call("DELETE", "/subjects/a-value?permanent=true", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40405,\"message\":\"Subject 'a-value' was not deleted first"
                    + " before being permanently deleted\"}"));
    assertThat(call("DELETE", "/subjects/a-value", null).body()).isEqualTo("[2]");
    assertThat(call("DELETE", "/subjects/a-value?permanent=true", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "[1,2]"));
    assertThat(call("DELETE", "/subjects/a-value?permanent=true", null).body())
        .isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'a-value' not found.\"}");
    registry.close();

    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, store);

    assertThat(call("GET", "/schemas/ids/1", null).status()).isEqualTo(404);
    assertThat(call("GET", "/schemas/ids/2", null).status()).isEqualTo(200);
    assertThat(call("DELETE", "/subjects/a-value", null).status()).isEqualTo(404);
    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(V1)).body())
        .isEqualTo("{\"id\":3}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1]");
  }

  @Test
  void shouldSoftDeleteOneVersionAndAnswerItsNumber() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));

    assertThat(call("DELETE", "/subjects/a-value/versions/1", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "1"));
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[2]");
    assertThat(call("GET", "/subjects/a-value/versions/1", null).body())
        .isEqualTo("{\"error_code\":40402,\"message\":\"Version 1 not found.\"}");
    assertThat(call("POST", "/subjects/a-value", schemaBody(V1)).body())
        .isEqualTo("{\"error_code\":40403,\"message\":\"Schema not found\"}");
    assertThat(call("GET", "/schemas/ids/1", null).status()).isEqualTo(200);

    assertThat(call("DELETE", "/subjects/a-value/versions/latest", null).body()).isEqualTo("2");
    assertThat(call("GET", "/subjects/a-value/versions", null).status()).isEqualTo(404);
    assertThat(call("GET", "/subjects", null).body()).isEqualTo("[]");
    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(V1)).body())
        .isEqualTo("{\"id\":1}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[3]");
  }

  @Test
  void shouldAnswerConfluentErrorsWhenDeletingAVersion() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));
    call("DELETE", "/subjects/a-value/versions/1", null);

    assertThat(call("DELETE", "/subjects/nope/versions/1", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}"));
    assertThat(call("DELETE", "/subjects/a-value/versions/7", null).body())
        .isEqualTo("{\"error_code\":40402,\"message\":\"Version 7 not found.\"}");
    assertThat(call("DELETE", "/subjects/a-value/versions/1", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40406,\"message\":\"Subject 'a-value' Version 1 was soft"
                    + " deleted.Set permanent=true to delete permanently\"}"));
    assertThat(call("DELETE", "/subjects/a-value/versions/2?permanent=true", null))
        .isEqualTo(
            new Reply(
                404,
                JSON_TYPE,
                "{\"error_code\":40407,\"message\":\"Subject 'a-value' Version 2 was not"
                    + " deleted first before being permanently deleted\"}"));
    assertThat(call("DELETE", "/subjects/a-value/versions/zero", null).status()).isEqualTo(422);
    assertThat(call("PUT", "/subjects/a-value/versions/1", null).status()).isEqualTo(405);
  }

  @Test
  void shouldPermanentlyDeleteASoftDeletedVersionAndItsId() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));
    call("DELETE", "/subjects/a-value/versions/2", null);

    assertThat(call("DELETE", "/subjects/a-value/versions/2?permanent=true", null))
        .isEqualTo(new Reply(200, JSON_TYPE, "2"));
    assertThat(call("DELETE", "/subjects/a-value/versions/2?permanent=true", null).body())
        .isEqualTo("{\"error_code\":40402,\"message\":\"Version 2 not found.\"}");
    assertThat(call("GET", "/schemas/ids/2", null).body())
        .isEqualTo("{\"error_code\":40403,\"message\":\"Schema 2 not found\"}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1]");

    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(V2)).body())
        .isEqualTo("{\"id\":3}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1,2]");
  }

  @Test
  void shouldKeepVersionDeletionsAcrossARestartOnTheSameStore() throws Exception {
    call("PUT", "/config/a-value", "{\"compatibility\":\"NONE\"}");
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));
    call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT));
    call("DELETE", "/subjects/a-value/versions/1", null);
    call("DELETE", "/subjects/a-value/versions/3", null);
    call("DELETE", "/subjects/a-value/versions/3?permanent=true", null);
    registry.close();

    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, store);

    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[2]");
    assertThat(call("GET", "/schemas/ids/1", null).status()).isEqualTo(200);
    assertThat(call("GET", "/schemas/ids/3", null).status()).isEqualTo(404);
    assertThat(call("DELETE", "/subjects/a-value/versions/1", null).body())
        .contains("\"error_code\":40406");
    assertThat(call("POST", "/subjects/b-value/versions", schemaBody(NEEDS_COUNT)).body())
        .isEqualTo("{\"id\":4}");
  }

  @Test
  void shouldKeepIdsAcrossARestartOnTheSameStore() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    call("POST", "/subjects/a-value/versions", schemaBody(V2));
    call("PUT", "/config/a-value", "{\"compatibility\":\"NONE\"}");
    registry.close();

    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, store);

    assertThat(call("GET", "/schemas/ids/2", null).body())
        .isEqualTo("{\"schema\":" + quoted(V2) + "}");
    assertThat(call("GET", "/config/a-value", null).body())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(call("POST", "/subjects/a-value/versions", schemaBody(NEEDS_COUNT)).body())
        .isEqualTo("{\"id\":3}");
  }

  @Test
  void shouldServeReadsWhileAWriteToTheStoreIsPending() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SchemaStore slow =
        new SchemaStore() {
          private final InMemorySchemaStore inner = new InMemorySchemaStore();

          @Override
          public Log readAll() {
            return inner.readAll();
          }

          @Override
          public long end() {
            return inner.end();
          }

          @Override
          public long write(Entry entry, long expected) {
            if (entry instanceof SchemaVersion version && version.version() == 2) {
              writing.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return inner.write(entry, expected);
          }
        };
    registry.close();
    registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0, slow);
    call("POST", "/subjects/a-value/versions", schemaBody(V1));
    CompletableFuture<Reply> pending =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return call("POST", "/subjects/a-value/versions", schemaBody(V2));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

    try {
      assertThat(get("/schemas/ids/1", Duration.ofSeconds(10)).body())
          .isEqualTo("{\"schema\":" + quoted(V1) + "}");
      assertThat(get("/subjects/a-value/versions", Duration.ofSeconds(10)).body()).isEqualTo("[1]");
    } finally {
      release.countDown();
    }
    assertThat(pending.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"id\":2}");
    assertThat(call("GET", "/subjects/a-value/versions", null).body()).isEqualTo("[1,2]");
  }

  /** A store that counts its closes; {@code readable} false makes its replay fail. */
  private static SchemaStore closeCounting(AtomicInteger closes, boolean readable) {
    InMemorySchemaStore records = new InMemorySchemaStore();
    return new SchemaStore() {
      @Override
      public Log readAll() {
        if (!readable) {
          throw new IllegalStateException("Cannot decode schema store record");
        }
        return records.readAll();
      }

      @Override
      public long write(Entry entry, long expected) {
        return records.write(entry, expected);
      }

      @Override
      public long end() {
        return records.end();
      }

      @Override
      public void close() {
        closes.incrementAndGet();
      }
    };
  }

  @Test
  void shouldCloseTheStoreWhenItCannotStart() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(
              () ->
                  EmbeddedSchemaRegistry.start(
                      "127.0.0.1", taken.getLocalPort(), closeCounting(closes, true)))
          .isInstanceOf(UncheckedIOException.class);
    }
    assertThat(closes).hasValue(1);

    assertThatThrownBy(
            () -> EmbeddedSchemaRegistry.start("127.0.0.1", 0, closeCounting(closes, false)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(closes).hasValue(2);
  }

  @Test
  void shouldDecodePercentEncodedSubjects() throws Exception {
    call("POST", "/subjects/a%20b%2Fc+d/versions", schemaBody(V1));

    assertThat(call("GET", "/subjects", null).body()).isEqualTo("[\"a b/c+d\"]");
  }
}
