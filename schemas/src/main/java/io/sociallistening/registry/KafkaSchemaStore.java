package io.sociallistening.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.registry.SchemaStore.RemovedVersion;
import io.sociallistening.registry.SchemaStore.SchemaVersion;
import io.sociallistening.registry.SchemaStore.SubjectCompatibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaStore} in a compacted Kafka topic ({@value #DEFAULT_TOPIC} by default) with one
 * partition. {@link #open} creates the topic if it is missing ({@code cleanup.policy=compact}, the
 * given replication factor) and refuses an existing one that is not compacted or has more than one
 * partition. {@link #readAll()} reads the partition from the beginning to the end offset it finds
 * at that moment; {@link #write} produces with {@code acks=all} and idempotence and waits until the
 * producer has settled the record (acknowledged, or given up after the timeout), so an answer of
 * the registry means the entry is in the log, and a failed write is no longer in flight; it answers
 * the offset the broker gave the record. {@link #end()} is the partition's end offset. Offsets are
 * the topic's own, which compaction keeps, so whether a record {@link SchemaStore.Logged#applies()
 * applies} reads the same before and after compaction.
 *
 * <p>Records are UTF-8 JSON keys and values, laid out like Confluent's own {@code _schemas} topic
 * (but not promised to be interchangeable with it):
 *
 * <ul>
 *   <li>a schema version: key {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}},
 *       value {@code {"subject":"s","version":1,"id":7,"schema":"<canonical Avro
 *       JSON>","deleted":false}}; a soft delete rewrites the same key with {@code "deleted":true},
 *       a permanent delete (of a soft-deleted version) writes a null value (tombstone) to it.
 *   <li>a compatibility level: key {@code {"keytype":"CONFIG","subject":"s","magic":0}} ({@code
 *       "subject":null} for the global level), value {@code {"compatibilityLevel":"BACKWARD"}}; a
 *       null value (tombstone) removes a subject's level, or puts the global level back to the
 *       default.
 * </ul>
 *
 * <p>Each record written carries the offset its writer expected it at in a header {@value
 * #EXPECTED_OFFSET} (the decimal number in ASCII); keys and values are as above, so tools reading
 * the topic see nothing new. A record without the header (written by an earlier version, or by
 * another tool) applies wherever it is.
 *
 * <p>Keys are written with fixed field order so that compaction sees equal keys as equal bytes.
 * Records with another {@code keytype} (such as Confluent's {@code NOOP}) are skipped; a record
 * that cannot be decoded stops {@link #readAll()} with an exception rather than risk handing out an
 * id twice.
 */
public final class KafkaSchemaStore implements SchemaStore {
  public static final String DEFAULT_TOPIC = "_schemas";

  /** The header holding the offset a record's writer expected it at. */
  static final String EXPECTED_OFFSET = "expected-offset";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> clientConfigs;
  private final String topic;
  private final Duration timeout;
  private final KafkaProducer<String, String> producer;

  /** Asks where the topic ends ({@link #end()}); guarded by itself (consumers are not shared). */
  private final KafkaConsumer<String, String> endReader;

  private KafkaSchemaStore(Map<String, Object> clientConfigs, String topic, Duration timeout) {
    this.clientConfigs = clientConfigs;
    this.topic = topic;
    this.timeout = timeout;
    this.endReader = new KafkaConsumer<>(consumerConfigs("schema-registry-store-end"));
    Map<String, Object> producerConfigs = new HashMap<>(clientConfigs);
    producerConfigs.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfigs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfigs.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    producerConfigs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
    producerConfigs.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
    producerConfigs.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, millis));
    producerConfigs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerConfigs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerConfigs.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-store");
    this.producer = new KafkaProducer<>(producerConfigs);
  }

  /**
   * {@link #open(Map, String, short, Duration)} on {@value #DEFAULT_TOPIC}, replication 1, 30 s.
   */
  public static KafkaSchemaStore open(Map<String, ?> clientConfigs) {
    return open(clientConfigs, DEFAULT_TOPIC, (short) 1, Duration.ofSeconds(30));
  }

  /**
   * Ensures {@code topic} exists as a compacted single-partition topic and opens a producer on it.
   *
   * @param clientConfigs Kafka client settings shared by the admin client, producer and consumer
   *     ({@code bootstrap.servers}, security); serializers, acks and idempotence are set here
   * @param replicationFactor replication of the topic if it has to be created
   * @param timeout bound on each admin call, each write ({@code delivery.timeout.ms}) and the
   *     initial read
   * @throws IllegalStateException if the topic cannot be created or is not usable
   */
  public static KafkaSchemaStore open(
      Map<String, ?> clientConfigs, String topic, short replicationFactor, Duration timeout) {
    Objects.requireNonNull(topic, "topic");
    Map<String, Object> configs = new HashMap<>(clientConfigs);
    ensureTopic(configs, topic, replicationFactor, timeout);
    return new KafkaSchemaStore(configs, topic, timeout);
  }

  private Map<String, Object> consumerConfigs(String clientId) {
    Map<String, Object> consumerConfigs = new HashMap<>(clientConfigs);
    consumerConfigs.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerConfigs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfigs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfigs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfigs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerConfigs.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    return consumerConfigs;
  }

  @Override
  public Log readAll() {
    TopicPartition partition = new TopicPartition(topic, 0);
    List<Logged> records = new ArrayList<>();
    long end;
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerConfigs("schema-registry-store-reader"))) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      end = consumer.endOffsets(List.of(partition), timeout).get(partition);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (consumer.position(partition, timeout) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Timed out after " + timeout + " reading " + topic + " up to offset " + end);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() >= end) {
            break;
          }
          long expected = expectedOffset(record);
          decode(record.key(), record.value())
              .ifPresent(entry -> records.add(new Logged(entry, record.offset(), expected)));
        }
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read schema store topic " + topic + ": " + e, e);
    }
    LOG.info("Read {} schema store records from {} up to offset {}", records.size(), topic, end);
    return new Log(records, end);
  }

  @Override
  public long write(Entry entry, long expected) {
    RecordHeaders headers = new RecordHeaders();
    if (expected >= 0) {
      headers.add(EXPECTED_OFFSET, Long.toString(expected).getBytes(StandardCharsets.US_ASCII));
    }
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, 0, null, encodeKey(entry), encodeValue(entry), headers);
    try {
      // The producer settles every send within delivery.timeout.ms (the store's timeout): once
      // this returns or throws, the record is no longer in flight, so a re-read after a failure
      // sees it if it was written after all.
      return producer.send(record).get().offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("Interrupted while writing to " + topic, 50001, e);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new RegistryException(
          "Error while writing to the schema store topic " + topic + ": " + cause, 50001, cause);
    }
  }

  /** The end offset of the partition: one more with every record written, by anyone. */
  @Override
  public long end() {
    TopicPartition partition = new TopicPartition(topic, 0);
    synchronized (endReader) {
      try {
        return endReader.endOffsets(List.of(partition), timeout).get(partition);
      } catch (RuntimeException e) {
        throw new RegistryException(
            "Cannot read the end offset of the schema store topic " + topic + ": " + e, 50001, e);
      }
    }
  }

  @Override
  public void close() {
    producer.close(timeout);
    synchronized (endReader) {
      endReader.close(timeout);
    }
  }

  /**
   * The offset the writer of {@code record} expected it at, or -1 if it did not say.
   *
   * @throws IllegalStateException if the header is not a number
   */
  static long expectedOffset(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader(EXPECTED_OFFSET);
    if (header == null) {
      return -1;
    }
    String text =
        header.value() == null ? "" : new String(header.value(), StandardCharsets.US_ASCII);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "Cannot decode schema store record at offset "
              + record.offset()
              + ": header "
              + EXPECTED_OFFSET
              + " is not a number: "
              + text,
          e);
    }
  }

  /** The record key of {@code entry}. */
  static String encodeKey(Entry entry) {
    ObjectNode key = JSON.createObjectNode();
    if (entry instanceof SchemaVersion version) {
      key.put("keytype", "SCHEMA")
          .put("subject", version.subject())
          .put("version", version.version())
          .put("magic", 1);
    } else if (entry instanceof RemovedVersion removed) {
      key.put("keytype", "SCHEMA")
          .put("subject", removed.subject())
          .put("version", removed.version())
          .put("magic", 1);
    } else if (entry instanceof SubjectCompatibility config) {
      key.put("keytype", "CONFIG").put("subject", config.subject()).put("magic", 0);
    }
    return key.toString();
  }

  /** The record value of {@code entry}; null for a removed version or a subject's level. */
  static String encodeValue(Entry entry) {
    if (entry instanceof RemovedVersion) {
      return null;
    }
    if (entry instanceof SchemaVersion version) {
      return JSON.createObjectNode()
          .put("subject", version.subject())
          .put("version", version.version())
          .put("id", version.id())
          .put("schema", version.schema())
          .put("deleted", version.deleted())
          .toString();
    }
    SubjectCompatibility config = (SubjectCompatibility) entry;
    if (config.level() == null) {
      return null;
    }
    return JSON.createObjectNode().put("compatibilityLevel", config.level().name()).toString();
  }

  /**
   * The entry a record holds, or empty for records this store ignores.
   *
   * @throws IllegalStateException if the record cannot be decoded
   */
  static Optional<Entry> decode(String key, String value) {
    try {
      JsonNode keyNode = key == null ? null : JSON.readTree(key);
      if (keyNode == null || !keyNode.isObject()) {
        throw new IllegalStateException("not a JSON object key");
      }
      String type = keyNode.path("keytype").asText("");
      switch (type) {
        case "SCHEMA":
          if (value == null) {
            return Optional.of(
                new RemovedVersion(
                    required(keyNode, "subject").asText(), required(keyNode, "version").asInt()));
          }
          JsonNode schema = JSON.readTree(value);
          return Optional.of(
              new SchemaVersion(
                  required(schema, "subject").asText(),
                  required(schema, "version").asInt(),
                  required(schema, "id").asInt(),
                  required(schema, "schema").asText(),
                  schema.path("deleted").asBoolean(false)));
        case "CONFIG":
          JsonNode subjectNode = keyNode.get("subject");
          String subject =
              subjectNode == null || subjectNode.isNull() ? null : subjectNode.asText();
          if (value == null) {
            return Optional.of(new SubjectCompatibility(subject, null));
          }
          JsonNode level = required(JSON.readTree(value), "compatibilityLevel");
          return Optional.of(
              new SubjectCompatibility(subject, CompatibilityLevel.parse(level.asText())));
        default:
          return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot decode schema store record with key " + key + " and value " + value + ": " + e,
          e);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalStateException("missing field " + field);
    }
    return value;
  }

  private static void ensureTopic(
      Map<String, Object> configs, String topic, short replicationFactor, Duration timeout) {
    Map<String, Object> adminConfigs = new HashMap<>(configs);
    adminConfigs.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "schema-registry-store-admin");
    try (Admin admin = Admin.create(adminConfigs)) {
      long millis = timeout.toMillis();
      TopicDescription description;
      try {
        description =
            admin
                .describeTopics(Set.of(topic))
                .allTopicNames()
                .get(millis, TimeUnit.MILLISECONDS)
                .get(topic);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        description = null;
      }
      if (description == null) {
        NewTopic newTopic =
            new NewTopic(topic, 1, replicationFactor)
                .configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
          admin.createTopics(List.of(newTopic)).all().get(millis, TimeUnit.MILLISECONDS);
          LOG.info("Created schema store topic {} (replication {})", topic, replicationFactor);
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
        description =
            admin
                .describeTopics(Set.of(topic))
                .allTopicNames()
                .get(millis, TimeUnit.MILLISECONDS)
                .get(topic);
      }
      if (description.partitions().size() != 1) {
        throw new IllegalStateException(
            "Schema store topic "
                + topic
                + " has "
                + description.partitions().size()
                + " partitions; it must have exactly 1");
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(millis, TimeUnit.MILLISECONDS)
              .get(resource);
      ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
      if (policy == null || !TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy.value())) {
        throw new IllegalStateException(
            "Schema store topic "
                + topic
                + " must have cleanup.policy=compact, has "
                + (policy == null ? "none" : policy.value()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "Cannot prepare schema store topic " + topic + ": " + cause, cause);
    }
  }
}
