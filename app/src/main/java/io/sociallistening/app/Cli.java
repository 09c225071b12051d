package io.sociallistening.app;

import io.sociallistening.app.bench.BenchCommand;
import io.sociallistening.app.instance.Instance;
import io.sociallistening.app.instance.InstanceConfig;
import io.sociallistening.app.local.LocalStack;
import io.sociallistening.app.local.LocalStackConfig;
import io.sociallistening.app.registry.RegistryConfig;
import io.sociallistening.registry.EmbeddedSchemaRegistry;
import io.sociallistening.registry.KafkaSchemaStore;
import io.sociallistening.registry.RegistryException;
import io.sociallistening.topology.eval.DedupCommand;
import io.sociallistening.topology.eval.LeadsCommand;
import io.sociallistening.topology.eval.MatchCommand;
import io.sociallistening.topology.eval.SentimentCommand;
import io.sociallistening.topology.eval.SpikesCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code social-listening} command: the local stack, a topology instance, the rules topic, and
 * the evaluation commands.
 */
public final class Cli {
  static final String USAGE =
      """
      usage: social-listening <command> [options]

        demo [--key=value ...]        the whole stack in one process, fed by the bundled sample
        run [--config FILE] [--key=value ...]
                                      one topology instance against an existing cluster
        rules publish FILE | delete ID... | list [--config FILE] [--key=value ...]
                                      publish a rules file over the rules topic, delete rules, or
                                      print them as JSON lines (the format of rules.bootstrap.file)
        registry [--key=value ...]    the schema registry alone, schemas stored in Kafka
        sentiment                     stdin: one text per line -> {"compound","label","language"}
        leads                         stdin: one text per line -> {"lead","score","reasons"}
        spikes                        stdin: NAB CSV timestamp,value -> timestamp,value,anomaly_score,alert
        dedup                         stdin: one text per line -> {"cluster"}
        match --rules FILE            stdin: one text per line -> {"rules":[ids]}
        config-docs                   print the configuration reference (Markdown)
        bench [--records=N] [--warmup=N] [--rules=N] [--partitions=N] [--threads=N]
              [--paced-seconds=N] [--commit-ms=N] [--batch-bytes=N] [--rocksdb-memory=N]
              [--warm-runs=N]
                                      load run: pass-through vs full pipeline, latency, memory
      """;

  /** The arguments asking for the usage. */
  private static final List<String> HELP = List.of("-h", "--help", "help");

  /**
   * The commands whose usage is the one above (the rules command's its own): {@code COMMAND --help}
   * or {@code -h} prints it (not {@code help}, which may be a rule id), without reading stdin.
   */
  private static final List<String> OWN_HELP =
      List.of(
          "demo",
          "run",
          "rules",
          "registry",
          "bench",
          "config-docs",
          "sentiment",
          "leads",
          "spikes",
          "dedup",
          "match");

