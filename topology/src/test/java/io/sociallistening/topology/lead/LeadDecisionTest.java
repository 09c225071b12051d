package io.sociallistening.topology.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.LeadScore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadDecisionTest {
  private final Set<String> competitors = new HashSet<>(Set.of("skyways"));
  private final LeadDecision leads =
      new LeadDecision(LeadThresholds.parse(0.5, "nimbus=0.9"), competitors::contains);

  private static EnrichedMention scored(double score) {
    EnrichedMention mention = new EnrichedMention();
    // the flag carries the default threshold's verdict; the decision reads the score only
    mention.setLead(new LeadScore(score, true, List.of()));
    return mention;
  }

  @Test
  void shouldDecideAtTheBrandsOwnThreshold() {
    assertThat(leads.isLead("acme-air", scored(0.5))).isTrue();
    assertThat(leads.isLead("acme-air", scored(0.49))).isFalse();
    assertThat(leads.isLead("nimbus", scored(0.89))).isFalse();
    assertThat(leads.isLead("nimbus", scored(0.9))).isTrue();
  }

  @Test
  void shouldGiveACompetitorNoLeadsAndFollowChangesOfWhoIsOne() {
    assertThat(leads.isLead("skyways", scored(1.0))).isFalse();

    competitors.remove("skyways");

    assertThat(leads.isLead("skyways", scored(1.0))).isTrue();
  }
}
