package io.sociallistening.topology.enrich;

import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.sentiment.SentimentScorer;

/**
 * The sentiment of a mention towards one of its brands, as the per-brand stages count it (windows,
 * crisis buckets): the first of the brand's matches that carries a sentiment of its own ({@link
 * BrandMatch#getSentiment()}, set by {@link Enrichment} when the clauses naming the brand score
 * differently from the whole post), else the whole post's. "I love my Acme phone, but Globex is
 * terrible" is positive for Acme and negative for Globex, not negative for both.
 */
public final class BrandSentiment {
  private BrandSentiment() {}

  /** The compound towards {@code brand}, in -1..1. */
  public static double compound(EnrichedMention mention, String brand) {
    Double own = own(mention, brand);
    return own != null ? own : mention.getSentiment().getCompound();
  }

  /** The label towards {@code brand}: the whole post's, or that of the brand's own compound. */
  public static SentimentLabel label(EnrichedMention mention, String brand) {
    Double own = own(mention, brand);
    return own != null ? SentimentScorer.label(own) : mention.getSentiment().getLabel();
  }

  /** The first sentiment of {@code brand}'s matches, or null when none has one of its own. */
  private static Double own(EnrichedMention mention, String brand) {
    for (BrandMatch match : mention.getBrands()) {
      if (match.getSentiment() != null && match.getBrand().equals(brand)) {
        return match.getSentiment();
      }
    }
    return null;
  }
}
