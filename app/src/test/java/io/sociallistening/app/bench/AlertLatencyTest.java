package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.serde.AvroTrust;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertLatencyTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

  static {
    AvroTrust.install(); // building an Alert resolves its generated classes through Avro
  }

  private static Alert alert(AlertType type, Instant eventTime) {
    return Alert.newBuilder()
        .setId("a-" + type)
        .setType(type)
        .setBrand("acme")
        .setSeverity(2)
        .setEventTime(eventTime)
        .setSummary("s")
        .build();
  }

  @Test
  void shouldTimeALeadAlertFromItsMention() {
    assertThat(Benchmark.timesFromMention(alert(AlertType.LEAD, T0))).isTrue();
  }

  @Test
  void shouldNotTimeACrisisAlertWhoseRecordTimeIsTheEndOfItsBucket() {
    for (AlertType type :
        new AlertType[] {
          AlertType.CRISIS_OPENED, AlertType.CRISIS_ESCALATED, AlertType.CRISIS_RESOLVED
        }) {
      assertThat(Benchmark.timesFromMention(alert(type, T0.plusSeconds(60))))
          .as(type.name())
          .isFalse();
    }
  }
}
