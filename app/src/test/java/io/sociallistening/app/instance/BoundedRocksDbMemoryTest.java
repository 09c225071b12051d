package io.sociallistening.app.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbMemoryTest {
  private static final long MIB = 1L << 20;

  /** Options as Kafka Streams hands them to a setter: its own table config already in place. */
  private static Options storeOptions() {
    Options options = new Options();
    options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
    return options;
  }

  @Test
  void shouldGiveEveryStoreTheSharedCacheAndWriteBufferManagerOfTheBound() {
    BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.shared(20 * MIB);
    try (Options first = storeOptions();
        Options second = storeOptions()) {
      new BoundedRocksDbMemory()
          .setConfig("dedup-store", first, Map.of(BoundedRocksDbMemory.MEMORY_BYTES, 20 * MIB));
      new BoundedRocksDbMemory()
          .setConfig(
              "brand-sentiment-1m.1700000000000",
              second,
              Map.of(BoundedRocksDbMemory.MEMORY_BYTES, String.valueOf(20 * MIB)));

      for (Options options : new Options[] {first, second}) {
        var table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
        assertThat(table.blockCache()).isSameAs(shared.cache());
        assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
        assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
        assertThat(options.writeBufferManager()).isSameAs(shared.writeBuffers());
      }
      assertThat(shared.bytes()).isEqualTo(20 * MIB);
    }
  }

  @Test
  void shouldUseTheDefaultBoundWhenTheConfigurationHasNone() {
    try (Options options = storeOptions()) {
      new BoundedRocksDbMemory().setConfig("crisis-store", options, Map.of());

      var table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
      assertThat(table.blockCache())
          .isSameAs(BoundedRocksDbMemory.shared(BoundedRocksDbMemory.DEFAULT_BYTES).cache());
      assertThat(BoundedRocksDbMemory.DEFAULT_BYTES).isEqualTo(128 * MIB);
    }
  }

  @Test
  void shouldLeaveKafkaStreamsOptionsAloneWhenTheBoundIsZero() {
    try (Options options = storeOptions()) {
      BlockBasedTableConfig before = (BlockBasedTableConfig) options.tableFormatConfig();

      new BoundedRocksDbMemory()
          .setConfig("lead-store", options, Map.of(BoundedRocksDbMemory.MEMORY_BYTES, 0L));

      var table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
      assertThat(table).isSameAs(before);
      assertThat(table.blockCache()).isNull();
      assertThat(table.cacheIndexAndFilterBlocks()).isFalse();
      assertThat(options.writeBufferManager()).isNull();
    }
  }

  @Test
  void shouldKeepTheSharedCacheOpenWhenAStoreCloses() {
    BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.shared(18 * MIB);
    BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
    try (Options options = storeOptions()) {
      setter.setConfig("dedup-store", options, Map.of(BoundedRocksDbMemory.MEMORY_BYTES, 18 * MIB));

      setter.close("dedup-store", options);
    }

    assertThat(shared.cache().isOwningHandle()).isTrue();
    assertThat(shared.writeBuffers().isOwningHandle()).isTrue();
    assertThat(BoundedRocksDbMemory.shared(18 * MIB)).isSameAs(shared);
  }

  @Test
  void shouldRefuseABoundBelowTheMinimumNamingTheKey() {
    assertThatThrownBy(
            () ->
                new BoundedRocksDbMemory()
                    .setConfig(
                        "dedup-store",
                        storeOptions(),
                        Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "1048576")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value 1048576 for configuration rocksdb.memory.bytes: must be 0 (no bound)"
                + " or at least 16777216");
  }

  @Test
  void shouldChargeTheMemtablesOfAStreamsStoreToTheSharedCache() {
    long bytes = 22 * MIB; // a bound no other test uses: its cache is empty unless a store uses it
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        "in", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("latest-by-key"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-memory-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.MEMORY_BYTES, bytes);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      driver
          .createInputTopic("in", new StringSerializer(), new StringSerializer())
          .pipeInput("acme-air", "mention-1");

      assertThat(driver.getKeyValueStore("latest-by-key").get("acme-air")).isEqualTo("mention-1");
      assertThat(BoundedRocksDbMemory.shared(bytes).cache().getUsage()).isPositive();
    }
  }
}
