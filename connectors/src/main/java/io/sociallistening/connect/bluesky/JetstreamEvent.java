package io.sociallistening.connect.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One Jetstream message: {@code {"did","time_us","kind","commit":{"operation","collection","rkey",
 * "record":{"text","createdAt","langs","reply","embed"},"cid"}}}. Every message has a {@code
 * time_us} (the cursor); only commits creating an {@code app.bsky.feed.post} carry a post.
 *
 * <p>A post becomes a mention with id {@code at://<did>/app.bsky.feed.post/<rkey>} (the AT URI),
 * url {@code https://bsky.app/profile/<did>/post/<rkey>}, handle = the DID (Jetstream does not send
 * handles, and resolving one costs a request per author), language = the first of {@code langs},
 * {@code inReplyTo} = {@code reply.parent.uri}, {@code repostOf} = the quoted post's URI. {@code
 * createdAt} is the record's own {@code createdAt}, or {@code time_us} if that is missing or not a
 * date.
 */
record JetstreamEvent(long timeUs, String did, String rkey, String text, Mention mention) {
  static final String POST = "app.bsky.feed.post";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  boolean isPost() {
    return mention != null;
  }

  /** The key deduplicating deliveries of this post. */
  String key() {
    return did + "/" + rkey;
  }

  /**
   * @throws IllegalArgumentException if the message is not JSON, lacks {@code did}, a numeric
   *     {@code time_us} or {@code kind}, or is a post create without a text record
   */
  static JetstreamEvent parse(String message, Instant fetchedAt) {
    JsonNode root;
    try {
      root = MAPPER.readTree(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Not a JSON object");
    }
    String did = text(root, "did");
    JsonNode time = root.get("time_us");
    String kind = text(root, "kind");
    if (did == null
        || time == null
        || !time.canConvertToLong()
        || !time.isIntegralNumber()
        || kind == null) {
      throw new IllegalArgumentException("Missing did, time_us or kind");
    }
    long timeUs = time.longValue();
    JsonNode commit = root.get("commit");
    if (!"commit".equals(kind)
        || commit == null
        || !"create".equals(text(commit, "operation"))
        || !POST.equals(text(commit, "collection"))) {
      return new JetstreamEvent(timeUs, did, null, null, null);
    }
    String rkey = text(commit, "rkey");
    JsonNode record = commit.get("record");
    String text = record == null ? null : text(record, "text");
    if (rkey == null || rkey.isEmpty() || text == null) {
      throw new IllegalArgumentException("Post create without rkey or record.text");
    }
    JsonNode langs = record.get("langs");
    String language =
        langs != null && langs.isArray() && !langs.isEmpty() && langs.get(0).isTextual()
            ? langs.get(0).textValue()
            : null;
    Mention m =
        Mention.newBuilder()
            .setPlatform(Platform.BLUESKY)
            .setId("at://" + did + "/" + POST + "/" + rkey)
            .setUrl("https://bsky.app/profile/" + did + "/post/" + rkey)
            .setAuthor(new Author(did, null, null, "https://bsky.app/profile/" + did))
            .setTitle(null)
            .setText(text)
            .setLanguage(language)
            .setCreatedAt(createdAt(text(record, "createdAt"), timeUs))
            .setFetchedAt(fetchedAt)
            .setInReplyTo(uri(record.path("reply").path("parent")))
            .setRepostOf(quoted(record.get("embed")))
            .setEngagement(null)
            .setSource("bluesky:jetstream")
            .build();
    return new JetstreamEvent(timeUs, did, rkey, text, m);
  }

  private static String quoted(JsonNode embed) {
    if (embed == null || !embed.isObject()) {
      return null;
    }
    String type = text(embed, "$type");
    if ("app.bsky.embed.record".equals(type)) {
      return uri(embed.path("record"));
    }
    if ("app.bsky.embed.recordWithMedia".equals(type)) {
      return uri(embed.path("record").path("record"));
    }
    return null;
  }

  private static String uri(JsonNode node) {
    JsonNode v = node.get("uri");
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /** The first instant of year 0 and the last of year 9999: what a posting app can mean. */
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * The post's own {@code createdAt} (whatever the posting app wrote), or the firehose time when it
   * is missing, unreadable or outside years 0 to 9999: a date such as {@code
   * +292278995-01-01T00:00:00Z} parses, but overflows epoch milliseconds, and the task failed on it
   * after every restart.
   */
  static Instant createdAt(String text, long timeUs) {
    if (text != null) {
      try {
        Instant created = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        if (!created.isBefore(EARLIEST) && !created.isAfter(LATEST)) {
          return created;
        }
      } catch (DateTimeParseException e) {
        // fall back to the firehose time
      }
    }
    return Instant.ofEpochMilli(timeUs / 1000);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
