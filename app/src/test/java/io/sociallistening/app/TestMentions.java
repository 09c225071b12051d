package io.sociallistening.app;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Bluesky mentions for the integration tests: posted and fetched at {@code at}, in English. */
final class TestMentions {
  private TestMentions() {}

  /**
   * Writes {@code mentions} to {@code social.mentions.raw} as a connector would: key {@code
   * bluesky:<id>}, record time {@code createdAt}, Avro value.
   */
  static void produceRaw(String bootstrap, SchemaRegistry registry, List<Mention> mentions) {
    AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Mention mention : mentions) {
        producer.send(
            new ProducerRecord<>(
                "social.mentions.raw",
                null,
                mention.getCreatedAt().toEpochMilli(),
                ("bluesky:" + mention.getId()).getBytes(StandardCharsets.UTF_8),
                serde.serialize("social.mentions.raw", mention)));
      }
      producer.flush();
    }
  }

  static Mention bluesky(String id, String text, String handle, long followers, Instant at) {
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId(id)
        .setUrl("https://bsky.app/profile/" + handle + "/post/" + id)
        .setAuthor(
            Author.newBuilder()
                .setHandle(handle)
                .setDisplayName(null)
                .setFollowers(followers)
                .setUrl(null)
                .build())
        .setTitle(null)
        .setText(text)
        .setLanguage("en")
        .setCreatedAt(at)
        .setFetchedAt(at)
        .setInReplyTo(null)
        .setRepostOf(null)
        .setEngagement(null)
        .setSource("test")
        .build();
  }
}
