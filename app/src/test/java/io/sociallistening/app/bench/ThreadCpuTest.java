package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  private static final String BROKER_OTHER = "broker other (raft, metadata, coordinators)";

  @Test
  void shouldGroupThreadsByTheirKafkaNames() {
    assertThat(
            ThreadCpu.groupOf("bench-pipeline-5f0c2a4e-0b1d-4d3e-9a3b-1c2d3e4f5a6b-StreamThread-1"))
        .isEqualTo("stream threads");
    assertThat(
            ThreadCpu.groupOf(
                "kafka-producer-network-thread | bench-pipeline-5f0c-StreamThread-1-producer"))
        .isEqualTo("producer I/O threads");
    assertThat(ThreadCpu.groupOf("data-plane-kafka-request-handler-3"))
        .isEqualTo("broker request handlers");
    assertThat(
            ThreadCpu.groupOf(
                "data-plane-kafka-network-thread-1-ListenerName(PLAINTEXT)-PLAINTEXT-0"))
        .isEqualTo("broker network threads");
    assertThat(ThreadCpu.groupOf("kafka-log-cleaner-thread-0")).isEqualTo("broker log cleaner");
    assertThat(ThreadCpu.groupOf("raft-io-thread")).isEqualTo(BROKER_OTHER);
    assertThat(ThreadCpu.groupOf("main")).isEqualTo("bench main thread");
    assertThat(ThreadCpu.groupOf("pool-3-thread-1")).isEqualTo("other Java threads");
  }

  @Test
  void shouldCountTheBrokersTransactionAndMetadataThreadsAsBrokerWork() {
    for (String name :
        List.of(
            "TxnMarkerSenderThread-1",
            "AddPartitionsToTxnSenderThread-1",
            "kafka-1-metadata-loader-event-handler",
            "kafka-1-snapshot-generator-event-handler",
            "executor-Fetch",
            "PersisterStateManager",
            "SensorExpiryThread",
            "metrics-meter-tick-thread-1")) {
      assertThat(ThreadCpu.groupOf(name)).as(name).isEqualTo(BROKER_OTHER);
    }
  }

  @Test
  void shouldCountTheSchemaRegistrysThreadsAsTheRegistrysNotTheApplications() {
    for (String name :
        List.of(
            "schema-registry-http-3",
            "HTTP-Dispatcher",
            "idle-timeout-task",
            "HttpClient-2-Worker-0",
            "kafka-producer-network-thread | schema-registry-store")) {
      assertThat(ThreadCpu.groupOf(name))
          .as(name)
          .isEqualTo("schema registry (server, store, clients)");
    }
  }

  @Test
  void shouldSplitTheProcessCpuBetweenGroupsAndLeaveTheRestUnaccounted() {
    ThreadCpu.Snapshot before =
        new ThreadCpu.Snapshot(
            1_000, Map.of(1L, 100L, 2L, 50L), Map.of(1L, "a", 2L, "b"), Map.of("JVM JIT", 10L));
    ThreadCpu.Snapshot after =
        new ThreadCpu.Snapshot(
            2_000,
            Map.of(1L, 600L, 2L, 150L, 3L, 40L),
            Map.of(1L, "a", 2L, "b", 3L, "b"),
            Map.of("JVM JIT", 210L));

    Map<String, Long> split = ThreadCpu.between(before, after);

    assertThat(List.copyOf(split.keySet()))
        .containsExactly("a", "JVM JIT", "b", ThreadCpu.REST, "total (process)");
    assertThat(List.copyOf(split.values())).containsExactly(500L, 200L, 140L, 160L, 1_000L);
  }

  @Test
  void shouldTakeTheClockTickRateGetconfGivesAndElseLinuxsUserHz() {
    assertThat(ThreadCpu.ticksPerSecond("100\n")).isEqualTo(100);
    assertThat(ThreadCpu.ticksPerSecond("1024\n")).isEqualTo(1024);
    assertThat(ThreadCpu.ticksPerSecond("undefined\n")).isEqualTo(100);
    assertThat(ThreadCpu.ticksPerSecond("-1")).isEqualTo(100);
    assertThat(ThreadCpu.TICKS_PER_SECOND).isPositive();
  }
}
