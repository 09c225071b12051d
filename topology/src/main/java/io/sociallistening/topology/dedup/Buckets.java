package io.sociallistening.topology.dedup;

import java.util.Arrays;

/**
 * Buckets of items under {@code long} keys, for {@link NearDuplicateIndex}'s LSH bands: an
 * open-addressing table (linear probing, deletion by backward shift), so a lookup boxes nothing.
 *
 * <p>Most keys hold one item (a band of a post no other post shares), so a slot holds its single
 * item itself, and only a key with two or more items has an array of them: about 50 bytes less per
 * key than an array per key, which is most of the index's memory.
 *
 * <p>Read a bucket by its slot: {@link #slotOf(long)}, then {@link #size(int)} and {@link
 * #item(int, int)}; the slot is valid until the next {@link #add} or {@link #remove}. Not
 * thread-safe.
 */
final class Buckets<T> {
  /** Two or more items of one key, {@code items[0..size)} in the order they were added. */
  private static final class Many {
    Object[] items;
    int size;

    Many(Object first, Object second) {
      items = new Object[] {first, second, null, null};
      size = 2;
    }
  }

  private long[] keys = new long[16];

  /** Per slot: null (empty), the single item of its key, or a {@link Many}. */
  private Object[] values = new Object[16];

  private int count;

  /** The slot of the bucket under {@code key}, or -1 when it is empty. */
  int slotOf(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); values[slot] != null; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return slot;
      }
    }
    return -1;
  }

  /** Items in the bucket at {@code slot} (from {@link #slotOf}). */
  int size(int slot) {
    Object value = values[slot];
    return value instanceof Many many ? many.size : 1;
  }

  /** Item {@code i} of the bucket at {@code slot}, for {@code i < size(slot)}. */
  @SuppressWarnings("unchecked")
  T item(int slot, int i) {
    Object value = values[slot];
    return (T) (value instanceof Many many ? many.items[i] : value);
  }

  /** Adds {@code item} under {@code key} unless that bucket already holds {@code max} items. */
  void add(long key, T item, int max) {
    if (item == null) {
      throw new IllegalArgumentException("item must not be null");
    }
    if ((count + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (values[slot] != null && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    Object value = values[slot];
    if (value == null) {
      keys[slot] = key;
      values[slot] = item;
      count++;
    } else if (value instanceof Many many) {
      if (many.size < max) {
        if (many.size == many.items.length) {
          many.items = Arrays.copyOf(many.items, many.size * 2);
        }
        many.items[many.size++] = item;
      }
    } else if (max > 1) {
      values[slot] = new Many(value, item);
    }
  }

  /**
   * Removes {@code item} (by identity) from the bucket under {@code key}; drops an empty bucket.
   */
  void remove(long key, T item) {
    int slot = slotOf(key);
    if (slot < 0) {
      return;
    }
    Object value = values[slot];
    if (value instanceof Many many) {
      for (int i = 0; i < many.size; i++) {
        if (many.items[i] == item) {
          System.arraycopy(many.items, i + 1, many.items, i, many.size - i - 1);
          many.items[--many.size] = null;
          break;
        }
      }
      if (many.size == 1) {
        values[slot] = many.items[0];
      }
    } else if (value == item) {
      delete(slot, keys.length - 1);
    }
  }

  /** Keys with a bucket. */
  int size() {
    return count;
  }

  private void delete(int slot, int mask) {
    values[slot] = null;
    count--;
    // backward shift: move later entries of the probe run into the gap when their home allows
    int gap = slot;
    for (int next = (gap + 1) & mask; values[next] != null; next = (next + 1) & mask) {
      int home = slot(keys[next], mask);
      boolean movable = gap <= next ? home <= gap || home > next : home <= gap && home > next;
      if (movable) {
        keys[gap] = keys[next];
        values[gap] = values[next];
        values[next] = null;
        gap = next;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    int capacity = oldKeys.length * 2;
    keys = new long[capacity];
    values = new Object[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        int slot = slot(oldKeys[i], mask);
        while (values[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
