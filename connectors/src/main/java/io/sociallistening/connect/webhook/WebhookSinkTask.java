package io.sociallistening.connect.webhook;

import io.sociallistening.avro.Alert;
import io.sociallistening.connect.ConnectorVersion;
import io.sociallistening.connect.http.HttpErrors;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.HttpStatusException;
import io.sociallistening.connect.http.MalformedPayloadException;
import io.sociallistening.connect.http.RetryLaterException;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert of {@code social.alerts} to the webhook, one request per alert, in order.
 *
 * <p>Input: values as the raw Confluent wire-format bytes of an Avro {@link Alert} (configure
 * {@code value.converter=org.apache.kafka.connect.converters.ByteArrayConverter}), decoded here
 * with {@link AvroSerde} and the configured schema registry; keys are ignored; null values
 * (tombstones) are skipped. Output: a {@link WebhookFormat} body as {@code application/json}.
 *
 * <p>Errors: 429, 5xx, timeouts are retried with backoff and {@code Retry-After} ({@link
 * HttpPoller}). An alert still undelivered after the last attempt, refused with another 4xx, or
 * that cannot be decoded goes to Connect's errant record reporter (the dead-letter topic with
 * {@code errors.tolerance=all} and {@code errors.deadletterqueue.topic.name}) and is logged at
 * ERROR with its id; the task goes on. 401 and 403 stop the task (the URL or its credentials are
 * wrong, every alert would fail). A 2xx reply whose body is over {@code http.max.response.bytes}
 * counts as delivered (its body is not used). A registry that cannot be reached, fails (5xx) or
 * rate limits (429) is retriable: the batch is handed back to Connect, and alerts already posted
 * from it are not posted again. Only a registry's "not found" for the alert's schema id (error
 * codes 40400 to 40499) or a schema that is not Avro sends the alert to the errant record reporter;
 * any other refusal of the registry (401, 403, a bare 404 without an error code: a wrong {@code
 * schema.registry.url} or a proxy in the way) stops the task without dead-lettering.
 */
