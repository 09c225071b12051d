package io.sociallistening.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version the connectors report, read once from {@code
 * io/sociallistening/connect/version.properties} on the classpath (kept equal to the Maven project
 * version; a test checks it).
 */
public final class ConnectorVersion {
  private static final String RESOURCE = "/io/sociallistening/connect/version.properties";
  private static final String VERSION = load();

  private ConnectorVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ConnectorVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown").trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
