package io.sociallistening.connect;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The Kafka Connect form of the Avro {@link Mention}: a struct named {@code
 * io.sociallistening.avro.Mention} with the same field names, optional where the Avro field is a
 * union with null, nested {@code Author} and {@code Engagement} structs, the platform as its enum
 * symbol and timestamps as the Connect {@link Timestamp} logical type (millisecond precision, as in
 * Avro's {@code timestamp-millis}).
 */
public final class MentionStruct {
  public static final String NAME = "io.sociallistening.avro.Mention";

  public static final Schema AUTHOR_SCHEMA =
      SchemaBuilder.struct()
          .name("io.sociallistening.avro.Author")
          .doc("The author of a mention.")
          .field("handle", Schema.STRING_SCHEMA)
          .field("displayName", Schema.OPTIONAL_STRING_SCHEMA)
          .field("followers", Schema.OPTIONAL_INT64_SCHEMA)
          .field("url", Schema.OPTIONAL_STRING_SCHEMA)
          .build();

  public static final Schema ENGAGEMENT_SCHEMA =
      SchemaBuilder.struct()
          .name("io.sociallistening.avro.Engagement")
          .doc("Engagement counts of a mention.")
          .optional()
          .field("likes", Schema.INT64_SCHEMA)
          .field("reposts", Schema.INT64_SCHEMA)
          .field("replies", Schema.INT64_SCHEMA)
          .build();

  public static final Schema SCHEMA =
      SchemaBuilder.struct()
          .name(NAME)
          .doc("A public post as a source connector delivered it, before any processing.")
          .field("platform", Schema.STRING_SCHEMA)
          .field("id", Schema.STRING_SCHEMA)
          .field("url", Schema.OPTIONAL_STRING_SCHEMA)
          .field("author", AUTHOR_SCHEMA)
          .field("title", Schema.OPTIONAL_STRING_SCHEMA)
          .field("text", Schema.STRING_SCHEMA)
          .field("language", Schema.OPTIONAL_STRING_SCHEMA)
          .field("createdAt", Timestamp.SCHEMA)
          .field("fetchedAt", Timestamp.builder().optional().build())
          .field("inReplyTo", Schema.OPTIONAL_STRING_SCHEMA)
          .field("repostOf", Schema.OPTIONAL_STRING_SCHEMA)
          .field("engagement", ENGAGEMENT_SCHEMA)
          .field("source", Schema.OPTIONAL_STRING_SCHEMA)
          .build();

  private MentionStruct() {}

  /** The struct of {@code m}, valid against {@link #SCHEMA}. */
  public static Struct toStruct(Mention m) {
    Author a = m.getAuthor();
    Struct author =
        new Struct(AUTHOR_SCHEMA)
            .put("handle", a.getHandle())
            .put("displayName", a.getDisplayName())
            .put("followers", a.getFollowers())
            .put("url", a.getUrl());
    Engagement e = m.getEngagement();
    Struct engagement =
        e == null
            ? null
            : new Struct(ENGAGEMENT_SCHEMA)
                .put("likes", e.getLikes())
                .put("reposts", e.getReposts())
                .put("replies", e.getReplies());
    return new Struct(SCHEMA)
        .put("platform", m.getPlatform().name())
        .put("id", m.getId())
        .put("url", m.getUrl())
        .put("author", author)
        .put("title", m.getTitle())
        .put("text", m.getText())
        .put("language", m.getLanguage())
        .put("createdAt", Date.from(m.getCreatedAt()))
        .put("fetchedAt", m.getFetchedAt() == null ? null : Date.from(m.getFetchedAt()))
        .put("inReplyTo", m.getInReplyTo())
        .put("repostOf", m.getRepostOf())
        .put("engagement", engagement)
        .put("source", m.getSource());
  }

  /**
   * The mention held by {@code s}. A platform symbol this version does not know reads as {@link
   * Platform#UNKNOWN}, as Avro readers do.
   *
   * @throws DataException if a required field is missing or has the wrong type
   */
  public static Mention fromStruct(Struct s) {
    try {
      Struct a = s.getStruct("author");
      if (a == null) {
        throw new DataException("Mention struct has no author");
      }
      Author author =
          Author.newBuilder()
              .setHandle(a.getString("handle"))
              .setDisplayName(a.getString("displayName"))
              .setFollowers(a.getInt64("followers"))
              .setUrl(a.getString("url"))
              .build();
      Struct e = s.getStruct("engagement");
      Engagement engagement =
          e == null
              ? null
              : Engagement.newBuilder()
                  .setLikes(e.getInt64("likes"))
                  .setReposts(e.getInt64("reposts"))
                  .setReplies(e.getInt64("replies"))
                  .build();
      return Mention.newBuilder()
          .setPlatform(platform(s.getString("platform")))
          .setId(s.getString("id"))
          .setUrl(s.getString("url"))
          .setAuthor(author)
          .setTitle(s.getString("title"))
          .setText(s.getString("text"))
          .setLanguage(s.getString("language"))
          .setCreatedAt(instant(s.get("createdAt"), "createdAt"))
          .setFetchedAt(instant(s.get("fetchedAt"), "fetchedAt"))
          .setInReplyTo(s.getString("inReplyTo"))
          .setRepostOf(s.getString("repostOf"))
          .setEngagement(engagement)
          .setSource(s.getString("source"))
          .build();
    } catch (DataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DataException("Not a valid Mention struct: " + e.getMessage(), e);
    }
  }

  private static Platform platform(String symbol) {
    if (symbol == null) {
      throw new DataException("Mention struct has no platform");
    }
    for (Platform p : Platform.values()) {
      if (p.name().equals(symbol)) {
        return p;
      }
    }
    return Platform.UNKNOWN;
  }

  private static Instant instant(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    throw new DataException(field + " is not a Timestamp: " + value.getClass().getName());
  }
}
