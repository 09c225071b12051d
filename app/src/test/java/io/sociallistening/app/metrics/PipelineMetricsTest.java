package io.sociallistening.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.registry.InMemorySchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {
  private static final String ALERTS = "social.alerts";

  private static byte[] alert(String id, AlertType type) {
    AvroSerde<Alert> serde = AvroSerde.forValues(Alert.class, new InMemorySchemaRegistry());
    return serde.serialize(
        ALERTS,
        Alert.newBuilder()
            .setId(id)
            .setType(type)
            .setBrand("acme-air")
            .setSeverity(5)
            .setEventTime(Instant.parse("2026-01-05T06:00:00Z"))
            .setSummary("s")
            .build());
  }

  @Test
  void shouldReadTheAlertTypeFromTheWireBytes() {
    assertThat(AlertTypeIndex.of(alert("a-1", AlertType.CRISIS_ESCALATED)))
        .isEqualTo(AlertType.CRISIS_ESCALATED.ordinal());
    assertThat(AlertTypeIndex.of(alert("x".repeat(300), AlertType.LEAD)))
        .isEqualTo(AlertType.LEAD.ordinal());
    assertThat(AlertTypeIndex.of(new byte[] {1, 2, 3})).isEqualTo(-1);
  }

  @Test
  void shouldCountAlertsByTypeAndEnrichedMentions() {
    PipelineMetrics metrics = PipelineMetrics.register("app", Topics.defaults());
    try {
      metrics.produced(ALERTS, 0L, alert("a", AlertType.LEAD), 5);
      metrics.produced(ALERTS, 0L, alert("b", AlertType.LEAD), 5);
      metrics.produced(ALERTS, 0L, alert("c", AlertType.CRISIS_OPENED), 5);
      metrics.produced("social.mentions.enriched", 0L, new byte[0], 5);
      metrics.produced("social.mentions.enriched", 0L, new byte[0], 5);

      assertThat(metrics.alerts(AlertType.LEAD)).isEqualTo(2);
      assertThat(metrics.alerts(AlertType.CRISIS_OPENED)).isEqualTo(1);
      metrics.produced("social.mentions.enriched", 0L, new byte[0], 5);
      assertThat(metrics.enriched()).isEqualTo(3);
      assertThat(metrics.enrichedLatency().count()).isEqualTo(3);
    } finally {
      metrics.unregister();
    }
  }

  @Test
  void shouldReachTheMainConsumerAndProducerThroughStreamsConfig() {
    PipelineMetrics metrics = PipelineMetrics.register("app", Topics.defaults());
    try {
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
      props.put("producer.interceptor.classes", "com.example.Audit");
      props.putAll(metrics.streamsProperties(props));
      StreamsConfig config = new StreamsConfig(props);

      Map<String, Object> consumer = config.getMainConsumerConfigs("app", "c", 0);
      assertThat(consumer.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG))
          .isEqualTo(ConsumedRecords.class.getName());
      assertThat(consumer.get(PipelineMetrics.ID_CONFIG)).isEqualTo(metrics.streamsId());
      Map<String, Object> producer = config.getProducerConfigs("p");
      assertThat(producer.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG))
          .isEqualTo("com.example.Audit," + ProducedRecords.class.getName());
      assertThat(producer.get(PipelineMetrics.ID_CONFIG)).isEqualTo(metrics.streamsId());
      assertThat(config.getRestoreConsumerConfigs("r"))
          .doesNotContainKey(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
    } finally {
      metrics.unregister();
    }
    assertThatThrownBy(() -> PipelineMetrics.lookup(metrics.streamsId()))
        .hasMessage(
            "No pipeline metrics registered as social.listening.metrics.id=app#" + idOf(metrics));
  }

  @Test
  void shouldKeepInterceptorsConfiguredForEveryClientOrEveryConsumer() {
    PipelineMetrics metrics = PipelineMetrics.register("app", Topics.defaults());
    try {
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
      props.put("interceptor.classes", "com.example.Tracing");
      props.put("consumer.interceptor.classes", "com.example.ConsumerAudit");
      props.putAll(metrics.streamsProperties(props));
      StreamsConfig config = new StreamsConfig(props);

      assertThat(
              config
                  .getMainConsumerConfigs("app", "c", 0)
                  .get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG))
          .isEqualTo("com.example.ConsumerAudit," + ConsumedRecords.class.getName());
      assertThat(config.getProducerConfigs("p").get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG))
          .isEqualTo("com.example.Tracing," + ProducedRecords.class.getName());
    } finally {
      metrics.unregister();
    }
  }

  private static String idOf(PipelineMetrics metrics) {
    return metrics.streamsId().substring("app#".length());
  }

  @Test
  void shouldAcceptOnlyRecordsOfItsTopics() {
    PipelineMetrics metrics = PipelineMetrics.register("app", Topics.defaults());
    try {
      metrics.consumed("other");
      metrics.produced("other", 0L, new byte[0], 1);
      assertThat(List.of(metrics.mentionsIn(), metrics.enriched(), metrics.deadLetters()))
          .containsExactly(0L, 0L, 0L);
    } finally {
      metrics.unregister();
    }
  }
}
