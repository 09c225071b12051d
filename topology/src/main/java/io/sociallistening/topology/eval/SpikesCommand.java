package io.sociallistening.topology.eval;

import io.sociallistening.topology.crisis.Bucket;
import io.sociallistening.topology.crisis.CrisisDetector;
import io.sociallistening.topology.crisis.CrisisEvent;
import io.sociallistening.topology.crisis.CrisisSettings;
import io.sociallistening.topology.crisis.CrisisState;
import io.sociallistening.topology.crisis.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code spikes} evaluation command: runs {@link CrisisDetector} over one NAB-format series.
 *
 * <p><b>Input</b> (stdin, UTF-8): CSV with header {@code timestamp,value} (in any case; any field
 * may be in double quotes, as RFC 4180 allows); timestamp {@code yyyy-MM-dd HH:mm:ss} (UTC),
 * strictly increasing; value a non-negative count per bucket (a decimal value is rounded to the
 * nearest integer for the detector). The bucket length is the difference of the first two
 * timestamps (the default settings' bucket for a single row).
 *
 * <p><b>Output</b> (stdout): CSV with header {@code timestamp,value,anomaly_score,alert}, one row
 * per input row, timestamp and value echoed as given, score with 4 decimals, alert 1 exactly on the
 * rows where the detector emits OPENED. ESCALATED is not an alert here: NAB credits only the
 * earliest detection in each labelled window and charges every detection outside windows, so a
 * second alert in the same episode can only cost; measured on the shared NAB files, alerting on
 * ESCALATED as well lowered the standard score (see NabEvaluation). With the default cooldown, an
 * episode opens no earlier than 24 hours after the previous one resolved.
 *
 * <p><b>State:</b> one {@link CrisisState}, in memory. <b>Time:</b> the row timestamps only.
 *
 * <p>The detector runs with {@link CrisisSettings#defaults()} except the bucket length, and each
 * value is fed as both volume and negative volume (the negative-share factor is then exactly 1).
 * The whole input is parsed before any output, so a bad row (reported on stderr with its line
 * number, exit code 1) produces no partial output.
 */
public final class SpikesCommand {

  static final String HEADER = "timestamp,value";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private SpikesCommand() {}

  /** Runs the command; returns 0 on success, 1 on bad input, 2 on bad arguments. */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      err.println("spikes: takes no arguments, got " + args);
      return 2;
    }
    List<Row> rows = new ArrayList<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (header != null && header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (header == null
          || !List.of("timestamp", "value").equals(fields(header.toLowerCase(Locale.ROOT)))) {
        err.println("spikes: line 1: expected header '" + HEADER + "'");
        return 1;
      }
      String line;
      int lineNumber = 1;
      long previous = Long.MIN_VALUE;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        Row row;
        try {
          row = parse(line);
        } catch (IllegalArgumentException e) {
          err.println("spikes: line " + lineNumber + ": " + e.getMessage());
          return 1;
        }
        if (row.epochMs() <= previous) {
          err.println(
              "spikes: line "
                  + lineNumber
                  + ": timestamp "
                  + row.timestamp()
                  + " is not increasing");
          return 1;
        }
        previous = row.epochMs();
        rows.add(row);
      }
    } catch (IOException e) {
      err.println("spikes: cannot read input: " + e.getMessage());
      return 1;
    }

    CrisisSettings settings = CrisisSettings.defaults();
    if (rows.size() >= 2) {
      settings = settings(Duration.ofMillis(rows.get(1).epochMs() - rows.get(0).epochMs()));
    }
    long bucketMs = settings.bucket().toMillis();
    CrisisDetector detector = new CrisisDetector(settings);
    CrisisState state = CrisisState.initial();
    StringBuilder text = new StringBuilder(64);
    out.println("timestamp,value,anomaly_score,alert");
    for (Row row : rows) {
      Step step =
          detector.onBucket(
              state, new Bucket(row.epochMs(), row.epochMs() + bucketMs, row.count(), row.count()));
      state = step.state();
      boolean alert = isAlert(step);
      text.setLength(0);
      text.append(row.timestamp()).append(',').append(row.value()).append(',');
      text.append(String.format(Locale.ROOT, "%.4f", step.score()));
      text.append(',').append(alert ? '1' : '0');
      out.println(text);
      if (LineCommand.outputFailed("spikes", out, err)) {
        return 1;
      }
    }
    return LineCommand.outputFailed("spikes", out, err) ? 1 : 0;
  }

  /** The settings the command runs with for a series of {@code bucket}-long buckets. */
  public static CrisisSettings settings(Duration bucket) {
    return CrisisSettings.defaults().withBucket(bucket);
  }

  /** The {@code alert} column: 1 exactly on the bucket whose step opens an episode. */
  public static boolean isAlert(Step step) {
    return step.event().map(e -> e.type() == CrisisEvent.Type.OPENED).orElse(Boolean.FALSE);
  }

  private static Row parse(String line) {
    List<String> fields = fields(line);
    if (fields.size() != 2) {
      throw new IllegalArgumentException("expected 2 fields 'timestamp,value', got '" + line + "'");
    }
    String timestamp = fields.get(0);
    String value = fields.get(1);
    long epochMs;
    try {
      epochMs = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad timestamp '" + timestamp + "', expected yyyy-MM-dd HH:mm:ss");
    }
    long count;
    try {
      BigDecimal number = new BigDecimal(value);
      if (number.signum() < 0) {
        throw new IllegalArgumentException("negative value '" + value + "'");
      }
      count = number.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("bad value '" + value + "', expected a count");
    }
    return new Row(timestamp, value, epochMs, count);
  }

  /**
   * The fields of one CSV line as RFC 4180 reads them: split at commas outside double quotes, each
   * stripped of surrounding blanks, and a field in double quotes unquoted ({@code ""} inside it is
   * one quote).
   */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>(2);
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || (line.charAt(i) == ',' && !quoted)) {
        String field = line.substring(start, i).strip();
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
          field = field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        fields.add(field);
        start = i + 1;
      } else if (line.charAt(i) == '"') {
        quoted = !quoted;
      }
    }
    return fields;
  }

  private record Row(String timestamp, String value, long epochMs, long count) {}
}
