package io.sociallistening.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.registry.SchemaRegistryClientConfig.BasicCredentials;
import io.sociallistening.registry.SchemaRegistryClientConfig.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A client of a Confluent-compatible schema registry over HTTP (Avro schemas only), configured by
 * {@link SchemaRegistryClientConfig}.
 *
 * <p>Ids are cached without bound: by subject and canonical schema text for {@link #register}, by
 * id for {@link #schemaById}; {@link #lookup} and {@link #latest} always ask the registry.
 *
 * <p>Failures: a connection error, a timeout, a 5xx or a 429 answer is retried up to {@code
 * schema.registry.retries} times, each retry going to the next of the configured URLs (round robin;
 * the URL that last answered, with a success or a 4xx other than 429, is tried first next time),
 * after an exponential backoff from {@code schema.registry.retry.backoff.ms} doubling up to {@code
 * schema.registry.retry.backoff.max.ms} (±20% jitter). A {@code Retry-After} header (seconds or an
 * HTTP date) lengthens the wait to what the server asked; one longer than the maximum backoff ends
 * the retries at once. Any other 4xx is not retried. Failures surface as {@link RegistryException}
 * carrying Confluent's {@code error_code} and message (or the HTTP status when the body has none,
 * or -1 when no answer came); a schema answered that is not Avro, or not valid Avro, is reported
 * with 42201 (invalid schema).
 */
public final class HttpSchemaRegistryClient implements SchemaRegistry {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json,"
          + " application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the client waits between attempts (replaced in tests to record the waits). */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private record SubjectSchema(String subject, String schema) {}

  private final List<Endpoint> endpoints;
  private final Duration requestTimeout;
  private final int retries;
  private final Duration backoff;
  private final Duration backoffMax;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final AtomicInteger preferred = new AtomicInteger();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(SchemaRegistryClientConfig config) {
    this(config, duration -> Thread.sleep(duration.toMillis()));
  }

  HttpSchemaRegistryClient(SchemaRegistryClientConfig config, Sleeper sleeper) {
    this.endpoints = config.endpoints();
    this.requestTimeout = config.requestTimeout();
    this.retries = config.retries();
    this.backoff = config.retryBackoff();
    this.backoffMax = config.retryBackoffMax();
    this.sleeper = sleeper;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(requestTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    config.sslContext().ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  /** {@code POST /subjects/{subject}/versions}; cached by subject and schema. */
  @Override
  public int register(String subject, Schema schema) {
    String canonical = schema.toString();
    SubjectSchema key = new SubjectSchema(subject, canonical);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = JSON.createObjectNode().put("schema", canonical);
    JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", body);
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /** {@code GET /schemas/ids/{id}}; cached by id. */
  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = call("GET", "/schemas/ids/" + id, null);
    Schema schema = parseAnswered(answer, "schema id " + id);
    Schema raced = schemasById.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  /**
   * {@code POST /subjects/{subject}}: the version of {@code subject} holding {@code schema}.
   *
   * @throws RegistryException 40401 if the subject does not exist, 40403 if the schema is not
   *     registered under it
   */
  public RegisteredSchema lookup(String subject, Schema schema) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    return registered(call("POST", "/subjects/" + encode(subject), body), subject);
  }

  /**
   * {@code GET /subjects/{subject}/versions/latest}.
   *
   * @throws RegistryException 40401 if the subject does not exist
   */
  public RegisteredSchema latest(String subject) {
    return registered(
        call("GET", "/subjects/" + encode(subject) + "/versions/latest", null), subject);
  }

  @Override
  public void close() {
    idsBySubjectSchema.clear();
    schemasById.clear();
  }

  private RegisteredSchema registered(JsonNode answer, String subject) {
    String answeredSubject = answer.path("subject").asText(subject);
    int id = requiredInt(answer, "id");
    return new RegisteredSchema(
        answeredSubject,
        id,
        requiredInt(answer, "version"),
        parseAnswered(answer, "schema id " + id));
  }

  private JsonNode call(String method, String path, JsonNode body) {
    int start = preferred.get();
    RegistryException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      int index = (start + attempt) % endpoints.size();
      Endpoint endpoint = endpoints.get(index);
      URI uri = URI.create(endpoint.baseUrl() + path);
      Duration wait = backoff(attempt);
      try {
        HttpResponse<byte[]> response =
            http.send(
                request(method, uri, body, endpoint), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          preferred.set(index);
          return parseJson(response.body(), method, uri);
        }
        RegistryException error = error(status, response.body(), method, uri);
        if (status != 429 && status < 500) {
          preferred.set(index);
          throw error;
        }
        last = error;
        Optional<Duration> retryAfter = retryAfter(response.headers());
        if (retryAfter.isPresent()) {
          if (retryAfter.get().compareTo(backoffMax) > 0) {
            throw new RegistryException(
                error.getMessage()
                    + "; the registry asks to retry after "
                    + retryAfter.get().toMillis()
                    + " ms, longer than "
                    + SchemaRegistryClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG
                    + "="
                    + backoffMax.toMillis(),
                error.errorCode());
          }
          wait = retryAfter.get().compareTo(wait) > 0 ? retryAfter.get() : wait;
        }
      } catch (IOException e) {
        last =
            new RegistryException(
                "Cannot reach the schema registry: "
                    + method
                    + " "
                    + uri
                    + ": "
                    + unreachable(e, uri),
                -1,
                e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException("Interrupted during " + method + " " + uri, -1, e);
      }
      if (attempt < retries) {
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RegistryException(
              "Interrupted while waiting to retry " + method + " " + uri, -1, e);
        }
      }
    }
    throw new RegistryException(
        last.getMessage() + " (gave up after " + (retries + 1) + " attempts)",
        last.errorCode(),
        last.getCause());
  }

  /**
   * Why {@code uri} could not be reached: the exception, and that its host is unknown when a name
   * lookup failed (the JDK's client says only {@code java.net.ConnectException} then).
   */
  private static String unreachable(IOException e, URI uri) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "unknown host " + uri.getHost() + " (" + e + ")";
      }
    }
    return e.toString();
  }

  private HttpRequest request(String method, URI uri, JsonNode body, Endpoint endpoint) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", ACCEPT)
            .method(method, publisher);
    if (body != null) {
      builder.header("Content-Type", CONTENT_TYPE);
    }
    endpoint.credentials().ifPresent(c -> builder.header("Authorization", basic(c)));
    return builder.build();
  }

  static String basic(BasicCredentials credentials) {
    String pair = credentials.user() + ":" + credentials.password().value();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** The exponential backoff before retry {@code attempt + 1}, with ±20% jitter, capped. */
  private Duration backoff(int attempt) {
    double base = backoff.toMillis() * Math.pow(2, Math.min(attempt, 30));
    double jittered = base * ThreadLocalRandom.current().nextDouble(0.8, 1.2);
    return Duration.ofMillis((long) Math.min(jittered, backoffMax.toMillis()));
  }

  /** A {@code Retry-After} header as a wait: delta seconds or an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(Instant.now(), at);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException unparsable) {
        return Optional.empty();
      }
    }
  }

  private static RegistryException error(int status, byte[] body, String method, URI uri) {
    int code = status;
    String message = "HTTP " + status;
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isObject()) {
        code = node.path("error_code").asInt(status);
        message = node.path("message").asText(message);
      }
    } catch (IOException e) {
      String text = new String(body, StandardCharsets.UTF_8);
      message = message + " " + (text.length() > 200 ? text.substring(0, 200) : text);
    }
    return new RegistryException(
        message + " (error code " + code + ", " + method + " " + uri + ")", code);
  }

  private static JsonNode parseJson(byte[] body, String method, URI uri) {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new RegistryException(
          "Malformed answer of the schema registry to "
              + method
              + " "
              + uri
              + ": "
              + e.getMessage(),
          -1,
          e);
    }
  }

  private static Schema parseAnswered(JsonNode answer, String what) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new RegistryException(
          what + " is a " + type + " schema, not Avro", RegistryException.INVALID_SCHEMA);
    }
    JsonNode schema = answer.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new RegistryException("The registry's answer for " + what + " has no schema", -1);
    }
    try {
      // Registries check defaults against their types only when a schema is registered, and did
      // not always: schemas with such a default are in use, and data written with them must be
      // readable (a writer schema's defaults play no part in reading its data).
      return new Schema.Parser().setValidateDefaults(false).parse(schema.asText());
    } catch (RuntimeException e) {
      throw new RegistryException(
          "The registry's " + what + " is not a valid Avro schema: " + e.getMessage(),
          RegistryException.INVALID_SCHEMA,
          e);
    }
  }

  private static int requiredInt(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new RegistryException(
          "The registry's answer has no integer '" + field + "': " + answer, -1);
    }
    return value.asInt();
  }

  /** A subject as one URL path segment. */
  static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
