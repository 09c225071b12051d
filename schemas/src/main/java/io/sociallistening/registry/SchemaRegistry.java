package io.sociallistening.registry;

import org.apache.avro.Schema;

/**
 * What the serde needs from a Confluent-compatible schema registry: register a writer schema under
 * a subject and get its global id, and find a schema by id. Implementations cache; both calls may
 * block on the network the first time.
 */
public interface SchemaRegistry extends AutoCloseable {

  /**
   * Registers {@code schema} under {@code subject} (or finds it if already registered) and returns
   * its global id.
   *
   * @throws RegistryException if the registry refuses the schema (e.g. incompatible) or cannot be
   *     reached after retries
   */
  int register(String subject, Schema schema);

  /**
   * Returns the schema with the given global id.
   *
   * @throws RegistryException if no schema has that id or the registry cannot be reached
   */
  Schema schemaById(int id);

  @Override
  default void close() {}
}
