package io.sociallistening.topology.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadThresholdsTest {

  @Test
  void shouldParsePerBrandThresholdsAndFallBackToTheDefault() {
    LeadThresholds thresholds = LeadThresholds.parse(0.5, " acme-air=0.6, nimbus = 0.4 ");

    assertThat(thresholds.perBrand()).isEqualTo(Map.of("acme-air", 0.6, "nimbus", 0.4));
    assertThat(thresholds.thresholdFor("acme-air")).isEqualTo(0.6);
    assertThat(thresholds.thresholdFor("nimbus")).isEqualTo(0.4);
    assertThat(thresholds.thresholdFor("globex")).isEqualTo(0.5);
  }

  @Test
  void shouldDecideLeadsAtTheBrandsThreshold() {
    LeadThresholds thresholds = LeadThresholds.parse(0.5, "acme-air=0.6,nimbus=0.4");

    assertThat(thresholds.isLead("acme-air", 0.5934)).isFalse();
    assertThat(thresholds.isLead("globex", 0.5934)).isTrue();
    assertThat(thresholds.isLead("nimbus", 0.4)).isTrue();
    assertThat(thresholds.isLead("globex", 0.4)).isFalse();
  }

  @Test
  void shouldTakeAnEmptyOrMissingListAsNoOverrides() {
    assertThat(LeadThresholds.parse(0.7, "")).isEqualTo(LeadThresholds.of(0.7));
    assertThat(LeadThresholds.parse(0.7, null)).isEqualTo(LeadThresholds.of(0.7));
    assertThat(LeadThresholds.parse(0.7, "  ").perBrand()).isEmpty();
  }

  @Test
  void shouldRejectBadItemsNamingThem() {
    assertThatThrownBy(() -> LeadThresholds.parse(0.5, "acme-air"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected brand=threshold in per-brand lead thresholds, got 'acme-air'");
    assertThatThrownBy(() -> LeadThresholds.parse(0.5, "acme-air=0.6,,nimbus=0.4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected brand=threshold in per-brand lead thresholds, got ''");
    assertThatThrownBy(() -> LeadThresholds.parse(0.5, "nimbus=high"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead threshold of brand 'nimbus' is not a number: 'high'");
    assertThatThrownBy(() -> LeadThresholds.parse(0.5, "nimbus=1.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead threshold must be in 0..1, got 1.2");
    assertThatThrownBy(() -> LeadThresholds.parse(0.5, "nimbus=0.4,nimbus=0.6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("brand 'nimbus' has two lead thresholds");
    assertThatThrownBy(() -> LeadThresholds.of(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead threshold must be in 0..1, got -0.1");
  }
}
