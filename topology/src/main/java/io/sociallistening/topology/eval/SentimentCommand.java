package io.sociallistening.topology.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.sentiment.SentimentResult;
import io.sociallistening.topology.sentiment.SentimentScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The {@code sentiment} evaluation command: scores each input line with the topology's {@link
 * SentimentScorer} and {@link LanguageDetector}.
 *
 * <p>Input (stdin): one text per line, UTF-8. Output (stdout): exactly one JSON object per input
 * line, in order, e.g. {@code {"compound":0.8316,"label":"positive","language":"en"}}: compound in
 * -1..1 rounded to 4 decimals, label {@code positive|neutral|negative}, language an ISO 639-1 code
 * or {@code und}. An empty line gives {@code {"compound":0,"label":"neutral","language":"und"}}.
 * The command takes no arguments.
 */
public final class SentimentCommand {
  /** Leaves {@code out} open and writes no separator of its own between lines. */
  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .rootValueSeparator((String) null)
          .build();

  private SentimentCommand() {}

  /**
   * Runs the command; returns 0 on success, 2 for unexpected arguments (message on {@code err}), 1
   * when reading or writing fails.
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println("sentiment: takes no arguments, got " + args);
      return 2;
    }
    SentimentScorer scorer = SentimentScorer.loadDefault();
    LanguageDetector languages = LanguageDetector.loadDefault();
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
        SentimentResult result = scorer.score(line);
        json.writeStartObject();
        json.writeFieldName("compound");
        json.writeNumber(fourDecimals(result.compound()));
        json.writeStringField("label", result.label().name().toLowerCase(Locale.ROOT));
        json.writeStringField("language", languages.detect(line));
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
      }
    } catch (IOException e) {
      err.println("sentiment: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** The value rounded half-up to 4 decimals, in plain notation without trailing zeros. */
  static String fourDecimals(double value) {
    return BigDecimal.valueOf(Math.round(value * 10_000), 4).stripTrailingZeros().toPlainString();
  }
}
