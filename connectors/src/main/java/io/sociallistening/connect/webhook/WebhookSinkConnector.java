package io.sociallistening.connect.webhook;

import io.sociallistening.connect.ConnectorVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Delivers alerts ({@code social.alerts}, Avro {@code Alert} in the Confluent wire format) to a
 * webhook as Slack messages or plain JSON. Configure {@code
 * value.converter=org.apache.kafka.connect.converters.ByteArrayConverter}; the task decodes the
 * bytes with the configured schema registry. For a dead-letter topic of undeliverable alerts set
 * {@code errors.tolerance=all} and {@code errors.deadletterqueue.topic.name}.
 */
public final class WebhookSinkConnector extends SinkConnector {
  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new WebhookSinkConfig(props);
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return WebhookSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      configs.add(props);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return WebhookSinkConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return ConnectorVersion.get();
  }
}
