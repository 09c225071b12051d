package io.sociallistening.serde;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.DuplicateInfo;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.LeadScore;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.avro.SampleMention;
import io.sociallistening.avro.Sentiment;
import io.sociallistening.avro.SentimentLabel;
import java.time.Instant;
import java.util.List;

/** One filled-in instance of each top-level record, for serde tests. */
final class Records {
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

  private Records() {}

  static Mention mention() {
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId("3kx2")
        .setUrl("https://bsky.app/profile/alice.bsky.social/post/3kx2")
        .setAuthor(
            Author.newBuilder()
                .setHandle("alice.bsky.social")
                .setDisplayName("Alice")
                .setFollowers(1200L)
                .build())
        .setText("Loving the new Acme phone, battery lasts forever")
        .setLanguage("en")
        .setCreatedAt(T0)
        .setFetchedAt(T0.plusSeconds(2))
        .setEngagement(Engagement.newBuilder().setLikes(5).setReposts(1).setReplies(0).build())
        .setSource("replay:sample")
        .build();
  }

  static EnrichedMention enrichedMention() {
    return EnrichedMention.newBuilder()
        .setMention(mention())
        .setKey("bluesky:3kx2")
        .setLanguage("en")
        .setSentiment(
            Sentiment.newBuilder()
                .setCompound(0.64)
                .setLabel(SentimentLabel.POSITIVE)
                .setConfidence(0.9)
                .build())
        .setBrands(
            List.of(
                BrandMatch.newBuilder()
                    .setBrand("acme")
                    .setRuleId("acme-1")
                    .setMatchedTerms(List.of("acme"))
                    .setSentiment(0.7)
                    .build()))
        .setLead(LeadScore.newBuilder().setScore(0.1).setLead(false).setReasons(List.of()).build())
        .setDuplicates(
            DuplicateInfo.newBuilder().setCopyCount(2).setDuplicateOf("bluesky:3kx1").build())
        .setProcessedAt(T0.plusSeconds(3))
        .build();
  }

  static Alert alert() {
    return Alert.newBuilder()
        .setId("acme-crisis-1-opened")
        .setType(AlertType.CRISIS_OPENED)
        .setBrand("acme")
        .setSeverity(2)
        .setEventTime(T0)
        .setEpisodeId("acme-crisis-1")
        .setSummary("Negative spike about acme: battery fire")
        .setMetrics(
            CrisisMetrics.newBuilder()
                .setBucketStart(T0.minusSeconds(60))
                .setBucketEnd(T0)
                .setVolume(120)
                .setNegativeVolume(90)
                .setNegativeShare(0.75)
                .setBaselineNegativeVolume(6.5)
                .setBaselineNegativeShare(0.1)
                .setScore(0.97)
                .build())
        .setTopTerms(List.of("battery", "fire"))
        .setTopSources(List.of("bluesky"))
        .setReasons(List.of("negative share 0.75 vs baseline 0.10"))
        .setScore(0.97)
        .setSamples(
            List.of(
                SampleMention.newBuilder()
                    .setKey("bluesky:3kx9")
                    .setAuthor("bob.bsky.social")
                    .setFollowers(40L)
                    .setText("my acme phone caught fire")
                    .setSentiment(-0.8)
                    .build()))
        .build();
  }

  static BrandSentimentWindow brandSentimentWindow() {
    return BrandSentimentWindow.newBuilder()
        .setBrand("acme")
        .setWindowStart(T0)
        .setWindowEnd(T0.plusSeconds(60))
        .setVolume(10)
        .setUniqueVolume(8)
        .setPositive(5)
        .setNeutral(3)
        .setNegative(2)
        .setMeanSentiment(0.21)
        .setNetSentiment(0.3)
        .setReach(5400)
        .setLeads(1)
        .build();
  }

  static BrandRule brandRule() {
    return BrandRule.newBuilder()
        .setId("acme-1")
        .setBrand("acme")
        .setQuery("acme AND (phone OR laptop)")
        .setCompetitorOf("globex")
        .setTags(List.of("hardware"))
        .setEnabled(true)
        .build();
  }
}
