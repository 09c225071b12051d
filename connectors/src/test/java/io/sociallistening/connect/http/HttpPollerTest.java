package io.sociallistening.connect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.connect.FakeTime;
import io.sociallistening.connect.http.ReplayServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpPollerTest {
  private static final long T0 = 1_767_607_200_000L;
  private final ReplayServer server = new ReplayServer();
  private final FakeTime time = new FakeTime(T0);

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpPoller poller(int attempts) {
    return new HttpPoller(
        new HttpSettings(
            HttpSettings.DEFAULT_USER_AGENT,
            Duration.ofSeconds(5),
            new RetryPolicy(
                attempts, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(60))),
        time,
        false);
  }

  private long slept() {
    return time.sleeps.stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void shouldReturnTheBodyOfA200WithOneRequest() {
    server.enqueue(Reply.ok("{\"a\":1}", "application/json"));
    HttpPoller poller = poller(3);

    HttpPoller.Response r = poller.get(URI.create(server.url("/x?q=1")), Map.of("Accept", "a/b"));

    assertThat(r.text()).isEqualTo("{\"a\":1}");
    assertThat(poller.requests()).isEqualTo(1);
    assertThat(server.requests().get(0).header("Accept")).isEqualTo("a/b");
    assertThat(server.requests().get(0).header("User-Agent")).startsWith("social-listening/");
  }

  @Test
  void shouldWaitRetryAfterSecondsOn429ThenSucceed() {
    server.enqueue(Reply.status(429).withHeader("Retry-After", "7"), Reply.ok("ok", "text/plain"));
    HttpPoller poller = poller(3);

    HttpPoller.Response r = poller.get(URI.create(server.url("/x")), Map.of());

    assertThat(r.text()).isEqualTo("ok");
    assertThat(poller.requests()).isEqualTo(2);
    assertThat(poller.retries()).isEqualTo(1);
    assertThat(slept()).isEqualTo(7_000);
    assertThat(time.sleeps).allMatch(s -> s <= HttpPoller.WAIT_SLICE_MS);
  }

  @Test
  void shouldWaitUntilTheRateLimitResetsOn429WithoutRetryAfter() {
    // Mastodon's 429 names the instant its limit resets instead of sending Retry-After
    server.enqueue(
        Reply.status(429).withHeader("X-RateLimit-Reset", "2026-01-05T10:00:09.000Z"),
        Reply.ok("ok", "text/plain"));
    HttpPoller poller = poller(3);

    HttpPoller.Response r = poller.get(URI.create(server.url("/x")), Map.of());

    assertThat(r.text()).isEqualTo("ok");
    assertThat(slept()).isEqualTo(9_000);
  }

  @Test
  void shouldReadARateLimitResetAsAnInstantOrSeconds() {
    assertThat(HttpErrors.rateLimitResetMs("2026-01-05T10:00:30.000Z", T0)).isEqualTo(30_000);
    assertThat(HttpErrors.rateLimitResetMs("2026-01-05T10:00:30+01:00", T0)).isZero();
    assertThat(HttpErrors.rateLimitResetMs("42", T0)).isEqualTo(42_000);
    assertThat(HttpErrors.rateLimitResetMs("1.5", T0)).isEqualTo(1_500);
    assertThat(HttpErrors.rateLimitResetMs("later", T0)).isEqualTo(-1);
    assertThat(HttpErrors.rateLimitResetMs(null, T0)).isEqualTo(-1);
  }

  @Test
  void shouldBackOffExponentiallyOn5xxUpToTheCap() {
    server.enqueue(
        Reply.status(500), Reply.status(502), Reply.status(503), Reply.ok("ok", "text/plain"));
    HttpPoller poller = poller(5);

    poller.get(URI.create(server.url("/x")), Map.of());

    // 1 s, 2 s, 4 s
    assertThat(slept()).isEqualTo(7_000);
    assertThat(poller.requests()).isEqualTo(4);
  }

  @Test
  void shouldGiveUpAfterMaxAttemptsWithTheTimeToRetryAt() {
    server.fallback(Reply.status(503));
    HttpPoller poller = poller(3);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/feed")), Map.of()))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              // waited 1 s + 2 s, next backoff 4 s
              assertThat(e.retryAtMs()).isEqualTo(T0 + 3_000 + 4_000);
            })
        .hasMessage(
            "HTTP 503 from GET " + server.url("/feed") + " (attempt 3 of 3); giving up for now");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void shouldNotWaitInPlaceForARetryAfterLongerThanTheMaximum() {
    server.enqueue(Reply.status(429).withHeader("Retry-After", "3600"));
    HttpPoller poller = poller(3);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/x")), Map.of()))
        .isInstanceOfSatisfying(
            RetryLaterException.class, e -> assertThat(e.retryAtMs()).isEqualTo(T0 + 3_600_000));
    assertThat(time.sleeps).isEmpty();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldFailAt401WithTheUrlAndNoRetry() {
    server.enqueue(Reply.status(401));
    HttpPoller poller = poller(3);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/private")), Map.of()))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.authentication()).isTrue())
        .hasMessage(
            "HTTP 401 from GET "
                + server.url("/private")
                + " (authentication refused): {\"message\":\"status 401\"}");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldHideThePathOfASecretUrl() {
    server.enqueue(Reply.status(404));
    HttpPoller poller =
        new HttpPoller(
            new HttpSettings(
                "test",
                Duration.ofSeconds(5),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
            time,
            true);
    URI uri = URI.create(server.url("/services/T000/B000/secret"));

    assertThatThrownBy(() -> poller.post(uri, Map.of(), "application/json", "{}"))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageNotContaining("secret")
        .hasMessageStartingWith("HTTP 404 from POST " + server.url("/..."));
  }

  @Test
  void shouldRetryAConnectionFailure() {
    String url = server.url("/x");
    server.close();
    HttpPoller poller = poller(2);

    assertThatThrownBy(() -> poller.get(URI.create(url), Map.of()))
        .isInstanceOfSatisfying(
            RetryLaterException.class, e -> assertThat(e.status()).isEqualTo(-1))
        .hasMessageContaining("(attempt 2 of 2)");
    assertThat(slept()).isEqualTo(1_000);
  }

  @Test
  void shouldReadRetryAfterAsSecondsOrHttpDate() {
    assertThat(HttpErrors.retryAfterMs("120", 0)).isEqualTo(120_000);
    assertThat(HttpErrors.retryAfterMs("Mon, 05 Jan 2026 10:00:30 GMT", T0)).isEqualTo(30_000);
    assertThat(HttpErrors.retryAfterMs("Mon, 05 Jan 2026 09:00:00 GMT", T0)).isZero();
    assertThat(HttpErrors.retryAfterMs("soon", 0)).isEqualTo(-1);
    assertThat(HttpErrors.retryAfterMs("12abc", 0)).isEqualTo(-1);
    assertThat(HttpErrors.retryAfterMs(null, 0)).isEqualTo(-1);
  }

  @Test
  void shouldReadAServersWaitLongerThanADayAsADay() {
    assertThat(HttpErrors.retryAfterMs("86400", T0)).isEqualTo(86_400_000);
    assertThat(HttpErrors.retryAfterMs("86401", T0)).isEqualTo(HttpErrors.MAX_SERVER_WAIT_MS);
    assertThat(HttpErrors.retryAfterMs("9223372036854775807", T0)).isEqualTo(86_400_000);
    assertThat(HttpErrors.retryAfterMs("99999999999999999999999", T0)).isEqualTo(86_400_000);
    assertThat(HttpErrors.retryAfterMs("Fri, 31 Dec 9999 23:59:59 GMT", T0)).isEqualTo(86_400_000);
    assertThat(HttpErrors.rateLimitResetMs("1e999", T0)).isEqualTo(-1);
    assertThat(HttpErrors.rateLimitResetMs("99999999999999999999999", T0)).isEqualTo(86_400_000);
    assertThat(HttpErrors.rateLimitResetMs("+999999999-12-31T23:59:59Z", T0)).isEqualTo(86_400_000);
  }

  @Test
  void shouldRetryAtADayLaterWhenTheServerAsksForEndlessWait() {
    server.enqueue(Reply.status(503).withHeader("Retry-After", "9223372036854775807"));
    HttpPoller poller = poller(3);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/x")), Map.of()))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.retryAfterMs()).isEqualTo(86_400_000L);
              assertThat(e.retryAtMs()).isEqualTo(T0 + 86_400_000L);
            });
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void shouldNameTheKeysToCheckWhenRefused() {
    server.enqueue(Reply.status(403), Reply.status(404));
    HttpPoller poller = poller(3);
    URI uri = URI.create(server.url("/token"));

    assertThatThrownBy(() -> poller.post(uri, Map.of(), "text/plain", "x", "a.key and b.key"))
        .hasMessage(
            "HTTP 403 from POST "
                + server.url("/token")
                + " (authentication refused: check a.key and b.key): {\"message\":\"status 403\"}");
    assertThatThrownBy(() -> poller.get(uri, Map.of(), "a.key"))
        .hasMessage(
            "HTTP 404 from GET "
                + server.url("/token")
                + " (check a.key): {\"message\":\"status 404\"}");
  }

  @Test
  void shouldFailAtOnceWithTheServersWaitWhenOneAttemptIsAllowed() {
    server.enqueue(Reply.status(429).withHeader("Retry-After", "7"));
    HttpPoller poller = poller(1);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/x")), Map.of()))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.retryAfterMs()).isEqualTo(7_000L);
              assertThat(e.retryAtMs()).isEqualTo(T0 + 7_000);
            });
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void shouldClassifyStatuses() {
    assertThat(HttpErrors.classify(204)).isEqualTo(HttpErrors.Outcome.SUCCESS);
    assertThat(HttpErrors.classify(429)).isEqualTo(HttpErrors.Outcome.RETRIABLE);
    assertThat(HttpErrors.classify(503)).isEqualTo(HttpErrors.Outcome.RETRIABLE);
    assertThat(HttpErrors.classify(408)).isEqualTo(HttpErrors.Outcome.RETRIABLE);
    assertThat(HttpErrors.classify(403)).isEqualTo(HttpErrors.Outcome.AUTHENTICATION);
    assertThat(HttpErrors.classify(404)).isEqualTo(HttpErrors.Outcome.FATAL);
  }

  @Test
  void shouldStripHtml() {
    assertThat(HtmlText.plain("<p>I&#x27;d pick <i>Acme</i></p><p>over &lt;them&gt;</p>"))
        .isEqualTo("I'd pick Acme over <them>");
    assertThat(HtmlText.plain("  plain text ")).isEqualTo("plain text");
  }

  private HttpPoller poller(int attempts, int maxResponseBytes) {
    return new HttpPoller(
        new HttpSettings(
            HttpSettings.DEFAULT_USER_AGENT,
            Duration.ofSeconds(5),
            new RetryPolicy(
                attempts, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(60)),
            maxResponseBytes),
        time,
        false);
  }

  @Test
  void shouldReturnABodyOfExactlyTheLimit() {
    server.enqueue(Reply.ok("a".repeat(1024), "text/plain").chunked());
    HttpPoller poller = poller(3, 1024);

    HttpPoller.Response r = poller.get(URI.create(server.url("/x")), Map.of());

    assertThat(r.body()).hasSize(1024);
    assertThat(poller.oversized()).isEqualTo(0);
  }

  @Test
  void shouldStopReadingAChunkedBodyOverTheLimitWithoutRetrying() {
    server.enqueue(Reply.ok("a".repeat(64 * 1024), "text/plain").chunked());
    HttpPoller poller = poller(3, 1024);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/big")), Map.of()))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage(
            "Body of GET " + server.url("/big") + " is larger than 1024 bytes; not read on");
    assertThat(poller.oversized()).isEqualTo(1);
    assertThat(poller.requests()).isEqualTo(1);
  }

  @Test
  void shouldNotReadABodyWhoseContentLengthIsOverTheLimit() {
    server.enqueue(Reply.ok("a".repeat(2000), "text/plain"));
    HttpPoller poller = poller(3, 1024);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/big")), Map.of()))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage(
            "Body of GET "
                + server.url("/big")
                + " is larger than 1024 bytes (Content-Length 2000); not read on");
    assertThat(poller.oversized()).isEqualTo(1);
  }

  @Test
  void shouldShowOnlyTheStartOfALongErrorBody() {
    server.enqueue(new Reply(404, Map.of(), ("x".repeat(300)).getBytes()).chunked());
    HttpPoller poller = poller(1, 1024);

    assertThatThrownBy(() -> poller.get(URI.create(server.url("/gone")), Map.of()))
        .isInstanceOf(HttpStatusException.class)
        .hasMessage("HTTP 404 from GET " + server.url("/gone") + ": " + "x".repeat(200) + "...");
    assertThat(poller.oversized()).isEqualTo(0);
  }

  private HttpPoller poller(Duration timeout, int attempts) {
    return new HttpPoller(
        new HttpSettings(
            HttpSettings.DEFAULT_USER_AGENT,
            timeout,
            new RetryPolicy(
                attempts, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(60))),
        time,
        false);
  }

  /** The outcome of {@code poller.get(url)} run on another thread: the response or the failure. */
  private static CompletableFuture<Object> getAsync(HttpPoller poller, String url) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return poller.get(URI.create(url), Map.of());
          } catch (RuntimeException e) {
            return e;
          }
        });
  }

  @Test
  void shouldTimeOutABodyThatStallsAfterTheHeaders() throws Exception {
    try (StallingServer stalling = new StallingServer()) {
      HttpPoller poller = poller(Duration.ofMillis(500), 2);

      // without a bound on the body this call would never return
      Object outcome = getAsync(poller, stalling.url("/stall")).get(10, TimeUnit.SECONDS);

      assertThat(outcome)
          .isInstanceOfSatisfying(
              RetryLaterException.class,
              e ->
                  assertThat(e)
                      .hasMessage(
                          "HttpTimeoutException: no complete response within 500 ms from GET "
                              + stalling.url("/stall")
                              + " (attempt 2 of 2); giving up for now"));
      assertThat(stalling.requests()).isEqualTo(2);
      assertThat(slept()).isEqualTo(1_000);
    }
  }

  @Test
  void shouldEndARequestInFlightWhenClosed() throws Exception {
    try (StallingServer stalling = new StallingServer()) {
      HttpPoller poller = poller(Duration.ofMinutes(10), 4);
      CompletableFuture<Object> call = getAsync(poller, stalling.url("/stall"));
      assertThat(stalling.awaitStall()).isTrue();

      poller.close();

      assertThat(call.get(10, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(
              RetryLaterException.class,
              e -> assertThat(e).hasMessage("Stopped during GET " + stalling.url("/stall")));
      assertThat(stalling.requests()).isEqualTo(1);
    }
  }
}
