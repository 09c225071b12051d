package io.sociallistening.topology.aggregate;

import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.SentimentLabel;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Window;

/**
 * The aggregation of the per-brand sentiment windows (stage 4), as plain functions: an empty
 * window, adding one mention, and stamping the window bounds. Copies count in {@code volume} and
 * {@code reach}; sentiment, leads and {@code uniqueVolume} count each post once.
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

  /** Adds {@code mention} to {@code window} in place and returns it. */
  public static BrandSentimentWindow add(
      String brand, EnrichedMention mention, BrandSentimentWindow window) {
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
    SentimentLabel label = mention.getSentiment().getLabel();
    switch (label) {
      case POSITIVE -> window.setPositive(window.getPositive() + 1);
      case NEGATIVE -> window.setNegative(window.getNegative() + 1);
      default -> window.setNeutral(window.getNeutral() + 1);
    }
    double compound = mention.getSentiment().getCompound();
    window.setMeanSentiment(
        window.getMeanSentiment() + (compound - window.getMeanSentiment()) / unique);
    window.setNetSentiment((window.getPositive() - window.getNegative()) / (double) unique);
    if (mention.getLead().getLead()) {
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
