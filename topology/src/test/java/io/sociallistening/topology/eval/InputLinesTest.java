package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputLinesTest {
  private static InputLines lines(String input) {
    return new InputLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldReadALongLineAsItsFirstMillionCharactersAndGoOnWithTheNext() throws IOException {
    String head = "great day ".repeat(InputLines.MAX_LINE_CHARS / 10);
    InputLines lines = lines(head + "x".repeat(3 * InputLines.MAX_LINE_CHARS) + "\r\nnext\n");

    assertThat(lines.next()).isEqualTo(head);
    assertThat(lines.next()).isEqualTo("next");
    assertThat(lines.next()).isNull();
  }

  @Test
  void shouldReadALineOfExactlyTheLimitWhole() throws IOException {
    String line = "y".repeat(InputLines.MAX_LINE_CHARS - 1) + "z";
    InputLines lines = lines(line + "\r\n" + line);

    assertThat(lines.next()).isEqualTo(line);
    assertThat(lines.next()).isEqualTo(line);
    assertThat(lines.next()).isNull();
  }
}
