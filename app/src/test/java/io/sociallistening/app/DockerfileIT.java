package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile without a Docker engine: every path its build stage copies from the repository
 * exists, and every build output its build stage copies into the image (the app jar, its lib
 * directory, the Connect plugin directory) exists after {@code mvn package}, under the names the
 * Dockerfile uses.
 */
class DockerfileIT {
  private static final Path ROOT = Path.of("..");
  private static final Pattern BUILD_OUTPUT =
      Pattern.compile("\\b((?:app|connectors)/target/\\S+)");

  @Test
  void shouldCopyOnlyPathsThatExistInTheRepository() throws IOException {
    List<String> sources = new ArrayList<>();
    for (String line : Files.readAllLines(ROOT.resolve("docker/Dockerfile"))) {
      if (line.startsWith("COPY ") && !line.contains("--from=")) {
        String[] parts = line.trim().split("\\s+");
        for (int i = 1; i < parts.length - 1; i++) {
          sources.add(parts[i]);
        }
      }
    }

    assertThat(sources).contains("pom.xml", "schemas", "connectors", "topology", "app");
    assertThat(sources).allSatisfy(source -> assertThat(ROOT.resolve(source)).exists());
  }

  @Test
  void shouldCopyBuildOutputsThatExistAfterPackaging() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    Matcher matcher = BUILD_OUTPUT.matcher(dockerfile);
    List<String> outputs = new ArrayList<>();
    while (matcher.find()) {
      outputs.add(matcher.group(1));
    }

    assertThat(outputs)
        .containsExactly(
            "connectors/target/social-listening-connectors-*-plugin/social-listening-connectors-*",
            "app/target/social-listening.jar",
            "app/target/lib");
    for (String output : outputs) {
      List<Path> found = glob(ROOT, output.split("/"), 0);
      assertThat(found).as(output).hasSize(1);
      assertThat(found.get(0)).exists();
    }
    Path plugin = glob(ROOT, outputs.get(0).split("/"), 0).get(0);
    try (var jars = Files.list(plugin.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .anySatisfy(name -> assertThat(name).startsWith("social-listening-connectors-"));
    }
  }

  /** Paths matching {@code segments} (each a glob) below {@code dir}. */
  private static List<Path> glob(Path dir, String[] segments, int from) throws IOException {
    if (from == segments.length) {
      return List.of(dir);
    }
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, segments[from])) {
      for (Path entry : entries) {
        out.addAll(glob(entry, segments, from + 1));
      }
    }
    return out;
  }
}
