package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadsCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> args, String input) {
    return LeadsCommand.run(
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
            "Should I buy the Galaxy S25 or wait for the S26?\n"
                + "\n"
                + "50% OFF everything today only! Use code SAVE50\n");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"lead\":true,\"score\":0.8173,\"reasons\":[\"purchase intent: \\\"should i buy\\\"\","
                + "\"comparison: \\\"or wait\\\"\"]}\n"
                + "{\"lead\":false,\"score\":0,\"reasons\":[]}\n"
                + "{\"lead\":false,\"score\":0,\"reasons\":[\"seller or ad: \\\"% off\\\"\","
                + "\"seller or ad: \\\"use code\\\"\"]}\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldEndLinesAtLineFeedsOnlySoALoneCarriageReturnStaysInItsText() {
    int status = run(List.of(), "Should I buy\rthe Galaxy S25?\n\r\n");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n", -1))
        .containsExactly(
            "{\"lead\":true,\"score\":0.5934,\"reasons\":[\"purchase intent: \\\"should i buy\\\"\"]}",
            "{\"lead\":false,\"score\":0,\"reasons\":[]}",
            "");
  }

  @Test
  void shouldScoreAVeryLongLineOnItsFirstMillionCharacters() {
    String filler = "x ".repeat(InputLines.MAX_LINE_CHARS / 2);
    int status = run(List.of(), filler + "should I buy it?\n" + "should I buy it?\n");

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n", -1))
        .containsExactly(
            "{\"lead\":false,\"score\":0,\"reasons\":[]}",
            "{\"lead\":true,\"score\":0.5934,\"reasons\":[\"purchase intent: \\\"should i buy\\\"\"]}",
            "");
  }

  @Test
  void shouldRejectArguments() {
    assertThat(run(List.of("x"), "hi\n")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("leads: takes no arguments, got [x]\n");
  }
}
