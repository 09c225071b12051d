package io.sociallistening.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for unit tests and {@code TopologyTestDriver}: ids are assigned from 1
 * in registration order, the same schema text always gets the same id across subjects, as in
 * Confluent's registry. No compatibility checks.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    String canonical = schema.toString();
    Integer id = idsByCanonical.get(canonical);
    if (id == null) {
      id = schemasById.size() + 1;
      idsByCanonical.put(canonical, id);
      schemasById.put(id, schema);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new RegistryException("Schema " + id + " not found", 40403);
    }
    return schema;
  }
}
