package io.sociallistening.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sociallistening.registry.SchemaStore.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable schema registry speaking the part of the Confluent Schema Registry REST API that
 * Confluent's serializers and {@code @kafkajs/confluent-schema-registry} use, on the JDK's {@link
 * HttpServer}. Avro only. Instances sharing a {@link SchemaStore} see each other's writes: each
 * re-reads the store before a change when another has written to it, and before answering that a
 * schema, subject or version is not found. Any of them may take changes, with no single writer
 * elected: the log decides. A change applies only if its record landed where the log ended when it
 * was decided, so when two instances change the store at the same moment the one written first
 * counts and the other decides again on the log as it now is (see {@link SchemaCatalog}). Two
 * schemas registered at the same moment through two instances get two ids and, under one subject,
 * two versions; one schema registered through both gets one id. A read answered from an instance's
 * memory may miss a change made through another instance a moment earlier.
 *
 * <p>Endpoints (bodies are JSON; responses are {@code application/vnd.schemaregistry.v1+json}, or
 * {@code application/json} when the request accepts only that):
 *
 * <ul>
 *   <li>{@code GET /} &rarr; {@code {}}; {@code GET /schemas/types} &rarr; {@code ["AVRO"]}
 *   <li>{@code POST /subjects/{s}/versions} {@code {"schema": "...", "schemaType": "AVRO"}}
 *       (schemaType optional; references must be absent or empty) &rarr; {@code {"id": N}}. The
 *       same schema under a subject returns its existing id; equal canonical schemas share one
 *       global id across subjects; a new version is checked against the subject's compatibility
 *       level. Schemas are compared in Avro's canonical form (the parsed schema written out again),
 *       so whitespace, the order of JSON keys, {@code {"type": "string"}} for {@code "string"} and
 *       a namespace spelled in the name do not make a new schema; {@code ?normalize=true} (sent by
 *       clients configured with {@code normalize.schemas=true}) is accepted and changes nothing
 *       more, here and on lookup.
 *   <li>{@code POST /subjects/{s}} (lookup) &rarr; {@code {"subject","id","version","schema"}}
 *   <li>{@code GET /schemas/ids/{id}} &rarr; {@code {"schema": "..."}}; {@code GET
 *       /schemas/ids/{id}/schema} &rarr; the schema itself; {@code GET /schemas/ids/{id}/versions}
 *       &rarr; {@code [{"subject","version"}]}; {@code GET /schemas/ids/{id}/subjects} &rarr; the
 *       subjects, sorted
 *   <li>{@code GET /subjects}; {@code GET /subjects/{s}/versions}; {@code GET
 *       /subjects/{s}/versions/{v|latest|-1}} &rarr; {@code {"subject","id","version","schema"}};
 *       {@code GET /subjects/{s}/versions/{v}/schema} &rarr; the schema itself
 *   <li>{@code ?deleted=true} on the lookup, the four reads of subjects and versions above and the
 *       id's subjects and versions takes soft-deleted versions in (a numbered version then reads
 *       even when soft-deleted; {@code latest} stays the latest live one; a lookup answers the
 *       latest version holding the schema)
 *   <li>{@code DELETE /subjects/{s}}: soft delete of every live version, answering their numbers,
 *       and removal of the subject's own compatibility level (as Confluent's registry does); the
 *       subject then reads as not found, its ids stay readable, and a later registration continues
 *       the version numbers. Again on a soft-deleted subject: 404 / 40404. With {@code
 *       ?permanent=true} every version of a soft-deleted subject is removed for good (answering
 *       their numbers), with the ids no other version uses (40405 while it has live versions); a
 *       later registration starts again at version 1.
 *   <li>{@code DELETE /subjects/{s}/versions/{v|latest|-1}}: soft delete of one version (latest:
 *       the latest live one), answering its number; its id stays readable. With {@code
 *       ?permanent=true} a soft-deleted version is removed for good, and its id with it when no
 *       other version uses the schema (40407 if it was not soft-deleted first; 40406 for a soft
 *       delete of a soft-deleted version). The next version number follows the highest one left. A
 *       removed id is not handed out again while the store still holds the version's first record;
 *       once compaction of {@code _schemas} has dropped it, the highest id can be.
 *   <li>{@code POST /compatibility/subjects/{s}/versions} and {@code
 *       /compatibility/subjects/{s}/versions/{v|latest}} &rarr; {@code {"is_compatible": bool}}
 *       (plus {@code "messages"} with {@code ?verbose=true}), under the subject's level. Without a
 *       version the check is registration's (every live version under a transitive level, else the
 *       latest); {@code latest} checks the latest live version only, a number that version only. A
 *       subject without live versions is compatible, except with a numbered version (40402).
 *   <li>{@code GET /config} &rarr; {@code {"compatibilityLevel": L}}; {@code PUT /config} and
 *       {@code PUT /config/{s}} with {@code {"compatibility": L}} answer the same body; {@code GET
 *       /config/{s}} answers the subject's own level, or 404 / 40408 when it has none (unless
 *       {@code ?defaultToGlobal=true}); {@code DELETE /config/{s}} removes it and answers it (404 /
 *       40401 when it has none); {@code DELETE /config} puts the global level back to BACKWARD and
 *       answers the one it had.
 *   <li>{@code GET /mode} &rarr; {@code {"mode": "READWRITE"}}, always: {@code PUT /mode} accepts
 *       {@code {"mode": "READWRITE"}} and answers it, and refuses READONLY, READONLY_OVERRIDE and
 *       IMPORT (422 / 42205; another name 42204). No subject has a mode of its own: {@code GET
 *       /mode/{s}} answers 404 / 40409 (READWRITE with {@code ?defaultToGlobal=true}), {@code PUT
 *       /mode/{s}} 42205, {@code DELETE /mode/{s}} 40401.
 * </ul>
 *
 * <p>Levels: NONE, BACKWARD (default), BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,
 * FULL_TRANSITIVE, checked with Avro's {@code SchemaCompatibility}. Errors are Confluent's bodies
 * {@code {"error_code": 40401, "message": "Subject 'x' not found."}}: 40401 subject not found,
 * 40402 version not found, 40403 schema not found, 40404 subject already soft-deleted, 40405
 * subject not soft-deleted before a permanent delete, 40406 version already soft-deleted, 40407
 * version not soft-deleted before a permanent delete, 40408 no subject-level config, 40409 no
 * subject-level mode (HTTP 404); 409 incompatible schema (409); 42201 invalid schema, 42202 invalid
 * version, 42203 invalid compatibility level, 42204 invalid mode, 42205 operation not permitted
 * (422); 50001 store error (500). Unknown paths answer 404 / 404 and wrong methods 405 / 405. Not
 * supported: modes other than READWRITE, contexts, schema references, JSON Schema and Protobuf,
 * authentication.
 *
 * <p>Loading this class sets the JDK server's {@code sun.net.httpserver.nodelay} system property to
 * {@code true} unless it is already set: without it each answer waits on Nagle's algorithm and the
 * client's delayed ACK (about 45 ms per request instead of about 3 ms here). It takes effect only
 * if no {@code HttpServer} was created earlier in the JVM.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MODES =
      Set.of("READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT");

  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final SchemaCatalog catalog;
  private final SchemaStore store;
  private final String url;

  private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, SchemaStore store) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.catalog = new SchemaCatalog(store);
    InetSocketAddress address = server.getAddress();
    InetAddress bound = address.getAddress();
    String host = bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.url = "http://" + host + ":" + address.getPort();
  }

  /**
   * Replays {@code store} and starts serving on {@code host}:{@code port} ({@code 0} picks a free
   * port). The registry owns the store from then on and closes it in {@link #close()}, or before
   * throwing when it cannot start.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static EmbeddedSchemaRegistry start(String host, int port, SchemaStore store) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException("Cannot bind schema registry to " + host + ":" + port, e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            task -> {
              Thread thread = new Thread(task, "schema-registry-http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    EmbeddedSchemaRegistry registry;
    try {
      registry = new EmbeddedSchemaRegistry(server, executor, store);
    } catch (RuntimeException e) {
      executor.shutdownNow();
      server.stop(0);
      store.close();
      throw e;
    }
    server.setExecutor(executor);
    server.createContext("/", registry::handle);
    server.start();
    LOG.info("Schema registry listening on {}", registry.url);
    return registry;
  }

  /** The port served (the one picked when started with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Base URL for clients, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    return url;
  }

  /** Stops serving and closes the store. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private void handle(HttpExchange exchange) {
    String contentType = responseType(exchange.getRequestHeaders().getFirst("Accept"));
    try (exchange) {
      Response response;
      try {
        response = route(exchange);
      } catch (RegistryException e) {
        response = Response.error(httpStatus(e.errorCode()), e.errorCode(), e.getMessage());
      } catch (JsonProcessingException e) {
        response = Response.error(400, 400, "Malformed JSON: " + e.getOriginalMessage());
      } catch (RuntimeException | IOException e) {
        LOG.error(
            "Schema registry failed on {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            e);
        response = Response.error(500, 500, "Internal error: " + e);
      }
      byte[] body = JSON.writeValueAsBytes(response.body());
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      LOG.debug("Could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
    }
  }

  private Response route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int size = path.size();
    String first = size > 0 ? path.get(0) : "";
    if (size == 0) {
      return on(method, "GET") ? Response.ok(JSON.createObjectNode()) : notAllowed();
    }
    switch (first) {
      case "schemas":
        return schemas(method, path, query);
      case "subjects":
        return subjects(method, path, query, exchange);
      case "compatibility":
        if ((size == 4 || size == 5)
            && path.get(1).equals("subjects")
            && path.get(3).equals("versions")) {
          if (!on(method, "POST")) {
            return notAllowed();
          }
          String schema = schemaText(readJson(exchange));
          String version = size == 5 ? path.get(4) : null;
          List<String> problems = catalog.checkCompatibility(path.get(2), version, schema);
          ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
          if ("true".equals(query.get("verbose"))) {
            ArrayNode messages = body.putArray("messages");
            problems.forEach(messages::add);
          }
          return Response.ok(body);
        }
        return notFound();
      case "config":
        return config(method, path, query, exchange);
      case "mode":
        return mode(method, path, query, exchange);
      default:
        return notFound();
    }
  }

  private Response schemas(String method, List<String> path, Map<String, String> query)
      throws IOException {
    int size = path.size();
    if (size == 2 && path.get(1).equals("types")) {
      return on(method, "GET") ? Response.ok(JSON.createArrayNode().add("AVRO")) : notAllowed();
    }
    if (size < 3 || size > 4 || !path.get(1).equals("ids")) {
      return notFound();
    }
    Optional<Integer> id = parseId(path.get(2));
    if (id.isEmpty()) {
      return notFound();
    }
    if (!on(method, "GET")) {
      return notAllowed();
    }
    if (size == 3) {
      String schema = catalog.schemaById(id.get()).toString();
      return Response.ok(JSON.createObjectNode().put("schema", schema));
    }
    boolean deleted = "true".equals(query.get("deleted"));
    switch (path.get(3)) {
      case "schema":
        return Response.ok(JSON.readTree(catalog.schemaById(id.get()).toString()));
      case "versions":
        ArrayNode versions = JSON.createArrayNode();
        for (SchemaVersion version : catalog.versionsOfId(id.get(), deleted)) {
          versions.addObject().put("subject", version.subject()).put("version", version.version());
        }
        return Response.ok(versions);
      case "subjects":
        ArrayNode subjects = JSON.createArrayNode();
        catalog.versionsOfId(id.get(), deleted).stream()
            .map(SchemaVersion::subject)
            .distinct()
            .forEach(subjects::add);
        return Response.ok(subjects);
      default:
        return notFound();
    }
  }

  private Response subjects(
      String method, List<String> path, Map<String, String> query, HttpExchange exchange)
      throws IOException {
    int size = path.size();
    boolean deleted = "true".equals(query.get("deleted"));
    if (size == 1) {
      if (!on(method, "GET")) {
        return notAllowed();
      }
      ArrayNode names = JSON.createArrayNode();
      catalog.subjects(deleted).forEach(names::add);
      return Response.ok(names);
    }
    String subject = path.get(1);
    if (size == 2) {
      if (on(method, "POST")) {
        String schema = schemaText(readJson(exchange));
        return Response.ok(describe(catalog.lookup(subject, schema, deleted)));
      }
      if (on(method, "DELETE")) {
        boolean permanent = "true".equals(query.get("permanent"));
        ArrayNode versions = JSON.createArrayNode();
        catalog.deleteSubject(subject, permanent).forEach(versions::add);
        return Response.ok(versions);
      }
      return notAllowed();
    }
    if (!path.get(2).equals("versions") || size > 5) {
      return notFound();
    }
    if (size == 3) {
      if (on(method, "POST")) {
        int id = catalog.register(subject, schemaText(readJson(exchange)));
        return Response.ok(JSON.createObjectNode().put("id", id));
      }
      if (on(method, "GET")) {
        ArrayNode versions = JSON.createArrayNode();
        catalog.versions(subject, deleted).forEach(versions::add);
        return Response.ok(versions);
      }
      return notAllowed();
    }
    if (size == 5 && !path.get(4).equals("schema")) {
      return notFound();
    }
    if (size == 4 && on(method, "DELETE")) {
      boolean permanent = "true".equals(query.get("permanent"));
      return Response.ok(
          JSON.getNodeFactory().numberNode(catalog.deleteVersion(subject, path.get(3), permanent)));
    }
    if (!on(method, "GET")) {
      return notAllowed();
    }
    SchemaVersion version = catalog.version(subject, path.get(3), deleted);
    return Response.ok(size == 4 ? describe(version) : JSON.readTree(version.schema()));
  }

  private Response config(
      String method, List<String> path, Map<String, String> query, HttpExchange exchange)
      throws IOException {
    if (path.size() == 1) {
      if (on(method, "GET")) {
        return level("compatibilityLevel", catalog.globalLevel());
      }
      if (on(method, "PUT")) {
        CompatibilityLevel level = levelIn(readJson(exchange));
        catalog.setGlobalLevel(level);
        return level("compatibility", level);
      }
      if (on(method, "DELETE")) {
        return level("compatibilityLevel", catalog.deleteGlobalLevel());
      }
      return notAllowed();
    }
    if (path.size() != 2) {
      return notFound();
    }
    String subject = path.get(1);
    switch (method) {
      case "GET":
        Optional<CompatibilityLevel> own = catalog.subjectLevel(subject);
        if (own.isPresent()) {
          return level("compatibilityLevel", own.get());
        }
        if ("true".equals(query.get("defaultToGlobal"))) {
          return level("compatibilityLevel", catalog.globalLevel());
        }
        throw SchemaCatalog.noSubjectLevel(subject);
      case "PUT":
        CompatibilityLevel level = levelIn(readJson(exchange));
        catalog.setSubjectLevel(subject, level);
        return level("compatibility", level);
      case "DELETE":
        return level("compatibilityLevel", catalog.deleteSubjectLevel(subject));
      default:
        return notAllowed();
    }
  }

  /** Modes: every subject is READWRITE, and nothing else can be set. */
  private Response mode(
      String method, List<String> path, Map<String, String> query, HttpExchange exchange)
      throws IOException {
    if (path.size() > 2) {
      return notFound();
    }
    String subject = path.size() == 2 ? path.get(1) : null;
    switch (method) {
      case "GET":
        if (subject != null && !"true".equals(query.get("defaultToGlobal"))) {
          throw new RegistryException(
              "Subject '" + subject + "' does not have subject-level mode configured", 40409);
        }
        return readWrite();
      case "PUT":
        JsonNode mode = readJson(exchange).get("mode");
        String name =
            mode == null || !mode.isTextual() ? "" : mode.asText().toUpperCase(Locale.ROOT);
        if (!MODES.contains(name)) {
          throw new RegistryException(
              "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT",
              42204);
        }
        if (subject != null) {
          throw new RegistryException(
              "Subject-level modes are not supported by this registry; every subject is READWRITE",
              42205);
        }
        if (!name.equals("READWRITE")) {
          throw new RegistryException(
              "Mode " + name + " is not supported by this registry; only READWRITE is", 42205);
        }
        return readWrite();
      case "DELETE":
        if (subject == null) {
          return notAllowed();
        }
        throw new RegistryException("Subject '" + subject + "' not found.", 40401);
      default:
        return notAllowed();
    }
  }

  private static Response readWrite() {
    return Response.ok(JSON.createObjectNode().put("mode", "READWRITE"));
  }

  private static ObjectNode describe(SchemaVersion version) {
    return JSON.createObjectNode()
        .put("subject", version.subject())
        .put("id", version.id())
        .put("version", version.version())
        .put("schema", version.schema());
  }

  private static Response level(String field, CompatibilityLevel level) {
    return Response.ok(JSON.createObjectNode().put(field, level.name()));
  }

  private static CompatibilityLevel levelIn(JsonNode body) {
    JsonNode level = body.get("compatibility");
    if (level == null) {
      level = body.get("compatibilityLevel");
    }
    return CompatibilityLevel.parse(level == null || !level.isTextual() ? null : level.asText());
  }

  /** The Avro schema text of a registration or lookup body. */
  private static String schemaText(JsonNode body) {
    JsonNode type = body.get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
      throw new RegistryException(
          "Invalid schema: schema type " + type.asText() + " is not supported, only AVRO", 42201);
    }
    JsonNode references = body.get("references");
    if (references != null && !references.isNull() && !references.isEmpty()) {
      throw new RegistryException("Invalid schema: schema references are not supported", 42201);
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new RegistryException("Empty schema", 42201);
    }
    return schema.asText();
  }

  private static JsonNode readJson(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new RegistryException("Request body larger than " + MAX_BODY_BYTES + " bytes", 413);
    }
    JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
    if (body == null || !body.isObject()) {
      throw new RegistryException("Request body must be a JSON object", 400);
    }
    return body;
  }

  private static boolean on(String method, String expected) {
    return method.equals(expected);
  }

  private static Response notFound() {
    return Response.error(404, 404, "HTTP 404 Not Found");
  }

  private static Response notAllowed() {
    return Response.error(405, 405, "HTTP 405 Method Not Allowed");
  }

  /** HTTP status of a Confluent error code: its first three digits (40401 -> 404), or itself. */
  static int httpStatus(int errorCode) {
    if (errorCode >= 10000) {
      return errorCode / 100;
    }
    return errorCode >= 400 && errorCode < 600 ? errorCode : 500;
  }

  static String responseType(String accept) {
    if (accept == null) {
      return CONFLUENT_JSON;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    if (lower.contains("application/json")
        && !lower.contains("application/vnd.schemaregistry")
        && !lower.contains("*/*")) {
      return "application/json";
    }
    return CONFLUENT_JSON;
  }

  /** Percent-decoded path segments; {@code +} stays a plus, as in any URL path. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    if (rawPath == null) {
      return segments;
    }
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(percentDecode(raw));
      }
    }
    return segments;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
      parameters.put(name, value.toLowerCase(Locale.ROOT));
    }
    return parameters;
  }

  private static String percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      int end = raw.indexOf('%', i + 1);
      byte[] run = raw.substring(i, end < 0 ? raw.length() : end).getBytes(StandardCharsets.UTF_8);
      bytes.write(run, 0, run.length);
      i = end < 0 ? raw.length() : end;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Optional<Integer> parseId(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private record Response(int status, JsonNode body) {
    static Response ok(JsonNode body) {
      return new Response(200, body);
    }

    static Response error(int status, int errorCode, String message) {
      return new Response(
          status, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
    }
  }
}
