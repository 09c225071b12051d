package io.sociallistening.app.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in standalone mode running in this JVM, with its REST API, source offsets
 * in a file under the data directory (so a restart resumes where it stopped), string keys and the
 * project's Avro converter for {@code Mention} values.
 */
public final class EmbeddedConnect implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnect.class);

  private final Connect<StandaloneHerder> connect;
  private final String restUrl;

  private EmbeddedConnect(Connect<StandaloneHerder> connect, String restUrl) {
    this.connect = connect;
    this.restUrl = restUrl;
  }

  /**
   * Starts a worker against {@code bootstrapServers} with its REST API on {@code
   * restHost:restPort}.
   *
   * @param overrides worker settings that replace the defaults
   */
  public static EmbeddedConnect start(
      String bootstrapServers,
      String registryUrl,
      Path dataDir,
      String restHost,
      int restPort,
      Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "io.sociallistening.connect.MentionAvroConverter");
    props.put("value.converter.schema.registry.url", registryUrl);
    props.put("offset.storage.file.filename", dataDir.resolve("connect.offsets").toString());
    props.put("offset.flush.interval.ms", "1000");
    props.put("listeners", "http://" + restHost + ":" + restPort);
    props.put("plugin.discovery", "service_load");
    props.put("producer.linger.ms", "5");
    props.putAll(overrides);
    Connect<StandaloneHerder> connect;
    try {
      connect = new ConnectStandalone().startConnect(props);
    } catch (RuntimeException e) {
      // Connect's own message ("Unable to initialize REST server") names no address
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new IllegalStateException(
          "Cannot start Kafka Connect with its REST API on "
              + props.get("listeners")
              + ": "
              + e.getMessage()
              + (root == e ? "" : " (" + root.getMessage() + ")"),
          e);
    }
    String url = connect.rest().serverUrl().toString();
    LOG.info("Kafka Connect worker ready, REST API on {}", url);
    return new EmbeddedConnect(connect, url);
  }

  /** Creates or updates a connector and waits until the worker accepted it. */
  public ConnectorInfo putConnector(String name, Map<String, String> config) {
    Map<String, String> withName = new HashMap<>(config);
    withName.put("name", name);
    FutureCallback<Herder.Created<ConnectorInfo>> callback = new FutureCallback<>();
    connect.herder().putConnectorConfig(name, withName, true, callback);
    try {
      return callback.get(60, TimeUnit.SECONDS).result();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Connector '" + name + "' was refused: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Connector '" + name + "' not created within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating connector '" + name + "'", e);
    }
  }

  /** Base URL of the worker's REST API. */
  public String restUrl() {
    return restUrl;
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
    LOG.info("Kafka Connect worker stopped");
  }
}
