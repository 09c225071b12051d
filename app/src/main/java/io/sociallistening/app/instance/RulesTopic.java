package io.sociallistening.app.instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the compacted rules topic holds: the last record of every key, read (read_committed, all
 * partitions assigned, no consumer group) from the beginning to the end offsets taken at the start.
 * Values are left encoded, so a record that does not decode still counts as held.
 */
public final class RulesTopic {
  private RulesTopic() {}

  /**
   * The last value of every key of {@code topic}, keys sorted; a null value is a deletion. A topic
   * that does not exist holds nothing. Records without a key are skipped, as the rules store skips
   * them.
   *
   * @throws IllegalStateException if the topic cannot be read to its end within {@code timeout}
   */
  public static TreeMap<String, byte[]> read(
      Map<String, Object> kafkaClientConfig, String topic, Duration timeout) {
    return read(kafkaClientConfig, topic, timeout, false);
  }

  /**
   * As {@link #read(Map, String, Duration)}, but a topic that does not exist is an error when
   * {@code mustExist}: a listing of a misspelt topic would otherwise look like an empty one.
   *
   * @throws IllegalStateException if the topic cannot be read to its end within {@code timeout}, or
   *     does not exist and {@code mustExist}
   */
  public static TreeMap<String, byte[]> read(
      Map<String, Object> kafkaClientConfig, String topic, Duration timeout, boolean mustExist) {
    Map<String, Object> config = new HashMap<>(kafkaClientConfig);
    config.remove("group.id");
    config.put("enable.auto.commit", "false");
    config.put("isolation.level", "read_committed");
    config.put("auto.offset.reset", "earliest");
    // a missing topic is not created here with the broker's defaults (not compacted)
    config.put("allow.auto.create.topics", "false");
    config.put("client.id", "rules-topic-reader-" + System.identityHashCode(config));
    TreeMap<String, byte[]> latest = new TreeMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        if (mustExist) {
          throw new IllegalStateException("the cluster has no topic '" + topic + "'");
        }
        return latest;
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Map<TopicPartition, Long> unread = new HashMap<>(ends);
      while (true) {
        unread
            .entrySet()
            .removeIf(end -> consumer.position(end.getKey(), timeout) >= end.getValue());
        if (unread.isEmpty()) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Cannot read " + topic + " to its end within " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
          if (record.key() != null && record.offset() < end) {
            latest.put(record.key(), record.value());
          }
        }
      }
      return latest;
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Cannot read " + topic + " from the Kafka cluster: " + e.getMessage(), e);
    }
  }
}
