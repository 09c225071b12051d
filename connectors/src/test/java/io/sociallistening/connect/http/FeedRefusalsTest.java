package io.sociallistening.connect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class FeedRefusalsTest {
  private static final long T0 = 1_767_607_200_000L;
  private static final HttpStatusException NOT_FOUND =
      new HttpStatusException("HTTP 404 from GET http://h/r/gone/new.json", 404);
  private static final HttpStatusException FORBIDDEN =
      new HttpStatusException("HTTP 403 from GET http://h/r/private/new.json", 403);

  private static FeedRefusals refusals(int feeds, long maxBackoffMs) {
    List<String> names = List.of("r/gone", "r/private", "r/acme").subList(0, feeds);
    return new FeedRefusals(
        names, Duration.ofMillis(1000), Duration.ofMillis(maxBackoffMs), "reddit.subreddits");
  }

  @Test
  void shouldDoubleTheWaitFromThePollIntervalUpToTheMaxBackoff() {
    FeedRefusals r = refusals(2, 5000);
    r.read(1);

    assertThat(r.refused(0, NOT_FOUND, T0)).isEqualTo(T0 + 1000);
    assertThat(r.refused(0, NOT_FOUND, T0)).isEqualTo(T0 + 2000);
    assertThat(r.refused(0, NOT_FOUND, T0)).isEqualTo(T0 + 4000);
    assertThat(r.refused(0, NOT_FOUND, T0)).isEqualTo(T0 + 5000);
    assertThat(r.inARow(0)).isEqualTo(4);
    assertThat(r.count()).isEqualTo(4L);
  }

  @Test
  void shouldStartAgainFromThePollIntervalAfterARead() {
    FeedRefusals r = refusals(2, 5000);
    r.read(1);
    r.refused(0, NOT_FOUND, T0);
    r.refused(0, NOT_FOUND, T0);

    r.read(0);

    assertThat(r.inARow(0)).isEqualTo(0);
    assertThat(r.refused(0, FORBIDDEN, T0)).isEqualTo(T0 + 1000);
    assertThat(r.count()).isEqualTo(3L);
  }

  @Test
  void shouldWaitThePollIntervalWhenTheMaxBackoffIsShorter() {
    FeedRefusals r = refusals(2, 300);
    r.read(1);
    r.refused(0, NOT_FOUND, T0);

    assertThat(r.refused(0, NOT_FOUND, T0)).isEqualTo(T0 + 1000);
  }

  @Test
  void shouldRethrowA401() {
    FeedRefusals r = refusals(2, 5000);
    HttpStatusException unauthorized = new HttpStatusException("HTTP 401 from GET http://h", 401);

    assertThatThrownBy(() -> r.refused(0, unauthorized, T0)).isSameAs(unauthorized);
    assertThat(r.count()).isEqualTo(0L);
  }

  @Test
  void shouldRefuseOnlyTheFeedOnA401WhenEveryStatusIsTheFeedsOwn() {
    FeedRefusals r =
        new FeedRefusals(
            List.of("a", "b"),
            Duration.ofMillis(1000),
            Duration.ofMillis(5000),
            "rss.feed.urls",
            FeedRefusals.ANY);
    r.read(1);

    assertThat(r.refused(0, new HttpStatusException("HTTP 401 from GET http://h", 401), T0))
        .isEqualTo(T0 + 1000);
    assertThat(r.count()).isEqualTo(1L);
  }

  @Test
  void shouldFailWhenEveryFeedIsRefusedAtItsFirstRead() {
    FeedRefusals r = refusals(2, 5000);
    r.refused(0, NOT_FOUND, T0);

    assertThatThrownBy(() -> r.refused(1, FORBIDDEN, T0))
        .isInstanceOf(ConnectException.class)
        .isNotInstanceOf(HttpStatusException.class)
        .hasMessage(
            "Every feed of the task was refused at its first read (check reddit.subreddits): HTTP"
                + " 404 from GET http://h/r/gone/new.json; HTTP 403 from GET"
                + " http://h/r/private/new.json");
  }

  @Test
  void shouldNotFailWhenAFeedRefusedFirstWasReadLater() {
    FeedRefusals r = refusals(2, 5000);
    r.refused(0, NOT_FOUND, T0);
    r.read(0);

    assertThat(r.refused(1, FORBIDDEN, T0)).isEqualTo(T0 + 1000);
    assertThat(r.refused(0, NOT_FOUND, T0)).isEqualTo(T0 + 1000);
  }
}
