package io.sociallistening.connect.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP caller of the project: the polling sources (GET, Reddit's token POST) and the
 * webhook sink (POST). Every request carries the settings' {@code User-Agent}.
 *
 * <p>A call sends up to {@link RetryPolicy#maxAttempts()} requests. 2xx returns the {@link
 * Response}. 408, 425, 429, 5xx, I/O errors and timeouts ({@link HttpErrors#classify}) are retried
 * after the server's {@code Retry-After} or the policy's backoff, waiting on the given {@link Time}
 * in slices of at most one second so that {@link #close()} ends a wait promptly; when the attempts
 * run out, or the server asks for a longer wait than {@link RetryPolicy#maxRetryAfter()}, the call
 * throws {@link RetryLaterException}. Any other status throws {@link HttpStatusException} at once
 * (401 and 403 included): {@code HTTP 401 from GET <url> (authentication refused: check <hint>):
 * <body excerpt>}, where the hint, given per call, names the config keys to check. Messages name
 * the method and the URL, or only its origin when the poller was built with {@code hidePaths}
 * (webhook URLs carry their secret in the path).
 *
 * <p>{@link HttpSettings#requestTimeout()} bounds each request as a whole, from connecting to the
 * last byte of the body: a server that sends its headers and then stalls mid-body fails the request
 * with an {@link HttpTimeoutException} (retriable, as above) when the timeout runs out. {@link
 * #close()} cancels a request in flight at once.
 *
 * <p>Bodies are read up to a limit ({@link BoundedBody}), never whole: a 2xx body longer than
 * {@link HttpSettings#maxResponseBytes()} (or announced so by its {@code Content-Length}) is not
 * read on; the connection is dropped and the call throws {@link MalformedPayloadException}, which
 * sources count as a malformed payload of that feed ({@link #oversized()} counts them here). Of a
 * refused response only the first {@value #ERROR_BODY_BYTES} bytes are read, for the message; of a
 * retriable one none.
 *
 * <p>Not thread-safe apart from {@link #close()}: one poller per task.
 */
public final class HttpPoller {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPoller.class);
  static final long WAIT_SLICE_MS = 1_000;
  private static final int BODY_EXCERPT = 200;
  static final int ERROR_BODY_BYTES = 4_096;

  private final HttpSettings settings;
  private final Time time;
  private final boolean hidePaths;
  private final HttpClient client;
  private volatile boolean closed;
  private volatile CompletableFuture<?> inFlight;
  private long requests;
  private long retries;
  private long oversized;

  /** The URI, status, headers and body of a 2xx response. */
  public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The first value of header {@code name} as a number, if present and numeric. */
    public OptionalDouble number(String name) {
      String v = header(name);
      if (v == null) {
        return OptionalDouble.empty();
      }
      try {
        return OptionalDouble.of(Double.parseDouble(v.trim()));
      } catch (NumberFormatException e) {
        return OptionalDouble.empty();
      }
    }

    /** The first value of header {@code name} as a whole number, rounding up a fraction. */
    public OptionalLong wholeNumber(String name) {
      OptionalDouble d = number(name);
      return d.isPresent()
          ? OptionalLong.of((long) Math.ceil(d.getAsDouble()))
          : OptionalLong.empty();
    }
  }

  public HttpPoller(HttpSettings settings, Time time, boolean hidePaths) {
    this.settings = settings;
    this.time = time;
    this.hidePaths = hidePaths;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.requestTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** GETs {@code uri} with the extra {@code headers}; see the class comment for failures. */
  public Response get(URI uri, Map<String, String> headers) {
    return get(uri, headers, null);
  }

  /** A GET whose refusal names {@code hint} (may be null), e.g. the config key of a credential. */
  public Response get(URI uri, Map<String, String> headers, String hint) {
    return send(uri, request(uri, headers).GET().build(), hint);
  }

  /** POSTs {@code body} as {@code contentType} to {@code uri}; see the class comment. */
  public Response post(URI uri, Map<String, String> headers, String contentType, String body) {
    return post(uri, headers, contentType, body, null);
  }

  /** A POST whose refusal names {@code hint} (may be null). */
  public Response post(
      URI uri, Map<String, String> headers, String contentType, String body, String hint) {
    HttpRequest.Builder b =
        request(uri, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(uri, b.build(), hint);
  }

  /** Requests sent since this poller was built. */
  public long requests() {
    return requests;
  }

  /** Requests that were retries of a failed one. */
  public long retries() {
    return retries;
  }

  /** 2xx responses dropped since this poller was built because their body was over the limit. */
  public long oversized() {
    return oversized;
  }

  /**
   * Ends any wait in progress and cancels the request in flight; that call and calls after this
   * fail with {@link RetryLaterException}.
   */
  public void close() {
    closed = true;
    CompletableFuture<?> call = inFlight;
    if (call != null) {
      call.cancel(true);
    }
  }

  private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("User-Agent", settings.userAgent());
    headers.forEach(b::header);
    return b;
  }

  private Response send(URI uri, HttpRequest request, String hint) {
    RetryPolicy policy = settings.retry();
    String shown = request.method() + " " + (hidePaths ? HttpErrors.origin(uri) : uri.toString());
    for (int attempt = 1; ; attempt++) {
      if (closed) {
        throw stopped("Stopped before " + shown);
      }
      requests++;
      if (attempt > 1) {
        retries++;
      }
      int status = -1;
      String failure;
      Throwable cause = null;
      long retryAfter = -1;
      try {
        HttpResponse<BoundedBody.Body> response = exchange(request, shown);
        status = response.statusCode();
        byte[] body = response.body().bytes();
        switch (HttpErrors.classify(status)) {
          case SUCCESS:
            if (response.body().over()) {
              throw oversized(response, shown);
            }
            return new Response(uri, status, response.headers(), body);
          case AUTHENTICATION:
            throw new HttpStatusException(
                "HTTP "
                    + status
                    + " from "
                    + shown
                    + " (authentication refused"
                    + (hint == null ? "" : ": check " + hint)
                    + ")"
                    + excerpt(body),
                status);
          case FATAL:
            throw new HttpStatusException(
                "HTTP "
                    + status
                    + " from "
                    + shown
                    + (hint == null ? "" : " (check " + hint + ")")
                    + excerpt(body),
                status);
          case RETRIABLE:
          default:
            failure = "HTTP " + status;
            retryAfter =
                HttpErrors.retryAfterMs(
                    response.headers().firstValue("Retry-After").orElse(null), time.milliseconds());
            if (retryAfter < 0 && status == 429) {
              // Mastodon and Reddit say when their rate limit resets instead of sending Retry-After
              retryAfter =
                  HttpErrors.rateLimitResetMs(
                      response.headers().firstValue("X-RateLimit-Reset").orElse(null),
                      time.milliseconds());
            }
        }
      } catch (IOException e) {
        failure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        cause = e;
      }
      long now = time.milliseconds();
      // never less than the backoff: a Retry-After of 0, or a rate-limit reset that looks past
      // because the server's clock is behind, would retry at once
      long wait = Math.max(retryAfter, policy.backoffMs(attempt));
      String message =
          failure + " from " + shown + " (attempt " + attempt + " of " + policy.maxAttempts() + ")";
      if (attempt >= policy.maxAttempts()) {
        throw new RetryLaterException(
            message + "; giving up for now",
            status,
            HttpErrors.after(now, wait),
            retryAfter,
            cause);
      }
      if (retryAfter > policy.maxRetryAfter().toMillis()) {
        throw new RetryLaterException(
            message + "; server asks to retry after " + Duration.ofMillis(retryAfter),
            status,
            HttpErrors.after(now, wait),
            retryAfter,
            cause);
      }
      LOG.warn("{}; retrying in {} ms", message, wait);
      pause(wait);
    }
  }

  /**
   * Sends {@code request} and reads its body (bounded, see {@link BoundedBody}) within the request
   * timeout, headers and body together; a request still in flight then is cancelled and fails with
   * an {@link HttpTimeoutException}, as does a failure to connect or to read. {@link #close()}
   * cancels it at once.
   */
  private HttpResponse<BoundedBody.Body> exchange(HttpRequest request, String shown)
      throws IOException {
    int limit = settings.maxResponseBytes();
    HttpResponse.BodyHandler<BoundedBody.Body> handler =
        info ->
            switch (HttpErrors.classify(info.statusCode())) {
              case SUCCESS ->
                  info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit
                      ? BoundedBody.dropped(true)
                      : BoundedBody.upTo(limit);
              case AUTHENTICATION, FATAL -> BoundedBody.upTo(ERROR_BODY_BYTES);
              default -> BoundedBody.dropped(false); // a retriable answer: its body is not used
            };
    long timeoutMs = settings.requestTimeout().toMillis();
    CompletableFuture<HttpResponse<BoundedBody.Body>> call = client.sendAsync(request, handler);
    inFlight = call;
    try {
      if (closed) {
        call.cancel(true);
      }
      return call.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new HttpTimeoutException("no complete response within " + timeoutMs + " ms");
    } catch (CancellationException e) {
      throw stopped("Stopped during " + shown);
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (closed || failure instanceof CancellationException) {
        // the client may report the cancellation as the exchange's failure
        throw stopped("Stopped during " + shown);
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error err) {
        throw err;
      }
      throw new ConnectException("Cannot request " + shown, failure);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new ConnectException("Interrupted while requesting " + shown, e);
    } finally {
      inFlight = null;
    }
  }

  /** The failure of a 2xx response whose body is over the limit, which was not read on. */
  private MalformedPayloadException oversized(HttpResponse<?> response, String shown) {
    int limit = settings.maxResponseBytes();
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    oversized++;
    return new MalformedPayloadException(
        "Body of "
            + shown
            + " is larger than "
            + limit
            + " bytes"
            + (declared > limit ? " (Content-Length " + declared + ")" : "")
            + "; not read on",
        null);
  }

  private static RetryLaterException stopped(String message) {
    return new RetryLaterException(message, -1, 0, -1, null);
  }

  private void pause(long ms) {
    long end = time.milliseconds() + ms;
    long left = ms;
    while (left > 0 && !closed) {
      time.sleep(Math.min(left, WAIT_SLICE_MS));
      left = end - time.milliseconds();
    }
  }

  private static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.length() > BODY_EXCERPT) {
      text = text.substring(0, BODY_EXCERPT) + "...";
    }
    return ": " + text;
  }
}
