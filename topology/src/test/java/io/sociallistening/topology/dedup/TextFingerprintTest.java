package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFingerprintTest {

  private static final String POST =
      "Acme support kept me on hold for two hours and then hung up on me";

  @Test
  void shouldFoldCaseSpacingAndPunctuation() {
    assertThat(TextFingerprint.normalize("  ACME   support, kept me on HOLD!!  "))
        .isEqualTo("acme support kept me on hold");
  }

  @Test
  void shouldApplyNfkc() {
    assertThat(TextFingerprint.normalize("ｆｕｌｌｗｉｄｔｈ ﬁne")).isEqualTo("fullwidth fine");
  }

  @Test
  void shouldStripRetweetPrefixesAndLeadingMentions() {
    assertThat(TextFingerprint.normalize("RT @bob: RT @carol: @acme " + POST))
        .isEqualTo(TextFingerprint.normalize(POST));
    assertThat(TextFingerprint.normalize("@acme @help " + POST))
        .isEqualTo("acme support kept me on hold for two hours and then hung up on me");
  }

  @Test
  void shouldKeepMentionsAndHashtagsInsideTheText() {
    assertThat(TextFingerprint.normalize("thanks @acme for the #fast fix #happy"))
        .isEqualTo("thanks acme for the fast fix");
  }

  @Test
  void shouldStripLinksTrailingEmojiHashtagsAndTruncation() {
    assertThat(TextFingerprint.normalize(POST + " https://t.co/abc 😡😡 #fail #acme"))
        .isEqualTo(TextFingerprint.normalize(POST));
    assertThat(
            TextFingerprint.normalize("Acme support kept me on hold for two hou… https://t.co/x"))
        .isEqualTo("acme support kept me on hold for two");
    assertThat(TextFingerprint.normalize("Acme support kept me on hold for two ..."))
        .isEqualTo("acme support kept me on hold for two");
  }

  @Test
  void shouldReturnEmptyWhenNothingIsLeft() {
    assertThat(TextFingerprint.normalize("@acme https://t.co/x 🔥")).isEmpty();
    assertThat(TextFingerprint.simHash("")).isEqualTo(0L);
  }

  @Test
  void shouldGiveEqualHashesForEqualTextsAndCountBits() {
    long a = TextFingerprint.simHash(TextFingerprint.normalize(POST));
    long b = TextFingerprint.simHash(TextFingerprint.normalize(POST.toUpperCase()));
    assertThat(a).isEqualTo(b);
    assertThat(TextFingerprint.distance(0b1011L, 0b0001L)).isEqualTo(2);
    assertThat(TextFingerprint.distance(-1L, 0L)).isEqualTo(64);
  }
}
