package io.sociallistening.topology.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden test of the VADER-compatible core against the reference VADER, the npm package {@code
 * vader-sentiment} pinned in {@code topology/src/test/node}.
 *
 * <p>What is compared: the compound of {@link SentimentScorer#vaderCompatible()} rounded half-up to
 * 4 decimals, against the compound the npm package prints (it rounds to 4 decimals itself) for the
 * examples of the vaderSentiment README ({@code vader_readme_examples.tsv}). The npm values are
 * committed in {@code vader_npm_golden.tsv} (written by {@code topology/src/test/node/golden.sh}),
 * so the test is deterministic without node; when {@code node_modules} is installed the golden file
 * itself is checked against the live package.
 *
 * <p>Two README examples differ on purpose: the npm port matches "not" and "but" case-sensitively,
 * so it ignores the capitalised "Not" of "Not bad at all" and the "But" of "... sux! But I'll get
 * by, lol", while VADER (the authors' Python implementation, whose README prints 0.431 and 0.5249)
 * and our core do not. For those two the test asserts that our core gives VADER's README value and
 * that npm gives our value once the word is written in lower case.
 */
class VaderGoldenTest {
  private static final SentimentScorer CORE = SentimentScorer.vaderCompatible();
  private static final Set<String> CASE_SENSITIVE_IN_NPM =
      Set.of("Not bad at all", "Today only kinda sux! But I'll get by, lol");

  @Test
  void shouldEqualTheNpmReferenceOnVaderReadmeExamples() throws IOException {
    Map<String, Double> golden = read("/sentiment/vader_npm_golden.tsv");
    Map<String, Double> readme = read("/sentiment/vader_readme_examples.tsv");
    int compared = 0;
    for (Map.Entry<String, Double> example : readme.entrySet()) {
      String text = example.getKey();
      double ours = fourDecimals(CORE.score(text).compound());
      if (CASE_SENSITIVE_IN_NPM.contains(text)) {
        assertThat(ours).as(text).isEqualTo(example.getValue());
        assertThat(golden.get(text)).as(text).isNotEqualTo(ours);
        String lowerCased = text.replace("Not ", "not ").replace("But ", "but ");
        assertThat(golden.get(lowerCased)).as(lowerCased).isEqualTo(ours);
      } else {
        assertThat(ours).as(text).isEqualTo(golden.get(text));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(13);
  }

  @Test
  void shouldHaveGoldenValuesThatTheInstalledNpmPackagePrints() throws Exception {
    VaderReference reference = VaderReference.locate();
    assumeTrue(reference.installed(), "npm ci has not been run in topology/src/test/node");
    Map<String, Double> golden = read("/sentiment/vader_npm_golden.tsv");
    List<String> texts = new ArrayList<>(golden.keySet());

    double[] live = reference.compounds(texts);

    for (int i = 0; i < texts.size(); i++) {
      assertThat(live[i]).as(texts.get(i)).isEqualTo(golden.get(texts.get(i)));
    }
  }

  private static double fourDecimals(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static Map<String, Double> read(String resource) throws IOException {
    Map<String, Double> rows = new LinkedHashMap<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                VaderGoldenTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] fields = line.split("\t");
          rows.put(fields[0], Double.parseDouble(fields[1]));
        }
      }
    }
    return rows;
  }
}
