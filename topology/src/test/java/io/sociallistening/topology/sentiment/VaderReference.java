package io.sociallistening.topology.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference VADER, the npm package {@code vader-sentiment} pinned in {@code
 * topology/src/test/node/package-lock.json}, run by node through {@code vader.mjs}: texts in, one
 * compound score (rounded to 4 decimals by the package) per text out.
 */
final class VaderReference {
  private final Path folder;

  private VaderReference(Path folder) {
    this.folder = folder;
  }

  /**
   * The node folder, from the system property {@code vader.reference.dir} or found relative to the
   * working directory (repository root or the topology module).
   */
  static VaderReference locate() {
    String property = System.getProperty("vader.reference.dir");
    if (property != null) {
      return new VaderReference(Path.of(property));
    }
    for (String candidate : List.of("topology/src/test/node", "src/test/node")) {
      Path path = Path.of(candidate);
      if (Files.isRegularFile(path.resolve("vader.mjs"))) {
        return new VaderReference(path);
      }
    }
    throw new IllegalStateException("cannot find topology/src/test/node from " + Path.of("."));
  }

  /** Whether the package is installed, so that {@link #compounds} can run without npm. */
  boolean installed() {
    return Files.isDirectory(folder.resolve("node_modules/vader-sentiment"));
  }

  /** Runs {@code npm ci} in the node folder when the package is not installed yet. */
  void install() throws IOException, InterruptedException {
    if (installed()) {
      return;
    }
    run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), null);
  }

  /** The reference compound of each text, in order; texts must not contain line breaks. */
  double[] compounds(List<String> texts) throws IOException, InterruptedException {
    install();
    Path input = Files.createTempFile("vader-input", ".txt");
    try {
      Files.write(input, texts, StandardCharsets.UTF_8);
      String output = run(List.of("node", "vader.mjs", input.toAbsolutePath().toString()), input);
      String[] lines = output.split("\n");
      if (texts.isEmpty()) {
        return new double[0];
      }
      if (lines.length != texts.size()) {
        throw new IllegalStateException(
            "reference printed " + lines.length + " scores for " + texts.size() + " texts");
      }
      double[] scores = new double[lines.length];
      for (int i = 0; i < lines.length; i++) {
        scores[i] = Double.parseDouble(lines[i].trim());
      }
      return scores;
    } finally {
      Files.deleteIfExists(input);
    }
  }

  private String run(List<String> command, Path input) throws IOException, InterruptedException {
    Path output = Files.createTempFile("vader-output", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited with " + process.exitValue());
      }
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
