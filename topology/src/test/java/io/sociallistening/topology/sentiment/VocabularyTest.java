package io.sociallistening.topology.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final Vocabulary WORDS =
      Vocabulary.of(Map.of("good", 1.9, ":)", 2.0), Set.of("least"), Set.of("day"));

  @Test
  void shouldFindAWordByCharRangeWithItsValence() {
    char[] chars = "a good day".toCharArray();

    int good = WORDS.find(chars, 2, 6);

    assertThat(WORDS.word(good)).isEqualTo("good");
    assertThat(WORDS.valence(good)).isEqualTo(1.9);
    assertThat(WORDS.find(":)".toCharArray(), 0, 2)).isEqualTo(WORDS.find(":)"));
    assertThat(WORDS.find(chars, 2, 5)).isEqualTo(-1);
    assertThat(WORDS.find(chars, 0, 1)).isEqualTo(-1);
  }

  @Test
  void shouldKnowRuleWordsWithoutValence() {
    int least = WORDS.find("least");
    int very = WORDS.find("very");
    int day = WORDS.find("day");

    assertThat(least).isNotNegative();
    assertThat(Double.isNaN(WORDS.valence(least))).isTrue();
    assertThat(WORDS.isBoosterOrNegation(very)).isTrue();
    assertThat(WORDS.isBoosterOrNegation(least)).isFalse();
    assertThat(WORDS.isHashtagWord(day)).isTrue();
    assertThat(WORDS.find("but")).isNotNegative();
  }
}
