package io.sociallistening.topology.dedup;

import java.util.Arrays;

/**
 * Buckets of items under {@code long} keys, for {@link NearDuplicateIndex}'s LSH bands: an
 * open-addressing table (linear probing, deletion by backward shift), so a lookup boxes nothing and
 * a bucket is a plain array.
 *
 * <p>Not thread-safe.
 */
final class Buckets<T> {
  /** The items under one key, {@code items[0..size)} in the order they were added. */
  static final class Bucket<T> {
    private Object[] items = new Object[2];
    int size;

    /** Item {@code i}, for {@code i < size}. */
    @SuppressWarnings("unchecked")
    T item(int i) {
      return (T) items[i];
    }
  }

  private long[] keys = new long[16];
  private Bucket<T>[] buckets = newTable(16);
  private boolean[] used = new boolean[16];
  private int count;

  /** The bucket under {@code key}, or null when it is empty. */
  Bucket<T> get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); used[slot]; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return buckets[slot];
      }
    }
    return null;
  }

  /** Adds {@code item} under {@code key} unless that bucket already holds {@code max} items. */
  void add(long key, T item, int max) {
    if ((count + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    Bucket<T> bucket = buckets[slot];
    if (!used[slot]) {
      bucket = new Bucket<>();
      used[slot] = true;
      keys[slot] = key;
      buckets[slot] = bucket;
      count++;
    }
    if (bucket.size < max) {
      if (bucket.size == bucket.items.length) {
        bucket.items = Arrays.copyOf(bucket.items, bucket.size * 2);
      }
      bucket.items[bucket.size++] = item;
    }
  }

  /**
   * Removes {@code item} (by identity) from the bucket under {@code key}; drops an empty bucket.
   */
  void remove(long key, T item) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (!used[slot]) {
      return;
    }
    Bucket<T> bucket = buckets[slot];
    for (int i = 0; i < bucket.size; i++) {
      if (bucket.items[i] == item) {
        System.arraycopy(bucket.items, i + 1, bucket.items, i, bucket.size - i - 1);
        bucket.items[--bucket.size] = null;
        break;
      }
    }
    if (bucket.size == 0) {
      delete(slot, mask);
    }
  }

  /** Keys with a bucket. */
  int size() {
    return count;
  }

  private void delete(int slot, int mask) {
    used[slot] = false;
    buckets[slot] = null;
    count--;
    // backward shift: move later entries of the probe run into the gap when their home allows
    int gap = slot;
    for (int next = (gap + 1) & mask; used[next]; next = (next + 1) & mask) {
      int home = slot(keys[next], mask);
      boolean movable = gap <= next ? home <= gap || home > next : home <= gap && home > next;
      if (movable) {
        keys[gap] = keys[next];
        buckets[gap] = buckets[next];
        used[gap] = true;
        used[next] = false;
        buckets[next] = null;
        gap = next;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Bucket<T>[] oldBuckets = buckets;
    boolean[] oldUsed = used;
    int capacity = oldKeys.length * 2;
    keys = new long[capacity];
    buckets = newTable(capacity);
    used = new boolean[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int slot = slot(oldKeys[i], mask);
        while (used[slot]) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        buckets[slot] = oldBuckets[i];
        used[slot] = true;
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  @SuppressWarnings("unchecked")
  private static <T> Bucket<T>[] newTable(int capacity) {
    return (Bucket<T>[]) new Bucket<?>[capacity];
  }
}
