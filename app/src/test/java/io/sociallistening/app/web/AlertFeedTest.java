package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.registry.InMemorySchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The feed's subscriptions and the stream written from them, with alerts handed in directly. */
class AlertFeedTest {

  private static AlertFeed feed() {
    // never started: alerts are handed in through publish
    return new AlertFeed(
        Map.of("bootstrap.servers", "127.0.0.1:9"), new InMemorySchemaRegistry(), "alerts", 10);
  }

  private static AlertFeed.Published alert(int partition, long offset) {
    return new AlertFeed.Published(
        partition, offset, "{\"id\":\"" + partition + "-" + offset + "\"}");
  }

  @Test
  void shouldStartANewSubscriptionWhereTheFeedIs() throws Exception {
    try (AlertFeed feed = feed()) {
      feed.publish(alert(0, 3));
      feed.publish(alert(1, 7));
      feed.publish(alert(0, 4));

      AlertFeed.Subscription subscription = feed.subscribe(Optional.empty(), Duration.ZERO);

      assertThat(subscription.position().id()).isEqualTo("0:5,1:8");
      assertThat(subscription.missed()).isEmpty();
      assertThat(subscription.incomplete()).isFalse();
    }
  }

  @Test
  void shouldGiveAReturningClientWhatWasPublishedSinceItsPositionInTheOrderRead() throws Exception {
    try (AlertFeed feed = feed()) {
      feed.startAt(Map.of(0, 3L, 1, 7L, 2, 0L));
      feed.publish(alert(0, 3));
      feed.publish(alert(1, 7));
      feed.publish(alert(0, 4));
      feed.publish(alert(1, 8));
      feed.publish(alert(2, 0));

      AlertFeed.Subscription subscription =
          feed.subscribe(Optional.of(StreamPosition.parse("0:4,1:9")), Duration.ZERO);
      feed.publish(alert(0, 5));

      // partition 2 is not in its position: everything the feed holds of it
      assertThat(subscription.missed()).containsExactly(alert(0, 4), alert(2, 0));
      assertThat(subscription.incomplete()).isFalse();
      assertThat(subscription.position().id()).isEqualTo("0:4,1:9");
      assertThat(subscription.queue()).containsExactly(alert(0, 5));
    }
  }

  @Test
  void shouldSayWhenAlertsAReturningClientMissedAreNoLongerHeld() throws Exception {
    try (AlertFeed feed = feed()) {
      feed.startAt(Map.of(0, 0L));
      for (long offset = 0; offset <= 1000; offset++) {
        feed.publish(alert(0, offset));
      }

      AlertFeed.Subscription behind =
          feed.subscribe(Optional.of(StreamPosition.parse("0:0")), Duration.ZERO);
      AlertFeed.Subscription held =
          feed.subscribe(Optional.of(StreamPosition.parse("0:1")), Duration.ZERO);

      // the feed holds the last 1,000: offset 0 is gone; the client is told, and placed where
      // what is held begins, so that it is not told again when it comes back
      assertThat(behind.incomplete()).isTrue();
      assertThat(behind.position().id()).isEqualTo("0:1");
      assertThat(behind.missed()).hasSize(1000).startsWith(alert(0, 1)).endsWith(alert(0, 1000));
      assertThat(held.incomplete()).isFalse();
      assertThat(held.missed()).hasSize(1000);
    }
  }

