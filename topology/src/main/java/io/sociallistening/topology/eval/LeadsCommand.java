package io.sociallistening.topology.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sociallistening.topology.lead.LeadResult;
import io.sociallistening.topology.lead.LeadScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code leads} evaluation command: scores each input line with the topology's {@link
 * LeadScorer} (default threshold, no competitor mentioned).
 *
 * <p>Input (stdin): one text per line, UTF-8. Output (stdout): exactly one JSON object per input
 * line, in order, e.g. {@code {"lead":true,"score":0.5934,"reasons":["purchase intent: \"should i
 * buy\""]}}: score in 0..1 rounded to 4 decimals, reasons in text order. An empty line gives {@code
 * {"lead":false,"score":0,"reasons":[]}}. The command takes no arguments.
 */
public final class LeadsCommand {
  /** Leaves {@code out} open and writes no separator of its own between lines. */
  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .rootValueSeparator((String) null)
          .build();

  private LeadsCommand() {}

  /**
   * Runs the command; returns 0 on success, 2 for unexpected arguments (message on {@code err}), 1
   * when reading or writing fails.
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println("leads: takes no arguments, got " + args);
      return 2;
    }
    LeadScorer scorer = LeadScorer.loadDefault();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (JsonGenerator json = JSON.createGenerator(writer)) {
      String line;
      boolean first = true;
      while ((line = reader.readLine()) != null) {
        if (first && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        first = false;
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
        json.writeRaw('\n');
        json.flush();
      }
    } catch (IOException e) {
      err.println("leads: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
