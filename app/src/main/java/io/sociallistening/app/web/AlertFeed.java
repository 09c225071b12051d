package io.sociallistening.app.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent alerts of every brand, for the REST API and the dashboard: a consumer of the alerts
 * topic (read_committed, all partitions assigned, no consumer group) that starts {@code capacity}
 * records before the end of each partition and keeps the last {@code capacity} crisis alerts and
 * the last {@code capacity} leads in memory; subscribers (server-sent-event streams) get each new
 * alert as JSON, and one that falls 1,000 alerts behind is dropped. Partitions added to the topic
 * later are read from their beginning once the consumer's metadata names them (within {@code
 * metadata.max.age.ms}, 30 s unless configured). Every instance runs one, so any instance answers.
 *
 * <p>The feed also keeps the last 1,000 alerts it published with their place in the topic, so that
 * a stream client that comes back with a {@link StreamPosition} (its {@code Last-Event-ID}) gets
 * the alerts it missed, or learns that some are no longer held.
 */
public final class AlertFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
  private static final int SUBSCRIBER_BACKLOG = 1000;
  private static final int REPLAYABLE = 1000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AvroSerde<Alert> serde;
  private final String topic;
  private final int capacity;
  private final Deque<Entry> crises = new ArrayDeque<>();
  private final Deque<Entry> leads = new ArrayDeque<>();
  private final List<BlockingQueue<Published>> subscribers = new CopyOnWriteArrayList<>();
  // guarded by this: the last published alerts in the order they were read, per partition the
  // offset after the last record read, and the offset from which every alert read is still held
  private final Deque<Published> replayable = new ArrayDeque<>();
  private final Map<Integer, Long> next = new HashMap<>();
  private final Map<Integer, Long> heldFrom = new HashMap<>();
  // guarded by this: whether the partitions are assigned and positioned, the end of each partition
  // as of the last poll, and how many polls have been made
  private boolean positioned;
  private final Map<Integer, Long> ends = new HashMap<>();
  private long polls;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final Duration metadataWait;

  private record Entry(long eventTime, ObjectNode json) {}

  /** An alert as published to subscribers: its partition and offset in the topic, its JSON. */
  public record Published(int partition, long offset, String json) {}

  /**
   * A stream's subscription: the queue that receives each new alert; the alerts published before it
   * that the client asked for ({@link #subscribe} with a position), in the order they were read;
   * whether some of those are no longer held; and the position the client starts from.
   */
  public record Subscription(
      BlockingQueue<Published> queue,
      List<Published> missed,
      boolean incomplete,
      StreamPosition position) {}

  public AlertFeed(
      Map<String, Object> kafkaClientConfig, SchemaRegistry registry, String topic, int capacity) {
    this(kafkaClientConfig, registry, topic, capacity, Duration.ofSeconds(10));
  }

  /**
   * As above, waiting at most {@code metadataWait} for each answer about the topic's partitions.
   */
  AlertFeed(
      Map<String, Object> kafkaClientConfig,
      SchemaRegistry registry,
      String topic,
      int capacity,
      Duration metadataWait) {
    this.metadataWait = metadataWait;
    Map<String, Object> config = new HashMap<>(kafkaClientConfig);
    config.remove("group.id");
    config.put("enable.auto.commit", "false");
    config.put("isolation.level", "read_committed");
    // partitions added to the topic later are found within this (a cached metadata read per poll)
    config.putIfAbsent("metadata.max.age.ms", "30000");
    config.put("client.id", "alert-feed-" + System.identityHashCode(this));
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.serde = AvroSerde.forValues(Alert.class, registry);
    this.topic = topic;
    this.capacity = capacity;
    this.thread = new Thread(this::run, "alert-feed");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      while (!positioned()) {
        Thread.sleep(1000);
      }
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          accept(record);
        }
        polled(partitionEnds());
        assignAdded();
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Alert feed stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Assigns every partition of the topic and seeks {@code capacity} records before its end; false
   * (to try again) while the cluster does not answer, so that a feed started while the cluster is
   * away serves the alerts once it is back instead of none until a restart.
   */
  private boolean positioned() throws InterruptedException {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
      Map<Integer, Long> starts = new HashMap<>();
      for (TopicPartition partition : partitions) {
        long start = Math.max(begins.get(partition), ends.get(partition) - capacity);
        consumer.seek(partition, start);
        starts.put(partition.partition(), start);
      }
      startAt(starts);
      return true;
    } catch (TimeoutException e) {
      LOG.warn(
          "No answer about {} from the Kafka cluster yet ({}); trying again", topic, e.toString());
      return false;
    }
  }

  /**
   * Assigns partitions added to the topic since the feed started, read from their beginning: its
   * consumer's metadata names them within {@code metadata.max.age.ms}.
   */
  private void assignAdded() {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(topic, metadataWait);
    } catch (TimeoutException e) {
      return; // the cluster is away: the assigned partitions stay, and the next poll asks again
    }
    if (infos == null || infos.size() <= consumer.assignment().size()) {
      return;
    }
    List<TopicPartition> all = new ArrayList<>();
    List<TopicPartition> added = new ArrayList<>();
    for (PartitionInfo info : infos) {
      TopicPartition partition = new TopicPartition(topic, info.partition());
      all.add(partition);
      if (!consumer.assignment().contains(partition)) {
        added.add(partition);
      }
    }
    consumer.assign(all);
    consumer.seekToBeginning(added);
    Map<Integer, Long> fromTheirStart = new HashMap<>();
    for (TopicPartition partition : added) {
      fromTheirStart.put(partition.partition(), 0L);
    }
    startAt(fromTheirStart);
    LOG.info("Alert feed reads the partitions added to {}: {}", topic, added);
  }

  /**
   * The feed reads each partition of {@code starts} from its offset on (at start, and for
   * partitions added later): every alert from there is held, and resumed subscriptions waiting for
   * the feed to be positioned go on.
   */
  synchronized void startAt(Map<Integer, Long> starts) {
    next.putAll(starts);
    heldFrom.putAll(starts);
    positioned = true;
    notifyAll();
  }

  /** The end of each assigned partition, as the consumer last learnt it (none before a fetch). */
  private Map<Integer, Long> partitionEnds() {
    Map<Integer, Long> out = new HashMap<>();
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(partition);
      if (lag.isPresent()) {
        out.put(partition.partition(), consumer.position(partition) + lag.getAsLong());
      }
    }
    return out;
  }

  /** A poll is done, after which the partitions end at {@code partitionEnds}. */
  synchronized void polled(Map<Integer, Long> partitionEnds) {
    ends.putAll(partitionEnds);
    polls++;
    notifyAll();
  }

  private List<TopicPartition> awaitPartitions() throws InterruptedException {
    while (running.get()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, metadataWait);
      if (infos != null && !infos.isEmpty()) {
        List<TopicPartition> out = new ArrayList<>();
        for (PartitionInfo info : infos) {
          out.add(new TopicPartition(topic, info.partition()));
        }
        return out;
      }
      Thread.sleep(1000);
    }
    throw new WakeupException();
  }

  private void accept(ConsumerRecord<byte[], byte[]> record) {
    Alert alert;
    try {
      alert = serde.deserialize(topic, record.value());
    } catch (RuntimeException e) {
      LOG.warn("Undecodable alert at {}-{}@{}", topic, record.partition(), record.offset(), e);
      synchronized (this) {
        next.put(record.partition(), record.offset() + 1);
      }
      return;
    }
    Entry entry = new Entry(alert.getEventTime().toEpochMilli(), AlertJson.alert(alert));
    synchronized (this) {
      keep(alert.getType() == AlertType.LEAD ? leads : crises, entry);
      publish(new Published(record.partition(), record.offset(), entry.json().toString()));
    }
  }

  /**
   * Hands {@code alert} to every subscriber and keeps it for clients that come back; a subscriber
   * whose backlog is full is dropped (it gets nothing more, see {@link #subscribed}).
   */
  synchronized void publish(Published alert) {
    next.merge(alert.partition(), alert.offset() + 1, Math::max);
    replayable.addLast(alert);
    if (replayable.size() > REPLAYABLE) {
      Published gone = replayable.removeFirst();
      heldFrom.merge(gone.partition(), gone.offset() + 1, Math::max);
    }
    for (BlockingQueue<Published> subscriber : subscribers) {
      if (!subscriber.offer(alert)) {
        subscribers.remove(subscriber);
        LOG.warn("Dropped an alert stream subscriber {} alerts behind", SUBSCRIBER_BACKLOG);
      }
    }
  }

  private void keep(Deque<Entry> ring, Entry entry) {
    ring.addLast(entry);
    if (ring.size() > capacity) {
      ring.removeFirst();
    }
  }

  /**
   * The latest {@code limit} alerts whose type starts with {@code typePrefix} (empty: every type),
   * newest event time first.
   */
  public List<ObjectNode> recent(int limit, String typePrefix) {
    return newestFirst(List.of(crises, leads), limit, typePrefix);
  }

  /** The latest {@code limit} lead alerts, newest first: the lead queue. */
  public List<ObjectNode> leads(int limit) {
    return newestFirst(List.of(leads), limit, "");
  }

  private synchronized List<ObjectNode> newestFirst(
      List<Deque<Entry>> rings, int limit, String typePrefix) {
    List<Entry> copy = new ArrayList<>();
    for (Deque<Entry> ring : rings) {
      for (Entry entry : ring) {
        if (entry.json().get("type").asText().startsWith(typePrefix)) {
          copy.add(entry);
        }
      }
    }
    copy.sort(Comparator.comparingLong(Entry::eventTime).reversed());
    return copy.subList(0, Math.min(limit, copy.size())).stream().map(Entry::json).toList();
  }

  /**
   * A subscription whose queue receives each new alert until {@link #unsubscribe}d. Without {@code
   * from} (a new client) it starts where the feed is. With it (a client that comes back) it starts
   * there: the alerts published since then that the feed holds come first, and {@code incomplete}
   * says that some may be missing, in which case the position moves to where what the feed holds
   * begins (so the next reconnect is not told again). Some may be missing when the feed no longer
   * holds them, when the position is beyond the end of a partition (not of this topic's history: a
   * topic deleted and created again), or when the feed is still not positioned after {@code wait}
   * (the cluster does not answer). A resumed subscription waits up to {@code wait} for the feed to
   * be positioned and, when the position looks beyond a partition's end, for two more polls to
   * learn the end again.
   */
  public synchronized Subscription subscribe(Optional<StreamPosition> from, Duration wait)
      throws InterruptedException {
    BlockingQueue<Published> queue = new LinkedBlockingQueue<>(SUBSCRIBER_BACKLOG);
    if (from.isEmpty()) {
      subscribers.add(queue);
      return new Subscription(queue, List.of(), false, StreamPosition.of(next));
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (!positioned && waitUntil(deadline)) {
      // woken by startAt
    }
    if (positioned && !beyondEnd(from.get()).isEmpty()) {
      long until = polls + 2;
      while (polls < until && waitUntil(deadline)) {
        // woken by polled
      }
    }
    subscribers.add(queue);
    StreamPosition position = from.get();
    boolean incomplete = !positioned;
    List<Integer> beyond = beyondEnd(position);
    for (var held : heldFrom.entrySet()) {
      int partition = held.getKey();
      if (beyond.contains(partition) || position.next(partition) < held.getValue()) {
        incomplete = true;
        position = position.with(partition, held.getValue());
      }
    }
    List<Published> missed = new ArrayList<>();
    for (Published alert : replayable) {
      if (!position.covers(alert.partition(), alert.offset())) {
        missed.add(alert);
      }
    }
    return new Subscription(queue, missed, incomplete, position);
  }

  /** Waits on this feed's monitor until notified or {@code deadline}; false once it has passed. */
  private boolean waitUntil(long deadline) throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    TimeUnit.NANOSECONDS.timedWait(this, left);
    return true;
  }

  /** The partitions whose end the feed knows and {@code position} is beyond. */
  private List<Integer> beyondEnd(StreamPosition position) {
    List<Integer> out = new ArrayList<>();
    ends.forEach(
        (partition, end) -> {
          if (position.next(partition) > end) {
            out.add(partition);
          }
        });
    return out;
  }

  /**
   * Whether {@code queue} still receives alerts: false once {@link #unsubscribe}d or dropped for
   * falling 1,000 alerts behind.
   */
  public boolean subscribed(BlockingQueue<Published> queue) {
    return subscribers.contains(queue);
  }

  public void unsubscribe(BlockingQueue<Published> queue) {
    subscribers.remove(queue);
  }

  public int subscribers() {
    return subscribers.size();
  }

  @Override
  public void close() {
    running.set(false);
    if (!thread.isAlive()) {
      consumer.close(Duration.ofSeconds(5));
      return;
    }
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
