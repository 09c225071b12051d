package io.sociallistening.connect.reddit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a Reddit listing, {@code {"kind":"Listing","data":{"children":[{"kind":"t3"|"t1",
 * "data":{...}}],"after":...}}}, read into mentions. Posts ({@code t3}) give {@code title}, and
 * text = title, a blank line and {@code selftext} (just the title for a link post) so that rules
 * see both; comments ({@code t1}) give {@code body} as text and {@code parent_id} as {@code
 * inReplyTo}. The id is the fullname ({@code t3_abc}, {@code t1_def}). Pages are requested with
 * {@code raw_json=1}, so text is Markdown as written, not HTML-escaped. A child without a name, an
 * author or a numeric {@code created_utc} is skipped and counted; a page that is not a listing
 * throws.
 */
record RedditListing(List<Item> items, String after, int malformed) {
  static final String SITE = "https://www.reddit.com";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A listed post or comment: its fullname, creation second and mention. */
  record Item(String fullname, long createdSecond, Mention mention) {}

  /**
   * @throws IllegalArgumentException if {@code body} is not a listing
   */
  static RedditListing parse(String body, String source, Instant fetchedAt) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode data = root == null ? null : root.get("data");
    JsonNode children = data == null ? null : data.get("children");
    if (children == null || !children.isArray()) {
      throw new IllegalArgumentException("Not a listing: no data.children array");
    }
    List<Item> items = new ArrayList<>(children.size());
    int malformed = 0;
    for (JsonNode child : children) {
      Item item = item(child, source, fetchedAt);
      if (item == null) {
        malformed++;
      } else {
        items.add(item);
      }
    }
    JsonNode after = data.get("after");
    return new RedditListing(
        items, after != null && after.isTextual() ? after.textValue() : null, malformed);
  }

  private static Item item(JsonNode child, String source, Instant fetchedAt) {
    String kind = text(child, "kind");
    JsonNode d = child.get("data");
    if (d == null || !d.isObject() || !("t3".equals(kind) || "t1".equals(kind))) {
      return null;
    }
    String name = text(d, "name");
    if (name == null) {
      String id = text(d, "id");
      name = id == null ? null : kind + "_" + id;
    }
    String author = text(d, "author");
    JsonNode created = d.get("created_utc");
    if (name == null || author == null || created == null || !created.isNumber()) {
      return null;
    }
    long second = (long) Math.floor(created.doubleValue());
    boolean post = "t3".equals(kind);
    String title = post ? text(d, "title") : null;
    String body = post ? text(d, "selftext") : text(d, "body");
    String text;
    if (post) {
      if (title == null) {
        return null;
      }
      text = body == null || body.isBlank() ? title : title + "\n\n" + body;
    } else {
      if (body == null) {
        return null;
      }
      text = body;
    }
    String permalink = text(d, "permalink");
    Mention m =
        Mention.newBuilder()
            .setPlatform(Platform.REDDIT)
            .setId(name)
            .setUrl(permalink == null ? null : SITE + permalink)
            .setAuthor(
                new Author(
                    author, null, null, author.startsWith("[") ? null : SITE + "/user/" + author))
            .setTitle(title)
            .setText(text)
            .setLanguage(null)
            .setCreatedAt(Instant.ofEpochMilli((long) (created.doubleValue() * 1000)))
            .setFetchedAt(fetchedAt)
            .setInReplyTo(post ? null : text(d, "parent_id"))
            .setRepostOf(post ? text(d, "crosspost_parent") : null)
            .setEngagement(
                new Engagement(
                    number(d, "score"), number(d, "num_crossposts"), number(d, "num_comments")))
            .setSource(source)
            .build();
    return new Item(name, second, m);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static long number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isNumber() ? Math.max(0, v.longValue()) : 0;
  }
}
