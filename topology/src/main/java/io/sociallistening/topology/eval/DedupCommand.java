package io.sociallistening.topology.eval;

import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.NearDuplicateIndex;
import io.sociallistening.topology.dedup.Original;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code dedup} evaluation command: near-duplicate clusters with {@link NearDuplicateIndex},
 * the same code the topology's near-duplicate stage ({@code NearDedup}) runs per brand.
 *
 * <p><b>Input</b> (stdin, UTF-8): one text per line ({@link InputLines}). <b>Output</b> (stdout):
 * one line {@code {"cluster": n}} per input line, n = the 1-based line number of the earlier line
 * it duplicates, or its own line number.
 *
 * <p><b>State:</b> one index with {@link DedupSettings#defaults()}, one scope for all lines, that
 * remembers {@link #firstCopies(long)} first copies: 100,000, or more in a larger heap (about 1.5
 * KB each for a 20-word text; 10 KiB of heap are allowed for each), and at most {@link
 * #textChars(long)} characters of their normalised texts (one per 16 bytes of heap: long texts cost
 * memory in proportion to their length, and 100,000 texts of 10 KB each ran out of a 1 GB heap).
 * Beyond either the oldest first copy is forgotten, and a later copy of it is numbered as its own.
 * A line with no words left once links, handles and emoji are taken out (an empty line, a lone link
 * or emoji) has no near copies; it is numbered after the first line identical to it (among the
 * first 100,000 such lines, holding at most an eighth of the characters above), else as its own. A
 * line is compared on at most its first {@link InputLines#MAX_LINE_CHARS} characters. <b>Time:</b>
 * every line gets timestamp 0, so nothing expires by age.
 *
 * <p>Measured on the labelled set in {@code topology/src/test/resources/dedup/} by {@code
 * DedupEvaluation} (test scope; the command is in its class comment).
 */
public final class DedupCommand {

  private static final int MIN_FIRST_COPIES = 100_000;
  private static final long HEAP_PER_FIRST_COPY = 10 * 1024;
  private static final long HEAP_PER_TEXT_CHAR = 16;
  private static final int MAX_WORDLESS_LINES = 100_000;

  private DedupCommand() {}

  /**
   * First copies remembered in a heap of {@code maxHeapBytes}: 100,000, or one per 10 KiB of heap
   * if that is more (-Xmx1g: 104,857; -Xmx8g: 838,860).
   */
  static int firstCopies(long maxHeapBytes) {
    return (int)
        Math.max(MIN_FIRST_COPIES, Math.min(Integer.MAX_VALUE, maxHeapBytes / HEAP_PER_FIRST_COPY));
  }

  /** Characters of normalised text remembered in a heap of {@code maxHeapBytes}: one per 16 B. */
  static long textChars(long maxHeapBytes) {
    return Math.max(1, maxHeapBytes / HEAP_PER_TEXT_CHAR);
  }

  /** Runs the command; returns 0 on success, 1 on unreadable input, 2 on bad arguments. */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println("dedup: takes no arguments, got " + args);
      return 2;
    }
    long heap = Runtime.getRuntime().maxMemory();
    // the key of the last first copy the index remembered (or counted a copy of)
    String[] lastSaved = new String[1];
    NearDuplicateIndex index =
        new NearDuplicateIndex(
            DedupSettings.defaults()
                .withMaxEntries(firstCopies(heap))
                .withMaxTextChars(textChars(heap)),
            new NearDuplicateIndex.Listener() {
              @Override
              public void saved(Original original) {
                lastSaved[0] = original.key();
              }

              @Override
              public void removed(Original original) {}
            });
    Map<String, String> wordless = new HashMap<>();
    long wordlessChars = 0;
    long maxWordlessChars = textChars(heap) / 8;
    try {
      InputLines lines = new InputLines(in);
      String line;
      int number = 0;
      StringBuilder text = new StringBuilder(32);
      while ((line = lines.next()) != null) {
        number++;
        String key = Integer.toString(number);
        Optional<Original> first = index.findOrAdd(key, line, 0L);
        String cluster = first.map(Original::key).orElse(key);
        // neither a copy nor remembered as a first copy: the line has no words
        if (first.isEmpty() && !key.equals(lastSaved[0])) {
          String earlier = wordless.get(line);
          if (earlier != null) {
            cluster = earlier;
          } else if (wordless.size() < MAX_WORDLESS_LINES
              && wordlessChars + line.length() <= maxWordlessChars) {
            wordless.put(line, key);
            wordlessChars += line.length();
          }
        }
        text.setLength(0);
        text.append("{\"cluster\": ").append(cluster).append('}');
        out.println(text);
        if (LineCommand.outputFailed("dedup", out, err)) {
          return 1;
        }
      }
    } catch (IOException e) {
      err.println("dedup: cannot read input: " + e.getMessage());
      return 1;
    }
    return LineCommand.outputFailed("dedup", out, err) ? 1 : 0;
  }
}
