package io.sociallistening.app.local;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.SampleMention;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A readable console feed of the local stack: each alert as it fires, with its explanation, and a
 * status line every few seconds with what went through the pipeline. Reads the alerts, enriched and
 * dead-letter topics like any other consumer (read_committed).
 */
public final class AlertConsole implements AutoCloseable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final KafkaConsumer<String, byte[]> consumer;
  private final AvroSerde<Alert> alerts;
  private final String alertsTopic;
  private final String enrichedTopic;
  private final String deadLettersTopic;
  private final PrintStream out;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong alertCount = new AtomicLong();
  private final AtomicLong enrichedCount = new AtomicLong();
  private final AtomicLong deadLetterCount = new AtomicLong();
  private final Thread thread;

  public AlertConsole(
      String bootstrapServers,
      SchemaRegistry registry,
      String alertsTopic,
      String enrichedTopic,
      String deadLettersTopic,
      PrintStream out) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "social-listening-console-" + System.nanoTime(),
                "auto.offset.reset", "latest",
                "isolation.level", "read_committed",
                "enable.auto.commit", "false"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    this.alerts = AvroSerde.forValues(Alert.class, registry);
    this.alertsTopic = alertsTopic;
    this.enrichedTopic = enrichedTopic;
    this.deadLettersTopic = deadLettersTopic;
    this.out = out;
    this.thread = new Thread(this::run, "alert-console");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    consumer.subscribe(List.of(alertsTopic, enrichedTopic, deadLettersTopic));
    long nextStatus = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.topic().equals(alertsTopic)) {
            alertCount.incrementAndGet();
            print(alerts.deserialize(record.topic(), record.value()));
          } else if (record.topic().equals(enrichedTopic)) {
            enrichedCount.incrementAndGet();
          } else {
            deadLetterCount.incrementAndGet();
          }
        }
        if (System.nanoTime() > nextStatus) {
          out.printf(
              Locale.ROOT,
              "  ... %,d mentions enriched, %,d dead letters, %,d alerts so far%n",
              enrichedCount.get(),
              deadLetterCount.get(),
              alertCount.get());
          nextStatus = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  private void print(Alert alert) {
    String when = TIME.format(alert.getEventTime());
    if (alert.getType() == AlertType.LEAD) {
      out.printf(
          Locale.ROOT,
          "%n[%s] LEAD  %s  score %.2f%n  %s%n  reasons: %s%n",
          when,
          alert.getBrand(),
          alert.getScore() == null ? 0.0 : alert.getScore(),
          alert.getSummary(),
          String.join("; ", alert.getReasons()));
      for (SampleMention sample : alert.getSamples()) {
        if (sample.getUrl() != null) {
          out.printf(Locale.ROOT, "  link: %s%n", sample.getUrl());
        }
      }
      return;
    }
    out.printf(
        Locale.ROOT,
        "%n[%s] %s  %s  severity %d%n  %s%n",
        when,
        alert.getType(),
        alert.getBrand(),
        alert.getSeverity(),
        alert.getSummary());
    if (!alert.getTopSources().isEmpty()) {
      out.printf(Locale.ROOT, "  platforms: %s%n", String.join(", ", alert.getTopSources()));
    }
    if (!alert.getReasons().isEmpty()) {
      out.printf(Locale.ROOT, "  why: %s%n", String.join("; ", alert.getReasons()));
    }
    int shown = 0;
    for (SampleMention sample : alert.getSamples()) {
      if (shown++ == 3) {
        break;
      }
      out.printf(
          Locale.ROOT,
          "  - @%s (%s followers): %s%n",
          sample.getAuthor(),
          sample.getFollowers() == null
              ? "?"
              : String.format(Locale.ROOT, "%,d", sample.getFollowers()),
          sample.getText());
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
