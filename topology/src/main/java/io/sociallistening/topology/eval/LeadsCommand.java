package io.sociallistening.topology.eval;

import io.sociallistening.topology.lead.LeadResult;
import io.sociallistening.topology.lead.LeadScorer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The {@code leads} evaluation command: scores each input line with the topology's {@link
 * LeadScorer} (default threshold, no competitor mentioned).
 *
 * <p>Input (stdin): one text per line, UTF-8. Output (stdout): exactly one JSON object per input
 * line, in order, e.g. {@code {"lead":true,"score":0.5934,"reasons":["purchase intent: \"should i
 * buy\""]}}: score in 0..1 rounded to 4 decimals, reasons in text order. An empty line gives {@code
 * {"lead":false,"score":0,"reasons":[]}}. A line is scored on at most its first {@link
 * InputLines#MAX_LINE_CHARS} characters. The command takes no arguments.
 */
public final class LeadsCommand {
  private LeadsCommand() {}

  /**
   * Runs the command; returns 0 on success, 2 for unexpected arguments (message on {@code err}), 1
   * when reading or writing fails.
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return LineCommand.run(
        "leads",
        args,
        in,
        out,
        err,
        () -> {
          LeadScorer scorer = LeadScorer.loadDefault();
          return (line, json) -> {
            LeadResult result = scorer.score(line);
            json.writeStartObject();
            json.writeBooleanField("lead", result.lead());
            json.writeFieldName("score");
            json.writeNumber(SentimentCommand.fourDecimals(result.score()));
            json.writeArrayFieldStart("reasons");
            for (String reason : result.reasons()) {
              json.writeString(reason);
            }
            json.writeEndArray();
            json.writeEndObject();
          };
        });
  }
}
