package io.sociallistening.topology.eval;

import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.sentiment.SentimentResult;
import io.sociallistening.topology.sentiment.SentimentScorer;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The {@code sentiment} evaluation command: scores each input line with the topology's {@link
 * SentimentScorer} and {@link LanguageDetector}, as the topology scores a mention whose source gave
 * no language: the line's language is detected and that language's scorer ({@link
 * SentimentScorer#in(String)}) scores it.
 *
 * <p>Input (stdin): one text per line, UTF-8. Output (stdout): exactly one JSON object per input
 * line, in order, e.g. {@code {"compound":0.8316,"label":"positive","language":"en"}}: compound in
 * -1..1 rounded to 4 decimals, label {@code positive|neutral|negative}, language an ISO 639-1 code
 * or {@code und}. An empty line gives {@code {"compound":0,"label":"neutral","language":"und"}}.
 * The command takes no arguments.
 */
public final class SentimentCommand {
  private SentimentCommand() {}

  /**
   * Runs the command; returns 0 on success, 2 for unexpected arguments (message on {@code err}), 1
   * when reading or writing fails.
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return LineCommand.run(
        "sentiment",
        args,
        in,
        out,
        err,
        () -> {
          SentimentScorer scorer = SentimentScorer.loadDefault();
          LanguageDetector languages = LanguageDetector.loadDefault();
          return (line, json) -> {
            String language = languages.detect(line);
            SentimentResult result = scorer.in(language).score(line);
            json.writeStartObject();
            json.writeFieldName("compound");
            json.writeNumber(fourDecimals(result.compound()));
            json.writeStringField("label", result.label().name().toLowerCase(Locale.ROOT));
            json.writeStringField("language", language);
            json.writeEndObject();
          };
        });
  }

  /** The value rounded half-up to 4 decimals, in plain notation without trailing zeros. */
  static String fourDecimals(double value) {
    return BigDecimal.valueOf(Math.round(value * 10_000), 4).stripTrailingZeros().toPlainString();
  }
}
