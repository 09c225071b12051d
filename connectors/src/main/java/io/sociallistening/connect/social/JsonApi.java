package io.sociallistening.connect.social;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Sends GET and form POST requests to a JSON API and sorts the answers: 2xx is an {@link
 * ApiResponse}; a timeout, an I/O error, 408, 429 and 5xx are a {@link TransientFailure} carrying
 * the server's {@code Retry-After} (seconds or an HTTP date); 401, 403 and any other status are a
 * fatal {@link ConnectException} naming the URL, since retrying cannot fix a bad credential or a
 * bad feed name. Every request carries the configured {@code User-Agent} and {@code Accept:
 * application/json}.
 */
public final class JsonApi {
  private final HttpClient http;
  private final HttpSettings settings;
  private final LongSupplier clockMs;

  public JsonApi(HttpSettings settings, LongSupplier clockMs) {
    this(
        HttpClient.newBuilder()
            .connectTimeout(settings.requestTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build(),
        settings,
        clockMs);
  }

  JsonApi(HttpClient http, HttpSettings settings, LongSupplier clockMs) {
    this.http = http;
    this.settings = settings;
    this.clockMs = clockMs;
  }

  public ApiResponse get(URI uri, Map<String, String> headers) throws InterruptedException {
    return send(request(uri, headers).GET().build(), null);
  }

  /**
   * POSTs an {@code application/x-www-form-urlencoded} body; {@code hint} (may be null) is added to
   * the message of a fatal failure, e.g. which config keys hold the credentials.
   */
  public ApiResponse postForm(URI uri, Map<String, String> headers, String form, String hint)
      throws InterruptedException {
    HttpRequest request =
        request(uri, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    return send(request, hint);
  }

  /** GET whose fatal failures name {@code hint}, e.g. the config key of the credential. */
  public ApiResponse get(URI uri, Map<String, String> headers, String hint)
      throws InterruptedException {
    return send(request(uri, headers).GET().build(), hint);
  }

  private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept", "application/json");
    headers.forEach(b::header);
    return b;
  }

  private ApiResponse send(HttpRequest request, String hint) throws InterruptedException {
    URI uri = request.uri();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TransientFailure(request.method() + " " + uri + " failed: " + e, 0, null, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new ApiResponse(uri, status, response.headers(), response.body());
    }
    if (status == 408 || status == 429 || status >= 500) {
      Duration retryAfter =
          response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
      throw new TransientFailure(
          "HTTP " + status + " from " + request.method() + " " + uri, status, retryAfter, null);
    }
    String why =
        status == 401 || status == 403
            ? " (authentication refused" + (hint == null ? "" : ": check " + hint) + ")"
            : (hint == null ? "" : " (check " + hint + ")");
    throw new ConnectException(
        "HTTP "
            + status
            + " from "
            + request.method()
            + " "
            + uri
            + why
            + ": "
            + excerpt(response.body()));
  }

  /** The wait asked for by a Retry-After value: delay-seconds or an HTTP date; null if neither. */
  Duration retryAfter(String value) {
    String v = value.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      // an HTTP date
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Duration.ofMillis(Math.max(0, at.toEpochMilli() - clockMs.getAsLong()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String s = body.strip();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
