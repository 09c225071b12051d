package io.sociallistening.topology.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The loop shared by the line-in, JSON-line-out evaluation commands: reads stdin as {@link
 * InputLines} (UTF-8, a line ends at {@code '\n'}, a leading byte-order mark dropped) and writes
 * exactly one JSON value per line, each followed by {@code '\n'} and flushed, to stdout, in order.
 * The command takes no arguments.
 */
final class LineCommand {
  /** Leaves {@code out} open and writes no separator of its own between lines. */
  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .rootValueSeparator((String) null)
          .build();

  /** Writes the JSON value for one input line. */
  interface LineScore {
    void write(String line, JsonGenerator json) throws IOException;
  }

  private LineCommand() {}

  /**
   * Runs the command {@code name}; {@code score} is asked for once the arguments are checked.
   * Returns 0 on success, 2 for unexpected arguments (message on {@code err}), 1 when reading or
   * writing fails.
   */
  static int run(
      String name,
      List<String> args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Supplier<LineScore> score) {
    if (!args.isEmpty()) {
      err.println(name + ": takes no arguments, got " + args);
      return 2;
    }
    LineScore lineScore = score.get();
    InputLines lines = new InputLines(in);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (JsonGenerator json = JSON.createGenerator(writer)) {
      String line;
      while ((line = lines.next()) != null) {
        lineScore.write(line, json);
        json.writeRaw('\n');
        json.flush();
        if (outputFailed(name, out, err)) {
          return 1;
        }
      }
    } catch (IOException e) {
      err.println(name + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /**
   * Whether writing to {@code out} has failed (the reader has gone, the disk is full), with a
   * message on {@code err} if so. A {@link PrintStream} keeps its write errors to itself, so the
   * commands ask after every line: they stop instead of working on for nobody and exit 1.
   */
  static boolean outputFailed(String name, PrintStream out, PrintStream err) {
    if (!out.checkError()) {
      return false;
    }
    err.println(name + ": cannot write the output (closed pipe or full disk)");
    return true;
  }
}
