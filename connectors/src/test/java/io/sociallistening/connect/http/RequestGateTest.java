package io.sociallistening.connect.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestGateTest {
  private final RequestGate gate =
      new RequestGate(new Backoff(Duration.ofMillis(100), Duration.ofMillis(350)));

  @Test
  void shouldDoubleTheBackoffUpToTheCapAndResetOnSuccess() {
    assertThat(gate.failed(0, -1)).isEqualTo(100L);
    assertThat(gate.failed(0, -1)).isEqualTo(200L);
    assertThat(gate.failed(0, -1)).isEqualTo(350L);
    assertThat(gate.waitMs(0)).isEqualTo(350L);
    gate.succeeded();
    assertThat(gate.failed(1000, -1)).isEqualTo(100L);
    assertThat(gate.waitMs(1050)).isEqualTo(50L);
  }

  @Test
  void shouldPreferTheServersRetryAfter() {
    assertThat(gate.failed(0, 30_000)).isEqualTo(30_000L);
    assertThat(gate.waitMs(10_000)).isEqualTo(20_000L);
    assertThat(gate.failures()).isEqualTo(1);
  }

  @Test
  void shouldBackOffWhenTheServerAsksForNoWait() {
    // Retry-After: 0, or a rate-limit reset already past by our clock: every poll sent its
    // request again at once for as long as the server refused
    assertThat(gate.failed(0, 0)).isEqualTo(100L);
    assertThat(gate.failed(0, 0)).isEqualTo(200L);
    assertThat(gate.waitMs(0)).isEqualTo(200L);
  }

  @Test
  void shouldHoldRequestsUntilAPause() {
    gate.pauseUntil(5_000);

    assertThat(gate.waitMs(1_000)).isEqualTo(4_000L);
    assertThat(gate.waitMs(6_000)).isEqualTo(0L);
  }

  @Test
  void shouldHoldRequestsRatherThanOverflowOnAnEndlessRetryAfter() {
    long now = 1_767_607_200_000L;

    gate.failed(now, Long.MAX_VALUE);

    assertThat(gate.waitMs(now)).isEqualTo(Long.MAX_VALUE - now);
  }
}
