package io.sociallistening.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void shouldStopAndReportAFailureOnError() throws InterruptedException {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.onChange(State.RUNNING, State.REBALANCING);
    assertThat(lifecycle.awaitStop(Duration.ZERO)).isFalse();

    lifecycle.onChange(State.PENDING_ERROR, State.RUNNING);
    lifecycle.onChange(State.ERROR, State.PENDING_ERROR);

    assertThat(lifecycle.awaitStop(Duration.ZERO)).isTrue();
    assertThat(lifecycle.failed()).isTrue();
  }

  @Test
  void shouldStopWithoutAFailureWhenClosed() throws InterruptedException {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.onChange(State.RUNNING, State.REBALANCING);
    lifecycle.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
    assertThat(lifecycle.awaitStop(Duration.ZERO)).isFalse();

    lifecycle.onChange(State.NOT_RUNNING, State.PENDING_SHUTDOWN);

    assertThat(lifecycle.awaitStop(Duration.ZERO)).isTrue();
    assertThat(lifecycle.failed()).isFalse();
  }
}
