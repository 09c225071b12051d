package io.sociallistening.topology.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ElongationsTest {
  private static final Set<String> KNOWN = Set.of("need", "lets", "so", "good", "cafe");

  @Test
  void shouldKeepTwoLettersWhenThatIsAKnownWordElseOne() {
    assertThat(Elongations.collapse("I neeeed this", KNOWN::contains)).isEqualTo("I need this");
    assertThat(Elongations.collapse("it leeeets you", KNOWN::contains)).isEqualTo("it lets you");
    assertThat(Elongations.collapse("sooooo", KNOWN::contains)).isEqualTo("so");
    assertThat(Elongations.collapse("goooood", KNOWN::contains)).isEqualTo("good");
  }

  @Test
  void shouldKeepTwoLettersOfAnUnknownWordAndTheCaseAndAccentsOfEveryWord() {
    assertThat(Elongations.collapse("wanttttt", KNOWN::contains)).isEqualTo("wantt");
    assertThat(Elongations.collapse("NEEEED", KNOWN::contains)).isEqualTo("NEED");
    assertThat(Elongations.collapse("NeEeEd", KNOWN::contains)).isEqualTo("NeEd");
    assertThat(Elongations.collapse("caféééé!!!", KNOWN::contains)).isEqualTo("café!!!");
  }

  @Test
  void shouldReturnTheTextItselfWhenNoLetterIsStretched() {
    String plain = "need a good cafe!!! 1000 zz";

    assertThat(Elongations.collapse(plain, KNOWN::contains)).isSameAs(plain);
    assertThat(Elongations.collapse(plain + " zzz?", KNOWN::contains)).isEqualTo(plain + " zz?");
  }

  @Test
  void shouldKeepLinksAndHandlesAsWritten() {
    assertThat(Elongations.collapse("neeeed it www.shop.com @jesss", KNOWN::contains))
        .isEqualTo("need it www.shop.com @jesss");
    assertThat(Elongations.collapse("see https://shop.com/sooo neeeed", KNOWN::contains))
        .isEqualTo("see https://shop.com/sooo need");
  }
}
