package io.sociallistening.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/compat.mjs}: kafkajs with {@code @kafkajs/confluent-schema-registry},
 * an implementation of the Confluent protocol that shares no code with ours.
 */
final class NodeClient {
  private final Path dir;
  private final String bootstrap;
  private final String registry;

  NodeClient(String bootstrap, String registry) {
    this.dir = Path.of(System.getProperty("compat.client.dir", "src/test/node"));
    this.bootstrap = bootstrap;
    this.registry = registry;
  }

  /** Reads {@code count} records of {@code topic} from the beginning; one JSON line per record. */
  List<String> read(String topic, int count) throws IOException, InterruptedException {
    return run(List.of("node", "compat.mjs", "read", topic, Integer.toString(count)), null);
  }

  /**
   * Writes JSON lines {@code {"key","value"}} to {@code topic} with the subject's latest schema.
   */
  void write(String topic, List<String> lines) throws IOException, InterruptedException {
    run(List.of("node", "compat.mjs", "write", topic), String.join("\n", lines) + "\n");
  }

  private List<String> run(List<String> command, String stdin)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("compat", ".out");
    Path errors = Files.createTempFile("compat", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile());
    builder.environment().put("BOOTSTRAP", bootstrap);
    builder.environment().put("REGISTRY", registry);
    Process process = builder.start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("node " + command + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "node " + command + " failed: " + Files.readString(errors, StandardCharsets.UTF_8));
    }
    return Files.readAllLines(output, StandardCharsets.UTF_8);
  }
}
