package io.sociallistening.app.metrics;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the records Kafka Streams' main consumer hands to the topology, per topic of interest,
 * into the {@link PipelineMetrics} named by {@value PipelineMetrics#ID_CONFIG}.
 */
public final class ConsumedRecords implements ConsumerInterceptor<Object, Object> {
  private PipelineMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = PipelineMetrics.lookup(configs.get(PipelineMetrics.ID_CONFIG));
  }

  @Override
  public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
    for (TopicPartition partition : records.partitions()) {
      int count = records.records(partition).size();
      for (int i = 0; i < count; i++) {
        metrics.consumed(partition.topic());
      }
    }
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}
}
