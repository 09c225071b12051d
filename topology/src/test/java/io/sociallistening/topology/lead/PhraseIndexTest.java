package io.sociallistening.topology.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseIndexTest {
  private static final char ANY = PhraseIndex.ANY_WORD;

  /** The phrases found in {@code text}, each as "phrase@start-end", every candidate accepted. */
  private static List<String> found(PhraseIndex index, List<String> phrases, String text) {
    NormalizedPost post = NormalizedPost.of(text);
    List<String> out = new ArrayList<>();
    index.scan(
        post,
        (phrase, start, end) -> {
          out.add(phrases.get(phrase).replace(ANY, '*') + "@" + start + "-" + end);
          return true;
        });
    return out;
  }

  @Test
  void shouldTakeTheLongestPhraseAtEachWordAndGoOnAfterIt() {
    List<String> phrases = List.of("should i", "should i buy", "buy");
    PhraseIndex index = new PhraseIndex(phrases);

    assertThat(found(index, phrases, "Should I buy it? buy"))
        .containsExactly("should i buy@0-12", "buy@16-19");
  }

  @Test
  void shouldLetAWordSlotTakeExactlyOneWord() {
    List<String> phrases = List.of("which " + ANY + " to buy");
    PhraseIndex index = new PhraseIndex(phrases);

    assertThat(found(index, phrases, "which laptop to buy?"))
        .containsExactly("which * to buy@0-19");
    assertThat(found(index, phrases, "which to buy")).isEmpty();
    assertThat(found(index, phrases, "which gaming laptop to buy")).isEmpty();
    assertThat(found(index, phrases, "which laptop to buyer")).isEmpty();
  }

  @Test
  void shouldPreferAPhraseWithoutASlotOverOneWithASlotEndingAtTheSameWord() {
    List<String> phrases = List.of("which " + ANY + " to buy", "which one to buy");
    PhraseIndex index = new PhraseIndex(phrases);
    List<String> accepted = new ArrayList<>();

    index.scan(
        NormalizedPost.of("which one to buy?"),
        (phrase, start, end) -> accepted.add(phrases.get(phrase).replace(ANY, '*')));

    assertThat(accepted).containsExactly("which one to buy");
  }

  @Test
  void shouldRefuseASlotThatDoesNotFollowAWord() {
    assertThatThrownBy(() -> new PhraseIndex(List.of(ANY + " to buy")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhraseIndex(List.of("which" + ANY + " to buy")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
