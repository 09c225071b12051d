package io.sociallistening.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the process CPU goes: CPU time per thread group, from {@link ThreadMXBean} for Java threads
 * (grouped by name: stream thread, producer and consumer I/O, broker network, request handlers, log
 * cleaner, ...) and from {@code /proc/self/task} for the JVM's own threads that Java does not list
 * (GC, JIT compilers, VM thread). What neither covers (threads that ended between two snapshots,
 * other native threads) is the group {@value #REST}.
 *
 * <p>Take a {@link Snapshot} at the start and at the end of a phase; {@link #between} gives the CPU
 * nanoseconds of every group in between.
 */
public final class ThreadCpu {
  /** The group of CPU time no thread snapshot accounts for. */
  public static final String REST = "other (ended threads, native)";

  /** The group of Kafka Streams' stream threads. */
  public static final String STREAM_THREADS = "stream threads";

  /**
   * The embedded registry's HTTP server ({@code com.sun.net.httpserver}: dispatcher, handlers, idle
   * timer) and store, and the registry clients' {@code java.net.http} threads.
   */
  private static final String SCHEMA_REGISTRY = "schema registry (server, store, clients)";

  /** Name prefixes or fragments of Java threads, first match wins, and their group. */
  private static final List<Map.Entry<String, String>> JAVA_GROUPS =
      List.of(
          // before the producers: the registry's store has one of its own
          Map.entry("schema-registry-", SCHEMA_REGISTRY),
          Map.entry("HTTP-Dispatcher", SCHEMA_REGISTRY),
          Map.entry("idle-timeout-task", SCHEMA_REGISTRY),
          Map.entry("HttpClient-", SCHEMA_REGISTRY),
          Map.entry("kafka-producer-network-thread", "producer I/O threads"),
          Map.entry("GlobalStreamThread", "global stream thread (rules)"),
          Map.entry("StreamThread-", STREAM_THREADS),
          Map.entry("StateUpdater", "stream state updater"),
          Map.entry("kafka-request-handler", "broker request handlers"),
          Map.entry("network-thread", "broker network threads"),
          Map.entry("acceptor", "broker network threads"),
          Map.entry("log-cleaner", "broker log cleaner"),
          Map.entry("coordinator-heartbeat", "consumer heartbeat threads"),
          Map.entry("consumer_background", "consumer background threads"),
          Map.entry("admin-client", "admin clients (bench, registry)"),
          Map.entry("bench-reader", "bench readers"),
          Map.entry("main", "bench main thread"));

  /** Name prefixes of HotSpot's own threads in {@code /proc/self/task/N/comm}, and their group. */
  private static final List<Map.Entry<String, String>> NATIVE_GROUPS =
      List.of(
          Map.entry("GC Thread", "JVM GC"),
          Map.entry("G1 ", "JVM GC"),
          Map.entry("C1 CompilerThre", "JVM JIT"),
          Map.entry("C2 CompilerThre", "JVM JIT"),
          Map.entry("VM ", "JVM VM thread"));

  /** Raft, metadata, group and transaction coordinators (transaction markers included), timers. */
  private static final String BROKER_OTHER = "broker other (raft, metadata, coordinators)";

  private static final List<String> BROKER_FRAGMENTS =
      List.of(
          "TxnMarkerSender",
          "AddPartitionsToTxn",
          "metadata-loader",
          "snapshot-generator",
          "executor-",
          "PersisterStateManager",
          "persister-",
          "client-metrics",
          "SensorExpiryThread",
          "metrics-meter-tick",
          "raft",
          "quorum",
          "controller",
          "kafka-scheduler",
          "coordinator",
          "ExpirationReaper",
          "broker-",
          "ReplicaFetcher",
          "LogDirFailure",
          "kafka-log",
          "transaction",
          "share-");

  private ThreadCpu() {}

  /**
   * CPU nanoseconds per Java thread id (with its group) and per native group, plus the process
   * total.
   */
  public record Snapshot(
      long processNanos,
      Map<Long, Long> javaNanos,
      Map<Long, String> javaGroups,
      Map<String, Long> nativeNanos) {}

  /** Now. */
  public static Snapshot take() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> groups = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        nanos.put(info.getThreadId(), cpu);
        groups.put(info.getThreadId(), groupOf(info.getThreadName()));
      }
    }
    return new Snapshot(processNanos(), nanos, groups, nativeNanos());
  }

  /**
   * CPU nanoseconds of every group from {@code before} to {@code after}, largest first, ending with
   * {@value #REST} and {@code "total (process)"}. A Java thread started in between counts whole.
   */
  public static Map<String, Long> between(Snapshot before, Snapshot after) {
    Map<String, Long> groups = new HashMap<>();
    long accounted = 0;
    for (var entry : after.javaNanos().entrySet()) {
      long delta = entry.getValue() - before.javaNanos().getOrDefault(entry.getKey(), 0L);
      groups.merge(after.javaGroups().get(entry.getKey()), delta, Long::sum);
      accounted += delta;
    }
    for (var entry : after.nativeNanos().entrySet()) {
      long delta = entry.getValue() - before.nativeNanos().getOrDefault(entry.getKey(), 0L);
      groups.merge(entry.getKey(), delta, Long::sum);
      accounted += delta;
    }
    long total = after.processNanos() - before.processNanos();
    Map<String, Long> out = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    out.put(REST, Math.max(0, total - accounted));
    out.put("total (process)", total);
    return out;
  }

  /** The group of a Java thread by its name. */
  static String groupOf(String name) {
    for (var rule : JAVA_GROUPS) {
      if (rule.getValue().equals("bench main thread")
          ? name.equals(rule.getKey())
          : name.contains(rule.getKey())) {
        return rule.getValue();
      }
    }
    for (String fragment : BROKER_FRAGMENTS) {
      if (name.contains(fragment)) {
        return BROKER_OTHER;
      }
    }
    return "other Java threads";
  }

  /**
   * The clock ticks per second of {@code /proc}'s CPU times ({@code sysconf(_SC_CLK_TCK)}, read
   * with {@code getconf CLK_TCK}); 100, Linux's USER_HZ on the common architectures, when that
   * cannot be read.
   */
  static final long TICKS_PER_SECOND = ticksPerSecond();

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
        return ticksPerSecond(out);
      }
      getconf.destroy();
    } catch (IOException e) {
      // no getconf: the default below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  /** {@code getconf CLK_TCK}'s answer, or 100 when it is not a plausible tick rate. */
  static long ticksPerSecond(String getconf) {
    try {
      long ticks = Long.parseLong(getconf.trim());
      return ticks > 0 && ticks <= 1_000_000_000L ? ticks : 100;
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  private static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU nanoseconds of HotSpot's GC, JIT and VM threads from {@code /proc/self/task/N/stat} (in
   * clock ticks, {@link #TICKS_PER_SECOND} a second); empty where /proc is missing.
   */
  private static Map<String, Long> nativeNanos() {
    Map<String, Long> out = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) list::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String comm = stat.substring(open + 1, close);
          String group = nativeGroupOf(comm);
          if (group == null) {
            continue;
          }
          // Fields after the name: state(3) ... utime(14) stime(15), counted from 1.
          String[] fields = stat.substring(close + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          out.merge(group, ticks * 1_000_000_000L / TICKS_PER_SECOND, Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while listing
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static String nativeGroupOf(String comm) {
    for (var rule : NATIVE_GROUPS) {
      if (comm.startsWith(rule.getKey())) {
        return rule.getValue();
      }
    }
    return null;
  }
}