  private Cli() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(List.of(args), System.in, out, err, System.getenv());
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(
      List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env)
      throws Exception {
    if (args.isEmpty()) {
      err.print(USAGE);
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    if (HELP.contains(args.get(0))) {
      out.print(USAGE);
      return 0;
    }
    if (OWN_HELP.contains(args.get(0)) && (rest.contains("--help") || rest.contains("-h"))) {
      // before the other arguments are read: `run --help` neither starts nor names '--help'
      out.print(args.get(0).equals("rules") ? RulesCommand.USAGE : USAGE);
      return 0;
    }
    try {
      return switch (args.get(0)) {
        case "demo" -> demo(rest, out, err, env);
        case "run" -> runInstance(rest, err, env);
        case "rules" -> RulesCommand.run(rest, out, err, env);
        case "registry" -> registry(rest, err, env);
        case "sentiment" -> SentimentCommand.run(rest, in, out, err);
        case "leads" -> LeadsCommand.run(rest, in, out, err);
        case "spikes" -> SpikesCommand.run(rest, in, out, err);
        case "dedup" -> DedupCommand.run(rest, in, out, err);
        case "match" -> MatchCommand.run(rest, in, out, err);
        case "bench" -> BenchCommand.run(rest, out, err);
        case "config-docs" -> {
          out.print(ConfigDocs.markdown());
          if (out.checkError()) {
            err.println("config-docs: cannot write the output (closed pipe or full disk)");
            yield 1;
          }
          yield 0;
        }
        default -> {
          err.printf("Unknown command '%s'%n%s", args.get(0), USAGE);
          yield 2;
        }
      };
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("Configuration error: " + e.getMessage());
      return 2;
    }
  }

  private static int demo(
      List<String> args, PrintStream out, PrintStream err, Map<String, String> env)
      throws Exception {
    Map<String, String> settings = keyValuesOnly(args, err);
    if (settings == null) {
      return 2;
    }
    LocalStackConfig config = LocalStackConfig.load(env, settings);
    LocalStack stack;
    try {
      stack = LocalStack.start(config, env, out);
    } catch (RuntimeException e) {
      // a port taken, the registry or Connect worker not starting: what was started is stopped
      // (the log above has the details)
      err.println("Cannot start the local stack: " + reason(e));
      return 1;
    }
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopping.compareAndSet(false, true)) {
            out.println("\nStopping the local stack...");
            stack.close();
            out.println("Stopped.");
            done.countDown();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-stack-shutdown"));
    stack.awaitStop();
    if (stack.instance().failed()) {
      // the broker, registry and Connect worker would otherwise keep the process up
      stop.run();
      err.println("The topology failed (see the log above); the local stack is stopped");
      return 1;
    }
    done.await();
    return 0;
  }

  private static int runInstance(List<String> args, PrintStream err, Map<String, String> env)
      throws Exception {
    List<String> positional = new ArrayList<>();
    InstanceConfig config = instanceConfig(args, env, positional);
    if (!positional.isEmpty()) {
      err.printf("Unexpected argument '%s'%n%s", positional.get(0), USAGE);
      return 2;
    }
    err.printf("Starting against the Kafka cluster at %s%n", config.bootstrapServers());
    Instance instance;
    try {
      instance = Instance.start(config);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalStateException | UncheckedIOException | RegistryException | KafkaException e) {
      // a Kafka client that cannot start (no broker address resolves) included
      err.println("Cannot start: " + reason(e));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "instance-shutdown"));
    instance.awaitStop();
    if (instance.failed()) {
      err.println("The topology failed (see the log above); exiting with status 1");
      return 1;
    }
    return 0;
  }

  private static int registry(List<String> args, PrintStream err, Map<String, String> env)
      throws Exception {
    Map<String, String> overrides = keyValuesOnly(args, err);
    if (overrides == null) {
      return 2;
    }
    RegistryConfig config = RegistryConfig.load(env, overrides);
    EmbeddedSchemaRegistry registry;
    try {
      registry =
          EmbeddedSchemaRegistry.start(
              config.host(),
              config.port(),
              KafkaSchemaStore.open(
                  config.kafkaClientConfig(),
                  config.topic(),
                  config.replication(),
                  Duration.ofSeconds(60)));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalStateException | UncheckedIOException | KafkaException e) {
      // the port taken, the cluster not answering or no broker address resolving
      err.println("Cannot start the schema registry: " + reason(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  registry.close();
                  stopped.countDown();
                },
                "registry-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * The message of {@code e}, followed by those of its causes that it does not already say ("Failed
   * to create new KafkaAdminClient: No resolvable bootstrap urls given in bootstrap.servers").
   */
  static String reason(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !out.toString().contains(message)) {
        out.append(": ").append(message);
      }
    }
    return out.toString();
  }

  /**
   * The instance configuration that {@code args} give ({@code --config FILE} or {@code
   * --config=FILE}, then {@code --key=value}) on top of {@code env}; the other arguments go to
   * {@code positional}, in order.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming a bad or unknown key
   */
  static InstanceConfig instanceConfig(
      List<String> args, Map<String, String> env, List<String> positional) {
    List<String> others = new ArrayList<>();
    Map<String, String> overrides = keyValues(args, others);
    Optional<Path> file = Optional.ofNullable(overrides.remove("config")).map(Path::of);
    for (int i = 0; i < others.size(); i++) {
      if (others.get(i).equals("--config") && i + 1 < others.size()) {
        file = Optional.of(Path.of(others.get(++i)));
      } else {
        positional.add(others.get(i));
      }
    }
    return InstanceConfig.load(file, env, overrides);
  }

  /**
   * The {@code --key=value} arguments of a command that takes nothing else, or null (with the first
   * other argument and the usage on {@code err}) if there is anything else.
   */
  private static Map<String, String> keyValuesOnly(List<String> args, PrintStream err) {
    List<String> positional = new ArrayList<>();
    Map<String, String> out = keyValues(args, positional);
    if (!positional.isEmpty()) {
      err.printf("Unexpected argument '%s'%n%s", positional.get(0), USAGE);
      return null;
    }
    return out;
  }

  /** Collects {@code --key=value} arguments; others go to {@code positional}. */
  static Map<String, String> keyValues(List<String> args, List<String> positional) {
    Map<String, String> out = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        out.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else {
        positional.add(arg);
      }
    }
    return out;
  }
}