  @Test
  void shouldWriteEachAlertOnceWithTheClientsPositionAsItsId() throws Exception {
    try (AlertFeed feed = feed()) {
      feed.startAt(Map.of(0, 5L, 1, 2L));
      feed.publish(alert(0, 5));
      feed.publish(alert(0, 6));
      AlertFeed.Subscription subscription =
          feed.subscribe(Optional.of(StreamPosition.parse("0:5,1:2")), Duration.ZERO);
      // already written from what it missed: a feed behind the instance the client came from
      feed.publish(alert(0, 6));
      feed.publish(alert(1, 2));
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      WebServer.stream(feed, subscription, out, polls(3), 10);

      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "retry: 3000\nid: 0:5,1:2\n: connected\n\n"
                  + "id: 0:6,1:2\nevent: alert\ndata: {\"id\":\"0-5\"}\n\n"
                  + "id: 0:7,1:2\nevent: alert\ndata: {\"id\":\"0-6\"}\n\n"
                  + "id: 0:7,1:3\nevent: alert\ndata: {\"id\":\"1-2\"}\n\n"
                  + ": keep-alive\n\n");
    }
  }

  @Test
  void shouldOpenWithANoticeWhenSomeMissedAlertsAreNoLongerHeld() throws Exception {
    try (AlertFeed feed = feed()) {
      feed.startAt(Map.of(0, 0L));
      for (long offset = 0; offset <= 1000; offset++) {
        feed.publish(alert(0, offset));
      }
      AlertFeed.Subscription subscription =
          feed.subscribe(Optional.of(StreamPosition.parse("0:0")), Duration.ZERO);
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      WebServer.stream(feed, subscription, out, polls(0), 10);

      String events = out.toString(StandardCharsets.UTF_8);
      assertThat(events)
          .startsWith(
              "retry: 3000\nid: 0:1\n: connected\n\nevent: incomplete\ndata: {\"message\":\"Some"
                  + " alerts published since Last-Event-ID are no longer held; /api/alerts has"
                  + " the latest\"}\n\nid: 0:2\nevent: alert\ndata: {\"id\":\"0-1\"}\n\n")
          .endsWith("id: 0:1001\nevent: alert\ndata: {\"id\":\"0-1000\"}\n\n");
      assertThat(events.split("event: alert\n", -1)).hasSize(1001);
    }
  }

  @Test
  void shouldOpenANewStreamWithoutAnIdWhileTheFeedHasNoPosition() throws Exception {
    try (AlertFeed feed = feed()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      WebServer.stream(feed, feed.subscribe(Optional.empty(), Duration.ZERO), out, polls(0), 10);

      // an empty id would make the client forget the one it had
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("retry: 3000\n: connected\n\n");
    }
  }

  @Test
  void shouldCallAResumeIncompleteWhileTheFeedIsNotPositioned() throws Exception {
    // the feed starts a few records before each partition's end, unknown until it has reached
    // the cluster: a client back before then was given the alerts above its id, silently
    // missing those between its id and where the feed began
    try (AlertFeed feed = feed()) {
      AlertFeed.Subscription early =
          feed.subscribe(Optional.of(StreamPosition.parse("0:1")), Duration.ofMillis(50));

      assertThat(early.incomplete()).isTrue();
      assertThat(early.position().id()).isEqualTo("0:1");
    }
  }

  @Test
  void shouldWaitForTheFeedToBePositionedBeforePlacingAReturningClient() throws Exception {
    try (AlertFeed feed = feed()) {
      Thread starter =
          new Thread(
              () -> {
                sleep(200);
                feed.startAt(Map.of(0, 4L));
              });
      starter.start();

      AlertFeed.Subscription resumed =
          feed.subscribe(Optional.of(StreamPosition.parse("0:1")), Duration.ofSeconds(10));
      starter.join();

      // positioned at 4: 1 to 3 are not held
      assertThat(resumed.incomplete()).isTrue();
      assertThat(resumed.position().id()).isEqualTo("0:4");
    }
  }

  @Test
  void shouldStartAPositionBeyondAPartitionsEndAfreshAndSaySo() throws Exception {
    // an id from before the topic was deleted and created again got nothing, ever: every new
    // alert was below its offsets
    try (AlertFeed feed = feed()) {
      feed.startAt(Map.of(0, 0L));
      for (long offset = 0; offset < 8; offset++) {
        feed.publish(alert(0, offset));
      }
      feed.polled(Map.of(0, 8L));

      AlertFeed.Subscription beyond =
          feed.subscribe(Optional.of(StreamPosition.parse("0:1000")), Duration.ofMillis(100));
      AlertFeed.Subscription atEnd =
          feed.subscribe(Optional.of(StreamPosition.parse("0:8")), Duration.ofMillis(100));

      assertThat(beyond.incomplete()).isTrue();
      assertThat(beyond.position().id()).isEqualTo("0:0");
      assertThat(beyond.missed()).hasSize(8);
      assertThat(atEnd.incomplete()).isFalse();
      assertThat(atEnd.missed()).isEmpty();
    }
  }

  @Test
  void shouldTakeAPositionBeyondTheEndItLastKnewWhenTheNextPollsShowTheTopicThatFar()
      throws Exception {
    // a client from an instance whose feed read further than this one's last poll
    try (AlertFeed feed = feed()) {
      feed.startAt(Map.of(0, 0L));
      feed.polled(Map.of(0, 8L));
      Thread poller =
          new Thread(
              () -> {
                for (int i = 0; i < 2; i++) {
                  sleep(100);
                  feed.polled(Map.of(0, 12L));
                }
              });
      poller.start();

      AlertFeed.Subscription ahead =
          feed.subscribe(Optional.of(StreamPosition.parse("0:10")), Duration.ofSeconds(10));
      poller.join();

      assertThat(ahead.incomplete()).isFalse();
      assertThat(ahead.position().id()).isEqualTo("0:10");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Open for {@code n} polls of the stream's loop. */
  private static BooleanSupplier polls(int n) {
    AtomicInteger left = new AtomicInteger(n);
    return () -> left.getAndDecrement() > 0;
  }
}
