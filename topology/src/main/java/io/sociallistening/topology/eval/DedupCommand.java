package io.sociallistening.topology.eval;

import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.NearDuplicateIndex;
import io.sociallistening.topology.dedup.Original;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The {@code dedup} evaluation command: near-duplicate clusters with {@link NearDuplicateIndex},
 * the same code the topology's near-duplicate stage ({@code NearDedup}) runs per brand.
 *
 * <p><b>Input</b> (stdin, UTF-8): one text per line ({@link InputLines}). <b>Output</b> (stdout):
 * one line {@code {"cluster": n}} per input line, n = the 1-based line number of the earlier line
 * it duplicates, or its own line number.
 *
 * <p><b>State:</b> one index with {@link DedupSettings#defaults()} (so at most 100,000 first copies
 * are remembered), one scope for all lines. <b>Time:</b> every line gets timestamp 0, so nothing
 * expires by age.
 *
 * <p>Measured on the labelled set in {@code topology/src/test/resources/dedup/} by {@code
 * DedupEvaluation} (test scope; the command is in its class comment).
 */
public final class DedupCommand {

  private DedupCommand() {}

  /** Runs the command; returns 0 on success, 1 on unreadable input, 2 on bad arguments. */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println("dedup: takes no arguments, got " + args);
      return 2;
    }
    NearDuplicateIndex index = new NearDuplicateIndex(DedupSettings.defaults());
    try {
      InputLines lines = new InputLines(in);
      String line;
      int number = 0;
      StringBuilder text = new StringBuilder(32);
      while ((line = lines.next()) != null) {
        number++;
        String key = Integer.toString(number);
        Optional<Original> first = index.findOrAdd(key, line, 0L);
        text.setLength(0);
        text.append("{\"cluster\": ").append(first.map(Original::key).orElse(key)).append('}');
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
