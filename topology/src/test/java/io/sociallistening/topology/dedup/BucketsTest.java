package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketsTest {
  @Test
  void shouldKeepItemsPerKeyInTheOrderAdded() {
    Buckets<String> buckets = new Buckets<>();
    buckets.add(7L, "a", 128);
    buckets.add(7L, "b", 128);
    buckets.add(-7L, "c", 128);

    assertThat(items(buckets, 7L)).containsExactly("a", "b");
    assertThat(items(buckets, -7L)).containsExactly("c");
    assertThat(buckets.get(8L)).isNull();
  }

  @Test
  void shouldTakeNoMoreThanTheMaximumPerBucket() {
    Buckets<String> buckets = new Buckets<>();
    for (int i = 0; i < 5; i++) {
      buckets.add(1L, "item" + i, 3);
    }

    assertThat(items(buckets, 1L)).containsExactly("item0", "item1", "item2");
  }

  @Test
  void shouldDropABucketWhenItsLastItemIsRemoved() {
    Buckets<String> buckets = new Buckets<>();
    String item = "only";
    buckets.add(42L, item, 128);

    buckets.remove(42L, new String("only"));
    assertThat(items(buckets, 42L)).containsExactly("only"); // removal is by identity
    buckets.remove(42L, item);

    assertThat(buckets.get(42L)).isNull();
    assertThat(buckets.size()).isZero();
  }

  @Test
  void shouldAgreeWithAMapUnderRandomAddsAndRemoves() {
    Buckets<Integer> buckets = new Buckets<>();
    Map<Long, List<Integer>> model = new HashMap<>();
    Random random = new Random(20261126L);
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      items.add(i); // boxed once, so removal by identity finds the same object
    }
    for (int step = 0; step < 200_000; step++) {
      // few distinct keys, so probe runs are long and deletions shift entries back
      long key = random.nextInt(3_000) * 1_000_003L;
      Integer item = items.get(random.nextInt(items.size()));
      List<Integer> bucket = model.computeIfAbsent(key, k -> new ArrayList<>());
      if (random.nextInt(3) == 0 && !bucket.isEmpty()) {
        Integer removed = bucket.remove(random.nextInt(bucket.size()));
        buckets.remove(key, removed);
      } else if (!bucket.contains(item) && bucket.size() < 8) {
        bucket.add(item);
        buckets.add(key, item, 8);
      }
      if (bucket.isEmpty()) {
        model.remove(key);
      }
    }
    for (long k = 0; k < 3_000; k++) {
      long key = k * 1_000_003L;
      List<Integer> expected = model.get(key);
      if (expected == null) {
        assertThat(buckets.get(key)).isNull();
      } else {
        assertThat(items(buckets, key)).containsExactlyElementsOf(expected);
      }
    }
    assertThat(buckets.size()).isEqualTo(model.size());
  }

  private static <T> List<T> items(Buckets<T> buckets, long key) {
    Buckets.Bucket<T> bucket = buckets.get(key);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < bucket.size; i++) {
      out.add(bucket.item(i));
    }
    return out;
  }
}
