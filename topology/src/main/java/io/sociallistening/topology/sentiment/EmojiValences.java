package io.sociallistening.topology.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The valence of single emoji code points, read from a table of lines {@code <emoji> TAB <valence>
 * TAB <name>} ({@code #} starts a comment). Lookup is a binary search over sorted code points, so
 * it allocates nothing. Immutable and thread-safe.
 */
final class EmojiValences {
  private final int[] codePoints;
  private final double[] valences;
  private final String[] symbols;

  private EmojiValences(int[] codePoints, double[] valences) {
    this.codePoints = codePoints;
    this.valences = valences;
    this.symbols = new String[codePoints.length];
    for (int i = 0; i < codePoints.length; i++) {
      symbols[i] = new String(Character.toChars(codePoints[i]));
    }
  }

  /** Reads the table from a class-path resource; fails naming the resource and line when bad. */
  static EmojiValences load(String resource) {
    InputStream in = EmojiValences.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    Map<Integer, Double> table = new TreeMap<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length < 2 || fields[0].codePointCount(0, fields[0].length()) != 1) {
          throw new IllegalStateException(
              resource + " line " + number + ": expected emoji<TAB>value");
        }
        table.put(fields[0].codePointAt(0), Double.parseDouble(fields[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] codePoints = table.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] valences = table.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new EmojiValences(codePoints, valences);
  }

  /** Index of {@code codePoint} in the table, or a negative number when it has no valence. */
  int indexOf(int codePoint) {
    return Arrays.binarySearch(codePoints, codePoint);
  }

  double valence(int index) {
    return valences[index];
  }

  /** The emoji as a string, shared between calls. */
  String symbol(int index) {
    return symbols[index];
  }
}
