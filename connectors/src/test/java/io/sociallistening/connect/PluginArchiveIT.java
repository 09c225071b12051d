package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.connect.http.ReplayServer;
import io.sociallistening.connect.http.ReplayServer.Reply;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;

/**
 * The Connect plugin built by {@code mvn package} (directory and zip): the libraries it bundles,
 * and its connectors loaded and run the way a worker loads a plugin from {@code plugin.path}, by a
 * class loader that sees only the plugin's jars plus the worker's Kafka and SLF4J classes.
 */
class PluginArchiveIT {
  private static final Path DIR = Path.of(System.getProperty("plugin.dir"));
  private static final Path ZIP = Path.of(System.getProperty("plugin.zip"));
  private static final String VERSION = System.getProperty("plugin.version");
  private static final String BASE = "social-listening-connectors-" + VERSION + "/";

  @Test
  void shouldBundleTheConnectorsTheirLibrariesAndNothingTheWorkerProvides() throws IOException {
    Set<String> artifacts = new TreeSet<>();
    for (Path jar : jars()) {
      artifacts.add(artifact(jar.getFileName().toString()));
    }

    assertThat(artifacts)
        .containsExactlyInAnyOrder(
            "social-listening-connectors",
            "social-listening-schemas",
            "avro",
            "commons-codec",
            "commons-compress",
            "commons-io",
            "commons-lang3",
            "jackson-annotations",
            "jackson-core",
            "jackson-databind",
            "jdom2",
            "jsoup",
            "rome",
            "rome-utils");
    assertThat(artifacts)
        .doesNotContain(
            "kafka-clients", "connect-api", "slf4j-api", "zstd-jni", "lz4-java", "snappy-java");
    assertThat(DIR.resolve("doc/README.md")).isRegularFile();
  }

  @Test
  void shouldHoldTheSameFilesInTheZipUnderOneTopDirectory() throws IOException {
    Set<String> inDir = new TreeSet<>();
    try (Stream<Path> files = Files.walk(DIR)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> inDir.add(BASE + DIR.relativize(f).toString().replace('\\', '/')));
    }
    Set<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(inZip::add);
      ZipEntry connectors =
          zip.getEntry(BASE + "lib/social-listening-connectors-" + VERSION + ".jar");
      assertThat(connectors).isNotNull();
      assertThat(connectors.getSize())
          .isEqualTo(
              Files.size(DIR.resolve("lib/social-listening-connectors-" + VERSION + ".jar")));
    }

    assertThat(inZip).isEqualTo(inDir).hasSize(15);
  }

  @Test
  void shouldFindEveryConnectorAndTheConverterFromThePluginJarsAlone() throws Exception {
    try (URLClassLoader plugin = pluginLoader()) {
      List<String> sources = new ArrayList<>();
      for (SourceConnector c : ServiceLoader.load(SourceConnector.class, plugin)) {
        sources.add(describe(c, plugin));
      }
      List<String> sinks = new ArrayList<>();
      for (SinkConnector c : ServiceLoader.load(SinkConnector.class, plugin)) {
        sinks.add(describe(c, plugin));
      }
      List<String> converters = new ArrayList<>();
      for (Converter c : ServiceLoader.load(Converter.class, plugin)) {
        assertThat(c.getClass().getClassLoader()).isSameAs(plugin);
        converters.add(c.getClass().getName());
      }

      assertThat(sources)
          .containsExactly(
              "io.sociallistening.connect.replay.ReplaySourceConnector " + VERSION,
              "io.sociallistening.connect.synthetic.SyntheticSourceConnector " + VERSION,
              "io.sociallistening.connect.hackernews.HackerNewsSourceConnector " + VERSION,
              "io.sociallistening.connect.rss.RssSourceConnector " + VERSION,
              "io.sociallistening.connect.bluesky.BlueskySourceConnector " + VERSION,
              "io.sociallistening.connect.mastodon.MastodonSourceConnector " + VERSION,
              "io.sociallistening.connect.reddit.RedditSourceConnector " + VERSION);
      assertThat(sinks)
          .containsExactly("io.sociallistening.connect.webhook.WebhookSinkConnector " + VERSION);
      assertThat(converters).containsExactly("io.sociallistening.connect.MentionAvroConverter");
    }
  }

  @Test
  void shouldReadAFeedWithTheRssTaskLoadedFromThePlugin() throws Exception {
    try (URLClassLoader plugin = pluginLoader();
        ReplayServer server = new ReplayServer()) {
      server.enqueue(Reply.ok(ReplayServer.resource("/rss/news.rss.xml"), "application/rss+xml"));
      SourceTask task =
          (SourceTask)
              plugin
                  .loadClass("io.sociallistening.connect.rss.RssSourceTask")
                  .getConstructor()
                  .newInstance();
      task.initialize(new OffsetStub());
      // back to 2026-01-01: the fixture's three January items, not its December one
      long lookback =
          Duration.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.now()).toMillis();
      task.start(
          Map.of(
              "rss.feed.urls",
              server.url("/news.xml"),
              "rss.lookback.ms",
              Long.toString(lookback)));
      try {
        List<SourceRecord> records = task.poll();

        assertThat(records)
            .extracting(SourceRecord::key)
            .containsExactly(
                "news:https://travelwire.example.com/?p=9931",
                "news:" + server.url("/news.xml") + "#tw-20260105-0002",
                "news:https://travelwire.example.com/2026/01/05/acme-air-outage");
        Struct acme = (Struct) records.get(2).value();
        assertThat(acme.getString("text"))
            .isEqualTo(
                "Acme Air cancelled 300 flights on Monday after a check-in system outage."
                    + " \u201cWe apologise,\u201d the airline said. Status page");
      } finally {
        task.stop();
      }
    }
  }

  private static String describe(Connector connector, ClassLoader plugin) throws Exception {
    assertThat(connector.getClass().getClassLoader()).isSameAs(plugin);
    assertThat(connector.config().names()).isNotEmpty();
    Class<? extends Task> taskClass = connector.taskClass();
    assertThat(taskClass.getClassLoader()).isSameAs(plugin);
    assertThat(taskClass.getConstructor().newInstance().version()).isEqualTo(VERSION);
    return connector.getClass().getName() + " " + connector.version();
  }

  private static List<Path> jars() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("lib"))) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
  }

  /** {@code avro-1.12.2.jar} -> {@code avro}. */
  private static String artifact(String jar) {
    int i = 0;
    while (true) {
      int dash = jar.indexOf('-', i);
      if (dash < 0 || dash + 1 >= jar.length()) {
        return jar;
      }
      if (Character.isDigit(jar.charAt(dash + 1))) {
        return jar.substring(0, dash);
      }
      i = dash + 1;
    }
  }

  /** The plugin's jars over a parent that shares only what a Connect worker shares. */
  private static URLClassLoader pluginLoader() throws IOException {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars()) {
      urls.add(jar.toUri().toURL());
    }
    return new URLClassLoader(
        "plugin",
        urls.toArray(URL[]::new),
        new WorkerClasses(PluginArchiveIT.class.getClassLoader()));
  }

  /** The JDK, plus Kafka and SLF4J classes from the worker's (here: the test's) class path. */
  private static final class WorkerClasses extends ClassLoader {
    private final ClassLoader worker;

    WorkerClasses(ClassLoader worker) {
      super("worker", ClassLoader.getPlatformClassLoader());
      this.worker = worker;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.apache.kafka.") || name.startsWith("org.slf4j.")) {
        return worker.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
