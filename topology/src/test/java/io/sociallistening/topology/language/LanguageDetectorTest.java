package io.sociallistening.topology.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageDetectorTest {
  private static final LanguageDetector DETECTOR = LanguageDetector.loadDefault();

  static List<Arguments> posts() throws IOException {
    List<Arguments> posts = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                LanguageDetectorTest.class.getResourceAsStream("/language/posts.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#")) {
          String[] fields = line.split("\t", 2);
          posts.add(Arguments.of(fields[0], fields[1]));
        }
      }
    }
    return posts;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("posts")
  void shouldDetectLanguageOfRealisticPosts(String expected, String post) {
    assertThat(DETECTOR.detect(post)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("posts")
  void shouldDetectAPostInCapitalsAsInLowerCase(String expected, String post) {
    // words are lower-cased char by char, except a dotted capital I and a capital sigma, which
    // String.toLowerCase lowers otherwise
    assertThat(DETECTOR.detect(post.toUpperCase(Locale.ROOT)))
        .isEqualTo(DETECTOR.detect(post.toLowerCase(Locale.ROOT)));
  }

  @Test
  void shouldReturnUndeterminedForEmptyAndNullText() {
    assertThat(DETECTOR.detect("")).isEqualTo("und");
    assertThat(DETECTOR.detect(null)).isEqualTo("und");
  }

  @Test
  void shouldRecognisePostsWhoseWordsAreNotInTheListsByTheirLetterSequences() {
    // no listed function word decides these; their character n-grams do
    assertThat(DETECTOR.detect("Me encanta este teléfono, es genial")).isEqualTo("es");
    assertThat(DETECTOR.detect("a entrega atrasou de novo, que raiva")).isEqualTo("pt");
  }

  @Test
  void shouldNotTakeAShortSpanishOrPortuguesePostWithMeForEnglish() {
    // "me" is a Spanish and Portuguese pronoun as much as an English one
    assertThat(DETECTOR.detect("me encanta")).isNotEqualTo("en");
    assertThat(DETECTOR.detect("no me gusta")).isNotEqualTo("en");
    assertThat(DETECTOR.detect("me encantou")).isNotEqualTo("en");
    assertThat(DETECTOR.detect("me ajuda")).isEqualTo("pt");
    assertThat(DETECTOR.detect("me encanta este producto")).isEqualTo("es");
    assertThat(DETECTOR.detect("me neither")).isEqualTo("en");
  }

  @Test
  void shouldNotTakeGermanForEnglishWhenItsWordsLookEnglish() {
    // "in", "an", "am" are English words too; the letter sequences say German
    assertThat(DETECTOR.detect("Achmed erinnert sich an ihn.")).isEqualTo("und");
    assertThat(DETECTOR.detect("Adam Henrich wird am Dienstagmorgen in Hamburg erwartet."))
        .isEqualTo("und");
  }

  @Test
  void shouldNeedAtLeastTwoWords() {
    assertThat(DETECTOR.detect("obrigado")).isEqualTo("und");
    assertThat(DETECTOR.detect("muito obrigado")).isEqualTo("pt");
  }

  @Test
  void shouldIgnoreHandlesHashtagsAndUrls() {
    assertThat(DETECTOR.detect("@the_best_of_the #thethethe https://the.example/the the"))
        .isEqualTo("und");
    assertThat(DETECTOR.detect("pic.twitter.com/GreatLove bit.ly/LindoDia")).isEqualTo("und");
  }

  @Test
  void shouldTreatTypographicApostropheLikeAscii() {
    assertThat(DETECTOR.detect("don’t like it")).isEqualTo(DETECTOR.detect("don't like it"));
  }
}
