package io.sociallistening.connect.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDeferralsTest {
  private static final long T0 = 1_767_607_200_000L;

  /** What the poller throws when its attempts run out at {@code T0 + 7 s}, next backoff 8 s. */
  private static final RetryLaterException UNAVAILABLE =
      new RetryLaterException("HTTP 503 from GET http://h/f.xml", 503, T0 + 15_000, -1, null);

  private static FeedDeferrals deferrals(long maxBackoffMs) {
    return new FeedDeferrals(
        List.of("http://h/f.xml", "http://h/g.xml"),
        Duration.ofMillis(60_000),
        Duration.ofMillis(maxBackoffMs));
  }

  @Test
  void shouldDoubleTheWaitFromThePollIntervalUpToTheMaxBackoff() {
    FeedDeferrals d = deferrals(200_000);

    assertThat(d.deferred(0, UNAVAILABLE, T0)).isEqualTo(T0 + 60_000);
    assertThat(d.deferred(0, UNAVAILABLE, T0)).isEqualTo(T0 + 120_000);
    assertThat(d.deferred(0, UNAVAILABLE, T0)).isEqualTo(T0 + 200_000);
    assertThat(d.inARow(0)).isEqualTo(3);
    assertThat(d.inARow(1)).isEqualTo(0);
    assertThat(d.count()).isEqualTo(3L);
  }

  @Test
  void shouldWaitThePollIntervalWhenTheMaxBackoffIsShorter() {
    FeedDeferrals d = deferrals(30_000);
    d.deferred(0, UNAVAILABLE, T0);

    assertThat(d.deferred(0, UNAVAILABLE, T0)).isEqualTo(T0 + 60_000);
  }

  @Test
  void shouldStartAgainFromThePollIntervalOnceTheServerAnswers() {
    FeedDeferrals d = deferrals(200_000);
    d.deferred(0, UNAVAILABLE, T0);
    d.deferred(0, UNAVAILABLE, T0);

    d.answered(0);

    assertThat(d.inARow(0)).isEqualTo(0);
    assertThat(d.deferred(0, UNAVAILABLE, T0)).isEqualTo(T0 + 60_000);
    assertThat(d.count()).isEqualTo(3L);
  }

  @Test
  void shouldWaitTheServersRetryAfterWhenItIsLonger() {
    RetryLaterException limited =
        new RetryLaterException(
            "HTTP 429 from GET http://h/f.xml", 429, T0 + 3_600_000, 3_600_000, null);

    assertThat(deferrals(200_000).deferred(1, limited, T0)).isEqualTo(T0 + 3_600_000);
  }

  @Test
  void shouldNotOverflowWhenTheWaitReachesTheEndOfTime() {
    FeedDeferrals d =
        new FeedDeferrals(List.of("http://h/f.xml"), Duration.ofMillis(60_000), Duration.ofDays(1));

    assertThat(d.deferred(0, UNAVAILABLE, Long.MAX_VALUE - 1_000)).isEqualTo(Long.MAX_VALUE);
  }
}
