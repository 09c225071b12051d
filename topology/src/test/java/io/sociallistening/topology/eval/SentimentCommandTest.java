package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> args, String input) {
    return SentimentCommand.run(
        args,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void shouldPrintOneJsonLinePerInputLineIncludingEmptyOnes() {
    int status =
        run(
            List.of(),
            "VADER is smart, handsome, and funny.\n"
                + "\n"
                + "Não aguento mais essa operadora, sinal horrível o dia todo\r\n"
                + "Today SUX!");

    assertThat(status).isZero();
    // "horrível" -2.9 (pt_lexicon.txt): -2.9 / sqrt(2.9^2 + 15) = -0.5994; "Não" is in the
    // previous clause, so it does not negate it
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"compound\":0.8316,\"label\":\"positive\",\"language\":\"en\"}\n"
                + "{\"compound\":0,\"label\":\"neutral\",\"language\":\"und\"}\n"
                + "{\"compound\":-0.5994,\"label\":\"negative\",\"language\":\"pt\"}\n"
                + "{\"compound\":-0.5461,\"label\":\"negative\",\"language\":\"en\"}\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldEndLinesAtLineFeedsOnlySoALoneCarriageReturnStaysInItsText() {
    int status = run(List.of(), "\uFEFFgood\rbad\r\n\r\nok");

    assertThat(status).isZero();
    // 3 lines: "good\rbad" (1.9 - 2.5 = -0.6 -> -0.6 / sqrt(0.36 + 15) = -0.1531), "", "ok";
    // CRLF ends a line, the BOM is dropped
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n", -1))
        .containsExactly(
            "{\"compound\":-0.1531,\"label\":\"negative\",\"language\":\"en\"}",
            "{\"compound\":0,\"label\":\"neutral\",\"language\":\"und\"}",
            "{\"compound\":0.296,\"label\":\"positive\",\"language\":\"und\"}",
            "");
  }

  @Test
  void shouldPrintNothingForNoInput() {
    assertThat(run(List.of(), "")).isZero();
    assertThat(out.size()).isZero();
  }

  @Test
  void shouldRejectArguments() {
    assertThat(run(List.of("--fast"), "good\n")).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("sentiment: takes no arguments, got [--fast]\n");
  }

  @Test
  void shouldRoundToFourDecimalsInPlainNotation() {
    assertThat(SentimentCommand.fourDecimals(0.83163)).isEqualTo("0.8316");
    assertThat(SentimentCommand.fourDecimals(-0.00005)).isEqualTo("0");
    assertThat(SentimentCommand.fourDecimals(0.0001)).isEqualTo("0.0001");
    assertThat(SentimentCommand.fourDecimals(1.0)).isEqualTo("1");
  }
}
