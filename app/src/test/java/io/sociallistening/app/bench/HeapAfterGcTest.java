package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapAfterGcTest {

  @Test
  void shouldReadTheHeapInUseOnceACollectionHasRun() {
    AtomicLong collections = new AtomicLong(7);

    long used = HeapAfterGc.take(collections::get, () -> collections.addAndGet(2), () -> 96L << 20);

    assertThat(used).isEqualTo(96L << 20);
  }

  @Test
  void shouldGiveNoFigureWhenTheCallCollectedNothing() {
    AtomicLong collections = new AtomicLong(7);

    long used = HeapAfterGc.take(collections::get, () -> {}, () -> 700L << 20);

    assertThat(used).isEqualTo(-1);
  }
}
