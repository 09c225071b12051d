package io.sociallistening.topology.aggregate;

import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.enrich.BrandSentiment;
import io.sociallistening.topology.lead.LeadDecision;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Window;

/**
 * The aggregation of the per-brand sentiment windows (stage 4), as plain functions: an empty
 * window, adding one mention, and stamping the window bounds. Copies count in {@code volume} and
 * {@code reach}; sentiment, leads and {@code uniqueVolume} count each post once. {@code leads}
 * counts the posts that are leads for the window's brand by the {@link LeadDecision} lead alerts
 * use (its threshold; none for a competitor), including those whose alert the author cooldown held
 * back.
 */
public final class BrandWindows {
  private BrandWindows() {}

  /** An empty aggregate (brand and bounds are set later). */
  public static BrandSentimentWindow empty() {
    return BrandSentimentWindow.newBuilder()
        .setBrand("")
        .setWindowStart(Instant.EPOCH)
        .setWindowEnd(Instant.EPOCH)
        .setVolume(0)
        .setUniqueVolume(0)
        .setPositive(0)
        .setNeutral(0)
        .setNegative(0)
        .setMeanSentiment(0)
        .setNetSentiment(0)
        .setReach(0)
        .setLeads(0)
        .build();
  }

  /**
   * Adds {@code mention} to {@code window} in place and returns it; {@code leads} decides whether
   * it counts as a lead for {@code brand}.
   */
  public static BrandSentimentWindow add(
      String brand, EnrichedMention mention, BrandSentimentWindow window, LeadDecision leads) {
    window.setBrand(brand);
    window.setVolume(window.getVolume() + 1);
    Long followers = mention.getMention().getAuthor().getFollowers();
    if (followers != null && followers > 0) {
      window.setReach(window.getReach() + followers);
    }
    if (mention.getDuplicates().getDuplicateOf() != null) {
      return window;
    }
    long unique = window.getUniqueVolume() + 1;
    window.setUniqueVolume(unique);
    SentimentLabel label = BrandSentiment.label(mention, brand);
    switch (label) {
      case POSITIVE -> window.setPositive(window.getPositive() + 1);
      case NEGATIVE -> window.setNegative(window.getNegative() + 1);
      default -> window.setNeutral(window.getNeutral() + 1);
    }
    double compound = BrandSentiment.compound(mention, brand);
    window.setMeanSentiment(
        window.getMeanSentiment() + (compound - window.getMeanSentiment()) / unique);
    window.setNetSentiment((window.getPositive() - window.getNegative()) / (double) unique);
    if (leads.isLead(brand, mention)) {
      window.setLeads(window.getLeads() + 1);
    }
    return window;
  }

  /** A copy of {@code aggregate} stamped with its brand and window bounds. */
  public static BrandSentimentWindow stamped(
      String brand, Window window, BrandSentimentWindow aggregate) {
    return BrandSentimentWindow.newBuilder(aggregate)
        .setBrand(brand)
        .setWindowStart(Instant.ofEpochMilli(window.start()))
        .setWindowEnd(Instant.ofEpochMilli(window.end()))
        .build();
  }
}
