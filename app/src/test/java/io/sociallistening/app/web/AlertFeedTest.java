package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.registry.InMemorySchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
  void shouldStartANewSubscriptionWhereTheFeedIs() {
    try (AlertFeed feed = feed()) {
      feed.publish(alert(0, 3));
      feed.publish(alert(1, 7));
      feed.publish(alert(0, 4));

      AlertFeed.Subscription subscription = feed.subscribe(Optional.empty());

      assertThat(subscription.position().id()).isEqualTo("0:5,1:8");
      assertThat(subscription.missed()).isEmpty();
      assertThat(subscription.incomplete()).isFalse();
    }
  }

  @Test
  void shouldGiveAReturningClientWhatWasPublishedSinceItsPositionInTheOrderRead() {
    try (AlertFeed feed = feed()) {
      feed.publish(alert(0, 3));
      feed.publish(alert(1, 7));
      feed.publish(alert(0, 4));
      feed.publish(alert(1, 8));
      feed.publish(alert(2, 0));

      AlertFeed.Subscription subscription =
          feed.subscribe(Optional.of(StreamPosition.parse("0:4,1:9")));
      feed.publish(alert(0, 5));

      // partition 2 is not in its position: everything the feed holds of it
      assertThat(subscription.missed()).containsExactly(alert(0, 4), alert(2, 0));
      assertThat(subscription.incomplete()).isFalse();
      assertThat(subscription.position().id()).isEqualTo("0:4,1:9");
      assertThat(subscription.queue()).containsExactly(alert(0, 5));
    }
  }

  @Test
  void shouldSayWhenAlertsAReturningClientMissedAreNoLongerHeld() {
    try (AlertFeed feed = feed()) {
      for (long offset = 0; offset <= 1000; offset++) {
        feed.publish(alert(0, offset));
      }

      AlertFeed.Subscription behind = feed.subscribe(Optional.of(StreamPosition.parse("0:0")));
      AlertFeed.Subscription held = feed.subscribe(Optional.of(StreamPosition.parse("0:1")));

      // the feed holds the last 1,000: offset 0 is gone
      assertThat(behind.incomplete()).isTrue();
      assertThat(behind.missed()).hasSize(1000).startsWith(alert(0, 1)).endsWith(alert(0, 1000));
      assertThat(held.incomplete()).isFalse();
      assertThat(held.missed()).hasSize(1000);
    }
  }

  @Test
  void shouldWriteEachAlertOnceWithTheClientsPositionAsItsId() throws Exception {
    try (AlertFeed feed = feed()) {
      feed.publish(alert(0, 5));
      feed.publish(alert(0, 6));
      AlertFeed.Subscription subscription =
          feed.subscribe(Optional.of(StreamPosition.parse("0:5,1:2")));
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
      for (long offset = 0; offset <= 1000; offset++) {
        feed.publish(alert(0, offset));
      }
      AlertFeed.Subscription subscription =
          feed.subscribe(Optional.of(StreamPosition.parse("0:0")));
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      WebServer.stream(feed, subscription, out, polls(0), 10);

      String events = out.toString(StandardCharsets.UTF_8);
      assertThat(events)
          .startsWith(
              "retry: 3000\nid: 0:0\n: connected\n\nevent: incomplete\ndata: {\"message\":\"Some"
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

      WebServer.stream(feed, feed.subscribe(Optional.empty()), out, polls(0), 10);

      // an empty id would make the client forget the one it had
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("retry: 3000\n: connected\n\n");
    }
  }

  /** Open for {@code n} polls of the stream's loop. */
  private static BooleanSupplier polls(int n) {
    AtomicInteger left = new AtomicInteger(n);
    return () -> left.getAndDecrement() > 0;
  }
}
