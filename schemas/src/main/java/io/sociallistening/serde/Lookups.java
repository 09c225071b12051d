package io.sociallistening.serde;

import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Caches of registry answers (schema ids by subject, readers by schema id) shared by the threads of
 * a serde.
 *
 * <p>{@link ConcurrentMap#computeIfAbsent} is not used for them: a {@code ConcurrentHashMap} holds
 * the lock of the key's bin while the function runs, so one slow registry call would hold up every
 * other key of that bin, already cached or not. Here the registry is asked outside any lock; two
 * threads missing the same key at once may both ask, and the first answer stored is kept.
 */
public final class Lookups {
  private Lookups() {}

  /** The value cached for {@code key}, loaded by {@code load} (outside any lock) when absent. */
  public static <K, V> V cached(ConcurrentMap<K, V> cache, K key, Function<? super K, V> load) {
    V value = cache.get(key);
    if (value != null) {
      return value;
    }
    value = load.apply(key);
    V earlier = cache.putIfAbsent(key, value);
    return earlier != null ? earlier : value;
  }
}
