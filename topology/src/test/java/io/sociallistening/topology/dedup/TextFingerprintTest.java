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
    assertThat(TextFingerprint.normalize("acme\u00a0support  &amp; u"))
        .isEqualTo("acme support and you");
  }

  @Test
  void shouldApplyNfkc() {
    assertThat(TextFingerprint.normalize("ｆｕｌｌｗｉｄｔｈ ﬁne")).isEqualTo("fullwidth fine");
  }

  @Test
  void shouldStripRetweetPrefixesAndLeadingMentionsInAnyOrder() {
    assertThat(TextFingerprint.normalize("RT @bob: RT @carol: @acme " + POST))
        .isEqualTo(TextFingerprint.normalize(POST));
    assertThat(TextFingerprint.normalize("@acme RT @bob: @help " + POST))
        .isEqualTo("acme support kept me on hold for two hours and then hung up on me");
  }

  @Test
  void shouldKeepLeadingMentionsOfVeryShortPosts() {
    assertThat(TextFingerprint.normalize("@acme thanks!")).isEqualTo("acme thanks");
    assertThat(TextFingerprint.normalize("RT @bob: @acme thanks!")).isEqualTo("acme thanks");
    assertThat(TextFingerprint.normalize("@acme thanks a lot")).isEqualTo("thanks a lot");
  }

  @Test
  void shouldKeepMentionsAndHashtagsInsideTheTextWithoutServers() {
    assertThat(TextFingerprint.normalize("thanks @acme.bsky.social for the #fast fix #happy"))
        .isEqualTo("thanks acme for the fast fix");
  }

  @Test
  void shouldStripLinksTrailingEmojiHashtagsSignaturesAndTruncation() {
    assertThat(TextFingerprint.normalize(POST + " https://t.co/abc 😡😡 #fail #acme"))
        .isEqualTo(TextFingerprint.normalize(POST));
    assertThat(TextFingerprint.normalize(POST + " bit.ly/3xYzAb pic.twitter.com/QwErTy"))
        .isEqualTo(TextFingerprint.normalize(POST));
    // a host alone names a store as a word would
    assertThat(TextFingerprint.normalize("Acme phones are cheaper at amazon.com this week"))
        .isNotEqualTo(
            TextFingerprint.normalize("Acme phones are cheaper at bestbuy.com this week"));
    assertThat(TextFingerprint.normalize(POST + " via @bufferapp"))
        .isEqualTo(TextFingerprint.normalize(POST));
    assertThat(TextFingerprint.normalize(POST + " (cross-posted from Bluesky)"))
        .isEqualTo(TextFingerprint.normalize(POST));
    NormalForm cut =
        TextFingerprint.normalForm("Acme support kept me on hold for two hou… https://t.co/x");
    assertThat(cut.text()).isEqualTo("acme support kept me on hold for two");
    assertThat(cut.truncated()).isTrue();
    assertThat(TextFingerprint.normalForm(POST).truncated()).isFalse();
  }

  @Test
  void shouldKeepVowelSignsAndOtherCombiningMarksInTheirWords() {
    // Devanagari: "I am very happy", each word whole
    assertThat(TextFingerprint.normalize("मैं बहुत खुश हूँ")).isEqualTo("मैं बहुत खुश हूँ");
    // "sale" and "year", "day" and "donation"; Thai "wrong" and "stir-fried"
    assertThat(TextFingerprint.normalize("सेल")).isNotEqualTo(TextFingerprint.normalize("साल"));
    assertThat(TextFingerprint.normalize("दिन")).isNotEqualTo(TextFingerprint.normalize("दान"));
    assertThat(TextFingerprint.normalize("ผิด")).isNotEqualTo(TextFingerprint.normalize("ผัด"));
    // an emoji's variation selector is not part of a word
    assertThat(TextFingerprint.normalize("love it ❤️ so much")).isEqualTo("love it so much");
  }

  @Test
  void shouldReturnEmptyWhenNothingIsLeft() {
    assertThat(TextFingerprint.normalize("https://t.co/x 🔥 #acme")).isEmpty();
  }

  @Test
  void shouldGiveEqualSignaturesForEqualTextsAndCloseOnesForEdits() {
    String[] words = TextFingerprint.normalForm(POST).words();
    String[] upper = TextFingerprint.normalForm(POST.toUpperCase()).words();
    String[] edited = TextFingerprint.normalForm(POST.replace("two", "three")).words();
    long[] a = TextFingerprint.minHash(words);
    assertThat(a).isEqualTo(TextFingerprint.minHash(upper));
    long[] b = TextFingerprint.minHash(edited);
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    // 14 word pairs, 2 replaced: Jaccard 12 / 16 = 0.75, so about 24 of 32 agree.
    assertThat(same).isEqualTo(24);
  }
}
