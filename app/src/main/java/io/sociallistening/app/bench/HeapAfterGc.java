package io.sociallistening.app.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Heap in use right after {@link System#gc()}, the whole process: or -1 when the call collected
 * nothing (no collector's count moved, as under {@code -XX:+DisableExplicitGC}), where the heap in
 * use would be whatever garbage had piled up since the last collection.
 */
final class HeapAfterGc {
  private HeapAfterGc() {}

  /** Collects twice, then reads the heap in use. */
  static long take() {
    return take(
        HeapAfterGc::collections,
        () -> {
          System.gc();
          System.gc();
        },
        () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  static long take(LongSupplier collections, Runnable collect, LongSupplier heapUsed) {
    long before = collections.getAsLong();
    collect.run();
    long used = heapUsed.getAsLong();
    return collections.getAsLong() == before ? -1 : used;
  }

  private static long collections() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
    }
    return count;
  }
}
