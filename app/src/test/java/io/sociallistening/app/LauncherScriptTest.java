package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/social-listening} run from a copy of the project whose jar is up to date, with a
 * {@code java} on the PATH that prints its arguments instead of starting a JVM (and a {@code mvn}
 * that builds nothing).
 */
class LauncherScriptTest {
  @Test
  void shouldFindTheProjectThroughALinkToTheScriptFromAnotherDirectory(@TempDir Path dir)
      throws Exception {
    Path project = dir.resolve("my projects/social listening");
    Path script = project.resolve("bin/social-listening");
    Files.createDirectories(script.getParent());
    Files.copy(
        Path.of("..", "bin", "social-listening"), script, StandardCopyOption.COPY_ATTRIBUTES);
    Path jar = project.resolve("app/target/social-listening.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "");
    Path tools = Files.createDirectories(dir.resolve("tools"));
    executable(tools.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
    // a project the script does not find would be built: never here
    executable(tools.resolve("mvn"), "#!/bin/sh\necho \"mvn in $(pwd)\"\nexit 1\n");
    // as installed on the PATH: a link in another directory, and a link to that link
    Path bin = Files.createDirectories(dir.resolve("usr local/bin"));
    Path link = Files.createSymbolicLink(bin.resolve("social-listening"), script);
    Path relative = Files.createSymbolicLink(bin.resolve("sl"), bin.relativize(link).getFileName());
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

    for (Path launcher : new Path[] {script, link, relative}) {
      ProcessBuilder builder =
          new ProcessBuilder("bash", launcher.toString(), "sentiment")
              .directory(elsewhere.toFile())
              .redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.put("PATH", tools + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("JAVA_OPTS", "-Xmx64m");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(output).as(launcher.toString()).isEqualTo("-Xmx64m -jar " + jar + " sentiment\n");
      assertThat(process.exitValue()).as(launcher.toString()).isZero();
    }
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
