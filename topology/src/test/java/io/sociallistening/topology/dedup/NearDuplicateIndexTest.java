package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private Optional<String> find(String key, String text, long time) {
    return index.findOrAdd(key, text, time).map(Original::key);
  }

  @Test
  void shouldPointACopyAtTheFirstRememberedOfTwoEquallyCloseOriginals() {
    String stem = "the new acme phone arrived today and the screen is bright and";
    // A and B differ by a replaced word (cost 2, over the budget of 1): two originals. C drops
    // that word: one deletion from either. Same record time: the one remembered first wins, on
    // every run (fresh entries each round, so no accident of hash order decides).
    for (int round = 0; round < 20; round++) {
      NearDuplicateIndex fresh = new NearDuplicateIndex(DedupSettings.defaults());
      assertThat(fresh.findOrAdd("a", stem + " sharp", T0)).isEmpty();
      assertThat(fresh.findOrAdd("b", stem + " clear", T0)).isEmpty();

      assertThat(fresh.findOrAdd("c", stem, T0).map(Original::key)).contains("a");
    }
  }

  @Test
  void shouldFindACopyWhenTheLookupCounterWrapsToZero() throws ReflectiveOperationException {
    find("a", LONG_POST, T0);
    // after 2^32 lookups the counter reaches 0, the stamp of an entry no lookup has taken yet
    java.lang.reflect.Field lookups = NearDuplicateIndex.class.getDeclaredField("lookups");
    lookups.setAccessible(true);
    lookups.setInt(index, -1);

    assertThat(find("c", LONG_POST.replace("nine years", "ten years"), T0 + 1)).contains("a");
  }

  @Test
  void shouldFindARetweet() {
    find("a", TWEET, T0);

    assertThat(find("b", "RT @dana: " + TWEET, T0 + 1)).contains("a");
  }

  @Test
  void shouldFindACopyWithAChangedLink() {
    find("a", TWEET + " https://t.co/AAAA", T0);

    assertThat(find("b", TWEET + " https://t.co/BBBB", T0 + 1)).contains("a");
  }

  @Test
  void shouldFindACopyWithOtherCaseAndSpacing() {
    find("a", TWEET, T0);

    assertThat(find("b", "  " + TWEET.toUpperCase().replace(" ", "   "), T0 + 1)).contains("a");
  }

  @Test
  void shouldFindACopyWithAppendedEmojiAndHashtags() {
    find("a", TWEET, T0);

    assertThat(find("b", TWEET + " 😡😡 #fail #acme", T0 + 1)).contains("a");
  }

  @Test
  void shouldFindATruncatedCopyWhicheverComesFirst() {
    find("a", LONG_POST, T0);
    find("c", "Acme support kept me on hold for two hou…", T0 + 1);

    assertThat(find("b", LONG_POST.substring(0, 60) + "…", T0 + 2)).contains("a");
    assertThat(find("d", TWEET, T0 + 3)).contains("c");
  }

  @Test
  void shouldFindACopyThatDroppedTheLeadingMention() {
    find("a", "@acme " + TWEET, T0);

    assertThat(find("b", TWEET, T0 + 1)).contains("a");
  }

  @Test
  void shouldFindSmallEditsOfLongAndShortPosts() {
    find("a", LONG_POST, T0);
    find("b", "Acme Air lost my suitcase on a direct flight", T0);

    assertThat(find("c", LONG_POST.replace("nine years", "ten years"), T0 + 1)).contains("a");
    assertThat(find("d", LONG_POST.replace("this week", "this whole week"), T0 + 1)).contains("a");
    assertThat(find("e", "Acme Air lost my suitcsae on a direct flight", T0 + 1)).contains("b");
    assertThat(find("f", "Acme Air lost my suitcase on a direct flight again", T0 + 1))
        .contains("b");
  }

  @Test
  void shouldNotMergeShortComplaintsSharingATemplate() {
    find("a", "@acme my flight was delayed", T0);

    assertThat(find("b", "@acme my flight was cancelled again, third time", T0 + 1)).isEmpty();
    assertThat(find("c", "@acme my flight was delayed again", T0 + 2)).isEmpty();
    assertThat(find("d", "@acme My flight was delayed!", T0 + 3)).contains("a");
  }

  @Test
  void shouldNotMergePostsThatDifferInVowelSigns() {
    // Hindi: "Acme raised prices in this sale" / "... this year"
    find("a", "Acme ने इस सेल में दाम बढ़ाए", T0);

    assertThat(find("b", "Acme ने इस साल में दाम बढ़ाए", T0 + 1)).isEmpty();
    assertThat(find("c", "RT @ravi: Acme ने इस सेल में दाम बढ़ाए 😡", T0 + 2)).contains("a");
    // "I like Acme's phone" / "I do not like Acme's phone"
    find("d", "Acme का फ़ोन मुझे पसंद है", T0 + 3);
    assertThat(find("e", "Acme का फ़ोन मुझे पसंद नहीं है", T0 + 4)).isEmpty();
  }

  @Test
  void shouldNotMergeAPostWithItsNegation() {
    find("a", "Would recommend Acme Air to my friends and family", T0);
    find("b", "The Acme support team was helpful with my refund today", T0);

    assertThat(find("c", "Would not recommend Acme Air to my friends and family", T0 + 1))
        .isEmpty();
    assertThat(find("d", "The Acme support team was not helpful with my refund today", T0 + 2))
        .isEmpty();
    assertThat(find("e", "RT @kim: Would NOT recommend Acme Air to my friends and family!", T0 + 3))
        .contains("c");
  }

  @Test
  void shouldNotMergeTemplateComplaintsWithOtherNumbers() {
    find(
        "a",
        "@AcmeAir my flight AA212 from Denver was delayed 3 hours and nobody is telling us",
        T0);

    assertThat(
            find(
                "b",
                "@AcmeAir my flight AA213 from Denver was delayed 3 hours and nobody is telling us",
                T0 + 1))
        .isEmpty();
  }

  @Test
  void shouldNotMergeAQuoteWithANewComment() {
    find("a", TWEET, T0);

    assertThat(find("b", "Same experience here, avoid them at all costs \"" + TWEET + "\"", T0 + 1))
        .isEmpty();
  }

  @Test
  void shouldKeepShortGenericPostsForDifferentBrandsApart() {
    find("a", "@acme thanks!", T0);

    assertThat(find("b", "@delta thanks!", T0 + 1)).isEmpty();
    assertThat(find("c", "@ACME thanks", T0 + 2)).contains("a");
  }

  @Test
  void shouldMatchOnlyWithinOneScope() {
    index.findOrAdd("acme", "a", TWEET, T0);

    assertThat(index.findOrAdd("nimbus", "b", TWEET, T0 + 1)).isEmpty();
    assertThat(index.findOrAdd("acme", "c", "RT @x: " + TWEET, T0 + 2).map(Original::key))
        .contains("a");
  }

  @Test
  void shouldCountCopiesOfTheFirstPost() {
    find("a", TWEET, T0);
    find("b", "RT @x: " + TWEET, T0 + 1);

    Optional<Original> third = index.findOrAdd("c", TWEET + " #fail", T0 + 2);
    assertThat(third).map(Original::copies).contains(3);
    assertThat(third).map(Original::key).contains("a");
  }

  @Test
  void shouldNotMatchOrKeepEntriesOlderThanMaxAge() {
    NearDuplicateIndex hourly =
        new NearDuplicateIndex(DedupSettings.defaults().withMaxAge(Duration.ofHours(1)));
    hourly.findOrAdd("a", TWEET, T0);

    assertThat(hourly.findOrAdd("b", TWEET, T0 + Duration.ofMinutes(59).toMillis()))
        .map(Original::key)
        .contains("a");
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
    assertThat(small.findOrAdd("d", "second post", T0 + 3)).map(Original::key).contains("b");
    assertThat(small.findOrAdd("e", "first post", T0 + 4)).isEmpty();
  }

  @Test
  void shouldReportChangesAndRestoreFromThem() {
    List<String> events = new ArrayList<>();
    List<Original> saved = new ArrayList<>();
    NearDuplicateIndex.Listener listener =
        new NearDuplicateIndex.Listener() {
          @Override
          public void saved(Original original) {
            events.add("saved " + original.key() + " " + original.copies());
            saved.add(original);
          }

          @Override
          public void removed(Original original) {
            events.add("removed " + original.key());
          }
        };
    NearDuplicateIndex first =
        new NearDuplicateIndex(DedupSettings.defaults().withMaxEntries(2), listener);
    first.findOrAdd("a", TWEET, T0);
    first.findOrAdd("b", "RT @x: " + TWEET, T0 + 1);
    first.findOrAdd("c", LONG_POST, T0 + 2);
    first.findOrAdd("d", "another post entirely", T0 + 3);
    assertThat(events)
        .containsExactly("saved a 1", "saved a 2", "saved c 1", "removed a", "saved d 1");

    NearDuplicateIndex restored = new NearDuplicateIndex(DedupSettings.defaults());
    restored.restore(Original.fromBytes(saved.get(2).toBytes()));
    assertThat(restored.findOrAdd("e", LONG_POST.substring(0, 80) + "...", T0 + 4))
        .map(Original::key)
        .contains("c");
  }

  @Test
  void shouldNumberFirstCopiesOfUnknownOrderByRecordTimeAndSaveThem() {
    List<Original> saved = new ArrayList<>();
    NearDuplicateIndex.Listener listener =
        new NearDuplicateIndex.Listener() {
          @Override
          public void saved(Original original) {
            saved.add(original);
          }

          @Override
          public void removed(Original original) {}
        };
    NearDuplicateIndex restored = new NearDuplicateIndex(DedupSettings.defaults(), listener);
    restored.restoreAll(
        List.of(
            new Original("", "late", "acme air lost my bag", false, T0 + 5, 1, -1),
            new Original("", "known", "acme air crew was lovely", false, T0 + 9, 1, 7),
            new Original("", "early", "acme air boarding now", false, T0, 2, -1)));

    assertThat(saved)
        .extracting(Original::key, Original::sequence)
        .containsExactly(tuple("early", 0L), tuple("late", 1L));
    assertThat(restored.findOrAdd("new", "acme air wifi is down", T0 + 10)).isEmpty();
    assertThat(saved.get(saved.size() - 1).sequence()).isEqualTo(8);
  }

  @Test
  void shouldNeverMatchTextsThatNormalizeToNothing() {
    find("a", "https://t.co/x 🔥", T0);

    assertThat(find("b", "https://t.co/x 🔥", T0 + 1)).isEmpty();
    assertThat(index.size()).isEqualTo(0);
  }
}
