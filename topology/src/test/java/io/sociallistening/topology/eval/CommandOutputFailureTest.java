package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that has gone (a closed pipe, {@code | head -1}) or a full disk: every evaluation
 * command stops at the first line it cannot write and exits 1 with a message, instead of reporting
 * success or reading its input to the end for nobody.
 */
class CommandOutputFailureTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

  /** Every write fails, as on a pipe whose reader has exited. */
  private static PrintStream closedPipe() {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  /** {@code line} over and over, never ending (like {@code yes line}). */
  private static InputStream endless(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int next;

      @Override
      public int read() {
        byte b = bytes[next];
        next = (next + 1) % bytes.length;
        return b & 0xff;
      }
    };
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldStopSentimentAtTheFirstLineItCannotWrite() {
    int code =
        assertTimeoutPreemptively(
            LIMIT,
            () ->
                SentimentCommand.run(
                    List.of(), endless("good product\n"), closedPipe(), errStream));

    assertThat(code).isEqualTo(1);
    assertThat(errText())
        .isEqualTo("sentiment: cannot write the output (closed pipe or full disk)\n");
  }

  @Test
  void shouldStopLeadsAtTheFirstLineItCannotWrite() {
    int code =
        assertTimeoutPreemptively(
            LIMIT,
            () ->
                LeadsCommand.run(
                    List.of(),
                    endless("any recommendations for a crm?\n"),
                    closedPipe(),
                    errStream));

    assertThat(code).isEqualTo(1);
    assertThat(errText()).contains("leads: cannot write the output");
  }

  @Test
  void shouldStopDedupAtTheFirstLineItCannotWrite() {
    int code =
        assertTimeoutPreemptively(
            LIMIT,
            () -> DedupCommand.run(List.of(), endless("the same post\n"), closedPipe(), errStream));

    assertThat(code).isEqualTo(1);
    assertThat(errText()).isEqualTo("dedup: cannot write the output (closed pipe or full disk)\n");
  }

  @Test
  void shouldStopMatchAtTheFirstLineItCannotWrite(@TempDir Path dir) throws IOException {
    Path rules =
        Files.writeString(
            dir.resolve("rules.jsonl"), "{\"id\": 1, \"brand\": \"Acme\", \"query\": \"acme\"}\n");

    int code =
        assertTimeoutPreemptively(
            LIMIT,
            () ->
                MatchCommand.run(
                    List.of("--rules", rules.toString()),
                    endless("acme again\n"),
                    closedPipe(),
                    errStream));

    assertThat(code).isEqualTo(1);
    assertThat(errText()).isEqualTo("match: cannot write the output (closed pipe or full disk)\n");
  }

  @Test
  void shouldExitOneWhenSpikesCannotWriteItsOutput() {
    String series =
        "timestamp,value\n2015-02-26 21:42:53,104\n2015-02-26 21:47:53,100\n2015-02-26 21:52:53,99\n";

    int code =
        SpikesCommand.run(
            List.of(),
            new ByteArrayInputStream(series.getBytes(StandardCharsets.UTF_8)),
            closedPipe(),
            errStream);

    assertThat(code).isEqualTo(1);
    assertThat(errText()).isEqualTo("spikes: cannot write the output (closed pipe or full disk)\n");
  }
}
