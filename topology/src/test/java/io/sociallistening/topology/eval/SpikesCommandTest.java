package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikesCommandTest {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private record Result(int code, List<String> out, String err) {}

  private static Result run(String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SpikesCommand.run(
            List.of(),
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    return new Result(
        code,
        text.isEmpty() ? List.of() : List.of(text.split("\n")),
        err.toString(StandardCharsets.UTF_8));
  }

  /** 5-minute NAB-style series: about 50 per bucket, a 6-bucket spike of 8x at row 600. */
  private static String series(int rows) {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    Random random = new Random(3);
    LocalDateTime t = LocalDateTime.of(2015, 2, 26, 21, 42, 53);
    for (int i = 0; i < rows; i++) {
      long value = Math.round(50 + 7 * random.nextGaussian());
      if (i >= 600 && i < 606) {
        value *= 8;
      }
      csv.append(TIMESTAMP.format(t.plusMinutes(5L * i))).append(',').append(value).append('\n');
    }
    return csv.toString();
  }

  @Test
  void shouldEchoEveryRowWithScoreAndAlertOnTheOpeningBucketOnly() {
    // given (the spike starts on data row 600, output line 601)
    String input = series(700);

    // when
    Result result = run(input);

    // then
    assertThat(result.code()).isEqualTo(0);
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).hasSize(701);
    assertThat(result.out().get(0)).isEqualTo("timestamp,value,anomaly_score,alert");
    String[] inputRows = input.split("\n");
    for (int i = 1; i <= 700; i++) {
      assertThat(result.out().get(i)).startsWith(inputRows[i] + ",");
      assertThat(result.out().get(i)).matches(".*,[01]\\.\\d{4},[01]");
    }
    assertThat(result.out().stream().filter(l -> l.endsWith(",1")))
        .containsExactly(result.out().get(601));
    assertThat(result.out().get(601)).isEqualTo("2015-02-28 23:42:53,408,1.0000,1");
  }

  @Test
  void shouldEchoDecimalValuesAsGiven() {
    Result result = run("timestamp,value\n2015-02-26 21:42:53,1.50\n2015-02-26 21:47:53,2\n");

    assertThat(result.code()).isEqualTo(0);
    assertThat(result.out())
        .containsExactly(
            "timestamp,value,anomaly_score,alert",
            "2015-02-26 21:42:53,1.50,0.0000,0",
            "2015-02-26 21:47:53,2,0.0000,0");
  }

  @Test
  void shouldReadDoubleQuotedFieldsAsACsvReaderDoes() {
    // as pandas writes with quoting=QUOTE_NONNUMERIC or QUOTE_ALL
    Result result =
        run(
            "\"timestamp\",\"value\"\r\n"
                + "\"2015-02-26 21:42:53\",12.0\r\n"
                + "\"2015-02-26 21:47:53\",\"13\"\r\n");

    assertThat(result.code()).isEqualTo(0);
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .containsExactly(
            "timestamp,value,anomaly_score,alert",
            "2015-02-26 21:42:53,12.0,0.0000,0",
            "2015-02-26 21:47:53,13,0.0000,0");
  }

  @Test
  void shouldScoreARowItCannotReadZeroAndNameItsLine() {
    // one bad row used to cost the whole file: no output, exit 1
    Result result =
        run(
            "timestamp,value\n"
                + "2015-02-26 21:42:53,1\n"
                + "2015-02-26 21:4x,2\n"
                + "2015-02-26 21:52:53,-4\n"
                + "2015-02-26 21:57:53,\n"
                + "2015-02-26 21:40:00,3\n"
                + "2015-02-26 22:02:53,NaN\n"
                + "2015-02-26 22:07:53\n"
                + "2015-02-26 22:12:53,5\n");

    assertThat(result.code()).isEqualTo(0);
    assertThat(result.out())
        .containsExactly(
            "timestamp,value,anomaly_score,alert",
            "2015-02-26 21:42:53,1,0.0000,0",
            "2015-02-26 21:4x,2,0.0000,0",
            "2015-02-26 21:52:53,-4,0.0000,0",
            "2015-02-26 21:57:53,,0.0000,0",
            "2015-02-26 21:40:00,3,0.0000,0",
            "2015-02-26 22:02:53,NaN,0.0000,0",
            "2015-02-26 22:07:53,,0.0000,0",
            "2015-02-26 22:12:53,5,0.0000,0");
    assertThat(result.err())
        .isEqualTo(
            "spikes: line 3: bad timestamp '2015-02-26 21:4x', expected yyyy-MM-dd HH:mm:ss or"
                + " ISO 8601; scored 0\n"
                + "spikes: line 4: negative value '-4'; scored 0\n"
                + "spikes: line 5: bad value '', expected a count; scored 0\n"
                + "spikes: line 6: timestamp 2015-02-26 21:40:00 is not increasing; scored 0\n"
                + "spikes: line 7: bad value 'NaN', expected a count; scored 0\n"
                + "spikes: line 8: bad value '', expected a count; scored 0\n");
  }

  @Test
  void shouldReportTheFirstTenUnreadableRowsAndHowManyInAll() {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 12; i++) {
      csv.append("2015-02-26 21:42:5").append(i % 10).append(",x\n");
    }

    Result result = run(csv.toString());

    assertThat(result.code()).isEqualTo(0);
    assertThat(result.out()).hasSize(13);
    assertThat(result.err().lines()).hasSize(11);
    assertThat(result.err()).endsWith("spikes: 12 rows could not be read in all; each scored 0\n");
  }

  @Test
  void shouldReadIsoTimestampsAndIgnoreOtherColumns() {
    // NAB-derived files with a label column, pandas' index column, ISO timestamps
    String iso = series(700).replaceAll("(\\d{4}-\\d\\d-\\d\\d) ", "$1T");
    StringBuilder withColumns = new StringBuilder("index,timestamp,value,label\n");
    String[] lines = iso.split("\n");
    for (int i = 1; i < lines.length; i++) {
      withColumns.append(i - 1).append(',').append(lines[i]).append(",0\n");
    }

    Result plain = run(series(700));
    Result result = run(withColumns.toString());

    assertThat(result.code()).isEqualTo(0);
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).hasSize(701);
    assertThat(result.out().get(601)).isEqualTo("2015-02-28T23:42:53,408,1.0000,1");
    for (int i = 1; i <= 700; i++) {
      assertThat(result.out().get(i).substring(result.out().get(i).indexOf(',', 19)))
          .isEqualTo(plain.out().get(i).substring(plain.out().get(i).indexOf(',', 19)));
    }
    assertThat(SpikesCommand.epochMs("2015-02-28T23:47:53.000Z"))
        .isEqualTo(SpikesCommand.epochMs("2015-02-28 23:47:53"));
    assertThat(SpikesCommand.epochMs("2015-03-01T00:47:53+01:00"))
        .isEqualTo(SpikesCommand.epochMs("2015-02-28 23:47:53"));
  }

  @Test
  void shouldTakeTheBucketLengthFromTheMedianGapNotTheFirstTwoRows() {
    // the first row a day before the rest: the bucket was one day long, and the spike scored 0.09
    String input = series(700);
    String[] lines = input.split("\n");
    String moved = lines[1].replace("2015-02-26 21:42:53", "2015-02-25 21:42:53");
    String shifted = input.replace(lines[1] + "\n", moved + "\n");

    Result result = run(shifted);

    assertThat(result.out().get(601)).isEqualTo("2015-02-28 23:42:53,408,1.0000,1");
  }

  @Test
  void shouldReadTheHeaderInAnyCase() {
    Result result = run("Timestamp, VALUE\n2015-02-26 21:42:53,7\n");

    assertThat(result.code()).isEqualTo(0);
    assertThat(result.out())
        .containsExactly("timestamp,value,anomaly_score,alert", "2015-02-26 21:42:53,7,0.0000,0");
  }

  @Test
  void shouldRejectAMissingHeader() {
    Result result = run("2015-02-26 21:42:53,1\n");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "spikes: line 1: expected a header naming the columns 'timestamp' and 'value' (as"
                + " 'timestamp,value')\n");
  }
}
