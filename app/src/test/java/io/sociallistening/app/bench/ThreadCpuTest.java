package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

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
    assertThat(ThreadCpu.groupOf("raft-io-thread"))
        .isEqualTo("broker other (raft, coordinators, scheduler)");
    assertThat(ThreadCpu.groupOf("main")).isEqualTo("bench main thread");
    assertThat(ThreadCpu.groupOf("pool-3-thread-1")).isEqualTo("other Java threads");
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
}
