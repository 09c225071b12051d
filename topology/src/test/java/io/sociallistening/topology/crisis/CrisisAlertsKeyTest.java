package io.sociallistening.topology.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrisisAlertsKeyTest {

  @Test
  void shouldSortOneBrandsBucketsByStartWithNoOtherBrandBetweenThem() {
    var early = CrisisAlerts.bucketKey("acme", -60_000);
    var late = CrisisAlerts.bucketKey("acme", 1_767_607_200_000L);
    var longerName = CrisisAlerts.bucketKey("acme\u0000x", 0);
    var prefixName = CrisisAlerts.bucketKey("acm", Long.MAX_VALUE);

    assertThat(early.compareTo(late)).isNegative();
    assertThat(longerName.compareTo(early) < 0 || longerName.compareTo(late) > 0).isTrue();
    assertThat(prefixName.compareTo(early) < 0 || prefixName.compareTo(late) > 0).isTrue();
  }
}
