package io.sociallistening.topology.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a one-text-per-line evaluation command's stdin, read as UTF-8 (a malformed byte
 * reads as U+FFFD). A line ends at {@code '\n'} only: one {@code '\r'} right before it is dropped
 * (CRLF), a {@code '\r'} anywhere else stays in the text. A byte-order mark at the very start is
 * dropped. A last line without {@code '\n'} is a line; nothing after a final {@code '\n'} is not.
 * So there are as many lines as {@code wc -l} counts, plus one for an unterminated last line: the
 * texts a scorer wrote one per line, even when a text holds a lone carriage return ({@link
 * java.io.BufferedReader#readLine} would split it in two and shift every later output line). A line
 * is read as its first {@value #MAX_LINE_CHARS} characters; the rest of it is skipped.
 */
final class InputLines {
  /**
   * The most characters of a line that a command reads: scoring or comparing a text takes several
   * times its size in memory, and one line of 100 MB ran out of a 1 GB heap (the {@code sentiment}
   * command stopped with no output for it or the lines after). The topology never sees such a text:
   * it refuses texts over {@code text.max.length} (20,000 characters).
   */
  static final int MAX_LINE_CHARS = 1_000_000;

  private final Reader reader;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder(256);
  private int position;
  private int limit;
  private boolean first = true;

  InputLines(InputStream in) {
    this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    boolean read = false;
    while (true) {
      if (position == limit) {
        limit = Math.max(reader.read(buffer, 0, buffer.length), 0);
        position = 0;
        if (limit == 0) {
          if (!read) {
            return null;
          }
          break;
        }
      }
      read = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, Math.min(position - start, MAX_LINE_CHARS - line.length()));
      if (position < limit) {
        position++;
        break;
      }
    }
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    if (first) {
      first = false;
      if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
        line.deleteCharAt(0);
      }
    }
    return line.toString();
  }

  /** Whether a next line can be read without blocking (as far as the reader can tell). */
  boolean ready() throws IOException {
    return position < limit || reader.ready();
  }
}
