package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.app.local.LocalStack;
import io.sociallistening.app.local.LocalStackConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as a person sees it: the local stack (token required) replays the bundled sample,
 * headless Chromium opens the printed URL, and the page shows every brand's chart with data, the
 * sample's crisis with its explanation, and the lead queue; while the windows API answers 503 the
 * charts keep what they showed. The screenshot stays in {@code target/dashboard.png}.
 */
class DashboardIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "dashboard-token";

  @TempDir Path dataDir;

  @Test
  void shouldShowBrandChartsTheCrisisWithItsExplanationAndLeads() throws Exception {
    LocalStackConfig config =
        LocalStackConfig.load(
            Map.of(),
            Map.of(
                LocalStackConfig.DATA_DIR, dataDir.toString(),
                LocalStackConfig.KAFKA_PORT, "0",
                LocalStackConfig.CONTROLLER_PORT, "0",
                LocalStackConfig.REGISTRY_PORT, "0",
                LocalStackConfig.CONNECT_PORT, "0",
                LocalStackConfig.HTTP_PORT, "0",
                LocalStackConfig.REPLAY_SPEEDUP, "0"));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (LocalStack stack =
        LocalStack.start(
            config,
            Map.of("SOCIAL_LISTENING_HTTP_TOKEN", TOKEN),
            new PrintStream(console, true, StandardCharsets.UTF_8))) {
      String url = stack.dashboardUrl().orElseThrow();
      assertThat(url).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("  Dashboard           " + url + "/");
      awaitCrisis(url);

      Path screenshot = Path.of(System.getProperty("basedir", ".")).resolve("target/dashboard.png");
      Files.createDirectories(screenshot.getParent());
      Files.deleteIfExists(screenshot);
      JsonNode shown = browse(url + "/#token=" + TOKEN, screenshot, url + "/");

      assertThat(shown.get("consoleErrors")).as(shown.toString()).isEmpty();
      assertThat(shown.get("status").asText()).isEqualTo("live");
      assertThat(shown.get("tokenInUrl").asBoolean()).isFalse();
      List<String> brands = new ArrayList<>();
      for (JsonNode brand : shown.get("brands")) {
        brands.add(brand.get("brand").asText());
        assertThat(brand.get("points").asInt()).as(brand.toString()).isPositive();
        assertThat(brand.get("bars").asInt()).isEqualTo(brand.get("points").asInt());
        assertThat(brand.get("line").asBoolean()).isTrue();
      }
      assertThat(brands).containsExactly("acme-air", "brewly", "nimbus", "skyways");
      // While the windows API answers 503 (stores rebalancing), each chart keeps the windows it
      // showed, said to be the last known, rather than dropping to 0 mentions.
      for (JsonNode brand : shown.get("whileUnavailable")) {
        JsonNode before = null;
        for (JsonNode shownBefore : shown.get("brands")) {
          if (shownBefore.get("brand").equals(brand.get("brand"))) {
            before = shownBefore;
          }
        }
        assertThat(brand.get("points")).as(brand.toString()).isEqualTo(before.get("points"));
        assertThat(brand.get("note").asText()).contains("last known").contains("HTTP 503");
      }
      assertThat(shown.get("whileUnavailable")).hasSize(4);
      JsonNode crisis = null;
      for (JsonNode alert : shown.get("alerts")) {
        if (alert.get("type").asText().equals("CRISIS_OPENED")) {
          crisis = alert;
        }
      }
      assertThat(crisis).as(shown.toString()).isNotNull();
      assertThat(crisis.get("brand").asText()).isEqualTo("acme-air");
      assertThat(crisis.get("summary").asText()).isNotBlank();
      assertThat(crisis.get("terms")).isNotEmpty();
      assertThat(crisis.get("explanation").asText()).contains("negative ").contains("@");
      assertThat(shown.get("leads")).isNotEmpty();
      assertThat(shown.get("loginShownWithoutToken").asBoolean()).isTrue();
      assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }
  }

  private static void awaitCrisis(String url) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (System.nanoTime() < deadline) {
      var response = Http.get(url + "/api/alerts?limit=500", TOKEN);
      if (response.statusCode() == 200 && response.body().contains("\"CRISIS_OPENED\"")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No crisis alert reached the API");
  }

  private static JsonNode browse(String url, Path screenshot, String plainUrl) throws Exception {
    Path dir = Path.of(System.getProperty("compat.client.dir", "src/test/node"));
    Path output = Files.createTempFile("dashboard", ".json");
    Path errors = Files.createTempFile("dashboard", ".err");
    Process process =
        new ProcessBuilder("node", "dashboard.mjs", url, screenshot.toString(), plainUrl)
            .directory(dir.toFile())
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The headless browser did not finish");
    }
    assertThat(process.exitValue()).as(Files.readString(errors, StandardCharsets.UTF_8)).isZero();
    return JSON.readTree(Files.readString(output, StandardCharsets.UTF_8));
  }
}
