package io.sociallistening.benchmarks;

import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.NearDuplicateIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * CPU time of {@link NearDuplicateIndex#findOrAdd} per post when the posts are real and mostly
 * distinct (unlike {@code bench}'s feed, whose posts repeat the bundled sample): each round feeds
 * every line of the given files, in order, to a fresh index in one scope, and the median of the
 * rounds after five warm-up rounds is printed, in nanoseconds of the thread's CPU time (so other
 * work on the machine moves it less than wall time).
 *
 * <p>Input: text files; a line with two tabs is read as VADER's {@code id TAB rating TAB text},
 * other lines as the text. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.sociallistening.benchmarks.NearDedupCost ../shared/eval/vader/tweets_GroundTruth.txt}.
 */
public final class NearDedupCost {
  private static final int ROUNDS = 25;
  private static final int WARM_UP = 5;

  private NearDedupCost() {}

  public static void main(String[] args) throws IOException {
    List<String> texts = texts(args);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> perPost = new ArrayList<>();
    int copies = 0;
    for (int round = 0; round < ROUNDS; round++) {
      NearDuplicateIndex index = new NearDuplicateIndex(DedupSettings.defaults());
      copies = 0;
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < texts.size(); i++) {
        if (index.findOrAdd("brand", Integer.toString(i), texts.get(i), i).isPresent()) {
          copies++;
        }
      }
      long cpu = threads.getCurrentThreadCpuTime() - start;
      if (round >= WARM_UP) {
        perPost.add(cpu / (double) texts.size());
      }
    }
    Collections.sort(perPost);
    System.out.printf(
        Locale.ROOT,
        "posts %d, near copies found %d; findOrAdd CPU per post: median %.0f ns, min %.0f ns, max"
            + " %.0f ns (%d rounds)%n",
        texts.size(),
        copies,
        perPost.get(perPost.size() / 2),
        perPost.get(0),
        perPost.get(perPost.size() - 1),
        perPost.size());
  }

  /**
   * The texts of the files: a line with two tabs is VADER's {@code id TAB rating TAB text}, any
   * other line is the text.
   */
  static List<String> texts(String[] files) throws IOException {
    List<String> texts = new ArrayList<>();
    for (String file : files) {
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t", 3);
        texts.add(fields.length == 3 ? fields[2] : line);
      }
    }
    return texts;
  }
}
