package io.sociallistening.app.instance;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;

/**
 * Validates a {@code bootstrap.servers} list as the Kafka clients read it: at least one broker,
 * each {@code host:port}. Checked with the other settings, so that an empty list or a broker
 * without its port stops the command with the key named, instead of failing later in the Kafka
 * client with a stack trace (after other settings took effect).
 */
public final class BootstrapServers implements ConfigDef.Validator {
  @Override
  public void ensureValid(String name, Object value) {
    List<?> servers = value == null ? List.of() : (List<?>) value;
    String given = String.join(",", servers.stream().map(String::valueOf).toList());
    boolean any = false;
    for (Object server : servers) {
      String address = String.valueOf(server).strip();
      if (address.isEmpty()) {
        continue;
      }
      if (Utils.getHost(address) == null || Utils.getPort(address) == null) {
        throw new ConfigException(name, given, "'" + address + "' is not host:port");
      }
      any = true;
    }
    if (!any) {
      throw new ConfigException(name, given, "at least one broker host:port is required");
    }
  }

  @Override
  public String toString() {
    return "host:port, comma-separated, at least one";
  }
}
