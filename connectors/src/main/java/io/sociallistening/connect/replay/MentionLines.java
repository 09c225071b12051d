package io.sociallistening.connect.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a JSON-lines file of mentions named by a path or by {@code classpath:<resource>}; a name
 * ending in {@code .gz} is decompressed. Lines are UTF-8.
 */
final class MentionLines {
  static final String CLASSPATH_PREFIX = "classpath:";

  private MentionLines() {}

  /** Whether {@code location} names a readable file or an existing classpath resource. */
  static boolean exists(String location) {
    if (location.startsWith(CLASSPATH_PREFIX)) {
      return MentionLines.class.getClassLoader().getResource(resource(location)) != null;
    }
    return Files.isReadable(Path.of(location));
  }

  /** A reader positioned at the first line of {@code location}. */
  static BufferedReader open(String location) throws IOException {
    InputStream in;
    if (location.startsWith(CLASSPATH_PREFIX)) {
      in = MentionLines.class.getClassLoader().getResourceAsStream(resource(location));
      if (in == null) {
        throw new IOException("No classpath resource " + resource(location));
      }
    } else {
      in = Files.newInputStream(Path.of(location));
    }
    if (location.endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static String resource(String location) {
    String name = location.substring(CLASSPATH_PREFIX.length());
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
