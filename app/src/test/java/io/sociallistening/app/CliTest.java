package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, Map<String, String> env, String... args) throws Exception {
    return Cli.run(
        List.of(args),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env);
  }

  @Test
  void shouldPrintUsageAndFailWithoutACommand() throws Exception {
    assertThat(run("", Map.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("usage: social-listening <command>");
  }

  @Test
  void shouldPrintTheUsageOfACommandAskedForHelpWithoutStartingIt() throws Exception {
    for (String command :
        List.of(
            "demo",
            "run",
            "registry",
            "bench",
            "config-docs",
            "sentiment",
            "leads",
            "spikes",
            "dedup",
            "match")) {
      for (String help : List.of("--help", "-h")) {
        out.reset();
        err.reset();
        // nothing listens on port 1: run would fail to start, not print the usage
        assertThat(run("", Map.of(), command, "--bootstrap.servers=127.0.0.1:1", help))
            .as("%s %s", command, help)
            .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      }
    }
    for (List<String> args : List.of(List.of("rules", "--help"), List.of("rules", "list", "-h"))) {
      out.reset();
      assertThat(run("", Map.of(), args.toArray(String[]::new))).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(RulesCommand.USAGE);
    }
    // a rule may be called help
    out.reset();
    err.reset();
    assertThat(run("", Map.of(), "rules", "delete", "help", "--bootstrap.servers=")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Configuration error: Invalid value  for configuration bootstrap.servers");
  }

  @Test
  void shouldRefuseAnUnknownCommand() throws Exception {
    assertThat(run("", Map.of(), "listen")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown command 'listen'");
  }

  @Test
  void shouldRefuseAnUnknownRulesCommand() throws Exception {
    assertThat(run("", Map.of(), "rules", "show")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("Unknown rules command 'show'\n" + RulesCommand.USAGE);
  }

  @Test
  void shouldRefuseRulesCommandsWithMissingOrExtraOperands() throws Exception {
    assertThat(run("", Map.of(), "rules")).isEqualTo(2);
    assertThat(run("", Map.of(), "rules", "publish")).isEqualTo(2);
    assertThat(run("", Map.of(), "rules", "publish", "a.jsonl", "b.jsonl")).isEqualTo(2);
    assertThat(run("", Map.of(), "rules", "delete")).isEqualTo(2);
    assertThat(run("", Map.of(), "rules", "list", "acme")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(RulesCommand.USAGE.repeat(5));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownSettingOfTheRulesCommand() throws Exception {
    assertThat(run("", Map.of(), "rules", "list", "--bootstrap.server=kafka:9092")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Configuration error: Unknown setting 'bootstrap.server' given as --key=value");
  }

  @Test
  void shouldRefuseToPublishARulesFileWithAnInvalidQueryBeforeConnecting(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("rules.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"acme\",\"brand\":\"Acme\",\"query\":\"acme\"}\n"
            + "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme AND OR anvil\"}\n");
    // nothing listens on port 1: a connection attempt would fail with another message
    assertThat(
            run(
                "",
                Map.of(),
                "rules",
                "publish",
                file.toString(),
                "--bootstrap.servers=127.0.0.1:1",
                "--schema.registry.url=http://127.0.0.1:1"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "rules publish: "
                + file
                + ": Line 2: Expected a term but found 'OR' at position 9 in rule 'r1'; nothing"
                + " published\n");
  }

  /** {@code run} with {@code setting}, against a broker and registry where nothing listens. */
  private int runAgainstNoCluster(String setting) throws Exception {
    return run(
        "",
        Map.of(),
        "run",
        "--bootstrap.servers=127.0.0.1:1",
        "--schema.registry.url=http://127.0.0.1:1",
        setting);
  }

  @Test
  void shouldNameAMissingRulesFileBeforeTouchingTheCluster(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.jsonl");
    // nothing listens on port 1: creating the topics first would fail with another message
    assertThat(runAgainstNoCluster("--rules.bootstrap.file=" + missing)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Starting against the Kafka cluster at 127.0.0.1:1\n")
        .contains("Configuration error: Cannot read rules.bootstrap.file " + missing + ": ");
  }

  @Test
  void shouldNameABadKafkaStreamsSettingBeforeTouchingTheCluster() throws Exception {
    assertThat(runAgainstNoCluster("--kafka.commit.interval.ms=often")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Configuration error: ")
        .contains("commit.interval.ms");
  }

  @Test
  void shouldRefuseToPublishAFileThatIsNotRulesAsJsonLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.jsonl");
    Files.writeString(file, "{\"id\":\"acme\",\"brand\":\"Acme\"}\n");
    assertThat(run("", Map.of(), "rules", "publish", file.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "rules publish: "
                + file
                + ": Line 1: \"query\" must be a non-empty string; nothing published\n");
  }

  @Test
  void shouldNameTheKeyOfABadSettingBeforeConnectingAnywhere() throws Exception {
    assertThat(run("", Map.of(), "run", "--lead.threshold=2")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Configuration error: Invalid value 2.0 for configuration lead.threshold: Value must"
                + " be no more than 1.0\n");
  }

  @Test
  void shouldNameBootstrapServersWithoutABrokerOrAPortBeforeConnectingAnywhere() throws Exception {
    for (String command : List.of("run", "registry")) {
      for (String servers : List.of("", " , ", "kafka", "kafka:port,kafka-2:9092")) {
        err.reset();
        assertThat(run("", Map.of(), command, "--bootstrap.servers=" + servers))
            .as("%s --bootstrap.servers=%s", command, servers)
            .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
            .as("%s --bootstrap.servers=%s", command, servers)
            .startsWith("Configuration error: Invalid value ")
            .contains("for configuration bootstrap.servers: ")
            .doesNotContain("Exception");
      }
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Configuration error: Invalid value kafka:port,kafka-2:9092 for configuration"
                + " bootstrap.servers: 'kafka:port' is not host:port\n");
  }

  @Test
  void shouldSayInOneLineThatNoBrokerAddressResolves(@TempDir Path dir) throws Exception {
    assertThat(
            run(
                "",
                Map.of(),
                "run",
                "--bootstrap.servers=broker.invalid:9092",
                "--state.dir=" + dir))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Starting against the Kafka cluster at broker.invalid:9092\n"
                + "Cannot start: Failed to create new KafkaAdminClient: No resolvable bootstrap urls"
                + " given in bootstrap.servers\n");

    err.reset();
    assertThat(
            run(
                "",
                Map.of(),
                "registry",
                "--bootstrap.servers=broker.invalid:9092",
                "--registry.host=127.0.0.1",
                "--registry.port=0"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Cannot start the schema registry: Failed to create new KafkaAdminClient: No"
                + " resolvable bootstrap urls given in bootstrap.servers\n");
  }

  @Test
  void shouldNameEveryCauseOnceInAStartFailure() {
    Exception bind =
        new UncheckedIOException(
            "Cannot bind schema registry to 127.0.0.1:8081",
            new java.net.BindException("Address already in use"));
    Exception repeated =
        new IllegalStateException(
            "Cannot prepare the topic: java.io.IOException: broken",
            new java.io.IOException("broken"));

    assertThat(Cli.reason(bind))
        .isEqualTo("Cannot bind schema registry to 127.0.0.1:8081: Address already in use");
    assertThat(Cli.reason(repeated))
        .isEqualTo("Cannot prepare the topic: java.io.IOException: broken");
  }

  @Test
  void shouldReadSettingsFromTheEnvironmentWithThePrefix() throws Exception {
    assertThat(run("", Map.of("SOCIAL_LISTENING_NUM_STREAM_THREADS", "0"), "run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Invalid value 0 for configuration num.stream.threads");
  }

  @Test
  void shouldRunTheSentimentCommandOverStdin() throws Exception {
    assertThat(run("I love it!\n\n", Map.of(), "sentiment")).isEqualTo(0);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"label\":\"positive\"");
    assertThat(lines.get(1))
        .isEqualTo("{\"compound\":0,\"label\":\"neutral\",\"language\":\"und\"}");
  }

  @Test
  void shouldKeepTheConfigurationReferenceInStepWithTheCode() throws Exception {
    String committed = Files.readString(Path.of("..", "docs", "configuration.md"));
    assertThat(committed)
        .as(
            "docs/configuration.md is generated: run bin/social-listening config-docs > docs/configuration.md")
        .isEqualTo(ConfigDocs.markdown());
  }

  @Test
  void shouldReadTheConfigFileGivenWithAnEqualsSign(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("my.properties"), "num.stream.threads=0\n");

    assertThat(run("", Map.of(), "run", "--config=" + file)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Invalid value 0 for configuration num.stream.threads");
  }

  @Test
  void shouldRefuseAMissingConfigFileGivenWithAnEqualsSign() throws Exception {
    assertThat(run("", Map.of(), "run", "--config=/nonexistent/my.properties")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Configuration error: Cannot read config file /nonexistent/my.properties");
  }

  @Test
  void shouldRefuseAMisspeltKeyBeforeStartingAnything() throws Exception {
    assertThat(run("", Map.of(), "run", "--crisis.min.volme=3")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Configuration error: Unknown setting 'crisis.min.volme' given as --key=value");
    err.reset();
    assertThat(run("", Map.of(), "demo", "--nosuch=1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Configuration error: Unknown setting 'nosuch' given as --key=value to demo");
    err.reset();
    assertThat(run("", Map.of(), "registry", "--prot=1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Configuration error: Unknown setting 'prot' given as --key=value");
  }

  @Test
  void shouldRefuseAStrayArgumentToDemo() throws Exception {
    assertThat(run("", Map.of(), "demo", "--data.dir")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unexpected argument '--data.dir'");
  }

  @Test
  void shouldExitOneWhenTheConfigurationReferenceCannotBeWritten() throws Exception {
    PrintStream closed =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
              }
            },
            true,
            StandardCharsets.UTF_8);
    int code =
        Cli.run(
            List.of("config-docs"),
            new ByteArrayInputStream(new byte[0]),
            closed,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("config-docs: cannot write the output (closed pipe or full disk)\n");
  }

  @Test
  void shouldNameTheStateDirInUseAndFreeTheHttpPortWhenAnotherInstanceHoldsIt(@TempDir Path dir)
      throws Exception {
    Path appDir = Files.createDirectories(dir.resolve("shared-app"));
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (FileChannel channel =
            FileChannel.open(
                appDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      int code =
          run(
              "",
              Map.of(),
              "run",
              "--application.id=shared-app",
              "--state.dir=" + dir,
              "--topics.create=false",
              "--bootstrap.servers=127.0.0.1:9",
              "--http.host=127.0.0.1",
              "--http.port=" + port);

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "Starting against the Kafka cluster at 127.0.0.1:9\n"
                  + "Cannot start: state.dir "
                  + dir
                  + " is in use by another instance of application shared-app on this host:"
                  + " give each instance its own state.dir\n");
    }
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).as("http.port is free again").isEqualTo(port);
    }
  }

  @Test
  void shouldNameTheHttpPortInUseWithoutAStackTrace(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code =
          run(
              "",
              Map.of(),
              "run",
              "--state.dir=" + dir,
              "--topics.create=false",
              "--bootstrap.servers=127.0.0.1:9",
              "--http.host=127.0.0.1",
              "--http.port=" + taken.getLocalPort());

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith(
              "Starting against the Kafka cluster at 127.0.0.1:9\n"
                  + "Cannot start: Cannot listen on http.host=127.0.0.1 http.port="
                  + taken.getLocalPort()
                  + ": java.net.BindException: Address already in use");
    }
  }
}
