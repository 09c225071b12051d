package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordAlignmentTest {

  private static double cost(String a, String b) {
    return WordAlignment.cost(TextFingerprint.normalForm(a), TextFingerprint.normalForm(b));
  }

  @Test
  void shouldCountTyposAsHalfAWord() {
    assertThat(WordAlignment.isTypo("delayed", "delyaed")).isTrue();
    assertThat(WordAlignment.isTypo("delayed", "delayd")).isTrue();
    assertThat(WordAlignment.isTypo("delayed", "delayeed")).isTrue();
    assertThat(WordAlignment.isTypo("delayed", "delaxed")).isTrue();
    assertThat(WordAlignment.isTypo("delayed", "cancelled")).isFalse();
    assertThat(WordAlignment.isTypo("bag", "bat")).isFalse();
    assertThat(cost("my flight was delayed", "my flight was delyaed")).isEqualTo(0.5);
  }

  @Test
  void shouldAllowOneAddedWordFromSixWords() {
    assertThat(cost("Zippo prices are out of control", "Zippo prices are out of control literally"))
        .isEqualTo(1.0);
    assertThat(cost("my flight was delayed", "my flight was delayed again")).isInfinite();
  }

  @Test
  void shouldAllowAReplacedWordFromTwentyWords() {
    String post =
        "I waited two hours on hold with Acme support today and then the call dropped without"
            + " any warning at all";
    assertThat(cost(post, post.replace("today", "yesterday"))).isEqualTo(2.0);
    assertThat(cost(post.substring(0, 60), post.substring(0, 60).replace("today", "yesterday")))
        .isInfinite();
  }

  @Test
  void shouldNeverForgiveChangedNumbers() {
    String post = "my order 55812 never arrived and support closed the ticket twice this week";
    assertThat(cost(post, post.replace("55812", "55813"))).isInfinite();
  }

  @Test
  void shouldNeverForgiveAnAddedDroppedOrChangedNegation() {
    assertThat(
            cost(
                "Would recommend Acme Air to my friends and family",
                "Would not recommend Acme Air to my friends and family"))
        .isInfinite();
    assertThat(
            cost(
                "The Acme support team was helpful with my refund today",
                "The Acme support team was not helpful with my refund today"))
        .isInfinite();
    assertThat(cost("I like the new Acme phone", "I dont like the new Acme phone")).isInfinite();
    assertThat(
            cost(
                "I would recommend Acme Air to anyone flying to Lisbon this summer",
                "I would never recommend Acme Air to anyone flying to Lisbon this summer"))
        .isInfinite();
    assertThat(
            cost(
                "I have ever flown Acme Air and the crew were great",
                "I have never flown Acme Air and the crew were great"))
        .isInfinite();
    assertThat(cost("Ich mag das neue Acme Handy sehr", "Ich mag das neue Acme Handy nicht sehr"))
        .isInfinite();
    // other words still cost what they did
    assertThat(
            cost(
                "Would recommend Acme Air to my friends and family",
                "Would really recommend Acme Air to my friends and family"))
        .isEqualTo(1.0);
  }

  @Test
  void shouldMatchATruncatedPrefixWithACutLastWord() {
    assertThat(
            cost(
                "Acme support kept me on hold for two hours and then hung up",
                "Acme support kept me on hold for tw…"))
        .isEqualTo(0.0);
    assertThat(cost("Acme support kept me on hold for two hours", "Acme support kept …"))
        .isInfinite();
  }
}
