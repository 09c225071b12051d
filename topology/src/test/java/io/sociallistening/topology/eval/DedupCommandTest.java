package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.NearDuplicateIndex;
import io.sociallistening.topology.dedup.Original;
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
  void shouldKeepEmptyAndLinkOnlyLinesApartButClusterIdenticalOnes() {
    // a line with no words has no near copies, and its identical copies were each their own
    assertThat(run("\nhttps://t.co/x\n\n   \nhttps://t.co/x\n\uD83D\uDE00\n   \n\uD83D\uDE00\n"))
        .containsExactly(
            "{\"cluster\": 1}",
            "{\"cluster\": 2}",
            "{\"cluster\": 1}",
            "{\"cluster\": 4}",
            "{\"cluster\": 2}",
            "{\"cluster\": 6}",
            "{\"cluster\": 4}",
            "{\"cluster\": 6}");
  }

  @Test
  void shouldForgetTheOldestFirstCopiesBeyondItsTextBudget() {
    NearDuplicateIndex index =
        new NearDuplicateIndex(DedupSettings.defaults().withMaxTextChars(100));
    String a = "acme support kept me on hold for two hours and then hung up on me";
    String b = "the new nimbus x2 phone arrived with a cracked screen and no charger";

    index.findOrAdd("1", a, 0L);
    index.findOrAdd("2", b, 0L);

    // 66 and 68 characters: the second pushes the first out
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.findOrAdd("3", b, 0L)).map(Original::key).contains("2");
    assertThat(index.findOrAdd("4", a, 0L)).isEmpty();
    assertThat(DedupCommand.textChars(1L << 30)).isEqualTo(67_108_864L);
  }

  @Test
  void shouldCompareAVeryLongLineOnItsFirstMillionCharacters() {
    // the same first million characters, then a million others of each line's own
    StringBuilder head = new StringBuilder();
    for (int i = 0; head.length() < InputLines.MAX_LINE_CHARS; i++) {
      head.append("word").append(i % 5000).append(' ');
    }
    String prefix = head.substring(0, InputLines.MAX_LINE_CHARS);
    String first = prefix + " alpha".repeat(200_000);
    String second = prefix + " omega".repeat(200_000);

    assertThat(run(first + "\n" + second + "\n"))
        .containsExactly("{\"cluster\": 1}", "{\"cluster\": 1}");
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
