package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermLocatorTest {

  @Test
  void shouldGiveTheWordsWhereTheMatcherFindsEachTermAsWritten() {
    assertThat(words("I love Acme-Air and l'Acme's app", "acme"))
        .containsExactly("Acme", "l'Acme's");
    assertThat(words("I love Acme-Air, acme air", "\"acme air\""))
        .containsExactly("Acme", "Air", "acme", "air");
    assertThat(words("#acme and @acme and acme", "#acme")).containsExactly("acme");
    assertThat(words("#acme and @acme and acme", "@acme")).containsExactly("acme");
    assertThat(words("I love C++17 and C# but not c", "c++")).containsExactly("C");
    assertThat(words("I love .NET and C#. Net", ".net")).containsExactly("NET");
    assertThat(words("ΕΛΛΑΔΑ and Café", "ελλάδα", "cafe*")).containsExactly("ΕΛΛΑΔΑ", "Café");
    assertThat(words("I love #LoveAcme", "#loveacme")).containsExactly("LoveAcme");
    assertThat(words("AT&T and at t", "at&t")).containsExactly("AT&T");
  }

  @Test
  void shouldGiveTheWordsOfASloppyPhraseInItsWindowOnly() {
    assertThat(
            words("new and improved balance, and then some other new shoes", "\"new balance\"~3"))
        .containsExactly("new", "balance");
    assertThat(words("new and improved balance", "\"new balance\"~1")).isEmpty();
  }

  @Test
  void shouldFindATermThatIsNoQueryAsItsWordsInARow() {
    assertThat(words("I love acme air, air acme", "acme air")).containsExactly("acme", "air");
    assertThat(words("I love acme", "acme (")).containsExactly("acme");
    assertThat(words("I love acme", "*")).isEmpty();
  }

  @Test
  void shouldNotDecodeTheTextAgain() {
    // the text as decoded once: "&lt;" stays two words where it is
    assertThat(words("acme &lt; globex", "acme", "globex")).containsExactly("acme", "globex");
    assertThat(TermLocator.locate("acme &lt; globex", List.of(List.of("globex")))[0])
        .containsExactly(10, 16);
  }

  @Test
  void shouldLocateEachBrandApart() {
    int[][] words =
        TermLocator.locate(
            "I love Acme but Globex is awful",
            List.of(List.of("acme"), List.of("globex"), List.of("initech"), List.of()));

    assertThat(words[0]).containsExactly(7, 11);
    assertThat(words[1]).containsExactly(16, 22);
    assertThat(words[2]).isEmpty();
    assertThat(words[3]).isEmpty();
  }

  private static List<String> words(String text, String... terms) {
    int[] offsets = TermLocator.locate(text, List.of(List.of(terms)))[0];
    List<String> words = new ArrayList<>();
    for (int k = 0; k < offsets.length; k += 2) {
      words.add(text.substring(offsets[k], offsets[k + 1]));
    }
    return words;
  }
}
