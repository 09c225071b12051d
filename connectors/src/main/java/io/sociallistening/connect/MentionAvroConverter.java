package io.sociallistening.connect;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.SchemaRegistries;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Value converter between {@link MentionStruct} structs and Confluent wire-format Avro of {@link
 * Mention} (magic byte, schema id, Avro binary), registering the schema under {@code
 * <topic>-value}. Configure it as {@code value.converter} with {@code
 * value.converter.schema.registry.url}; keys are plain strings {@code <platform>:<id>} (see {@link
 * MentionKey}) written with {@code org.apache.kafka.connect.storage.StringConverter}, so this
 * converter refuses to be a key converter.
 *
 * <p>Null converts to null both ways (a tombstone).
 */
public final class MentionAvroConverter implements Converter {
  private AvroSerde<Mention> serde;
  private SchemaRegistry registry;
  private boolean ownsRegistry;

  /** For Kafka Connect: the registry comes from {@link #configure(Map, boolean)}. */
  public MentionAvroConverter() {}

  /** Uses {@code registry} (e.g. an in-memory one); {@link #configure} then only checks isKey. */
  public MentionAvroConverter(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.serde = AvroSerde.forValues(Mention.class, registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (isKey) {
      throw new ConfigException(
          "key.converter",
          MentionAvroConverter.class.getName(),
          "MentionAvroConverter converts values only; keys are '<platform>:<id>' strings, use"
              + " org.apache.kafka.connect.storage.StringConverter");
    }
    if (serde == null) {
      registry = SchemaRegistries.fromConfig(configs);
      ownsRegistry = true;
      serde = AvroSerde.forValues(Mention.class, registry);
    }
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef()
        .define(
            SchemaRegistries.URL_CONFIG,
            ConfigDef.Type.STRING,
            ConfigDef.Importance.HIGH,
            "Base URL(s) of the Confluent-compatible schema registry, comma-separated.");
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Struct struct)) {
      throw new DataException(
          "MentionAvroConverter expects a "
              + MentionStruct.NAME
              + " Struct, got "
              + value.getClass());
    }
    Mention m = MentionStruct.fromStruct(struct);
    try {
      return serde().serialize(topic, m);
    } catch (RuntimeException e) {
      throw new DataException(
          "Cannot write a Mention to topic " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    Mention m;
    try {
      m = serde().deserialize(topic, value);
    } catch (RuntimeException e) {
      throw new DataException(
          "Cannot read a Mention from topic " + topic + ": " + e.getMessage(), e);
    }
    return new SchemaAndValue(MentionStruct.SCHEMA, MentionStruct.toStruct(m));
  }

  @Override
  public void close() {
    if (ownsRegistry && registry != null) {
      registry.close();
    }
  }

  private AvroSerde<Mention> serde() {
    if (serde == null) {
      throw new IllegalStateException("MentionAvroConverter used before configure()");
    }
    return serde;
  }
}
