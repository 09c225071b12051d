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
        .containsExactly(result.out().get(602));
    assertThat(result.out().get(602)).isEqualTo("2015-02-28 23:47:53,408,1.0000,1");
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
  void shouldNameTheLineOfABadTimestamp() {
    Result result = run("timestamp,value\n2015-02-26 21:42:53,1\n2015-02-26 21:47,2\n");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "spikes: line 3: bad timestamp '2015-02-26 21:47', expected yyyy-MM-dd HH:mm:ss\n");
  }

  @Test
  void shouldNameTheLineOfABadValue() {
    Result result = run("timestamp,value\n2015-02-26 21:42:53,-4\n");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("spikes: line 2: negative value '-4'\n");
  }

  @Test
  void shouldRejectTimestampsThatGoBack() {
    Result result = run("timestamp,value\n2015-02-26 21:42:53,1\n2015-02-26 21:42:53,2\n");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("spikes: line 3: timestamp 2015-02-26 21:42:53 is not increasing\n");
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
    assertThat(result.err()).isEqualTo("spikes: line 1: expected header 'timestamp,value'\n");
  }
}
