package io.sociallistening.app.instance;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the topology's Kafka Streams states: logs every change, ends on NOT_RUNNING (closed) or
 * ERROR (failed), and remembers which, so that the process can exit with a failure status and a
 * supervisor's on-failure restart policy restarts it.
 */
final class Lifecycle implements KafkaStreams.StateListener {
  private static final Logger LOG = LoggerFactory.getLogger(Instance.class);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean failed;

  @Override
  public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
    LOG.info("Topology {} -> {}", before, now);
    if (now == KafkaStreams.State.ERROR) {
      failed = true;
    }
    if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
      stopped.countDown();
    }
  }

  void awaitStop() throws InterruptedException {
    stopped.await();
  }

  boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the topology stopped because it failed (state ERROR), not because it was closed. */
  boolean failed() {
    return failed;
  }
}