public final class WebhookSinkTask extends SinkTask {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSinkTask.class);

  private final Time time;
  private final SchemaRegistry givenRegistry;
  private SchemaRegistry registry;
  private WebhookSinkConfig config;
  private WebhookFormat format;
  private URI url;
  private Map<String, String> headers;
  private HttpPoller http;
  private AvroSerde<Alert> serde;
  private ErrantRecordReporter reporter;
  private final Map<TopicPartition, Long> postedUpTo = new HashMap<>();
  private final List<Future<Void>> reports = new ArrayList<>();
  private long delivered;
  private long deadLettered;

  public WebhookSinkTask() {
    this(Time.SYSTEM, null);
  }

  /** With a clock and a registry of the caller's choice, for tests. */
  WebhookSinkTask(Time time, SchemaRegistry registry) {
    this.time = time;
    this.givenRegistry = registry;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }

  @Override
  public void start(Map<String, String> props) {
    config = new WebhookSinkConfig(props);
    format = config.format();
    url = config.url();
    headers =
        config.authorization() == null ? Map.of() : Map.of("Authorization", config.authorization());
    registry = givenRegistry != null ? givenRegistry : SchemaRegistries.fromConfig(props);
    serde = AvroSerde.forValues(Alert.class, registry);
    http = new HttpPoller(config.http(), time, true);
    reporter = errantRecordReporter();
    LOG.info(
        "Posting alerts as {} to {}; undeliverable alerts go to {}",
        format,
        HttpErrors.origin(url),
        reporter == null ? "the log only" : "the errant record reporter");
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    for (SinkRecord r : records) {
      TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
      Long upTo = postedUpTo.get(tp);
      if (upTo != null && r.kafkaOffset() <= upTo) {
        continue;
      }
      deliver(r);
      postedUpTo.put(tp, r.kafkaOffset());
    }
  }

  /** Waits until the errant record reporter has written every dead-lettered alert. */
  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    for (Future<Void> f : reports) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectException("Interrupted while dead-lettering alerts", e);
      } catch (ExecutionException e) {
        throw new ConnectException("Cannot dead-letter an alert", e.getCause());
      }
    }
    reports.clear();
    return super.preCommit(currentOffsets);
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    partitions.forEach(postedUpTo::remove);
  }

  /** Alerts posted with a 2xx answer since start. */
  public long delivered() {
    return delivered;
  }

  /** Alerts handed to the errant record reporter (or only logged without one) since start. */
  public long deadLettered() {
    return deadLettered;
  }

  /** HTTP requests sent since start, retries included. */
  public long requests() {
    return http == null ? 0 : http.requests();
  }

  @Override
  public void stop() {
    if (http != null) {
      http.close();
    }
    if (givenRegistry == null && registry != null) {
      try {
        registry.close();
      } catch (Exception e) {
        LOG.warn("Cannot close the schema registry client: {}", e.toString());
      }
    }
  }

  private void deliver(SinkRecord r) {
    if (r.value() == null) {
      return;
    }
    if (!(r.value() instanceof byte[] bytes)) {
      deadLetter(
          r,
          null,
          new DataException(
              "Expected the raw bytes of an Avro Alert, got "
                  + r.value().getClass().getName()
                  + "; set value.converter=org.apache.kafka.connect.converters.ByteArrayConverter"));
      return;
    }
    Alert alert;
    try {
      alert = serde.deserialize(r.topic(), bytes);
    } catch (RegistryException e) {
      if (e.isRecordAtFault()) {
        deadLetter(r, null, new DataException("Cannot decode alert: " + e.getMessage(), e));
        return;
      }
      if (registryUnavailable(e)) {
        long backoff = config.http().retry().backoffMs(1);
        if (context != null) {
          context.timeout(backoff);
        }
        throw new RetriableException("Schema registry unavailable: " + e.getMessage(), e);
      }
      // refusing the credentials, or a bare 404 (a wrong URL or a proxy, not an unknown schema):
      // every alert would fail the same way, and none of them is at fault
      throw new ConnectException(
          "Schema registry refused: "
              + e.getMessage()
              + "; check schema.registry.url and its credentials",
          e);
    } catch (SerializationException | DataException e) {
      deadLetter(r, null, new DataException("Cannot decode alert: " + e.getMessage(), e));
      return;
    }
    String body = format.render(alert);
    try {
      http.post(url, headers, "application/json", body);
      delivered++;
    } catch (MalformedPayloadException e) {
      // a 2xx whose body is over http.max.response.bytes: the webhook took the alert
      delivered++;
      LOG.warn("Alert {} delivered; {}", alert.getId(), e.getMessage());
    } catch (RetryLaterException e) {
      deadLetter(r, alert, e);
    } catch (HttpStatusException e) {
      if (e.authentication()) {
        throw new ConnectException("Webhook refused: " + e.getMessage(), e);
      }
      deadLetter(r, alert, e);
    }
  }

  private void deadLetter(SinkRecord r, Alert alert, Exception e) {
    deadLettered++;
    LOG.error(
        "Undeliverable alert {} ({}-{}@{}), {}: {}",
        alert == null ? "?" : alert.getId(),
        r.topic(),
        r.kafkaPartition(),
        r.kafkaOffset(),
        reporter == null ? "no dead-letter queue, dropped" : "sent to the dead-letter queue",
        e.getMessage());
    if (reporter != null) {
      reports.add(reporter.report(r, e));
    }
  }

  private ErrantRecordReporter errantRecordReporter() {
    if (context == null) {
      return null;
    }
    try {
      return context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      return null; // a worker older than Kafka 2.6
    }
  }

  /** Unreachable, failing or rate limiting: the same alert may decode later. */
  private static boolean registryUnavailable(RegistryException e) {
    int code = e.errorCode();
    return code == -1
        || code == 429
        || (code >= 42900 && code < 43000)
        || (code >= 500 && code < 600)
        || (code >= 50000 && code < 60000);
  }
}
