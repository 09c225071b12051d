package io.sociallistening.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads committed records of a topic from the beginning, as any downstream consumer would. */
final class TopicReader {
  private TopicReader() {}

  /**
   * Reads {@code topic} until {@code done} holds for what was read, or {@code timeout} passes, then
   * keeps reading for {@code settle} to catch records that should not be there.
   */
  static List<ConsumerRecord<byte[], byte[]>> read(
      String bootstrap,
      String topic,
      Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
      Duration timeout,
      Duration settle) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "reader-" + topic + "-" + System.nanoTime(),
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed",
                "enable.auto.commit", "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(out) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      long settleUntil = System.nanoTime() + settle.toNanos();
      while (System.nanoTime() < settleUntil) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
