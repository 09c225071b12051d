package io.sociallistening.app.instance;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The instance's {@code rocksdb.config.setter}: every RocksDB store of the process (one per store
 * per task, one per segment of a window store) shares one LRU block cache of {@value #MEMORY_BYTES}
 * bytes, with index and filter blocks cached in it (at high priority, in a pool of {@link
 * #INDEX_FILTER_SHARE} of it) and the memtables charged to it through one {@link
 * WriteBufferManager}: when together they pass {@link #WRITE_BUFFER_SHARE} of it, the store being
 * written flushes its memtable. RocksDB's block cache, index, filter and memtable memory is then
 * bounded by that one number instead of growing with partitions, stores and segments (Kafka
 * Streams' "bounded memory usage" recipe). The bound is soft: blocks in use by a read and the
 * memtable being filled may exceed it for a moment.
 *
 * <p>Kafka Streams creates one setter per store and hands it the application's configuration:
 * {@value #MEMORY_BYTES} there (a number or its text) sizes the cache, absent means {@link
 * #DEFAULT_BYTES}, 0 leaves the store with Kafka Streams' own options (a 50 MiB block cache and up
 * to three 16 MiB memtables of its own). The cache and write-buffer manager are created once per
 * process for each size and live as long as the process; {@link #close} closes nothing, since other
 * stores still use them (the contract of {@link RocksDBConfigSetter#close}).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** Bytes of the shared block cache; 0 = no bound. */
  public static final String MEMORY_BYTES = "rocksdb.memory.bytes";

  public static final long DEFAULT_BYTES = 128L << 20;

  /** The smallest bound accepted: less would flush memtables and evict blocks all the time. */
  public static final long MIN_BYTES = 16L << 20;

  /**
   * Share of the cache the memtables of all stores may take; past it, the store being written
   * flushes its memtable.
   */
  public static final double WRITE_BUFFER_SHARE = 0.5;

  /**
   * Share of the cache in its high-priority pool: index and filter blocks there are not pushed out
   * by data blocks.
   */
  public static final double INDEX_FILTER_SHARE = 0.1;

  private static final Map<Long, SharedMemory> SHARED = new ConcurrentHashMap<>();

  /** The cache and write-buffer manager every store of a bound shares. */
  record SharedMemory(long bytes, LRUCache cache, WriteBufferManager writeBuffers) {
    static SharedMemory create(long bytes) {
      RocksDB.loadLibrary();
      LRUCache cache = new LRUCache(bytes, -1, false, INDEX_FILTER_SHARE);
      return new SharedMemory(
          bytes, cache, new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache));
    }
  }

  /** The shared cache and write-buffer manager of a {@code bytes} bound, created on first use. */
  static SharedMemory shared(long bytes) {
    return SHARED.computeIfAbsent(bytes, SharedMemory::create);
  }

  /** Bytes in use in every shared cache of the process: blocks plus the memtables charged to it. */
  public static long sharedCacheUsage() {
    long bytes = 0;
    for (SharedMemory shared : SHARED.values()) {
      bytes += shared.cache().getUsage();
    }
    return bytes;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long bytes = bytes(configs);
    if (bytes == 0) {
      return;
    }
    SharedMemory shared = shared(bytes);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBuffers());
  }

  /** Closes nothing: the shared cache and write-buffer manager outlive every single store. */
  @Override
  public void close(String storeName, Options options) {}

  /**
   * The bound in {@code configs} ({@value #MEMORY_BYTES}), or {@link #DEFAULT_BYTES} when absent.
   *
   * @throws ConfigException naming the key when the value is not 0 nor at least {@link #MIN_BYTES}
   */
  static long bytes(Map<String, ?> configs) {
    Object value = configs.get(MEMORY_BYTES);
    if (value == null) {
      return DEFAULT_BYTES;
    }
    long bytes;
    try {
      bytes =
          value instanceof Number number
              ? number.longValue()
              : Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(MEMORY_BYTES, value, "not a whole number of bytes");
    }
    Bound.check(bytes);
    return bytes;
  }

  /** Validates {@value #MEMORY_BYTES}: 0 (no bound) or at least {@link #MIN_BYTES}. */
  static final class Bound implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      long bytes = (Long) value;
      if (bytes != 0 && bytes < MIN_BYTES) {
        throw new ConfigException(name, value, "must be 0 (no bound) or at least " + MIN_BYTES);
      }
    }

    static void check(long bytes) {
      new Bound().ensureValid(MEMORY_BYTES, bytes);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "0 or [%d,...]", MIN_BYTES);
    }
  }
}
