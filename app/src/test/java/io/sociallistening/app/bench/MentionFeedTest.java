package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.sample.SampleKind;
import io.sociallistening.connect.sample.SampleTimeline;
import io.sociallistening.connect.sample.Tone;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionFeedTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void shouldLaySiblingCopiesOverTheSameTimeWithDistinctIdsAndAuthors() {
    MentionFeed feed = new MentionFeed(timeline(), START, 3);

    Mention first = feed.mention(0);
    Mention sibling = feed.mention(1);
    Mention next = feed.mention(3);

    assertThat(first.getId()).isEqualTo("a-0");
    assertThat(sibling.getId()).isEqualTo("a-1");
    assertThat(sibling.getAuthor().getHandle()).isEqualTo("alice-1");
    assertThat(sibling.getCreatedAt()).isEqualTo(START.plusSeconds(10));
    assertThat(next.getId()).isEqualTo("b-0");
    assertThat(next.getRepostOf()).isEqualTo("a-0");
  }

  @Test
  void shouldStartOverSixHoursLaterWithNewSuffixesAfterEveryCopy() {
    MentionFeed feed = new MentionFeed(timeline(), START, 3);

    Mention wrapped = feed.mention(6);

    assertThat(wrapped.getId()).isEqualTo("a-3");
    assertThat(wrapped.getCreatedAt()).isEqualTo(START.plusSeconds(6 * 3600 + 10));
  }

  @Test
  void shouldStampALiveMentionWithTheGivenTime() {
    MentionFeed feed = new MentionFeed(timeline(), START, 3);
    Instant now = Instant.parse("2026-11-25T18:00:00Z");

    Mention live = feed.live(4, now);

    assertThat(live.getId()).isEqualTo("b-1");
    assertThat(live.getCreatedAt()).isEqualTo(now);
    assertThat(live.getFetchedAt()).isEqualTo(now);
  }

  @Test
  void shouldUseAtLeastTheMinimumCopies() {
    assertThat(MentionFeed.copiesFor(1_000, 9_749)).isEqualTo(32);
    assertThat(MentionFeed.copiesFor(1_000_000, 9_749)).isEqualTo(103);
  }

  private static List<SampleTimeline.Entry> timeline() {
    Mention a = mention("a", "alice", 10, null);
    Mention b = mention("b", "bob", 20, "a");
    return List.of(
        new SampleTimeline.Entry(a, "acme-air", SampleKind.REGULAR, Tone.NEUTRAL),
        new SampleTimeline.Entry(b, "acme-air", SampleKind.REPOST, Tone.NEUTRAL));
  }

  private static Mention mention(String id, String handle, int second, String repostOf) {
    Instant at = SampleTimeline.START.plusSeconds(second);
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId(id)
        .setUrl(null)
        .setAuthor(
            Author.newBuilder()
                .setHandle(handle)
                .setDisplayName(null)
                .setFollowers(1L)
                .setUrl(null)
                .build())
        .setTitle(null)
        .setText("acme air " + id)
        .setLanguage("en")
        .setCreatedAt(at)
        .setFetchedAt(at)
        .setInReplyTo(null)
        .setRepostOf(repostOf)
        .setEngagement(null)
        .setSource("test")
        .build();
  }
}
