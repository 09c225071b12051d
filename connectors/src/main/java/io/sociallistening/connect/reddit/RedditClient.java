package io.sociallistening.connect.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.connect.http.HttpErrors;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.HttpStatusException;
import io.sociallistening.connect.http.RequestGate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Reads pages of Reddit listings. Without a client id it reads the public JSON pages under {@code
 * reddit.base.url}; with one it first gets an application-only token from {@code reddit.token.url}
 * (client_credentials grant, HTTP Basic with id and secret), renews it a minute before it expires
 * and reads {@code reddit.oauth.url} with {@code Authorization: bearer <token>}; a listing answered
 * with 401 drops the token and is asked once more with a new one. After each response it honours
 * Reddit's rate-limit headers: when {@code X-Ratelimit-Remaining} is below 1, requests pause for
 * {@code X-Ratelimit-Reset} seconds (through the {@link RequestGate}). A refusal of the token
 * endpoint (any 4xx but 408, 425 and 429) is a plain {@link ConnectException} that stops the task,
 * never the refusal of one feed.
 */
final class RedditClient {
  static final String REMAINING = "X-Ratelimit-Remaining";
  static final String RESET = "X-Ratelimit-Reset";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long RENEW_BEFORE_MS = 60_000;
  private static final String ACCEPT = "Accept";
  private static final String JSON = "application/json";

  private final RedditSourceConfig config;
  private final HttpPoller api;
  private final RequestGate gate;
  private final LongSupplier clockMs;
  private String token;
  private long tokenExpiresMs;

  RedditClient(RedditSourceConfig config, HttpPoller api, RequestGate gate, LongSupplier clockMs) {
    this.config = config;
    this.api = api;
    this.gate = gate;
    this.clockMs = clockMs;
  }

  /** The body of one listing page of {@code feed}. */
  HttpPoller.Response page(RedditFeed feed, String after) {
    String pathAndQuery = feed.pageUrl(config.pageLimit(), after);
    HttpPoller.Response response;
    if (config.authenticated()) {
      try {
        response = authenticatedGet(pathAndQuery);
      } catch (HttpStatusException e) {
        if (e.status() != 401) {
          throw e;
        }
        // the token was revoked or expired early: one new token, then a 401 is final
        token = null;
        response = authenticatedGet(pathAndQuery);
      }
    } else {
      response = api.get(URI.create(config.baseUrl() + pathAndQuery), Map.of(ACCEPT, JSON), null);
    }
    observeRateLimit(response);
    return response;
  }

  private HttpPoller.Response authenticatedGet(String pathAndQuery) {
    return api.get(
        URI.create(config.oauthUrl() + pathAndQuery),
        Map.of(ACCEPT, JSON, "Authorization", "bearer " + token()),
        RedditSourceConfig.CLIENT_ID_CONFIG + " and " + RedditSourceConfig.CLIENT_SECRET_CONFIG);
  }

  /** Pauses requests when the window's budget is spent. */
  void observeRateLimit(HttpPoller.Response response) {
    OptionalDouble remaining = response.number(REMAINING);
    OptionalLong reset = response.wholeNumber(RESET);
    if (remaining.isPresent() && remaining.getAsDouble() < 1 && reset.isPresent()) {
      // a reset beyond a day is read as a day, so the pause neither overflows nor lasts for good
      long seconds = Math.min(Math.max(0, reset.getAsLong()), HttpErrors.MAX_SERVER_WAIT_MS / 1000);
      gate.pauseUntil(clockMs.getAsLong() + seconds * 1000);
    }
  }

  private String token() {
    long now = clockMs.getAsLong();
    if (token != null && now < tokenExpiresMs - RENEW_BEFORE_MS) {
      return token;
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
    HttpPoller.Response response;
    try {
      response =
          api.post(
              URI.create(config.tokenUrl()),
              Map.of(ACCEPT, JSON, "Authorization", "Basic " + basic),
              "application/x-www-form-urlencoded",
              "grant_type=client_credentials",
              RedditSourceConfig.CLIENT_ID_CONFIG
                  + " and "
                  + RedditSourceConfig.CLIENT_SECRET_CONFIG);
    } catch (HttpStatusException e) {
      // every feed reads with this token: a refusal here (403 included) stops the task
      throw new ConnectException(e.getMessage(), e);
    }
    try {
      JsonNode root = MAPPER.readTree(response.body());
      JsonNode access = root == null ? null : root.get("access_token");
      if (access == null || !access.isTextual() || access.textValue().isEmpty()) {
        JsonNode error = root == null ? null : root.get("error");
        throw new ConnectException(
            "No access_token from POST "
                + config.tokenUrl()
                + (error == null ? "" : " (error " + error + ")")
                + ": check "
                + RedditSourceConfig.CLIENT_ID_CONFIG
                + " and "
                + RedditSourceConfig.CLIENT_SECRET_CONFIG);
      }
      JsonNode expires = root.get("expires_in");
      long expiresInMs =
          expires != null && expires.isNumber() ? expires.longValue() * 1000 : 3_600_000;
      token = access.textValue();
      tokenExpiresMs = now + expiresInMs;
      return token;
    } catch (IOException e) {
      throw new ConnectException("Token response of POST " + config.tokenUrl() + " is not JSON", e);
    }
  }
}
