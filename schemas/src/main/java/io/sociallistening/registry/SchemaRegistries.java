package io.sociallistening.registry;

import java.util.Map;

/** Creates the registry client that configuration asks for. */
public final class SchemaRegistries {
  /** Config key of the registry base URL(s), comma-separated, as in Confluent's serdes. */
  public static final String URL_CONFIG = SchemaRegistryClientConfig.URL_CONFIG;

  private SchemaRegistries() {}

  /**
   * An {@link HttpSchemaRegistryClient} for the registry at {@code schema.registry.url}, configured
   * from the {@code schema.registry.*} / {@code basic.auth.*} keys of {@code configs} (see {@link
   * SchemaRegistryClientConfig}); other keys are ignored.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming the key of a missing or bad
   *     setting
   */
  public static SchemaRegistry fromConfig(Map<String, ?> configs) {
    return new HttpSchemaRegistryClient(new SchemaRegistryClientConfig(configs));
  }
}
