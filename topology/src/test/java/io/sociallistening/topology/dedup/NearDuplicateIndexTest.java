package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

  private static final long T0 = 1_704_067_200_000L;

  /** A long post (64 words), as on Reddit or a blog. */
  private static final String LONG_POST =
      "I have been an Acme customer for nine years and I have never had an experience like"
          + " the one this week. My order was charged twice, the parcel went to the wrong town,"
          + " support closed my ticket without an answer and the chat kept telling me to wait."
          + " When I finally reached someone by phone they said there was nothing they could do"
          + " and that I should try again next month.";

  private static final String TWEET =
      "Acme support kept me on hold for two hours and then hung up on me, unbelievable";

  private final NearDuplicateIndex index = new NearDuplicateIndex(DedupSettings.defaults());

  private static int distance(String a, String b) {
    return TextFingerprint.distance(
        TextFingerprint.simHash(TextFingerprint.normalize(a)),
        TextFingerprint.simHash(TextFingerprint.normalize(b)));
  }

  @Test
  void shouldNotFindAOneWordEditBeyondTheConfiguredDistance() {
    NearDuplicateIndex strict =
        new NearDuplicateIndex(new DedupSettings(100, Duration.ofHours(1), 3, 10, 0.75));
    strict.findOrAdd("a", LONG_POST, T0);

    assertThat(strict.findOrAdd("b", LONG_POST.replace("nine years", "ten years"), T0 + 1))
        .isEmpty();
  }

  @Test
  void shouldFindARetweet() {
    index.findOrAdd("a", TWEET, T0);

    assertThat(index.findOrAdd("b", "RT @dana: " + TWEET, T0 + 1)).contains("a");
  }

  @Test
  void shouldFindACopyWithAChangedLink() {
    index.findOrAdd("a", TWEET + " https://t.co/AAAA", T0);

    assertThat(index.findOrAdd("b", TWEET + " https://t.co/BBBB", T0 + 1)).contains("a");
  }

  @Test
  void shouldFindACopyWithOtherCaseAndSpacing() {
    index.findOrAdd("a", TWEET, T0);

    assertThat(index.findOrAdd("b", "  " + TWEET.toUpperCase().replace(" ", "   "), T0 + 1))
        .contains("a");
  }

  @Test
  void shouldFindACopyWithAppendedEmojiAndHashtags() {
    index.findOrAdd("a", TWEET, T0);

    assertThat(index.findOrAdd("b", TWEET + " 😡😡 #fail #acme", T0 + 1)).contains("a");
  }

  @Test
  void shouldFindATruncatedCopy() {
    index.findOrAdd("a", LONG_POST, T0);
    String truncated = LONG_POST.substring(0, LONG_POST.length() - 12) + "…";
    assertThat(distance(LONG_POST, truncated)).isEqualTo(7);

    assertThat(index.findOrAdd("b", truncated, T0 + 1)).contains("a");
  }

  @Test
  void shouldFindACopyThatDroppedTheLeadingMention() {
    index.findOrAdd("a", "@acme " + TWEET, T0);

    assertThat(index.findOrAdd("b", TWEET, T0 + 1)).contains("a");
  }

  @Test
  void shouldFindAOneWordEditOfALongPost() {
    index.findOrAdd("a", LONG_POST, T0);
    String edited = LONG_POST.replace("nine years", "ten years");
    assertThat(distance(LONG_POST, edited)).isEqualTo(8);

    assertThat(index.findOrAdd("b", edited, T0 + 1)).contains("a");
  }

  @Test
  void shouldNotMergeShortComplaintsSharingATemplate() {
    index.findOrAdd("a", "@acme my flight was delayed", T0);

    assertThat(index.findOrAdd("b", "@acme my flight was cancelled again, third time", T0 + 1))
        .isEmpty();
    assertThat(index.findOrAdd("c", "@acme my flight was delayed again", T0 + 2)).isEmpty();
    assertThat(index.findOrAdd("d", "@acme My flight was delayed!", T0 + 3)).contains("a");
  }

  @Test
  void shouldNotMergeDistinctLongPosts() {
    index.findOrAdd("a", LONG_POST, T0);

    assertThat(index.findOrAdd("b", TWEET + " and nobody called me back after that", T0 + 1))
        .isEmpty();
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void shouldNotMatchOrKeepEntriesOlderThanMaxAge() {
    NearDuplicateIndex hourly =
        new NearDuplicateIndex(DedupSettings.defaults().withMaxAge(Duration.ofHours(1)));
    hourly.findOrAdd("a", TWEET, T0);

    assertThat(hourly.findOrAdd("b", TWEET, T0 + Duration.ofMinutes(59).toMillis())).contains("a");
    assertThat(hourly.findOrAdd("c", TWEET, T0 + Duration.ofMinutes(61).toMillis())).isEmpty();
    assertThat(hourly.size()).isEqualTo(1);
  }

  @Test
  void shouldEvictTheOldestBeyondMaxEntries() {
    NearDuplicateIndex small = new NearDuplicateIndex(DedupSettings.defaults().withMaxEntries(2));
    small.findOrAdd("a", "first post", T0);
    small.findOrAdd("b", "second post", T0 + 1);
    small.findOrAdd("c", "third post", T0 + 2);

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.findOrAdd("d", "second post", T0 + 3)).contains("b");
    assertThat(small.findOrAdd("e", "first post", T0 + 4)).isEmpty();
  }

  @Test
  void shouldNeverMatchTextsThatNormalizeToNothing() {
    index.findOrAdd("a", "https://t.co/x 🔥", T0);

    assertThat(index.findOrAdd("b", "https://t.co/x 🔥", T0 + 1)).isEmpty();
    assertThat(index.size()).isEqualTo(0);
  }
}
