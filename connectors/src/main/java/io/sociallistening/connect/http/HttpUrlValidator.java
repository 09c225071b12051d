package io.sociallistening.connect.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Validates an absolute http or https URL with a host, as a STRING, PASSWORD or LIST value (every
 * element); a LIST must not be empty. Errors name the key, and never show a PASSWORD's value.
 */
public final class HttpUrlValidator implements ConfigDef.Validator {
  private final boolean optional;

  private HttpUrlValidator(boolean optional) {
    this.optional = optional;
  }

  /** A validator that refuses null and empty values. */
  public static HttpUrlValidator required() {
    return new HttpUrlValidator(false);
  }

  /** A validator that lets null and empty through. */
  public static HttpUrlValidator optional() {
    return new HttpUrlValidator(true);
  }

  @Override
  public void ensureValid(String name, Object value) {
    if (value instanceof List<?> list) {
      if (list.isEmpty() && !optional) {
        throw new ConfigException(name, value, "needs at least one http or https URL");
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
      throw new ConfigException(name, shown, "must be an http or https URL");
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new ConfigException(name, shown, "must be an absolute http or https URL");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(name, shown, "is not a valid URL: " + e.getReason());
    }
  }

  @Override
  public String toString() {
    return optional ? "an http(s) URL or empty" : "an http(s) URL";
  }
}
