package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupCommandTest {

  private static List<String> run(String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        DedupCommand.run(
            List.of(),
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(0);
    return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
  }

  @Test
  void shouldPointCopiesToTheFirstLineTheyDuplicate() {
    String tweet =
        "Acme support kept me on hold for two hours and then hung up on me, unbelievable";
    String input =
        String.join(
            "\n",
            tweet,
            "@acme my flight was delayed",
            "RT @dana: " + tweet,
            "@acme my flight was cancelled again, third time",
            "@ACME  my flight was delayed!",
            tweet + " https://t.co/x 😡 #fail",
            "");

    assertThat(run(input))
        .containsExactly(
            "{\"cluster\": 1}",
            "{\"cluster\": 2}",
            "{\"cluster\": 1}",
            "{\"cluster\": 4}",
            "{\"cluster\": 2}",
            "{\"cluster\": 1}");
  }

  @Test
  void shouldKeepEmptyAndLinkOnlyLinesApart() {
    assertThat(run("\nhttps://t.co/x\n\n"))
        .containsExactly("{\"cluster\": 1}", "{\"cluster\": 2}", "{\"cluster\": 3}");
  }

  @Test
  void shouldEndLinesAtLineFeedsOnlySoALoneCarriageReturnStaysInItsText() {
    String tweet = "Acme support kept me on hold for two hours and then hung up on me";

    assertThat(run("\uFEFF" + tweet + "\r\n" + "first part\r" + tweet + "\n" + tweet + "\n"))
        .containsExactly("{\"cluster\": 1}", "{\"cluster\": 2}", "{\"cluster\": 1}");
  }

  @Test
  void shouldRememberMoreFirstCopiesInALargerHeap() {
    assertThat(DedupCommand.firstCopies(256L << 20)).isEqualTo(100_000);
    assertThat(DedupCommand.firstCopies(1L << 30)).isEqualTo(104_857);
    assertThat(DedupCommand.firstCopies(8L << 30)).isEqualTo(838_860);
    assertThat(DedupCommand.firstCopies(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
  }
}
