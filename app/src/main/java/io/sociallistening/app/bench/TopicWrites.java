package io.sociallistening.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What an application wrote to the broker: end offsets of every topic (records plus transaction
 * markers, internal topics included) taken before and after a phase, and the committed records and
 * their bytes read back from the topics it wrote. Broker work grows with these.
 */
final class TopicWrites {
  /** Writes to one topic during a phase. */
  record Topic(String name, long offsets, long records, long bytes) {}

  /**
   * What one application wrote: the {@code topics}' offsets taken while it committed {@code
   * timedRecords} input records (its timed part, which need not start exactly at the warm-up).
   */
  record Written(long timedRecords, List<Topic> topics) {}

  private TopicWrites() {}

  /**
   * Sum of the last stable offsets of every topic's partitions, internal topics included: the end
   * of what committed transactions wrote, markers included, without the records of a transaction
   * still open. Taken as an application's timed part begins, the end offset would count the records
   * its open transaction has written for input records not yet committed, whose commit falls in the
   * timed part: the offsets per timed input record would read one transaction's worth low.
   */
  static Map<String, Long> endOffsets(Admin admin) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    partitionEnds(admin, IsolationLevel.READ_COMMITTED)
        .forEach((partition, end) -> out.merge(partition.topic(), end, Long::sum));
    return out;
  }

  /** The end offset of every partition of every topic, internal topics included. */
  static Map<TopicPartition, Long> partitionEnds(Admin admin) throws Exception {
    return partitionEnds(admin, IsolationLevel.READ_UNCOMMITTED);
  }

  private static Map<TopicPartition, Long> partitionEnds(Admin admin, IsolationLevel isolation)
      throws Exception {
    Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
      topic
          .partitions()
          .forEach(
              p -> specs.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    admin
        .listOffsets(specs, new ListOffsetsOptions(isolation))
        .all()
        .get()
        .forEach((partition, end) -> out.put(partition, end.offset()));
    return out;
  }

  /**
   * Per topic written between the two snapshots: the offsets taken, and for the topics of {@code
   * readable} the committed records and their key + value bytes, read back from the offsets of
   * {@code since} (taken when the application started, so that what other applications wrote to the
   * same topics before it is not counted; a partition missing there is read from its start;
   * repartition topics hold only what Kafka Streams has not purged yet).
   */
  static List<Topic> between(
      String bootstrap,
      Map<String, Long> before,
      Map<String, Long> after,
      Set<String> readable,
      Map<TopicPartition, Long> since) {
    Map<String, long[]> read = read(bootstrap, readable, since);
    List<Topic> out = new ArrayList<>();
    for (var entry : after.entrySet()) {
      long offsets = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
      if (offsets <= 0) {
        continue;
      }
      long[] counts = read.getOrDefault(entry.getKey(), new long[] {-1, -1});
      out.add(new Topic(entry.getKey(), offsets, counts[0], counts[1]));
    }
    out.sort((a, b) -> Long.compare(b.offsets(), a.offsets()));
    return out;
  }

  /**
   * Committed records and key + value bytes of every partition of {@code topics}, from its offset
   * in {@code since} (0 when missing) to its end.
   */
  private static Map<String, long[]> read(
      String bootstrap, Set<String> topics, Map<TopicPartition, Long> since) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("isolation.level", "read_committed");
    config.put("max.poll.records", 5_000);
    config.put("fetch.max.bytes", 16 * 1024 * 1024);
    Map<String, long[]> out = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        out.put(topic, new long[2]);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      for (TopicPartition partition : partitions) {
        Long from = since.get(partition);
        if (from != null && from > 0) {
          consumer.seek(partition, from);
        }
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (System.nanoTime() < deadline && !caughtUp(consumer, ends)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          long[] counts = out.get(record.topic());
          counts[0]++;
          counts[1] +=
              (record.key() == null ? 0 : record.key().length)
                  + (record.value() == null ? 0 : record.value().length);
        }
      }
    }
    return out;
  }

  private static boolean caughtUp(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (var end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
