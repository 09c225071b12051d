package io.sociallistening.connect.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordFilterTest {
  private final KeywordFilter filter = new KeywordFilter(List.of(" Acme ", "sky ways", "café"));

  @Test
  void shouldMatchWholeWordsIgnoringCase() {
    assertThat(filter.matches("ACME lost my bag")).isTrue();
    assertThat(filter.matches("love #acme")).isTrue();
    assertThat(filter.matches("@acme's crew")).isTrue();
    assertThat(filter.matches("flying Sky Ways today")).isTrue();
    assertThat(filter.matches("CAFÉ au lait")).isTrue();
    assertThat(filter.matches("the end: acme")).isTrue();
  }

  @Test
  void shouldNotMatchInsideWords() {
    assertThat(filter.matches("acmeair is one word")).isFalse();
    assertThat(filter.matches("theacme")).isFalse();
    assertThat(filter.matches("acme2")).isFalse();
    assertThat(filter.matches("skyways")).isFalse();
    assertThat(filter.matches("cafés")).isFalse();
    assertThat(filter.matches("")).isFalse();
  }

  @Test
  void shouldFindALaterWholeWordAfterAnEmbeddedOne() {
    assertThat(filter.matches("acmeair vs acme")).isTrue();
  }

  @Test
  void shouldMatchEverythingWithoutKeywords() {
    KeywordFilter all = new KeywordFilter(List.of(" ", ""));

    assertThat(all.matchesAll()).isTrue();
    assertThat(all.matches("anything")).isTrue();
  }
}
