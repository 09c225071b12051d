package io.sociallistening.registry;

import org.apache.avro.Schema;

/** Version {@code version} of {@code subject}: the schema with global id {@code id}. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
