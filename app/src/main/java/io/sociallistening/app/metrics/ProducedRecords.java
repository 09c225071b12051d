package io.sociallistening.app.metrics;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts the records Kafka Streams sends to the output topics, and their end-to-end latency, into
 * the {@link PipelineMetrics} named by {@value PipelineMetrics#ID_CONFIG}. Records are serialised
 * already (Streams sends bytes), so alerts are classified from their bytes.
 */
public final class ProducedRecords implements ProducerInterceptor<Object, Object> {
  private PipelineMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = PipelineMetrics.lookup(configs.get(PipelineMetrics.ID_CONFIG));
  }

  @Override
  public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
    metrics.produced(
        record.topic(),
        record.timestamp(),
        record.value() instanceof byte[] bytes ? bytes : null,
        System.currentTimeMillis());
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

  @Override
  public void close() {}
}
