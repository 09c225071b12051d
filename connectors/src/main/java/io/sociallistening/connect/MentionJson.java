package io.sociallistening.connect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One mention as one line of JSON, the format of replay files and of the bundled sample:
 *
 * <pre>{@code
 * {"platform":"BLUESKY","id":"...","url":"...","author":{"handle":"...","displayName":"...",
 *  "followers":123,"url":null},"title":null,"text":"...","language":"en",
 *  "createdAt":"2026-01-05T10:00:00Z","fetchedAt":"...","inReplyTo":null,"repostOf":null,
 *  "engagement":{"likes":1,"reposts":0,"replies":0},"source":"sample"}
 * }</pre>
 *
 * Writing emits every field in this order, nulls included, timestamps as ISO-8601 UTC ({@link
 * Instant#toString()}). Reading truncates timestamps to milliseconds (Avro's {@code
 * timestamp-millis}) and requires {@code platform}, {@code id}, {@code author.handle}, {@code text}
 * and {@code createdAt}; the other fields may be null or absent; unknown fields are ignored and an
 * unknown platform reads as {@link Platform#UNKNOWN}.
 */
public final class MentionJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private MentionJson() {}

  /** The JSON line of {@code m}, without a line terminator. */
  public static String write(Mention m) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("platform", m.getPlatform().name());
      g.writeStringField("id", m.getId());
      g.writeStringField("url", m.getUrl());
      Author a = m.getAuthor();
      g.writeObjectFieldStart("author");
      g.writeStringField("handle", a.getHandle());
      g.writeStringField("displayName", a.getDisplayName());
      writeLong(g, "followers", a.getFollowers());
      g.writeStringField("url", a.getUrl());
      g.writeEndObject();
      g.writeStringField("title", m.getTitle());
      g.writeStringField("text", m.getText());
      g.writeStringField("language", m.getLanguage());
      g.writeStringField("createdAt", m.getCreatedAt().toString());
      g.writeStringField(
          "fetchedAt", m.getFetchedAt() == null ? null : m.getFetchedAt().toString());
      g.writeStringField("inReplyTo", m.getInReplyTo());
      g.writeStringField("repostOf", m.getRepostOf());
      Engagement e = m.getEngagement();
      if (e == null) {
        g.writeNullField("engagement");
      } else {
        g.writeObjectFieldStart("engagement");
        g.writeNumberField("likes", e.getLikes());
        g.writeNumberField("reposts", e.getReposts());
        g.writeNumberField("replies", e.getReplies());
        g.writeEndObject();
      }
      g.writeStringField("source", m.getSource());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Parses one JSON line.
   *
   * @throws IllegalArgumentException if the line is not JSON, not an object, or lacks a required
   *     field or has one of the wrong type; the message names the field
   */
  public static Mention read(String line) {
    JsonNode root;
    try {
      root = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Not a JSON object");
    }
    JsonNode author = root.get("author");
    if (author == null || !author.isObject()) {
      throw new IllegalArgumentException("Missing object field 'author'");
    }
    JsonNode engagement = root.get("engagement");
    Engagement e = null;
    if (engagement != null && !engagement.isNull()) {
      if (!engagement.isObject()) {
        throw new IllegalArgumentException("Field 'engagement' is not an object");
      }
      e =
          Engagement.newBuilder()
              .setLikes(optionalLong(engagement, "engagement.likes", "likes", 0L))
              .setReposts(optionalLong(engagement, "engagement.reposts", "reposts", 0L))
              .setReplies(optionalLong(engagement, "engagement.replies", "replies", 0L))
              .build();
    }
    return Mention.newBuilder()
        .setPlatform(platform(requiredText(root, "platform", "platform")))
        .setId(requiredText(root, "id", "id"))
        .setUrl(optionalText(root, "url", "url"))
        .setAuthor(
            Author.newBuilder()
                .setHandle(requiredText(author, "author.handle", "handle"))
                .setDisplayName(optionalText(author, "author.displayName", "displayName"))
                .setFollowers(optionalLong(author, "author.followers", "followers", null))
                .setUrl(optionalText(author, "author.url", "url"))
                .build())
        .setTitle(optionalText(root, "title", "title"))
        .setText(requiredText(root, "text", "text"))
        .setLanguage(optionalText(root, "language", "language"))
        .setCreatedAt(instant(requiredText(root, "createdAt", "createdAt"), "createdAt"))
        .setFetchedAt(instant(optionalText(root, "fetchedAt", "fetchedAt"), "fetchedAt"))
        .setInReplyTo(optionalText(root, "inReplyTo", "inReplyTo"))
        .setRepostOf(optionalText(root, "repostOf", "repostOf"))
        .setEngagement(e)
        .setSource(optionalText(root, "source", "source"))
        .build();
  }

  private static void writeLong(JsonGenerator g, String name, Long value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static String requiredText(JsonNode node, String path, String name) {
    String value = optionalText(node, path, name);
    if (value == null) {
      throw new IllegalArgumentException("Missing required field '" + path + "'");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String path, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("Field '" + path + "' is not a string");
    }
    return v.textValue();
  }

  private static Long optionalLong(JsonNode node, String path, String name, Long absent) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("Field '" + path + "' is not an integer");
    }
    return v.longValue();
  }

  private static Platform platform(String symbol) {
    for (Platform p : Platform.values()) {
      if (p.name().equals(symbol)) {
        return p;
      }
    }
    return Platform.UNKNOWN;
  }

  private static Instant instant(String text, String path) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Field '" + path + "' is not an ISO-8601 instant: " + text, e);
    }
  }
}
