package io.sociallistening.connect.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Validates an absolute http or https (or, for {@link #webSocket()}, ws or wss) URL with a host, as
 * a STRING, PASSWORD or LIST value (every element); a required LIST must not be empty. Errors name
 * the key, and never show a PASSWORD's value.
 */
public final class HttpUrlValidator implements ConfigDef.Validator {
  private final boolean optional;
  private final List<String> schemes;

  private HttpUrlValidator(boolean optional, List<String> schemes) {
    this.optional = optional;
    this.schemes = schemes;
  }

  /** A validator of http(s) URLs that refuses null and empty values. */
  public static HttpUrlValidator required() {
    return new HttpUrlValidator(false, List.of("http", "https"));
  }

  /** A validator of http(s) URLs that lets null and empty through. */
  public static HttpUrlValidator optional() {
    return new HttpUrlValidator(true, List.of("http", "https"));
  }

  /** A validator of ws(s) URLs (WebSocket endpoints) that refuses null and empty values. */
  public static HttpUrlValidator webSocket() {
    return new HttpUrlValidator(false, List.of("ws", "wss"));
  }

  /** {@code base} without trailing slashes, so paths can be appended. */
  public static String trimmed(String base) {
    int end = base.length();
    while (end > 0 && base.charAt(end - 1) == '/') {
      end--;
    }
    return base.substring(0, end);
  }

  @Override
  public void ensureValid(String name, Object value) {
    if (value instanceof List<?> list) {
      if (list.isEmpty() && !optional) {
        throw new ConfigException(name, value, "needs at least one " + either() + " URL");
      }
      for (Object element : list) {
        check(name, String.valueOf(element), String.valueOf(element));
      }
    } else if (value instanceof Password p) {
      check(name, p.value(), "[hidden]");
    } else {
      check(name, value == null ? null : value.toString(), value);
    }
  }

  private void check(String name, String url, Object shown) {
    if (url == null || url.isBlank()) {
      if (optional) {
        return;
      }
      throw new ConfigException(name, shown, "must be an " + either() + " URL");
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!schemes.contains(scheme) || uri.getHost() == null) {
        throw new ConfigException(
            name, shown, "must be an absolute " + either() + " URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(name, shown, "is not a valid URL: " + e.getReason());
    }
  }

  private String either() {
    return String.join(" or ", schemes);
  }

  @Override
  public String toString() {
    String kind = "an " + String.join("/", schemes) + " URL";
    return optional ? kind + " or empty" : kind;
  }
}
