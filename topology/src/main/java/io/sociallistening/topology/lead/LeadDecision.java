package io.sociallistening.topology.lead;

import io.sociallistening.avro.EnrichedMention;
import java.util.function.Predicate;

/**
 * Whether a mention is a lead for a brand: its lead score reaches the brand's own threshold and the
 * brand is not tracked as a competitor (a post leaving a competitor is a lead for the brand it
 * turns to, not for the competitor). {@link LeadAlerts} raises alerts for these leads, after its
 * author cooldown; the brand sentiment windows count all of them in {@code leads}, cooldown or not.
 */
public final class LeadDecision {
  private final LeadThresholds thresholds;
  private final Predicate<String> isCompetitor;

  /**
   * @param thresholds lead score threshold per brand
   * @param isCompetitor whether a brand is tracked as a competitor (read at each decision, so rule
   *     changes apply without restart)
   */
  public LeadDecision(LeadThresholds thresholds, Predicate<String> isCompetitor) {
    this.thresholds = thresholds;
    this.isCompetitor = isCompetitor;
  }

  /** Whether {@code mention}, matched to {@code brand}, is a lead for that brand. */
  public boolean isLead(String brand, EnrichedMention mention) {
    return thresholds.isLead(brand, mention.getLead().getScore()) && !isCompetitor.test(brand);
  }
}
