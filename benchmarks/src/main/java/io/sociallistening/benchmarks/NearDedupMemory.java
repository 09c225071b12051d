package io.sociallistening.benchmarks;

import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.NearDuplicateIndex;
import java.io.IOException;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Heap of {@link NearDuplicateIndex} per remembered first copy: builds {@code --posts=N} (default
 * 200,000) distinct posts from the real texts of the given files (each a random one of them, its
 * words shuffled, with one name of its own inserted, as real posts carry names and handles no other
 * post has), adds them all to one index in one brand's scope, and prints the heap used after full
 * collections, before and after, per entry.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.sociallistening.benchmarks.NearDedupMemory ../shared/eval/vader/tweets_GroundTruth.txt}. Input
 * as in {@link NearDedupCost}.
 */
public final class NearDedupMemory {
  private NearDedupMemory() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int posts = 200_000;
    List<String> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--posts=")) {
        posts = Integer.parseInt(arg.substring("--posts=".length()));
      } else {
        files.add(arg);
      }
    }
    List<String> texts = NearDedupCost.texts(files.toArray(new String[0]));
    if (texts.isEmpty()) {
      System.err.println("usage: NearDedupMemory [--posts=N] FILE...");
      System.exit(2);
    }
    Random random = new Random(20261126L);
    String[] lines = new String[posts];
    for (int i = 0; i < posts; i++) {
      List<String> words =
          new ArrayList<>(Arrays.asList(texts.get(random.nextInt(texts.size())).split(" ")));
      Collections.shuffle(words, random);
      words.add(random.nextInt(words.size() + 1), "Name" + Integer.toString(i, 36));
      lines[i] = String.join(" ", words);
    }
    NearDuplicateIndex index =
        new NearDuplicateIndex(
            DedupSettings.defaults().withMaxEntries(posts).withMaxTextChars(Long.MAX_VALUE));
    long before = heapAfterGc();
    int copies = 0;
    for (int i = 0; i < posts; i++) {
      if (index.findOrAdd("acme-air", "bluesky:" + (1_000_000_000L + i), lines[i], i).isPresent()) {
        copies++;
      }
    }
    long after = heapAfterGc();
    // the raw lines were counted in "before": they must still be held when "after" is taken
    Reference.reachabilityFence(lines);
    System.out.printf(
        Locale.ROOT,
        "posts %d, first copies held %d, near copies %d; heap after GC %.0f MiB more, %.0f bytes"
            + " per first copy%n",
        posts,
        index.size(),
        copies,
        (after - before) / 1048576.0,
        (after - before) / (double) index.size());
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
