package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's page in headless Chromium against an API that each test plays ({@code
 * src/test/node/dashboard-page.mjs}): no instance runs, so the API can fail, stall, end the alert
 * stream or send hostile text. The page is served with the instance's Content-Security-Policy, and
 * a scenario fails on any violation of it. {@code DashboardIT} shows the page against a real stack.
 */
class DashboardPageIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldLinkALeadsPostOnlyByAnHttpAddress() throws Exception {
    JsonNode shown = scenario("hostile-lead");

    assertThat(shown.get("links").toString()).isEqualTo("[\"https://example.com/p?a=1&b=2\"]");
    assertThat(shown.get("posts").toString())
        .isEqualTo(
            "[\"cheap <img src=x onerror=\\\"document.body.dataset.pwned='img'\\\">\","
                + "\"second\",\"third\"]");
    assertThat(shown.get("images").asInt()).isZero();
    assertThat(shown.get("pwned").isNull()).isTrue();
  }

  @Test
  void shouldOpenTheAlertStreamAgainAfterAnHttpErrorAnswer() throws Exception {
    // a browser's EventSource gives up for good on an HTTP error (here a 503 from a proxy)
    JsonNode shown = scenario("stream-http-error");

    assertThat(shown.get("streamRequests").asInt()).isEqualTo(2);
    assertThat(shown.get("alerts").toString()).isEqualTo("[\"a2\",\"a1\"]");
  }

  @Test
  void shouldShowTheAlertsPublishedWhileTheStreamReconnected() throws Exception {
    // a2 is published while the browser reconnects, so it never comes over the stream
    JsonNode shown = scenario("reconnect");

    assertThat(shown.get("streamRequests").asInt()).isEqualTo(2);
    assertThat(shown.get("alerts").toString()).isEqualTo("[\"a2\",\"a1\"]");
  }

  @Test
  void shouldShowTheAlertsOnceTheInstanceAnswersAfterAFailedFirstRequest() throws Exception {
    // the first /api/alerts answers 503 (the instance is starting)
    JsonNode shown = scenario("start-fails");

    assertThat(shown.get("alertRequests").asInt()).isEqualTo(2);
    assertThat(shown.get("alerts").toString()).isEqualTo("[\"a1\"]");
    assertThat(shown.get("loaded").asText()).isEqualTo("true");
  }

  @Test
  void shouldAskForTheLeadQueueOnceAtATimeWhileLeadAlertsArriveInABurst() throws Exception {
    // 50 lead alerts over the stream; each used to send its own request for the lead queue
    JsonNode shown = scenario("lead-burst");

    // the first load, then one more after the burst (or two, should it arrive during the second)
    assertThat(shown.get("leadRequests").asInt()).isBetween(2, 3);
  }

  @Test
  void shouldKeepTheChosenWindowSizeWhenAnAnswerForTheOtherSizeArrivesLater() throws Exception {
    // a slow answer for 1-minute windows arrives after the switch to 1-hour windows
    JsonNode shown = scenario("size-switch");

    assertThat(shown.get("size").asText()).isEqualTo("1h");
    assertThat(shown.get("points").asInt()).as("the two 1-hour windows").isEqualTo(2);
  }

  @Test
  void shouldWaitForOneChartRefreshAtATimeAndGiveUpAfter30sWithoutAnAnswer() throws Exception {
    // the windows API stops answering; two minutes of the page's clock pass
    JsonNode shown = scenario("hung-api");

    assertThat(shown.get("mostWaiting").asInt()).isEqualTo(1);
    assertThat(shown.get("note").asText())
        .isEqualTo("9 mentions · net sentiment 0.00 · last known, now no answer in 30 s");
  }

  @Test
  void shouldPlaceEachWindowOfAChartAtItsTime() throws Exception {
    // 1-minute windows at 10:00, 10:01 and 10:05: the minutes between had no mentions
    JsonNode shown = scenario("gaps");

    // six one-minute slots of 94 units from x = 18; the third window in the sixth slot
    assertThat(shown.get("bars").toString()).isEqualTo("[18,112,488]");
    assertThat(shown.get("lines").toString())
        .isEqualTo("[\"65.0,55.0 159.0,55.0\",\"535.0,55.0\"]");
  }

  @Test
  void shouldShowTimesInTheBrowsersTimeZone() throws Exception {
    // a person in New York (UTC-5 in January); the API's times are UTC
    JsonNode shown = scenario("time-zone");

    assertThat(shown.get("alertTime").asText()).isEqualTo("2026-01-05 05:05");
    assertThat(shown.get("leadTime").asText()).isEqualTo("2026-01-05 05:03");
    assertThat(shown.get("chartLabels").toString())
        .isEqualTo("[\"2026-01-05 05:00\",\"2026-01-05 05:05\",\"max 4\"]");
    assertThat(shown.get("barTitle").asText()).isEqualTo("2026-01-05 05:00: 4 mentions, net 0.00");
    assertThat(shown.get("zone").asText()).isEqualTo("times in America/New_York");
  }

  private static JsonNode scenario(String name) throws Exception {
    Path node = Path.of(System.getProperty("compat.client.dir", "src/test/node"));
    Path web =
        Path.of(System.getProperty("basedir", "."))
            .resolve("src/main/resources/web")
            .toAbsolutePath();
    Path output = Files.createTempFile("dashboard-page", ".json");
    Path errors = Files.createTempFile("dashboard-page", ".err");
    Process process =
        new ProcessBuilder(
                "node",
                "dashboard-page.mjs",
                web.toString(),
                name,
                WebServer.CONTENT_SECURITY_POLICY)
            .directory(node.toFile())
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The headless browser did not finish " + name);
    }
    assertThat(process.exitValue()).as(Files.readString(errors, StandardCharsets.UTF_8)).isZero();
    JsonNode shown = JSON.readTree(Files.readString(output, StandardCharsets.UTF_8));
    assertThat(shown.get("pageErrors")).as(name).isEmpty();
    assertThat(shown.get("policyViolations")).as(name).isEmpty();
    return shown;
  }
}
