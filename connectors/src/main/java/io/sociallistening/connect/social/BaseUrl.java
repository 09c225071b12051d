package io.sociallistening.connect.social;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validates a base URL config value: absolute, with one of the allowed schemes and a host. */
public final class BaseUrl implements ConfigDef.Validator {
  private final String[] schemes;

  private BaseUrl(String... schemes) {
    this.schemes = schemes;
  }

  public static BaseUrl http() {
    return new BaseUrl("http", "https");
  }

  public static BaseUrl webSocket() {
    return new BaseUrl("ws", "wss");
  }

  @Override
  public void ensureValid(String name, Object value) {
    String s = (String) value;
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      for (String allowed : schemes) {
        if (allowed.equals(scheme) && uri.getHost() != null) {
          return;
        }
      }
    } catch (URISyntaxException | NullPointerException e) {
      throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
    }
    throw new ConfigException(
        name, value, "must be an absolute " + String.join(" or ", schemes) + " URL with a host");
  }

  @Override
  public String toString() {
    return "an absolute " + String.join("/", schemes) + " URL";
  }

  /** {@code base} without trailing slashes, so paths can be appended. */
  public static String trim(String base) {
    int end = base.length();
    while (end > 0 && base.charAt(end - 1) == '/') {
      end--;
    }
    return base.substring(0, end);
  }
}
