package io.sociallistening.topology.lead;

import java.util.List;

/**
 * How likely a post's author is a prospective buyer, as scored by {@link LeadScorer}.
 *
 * @param score squashed weighted sum of the post's signals, 0..1
 * @param lead whether {@code score} reached the scorer's threshold
 * @param reasons the matched signals in text order, e.g. {@code purchase intent: "should i buy"}
 */
public record LeadResult(double score, boolean lead, List<String> reasons) {
  public LeadResult {
    reasons = List.copyOf(reasons);
  }
}
