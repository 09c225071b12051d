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
import java.time.OffsetDateTime;
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
 * <p><b>Input</b> (stdin, UTF-8): CSV with a header naming the columns {@code timestamp} and {@code
 * value} (in any case, in any position; other columns are ignored; any field may be in double
 * quotes, as RFC 4180 allows); timestamp {@code yyyy-MM-dd HH:mm:ss} (UTC), or ISO 8601 ({@code
 * 2015-03-01T00:00:00}, with a fraction of a second, {@code Z} or an offset, which is converted to
 * UTC); value a non-negative count per bucket (a decimal value is rounded to the nearest integer
 * for the detector). The bucket length is the median gap between consecutive rows (over the first
 * 1,000 gaps; the default settings' bucket for a single row), so one gap at the start of a series
 * does not set it.
 *
 * <p><b>Output</b> (stdout): CSV with header {@code timestamp,value,anomaly_score,alert}, one row
 * per input row (blank lines are not rows), timestamp and value echoed as given, score with 4
 * decimals, alert 1 exactly on the rows where the detector emits OPENED. A row that cannot be read
 * (a timestamp or value missing or unreadable, a negative value, a timestamp not after the row
 * before) is echoed with score 0 and alert 0 and not fed to the detector, and reported on stderr
 * with its line number (the first ten, then how many in all); the exit code stays 0. ESCALATED is
 * not an alert here: NAB credits only the earliest detection in each labelled window and charges
 * every detection outside windows, so a second alert in the same episode can only cost; measured on
 * the shared NAB files, alerting on ESCALATED as well lowered the standard score (see
 * NabEvaluation). With the default cooldown, an episode opens no earlier than 24 hours after the
 * previous one resolved.
 *
 * <p><b>State:</b> one {@link CrisisState}, in memory. <b>Time:</b> the row timestamps only.
 *
 * <p>The detector runs with {@link CrisisSettings#defaults()} except the bucket length, and each
 * value is fed as both volume and negative volume (the negative-share factor is then exactly 1).
 * Without a header naming both columns the command writes nothing and exits 1.
 */
public final class SpikesCommand {

  static final String HEADER = "timestamp,value";
  private static final int REPORTED_ROWS = 10;
  private static final int GAPS_FOR_BUCKET = 1_000;
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
    int unreadable = 0;
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (header != null && header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      List<String> columns = header == null ? List.of() : fields(header.toLowerCase(Locale.ROOT));
      int timeColumn = columns.indexOf("timestamp");
      int valueColumn = columns.indexOf("value");
      if (timeColumn < 0 || valueColumn < 0) {
        err.println(
            "spikes: line 1: expected a header naming the columns 'timestamp' and 'value' (as '"
                + HEADER
                + "')");
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
        List<String> fields = fields(line);
        String timestamp = field(fields, timeColumn);
        String value = field(fields, valueColumn);
        Row row;
        try {
          row = parse(timestamp, value);
          if (row.epochMs() <= previous) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is not increasing");
          }
          previous = row.epochMs();
        } catch (IllegalArgumentException e) {
          if (++unreadable <= REPORTED_ROWS) {
            err.println("spikes: line " + lineNumber + ": " + e.getMessage() + "; scored 0");
          }
          row = new Row(timestamp, value, -1, -1);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      err.println("spikes: cannot read input: " + e.getMessage());
      return 1;
    }
    if (unreadable > REPORTED_ROWS) {
      err.println("spikes: " + unreadable + " rows could not be read in all; each scored 0");
    }

    CrisisSettings settings = CrisisSettings.defaults();
    Duration bucket = bucket(rows);
    if (bucket != null) {
      settings = settings(bucket);
    }
    long bucketMs = settings.bucket().toMillis();
    CrisisDetector detector = new CrisisDetector(settings);
    CrisisState state = CrisisState.initial();
    StringBuilder text = new StringBuilder(64);
    out.println("timestamp,value,anomaly_score,alert");
    for (Row row : rows) {
      double score = 0;
      boolean alert = false;
      if (row.readable()) {
        Step step =
            detector.onBucket(
                state,
                new Bucket(row.epochMs(), row.epochMs() + bucketMs, row.count(), row.count()));
        state = step.state();
        score = step.score();
        alert = isAlert(step);
      }
      text.setLength(0);
      text.append(row.timestamp()).append(',').append(row.value()).append(',');
      text.append(String.format(Locale.ROOT, "%.4f", score));
      text.append(',').append(alert ? '1' : '0');
      out.println(text);
      if (LineCommand.outputFailed("spikes", out, err)) {
        return 1;
      }
    }
    return LineCommand.outputFailed("spikes", out, err) ? 1 : 0;
  }

  /**
   * The median gap between consecutive readable rows, over the first {@value #GAPS_FOR_BUCKET}
   * gaps; null with fewer than two readable rows.
   */
  static Duration bucket(List<Row> rows) {
    List<Long> gaps = new ArrayList<>();
    boolean first = true;
    long previous = 0;
    for (Row row : rows) {
      if (!row.readable()) {
        continue;
      }
      if (!first) {
        gaps.add(row.epochMs() - previous);
      }
      first = false;
      previous = row.epochMs();
      if (gaps.size() == GAPS_FOR_BUCKET) {
        break;
      }
    }
    if (gaps.isEmpty()) {
      return null;
    }
    gaps.sort(null);
    return Duration.ofMillis(gaps.get(gaps.size() / 2));
  }

  /** The settings the command runs with for a series of {@code bucket}-long buckets. */
  public static CrisisSettings settings(Duration bucket) {
    return CrisisSettings.defaults().withBucket(bucket);
  }

  /** The {@code alert} column: 1 exactly on the bucket whose step opens an episode. */
  public static boolean isAlert(Step step) {
    return step.event().map(e -> e.type() == CrisisEvent.Type.OPENED).orElse(Boolean.FALSE);
  }

  private static String field(List<String> fields, int index) {
    return index < fields.size() ? fields.get(index) : "";
  }

  private static Row parse(String timestamp, String value) {
    if (timestamp.isEmpty()) {
      throw new IllegalArgumentException("no timestamp");
    }
    long epochMs = epochMs(timestamp);
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

  /** {@code yyyy-MM-dd HH:mm:ss} (UTC), or ISO 8601 with or without a zone (UTC when none). */
  static long epochMs(String timestamp) {
    try {
      return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // ISO 8601 below
    }
    String iso =
        timestamp.length() > 10 && timestamp.charAt(10) == ' '
            ? timestamp.substring(0, 10) + "T" + timestamp.substring(11)
            : timestamp;
    try {
      return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // no zone
    }
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad timestamp '" + timestamp + "', expected yyyy-MM-dd HH:mm:ss or ISO 8601");
    }
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

  /** A data row as given; {@code epochMs} and {@code count} -1 when it cannot be read. */
  record Row(String timestamp, String value, long epochMs, long count) {
    boolean readable() {
      return count >= 0;
    }
  }
}
