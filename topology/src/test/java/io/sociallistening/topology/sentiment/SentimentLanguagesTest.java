package io.sociallistening.topology.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sociallistening.avro.SentimentLabel;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentLanguagesTest {
  private static final SentimentScorer ANY = SentimentScorer.loadDefault();

  @Test
  void shouldPickTheScorerOfALanguageCodeOrTag() {
    assertThat(ANY.in("pt")).isSameAs(ANY.in("pt-BR")).isSameAs(ANY.in("PT_pt"));
    assertThat(ANY.in("es")).isSameAs(ANY.in("es-419")).isNotSameAs(ANY.in("pt"));
    assertThat(ANY.in("en")).isSameAs(ANY.in("EN-us")).isNotSameAs(ANY);
    assertThat(ANY.in("und")).isSameAs(ANY);
    assertThat(ANY.in("fr")).isSameAs(ANY);
    assertThat(ANY.in("eng")).isSameAs(ANY);
    assertThat(ANY.in(null)).isSameAs(ANY);
    assertThat(ANY.in("pt").in("und")).isSameAs(ANY);
  }

  @Test
  void shouldLeaveTheVaderCoreAsItIsWhateverTheLanguage() {
    SentimentScorer core = SentimentScorer.vaderCompatible();

    assertThat(core.in("pt")).isSameAs(core);
    assertThat(core.in(null)).isSameAs(core);
  }

  @Test
  void shouldReadPortugueseNoAsAPrepositionNotANegation() {
    String text = "Jantar no ótimo restaurante";

    assertThat(ANY.in("pt").score(text).compound()).isCloseTo(0.5994, within(0.00005));
    assertThat(ANY.score(text).label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldGiveSpanishNoNoValenceOfItsOwnButKeepItsNegation() {
    assertThat(ANY.in("es").score("No sé qué hacer").compound()).isEqualTo(0.0);
    assertThat(ANY.score("No sé qué hacer").compound()).isCloseTo(-0.2960, within(0.00005));
    assertThat(ANY.in("es").score("No es bueno").compound()).isCloseTo(-0.3412, within(0.00005));
  }

  @Test
  void shouldReadSpanishHaAsTheVerbNotAsLaughter() {
    assertThat(ANY.in("es").score("Ha sido un día").compound()).isEqualTo(0.0);
    assertThat(ANY.score("Ha sido un día").compound()).isCloseTo(0.3400, within(0.00005));
  }

  @Test
  void shouldNotNegateAfterSinEmbargoButWeighItAsAContrast() {
    SentimentScorer spanish = ANY.in("es");

    // "bueno" (1.9) after the contrast: 1.9 * 1.5 = 2.85
    assertThat(spanish.score("Sin embargo es bueno").compound()).isCloseTo(0.5927, within(0.00005));
    assertThat(spanish.score("Sin dinero y sin amor").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldWeighPortugueseMasAsBut() {
    String text = "O produto é bom, mas a entrega foi péssima";

    assertThat(ANY.in("pt").score(text).compound()).isCloseTo(-0.6757, within(0.00005));
    // without the contrast both words count in full
    assertThat(ANY.score(text).compound()).isCloseTo(-0.2732, within(0.00005));
  }

  @Test
  void shouldReadWrittenOutLaughterAsHaha() {
    double haha = ANY.score("haha").compound();
    double hahaha = ANY.score("hahaha").compound();

    assertThat(ANY.in("es").score("jaja").compound()).isEqualTo(haha);
    assertThat(ANY.in("es").score("jajaja").compound()).isEqualTo(hahaha);
    assertThat(ANY.in("pt").score("kkkkk").compound()).isEqualTo(hahaha);
    assertThat(ANY.in("pt").score("rsrs").compound()).isEqualTo(haha);
    assertThat(ANY.in("en").score("Ahahahahaha").compound()).isEqualTo(hahaha);
    assertThat(ANY.in("en").score("huehuehue").compound()).isEqualTo(hahaha);
    // laughter is outside negation, as "lol" is
    assertThat(ANY.in("es").score("no lo sé jajaja").compound()).isEqualTo(hahaha);
  }

  @Test
  void shouldReadLaughterInAHashtagWithADottedCapitalIAsInAnyOther() {
    // "İ" (and capital sigma) send the hashtag down the string path; its parts read the same
    assertThat(ANY.score("#\u0130stanbul_love_jajaja").compound())
        .isEqualTo(ANY.score("#Istanbul_love_jajaja").compound());
    assertThat(ANY.score("#\u0130stanbul_love_kkkkk").compound())
        .isEqualTo(ANY.score("#Istanbul_love_kkkkk").compound());
  }

  @Test
  void shouldNotTakeWordsThatOnlyLookLikeLaughterForIt() {
    assertThat(ANY.in("pt").score("haja paciência").compound()).isEqualTo(0.0);
    assertThat(ANY.in("en").score("hash jam").compound()).isEqualTo(0.0);
    assertThat(ValenceRules.isLaughter("kkk")).isFalse();
    assertThat(ValenceRules.isLaughter("jajx")).isFalse();
    assertThat(ValenceRules.isLaughter("rsrx")).isFalse();
    assertThat(ValenceRules.isLaughter("hahaj")).isFalse();
    assertThat(ValenceRules.isLaughter("jejej")).isTrue();
  }

  @Test
  void shouldReadSuperAsAnIntensifierInEnglish() {
    assertThat(ANY.in("en").score("Super Bowl tonight").compound()).isEqualTo(0.0);
    assertThat(ANY.in("en").score("super cute").compound())
        .isGreaterThan(ANY.in("en").score("cute").compound());
  }

  @Test
  void shouldReadElongatedLaughterAsLaughter() {
    double haha = ANY.score("haha").compound();
    double hahaha = ANY.score("hahaha").compound();

    // a run of three or more letters takes the tokenizer's string path, which collapses it
    assertThat(ANY.in("es").score("jajajaaaa").compound()).isEqualTo(hahaha);
    assertThat(ANY.in("es").score("jaaaajaaaa").compound()).isEqualTo(haha);
    assertThat(ANY.in("pt").score("hahahahahaaaa").compound()).isEqualTo(hahaha);
    assertThat(ANY.score("JAJAJAAAA").compound()).isEqualTo(hahaha);
    // outside negation, as laughter written plainly is
    assertThat(ANY.in("es").score("no lo sé jajajaaaa").compound()).isEqualTo(hahaha);
  }

  @Test
  void shouldNotAllocatePerSentimentWordWhenScoring() {
    // every token a known word, so that no rule builds the string of an unknown neighbour
    String sentiment = "good great nice happy love fun cool wonderful";
    String neutral = "the one of the one of the one";
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SentimentScorer english = ANY.in("en");
    for (int k = 0; k < 20_000; k++) {
      english.score(sentiment);
      english.score(neutral);
    }

    long before = threads.getCurrentThreadAllocatedBytes();
    for (int k = 0; k < 10_000; k++) {
      english.score(neutral);
    }
    long neutralBytes = threads.getCurrentThreadAllocatedBytes() - before;
    before = threads.getCurrentThreadAllocatedBytes();
    for (int k = 0; k < 10_000; k++) {
      english.score(sentiment);
    }
    long sentimentBytes = threads.getCurrentThreadAllocatedBytes() - before;

    // both allocate the result only; a string or array per sentiment word would add 8 * 24 bytes
    assertThat(sentimentBytes - neutralBytes).isLessThan(10_000L * 16);
  }

  @Test
  void shouldStartTheBrandSegmentAtSinOfSinEmbargo() {
    // "buena" (1.9); "sin embargo" is one contrastive word, so "sin" is not in Acme's segment
    SentimentResult towards =
        ANY.in("es").scoreTowards("Acme es buena sin embargo el precio", List.of("acme"));

    assertThat(towards.compound()).isEqualTo(1.9 / Math.sqrt(1.9 * 1.9 + 15));
    assertThat(towards.neutral()).isEqualTo(2 / (1.9 + 1 + 2));
    assertThat(towards.positive()).isEqualTo((1.9 + 1) / (1.9 + 1 + 2));
  }
}
