package io.sociallistening.registry;

import java.util.Map;

/** Creates the registry client that configuration asks for. */
public final class SchemaRegistries {
  /** Config key of the registry base URL(s), comma-separated, as in Confluent's serdes. */
  public static final String URL_CONFIG = "schema.registry.url";

  private SchemaRegistries() {}

  /**
   * A client for the registry at {@code schema.registry.url}, configured from the {@code
   * schema.registry.*} / {@code basic.auth.*} keys of {@code configs}.
   */
  public static SchemaRegistry fromConfig(Map<String, ?> configs) {
    throw new UnsupportedOperationException("HTTP registry client not built yet");
  }
}
