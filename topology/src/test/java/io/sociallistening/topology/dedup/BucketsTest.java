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
    assertThat(buckets.slotOf(8L)).isEqualTo(-1);
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

    assertThat(buckets.slotOf(42L)).isEqualTo(-1);
    assertThat(buckets.size()).isZero();
  }

  @Test
  void shouldKeepTheOtherItemsInOrderWhenABucketShrinksAndGrowsAgain() {
    Buckets<String> buckets = new Buckets<>();
    String a = "a";
    String b = "b";
    buckets.add(5L, a, 128);
    buckets.add(5L, b, 128);

    buckets.remove(5L, a);
    assertThat(items(buckets, 5L)).containsExactly("b");
    buckets.add(5L, "c", 128);
    assertThat(items(buckets, 5L)).containsExactly("b", "c");
    buckets.remove(5L, b);
    buckets.remove(5L, "c");
    assertThat(buckets.slotOf(5L)).isEqualTo(-1);
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
        assertThat(buckets.slotOf(key)).isEqualTo(-1);
      } else {
        assertThat(items(buckets, key)).containsExactlyElementsOf(expected);
      }
    }
    assertThat(buckets.size()).isEqualTo(model.size());
  }

  private static <T> List<T> items(Buckets<T> buckets, long key) {
    int slot = buckets.slotOf(key);
    assertThat(slot).as("slot of key %d", key).isNotNegative();
    List<T> out = new ArrayList<>();
    for (int i = 0; i < buckets.size(slot); i++) {
      out.add(buckets.item(slot, i));
    }
    return out;
  }
}
