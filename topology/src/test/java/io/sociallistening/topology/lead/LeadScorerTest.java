package io.sociallistening.topology.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadScorerTest {
  private static final LeadScorer SCORER = LeadScorer.loadDefault();

  /** Rows of posts.jsonl: text, competitor, and the expected lead, score and reasons. */
  static List<Arguments> posts() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Arguments> posts = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                LeadScorerTest.class.getResourceAsStream("/lead/posts.jsonl"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode row = mapper.readTree(line);
        List<String> reasons = new ArrayList<>();
        row.get("reasons").forEach(reason -> reasons.add(reason.asText()));
        posts.add(
            Arguments.of(
                row.get("text").asText(),
                row.get("competitor").asBoolean(),
                row.get("lead").asBoolean(),
                row.get("score").asDouble(),
                reasons));
      }
    }
    return posts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("posts")
  void shouldScoreRealisticPosts(
      String text, boolean competitor, boolean lead, double score, List<String> reasons) {
    LeadResult result = SCORER.score(text, competitor);

    assertThat(result.lead()).isEqualTo(lead);
    assertThat(result.score()).isCloseTo(score, within(0.00005));
    assertThat(result.reasons()).containsExactlyElementsOf(reasons);
  }

  @Test
  void shouldHaveTwentyLeadsAndSixteenNonLeadsInTheFixture() throws IOException {
    assertThat(posts()).filteredOn(row -> (Boolean) row.get()[2]).hasSize(20);
    assertThat(posts()).hasSize(36);
  }

  @Test
  void shouldCountSwitchingPhrasesOnlyWhenACompetitorIsMentioned() {
    String post = "Switching from Globex next week";

    assertThat(SCORER.score(post).reasons()).isEmpty();
    assertThat(SCORER.score(post, true).reasons())
        .containsExactly("switching from competitor: \"switching from\"");
    assertThat(SCORER.score(post, true).lead()).isTrue();
  }

  @Test
  void shouldCountSecondPersonOnlyInQuestions() {
    assertThat(SCORER.score("you rock").reasons()).isEmpty();
    assertThat(SCORER.score("can you help?").reasons())
        .containsExactly("question to the brand: \"you\"");
  }

  @Test
  void shouldCountEachReasonOnceAtItsStrongestWeight() {
    // "do you have" (0.75) and "you" (0.3) are both questions to the brand: 1 - exp(-0.75)
    LeadResult result = SCORER.score("do you have it in red? and you ship to Porto?");

    assertThat(result.score()).isCloseTo(1 - Math.exp(-0.75), within(1e-12));
    assertThat(result.reasons())
        .containsExactly(
            "question to the brand: \"do you have\"", "question to the brand: \"you\"");
  }

  @Test
  void shouldMatchWholeWordsOnly() {
    assertThat(SCORER.score("the versus-less canvas").reasons())
        .containsExactly("comparison: \"versus\"");
    assertThat(SCORER.score("this is a winning design").reasons()).isEmpty();
  }

  @Test
  void shouldMatchIgnoringCaseAccentsAndCurlyApostrophes() {
    assertThat(SCORER.score("WHAT’S THE BEST router?").reasons())
        .containsExactly("recommendation request: \"what's the best\"");
    assertThat(SCORER.score("Alguém recomenda?").reasons())
        .containsExactly("recommendation request: \"alguem recomenda\"");
  }

  @Test
  void shouldApplyAnotherThreshold() {
    LeadScorer strict = SCORER.withThreshold(0.6);

    assertThat(strict.threshold()).isEqualTo(0.6);
    assertThat(SCORER.threshold()).isEqualTo(0.5);
    assertThat(strict.score("Should I buy the S25?").lead()).isFalse();
    assertThat(SCORER.score("Should I buy the S25?").lead()).isTrue();
  }

  @Test
  void shouldRejectThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> SCORER.withThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead threshold must be in 0..1, got 1.5");
    assertThatThrownBy(() -> SCORER.withThreshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldScoreEmptyTextAsNoLead() {
    assertThat(SCORER.score("")).isEqualTo(new LeadResult(0.0, false, List.of()));
    assertThat(SCORER.score(null)).isEqualTo(new LeadResult(0.0, false, List.of()));
  }
}
