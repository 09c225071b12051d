package io.sociallistening.connect.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.http.HtmlText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A page of Mastodon statuses (a JSON array, newest first) read into mentions, oldest first.
 *
 * <p>The mention id is the status {@code uri}, the same on every instance that federates the post
 * (so copies read from two instances share a key); the {@code url} is the status's page. The handle
 * is {@code acct}, completed with {@code @<instance host>} for local accounts. Text is the HTML
 * {@code content} as plain text ({@link HtmlText}); a boost takes the boosted status's text and
 * sets {@code repostOf} to its uri. {@code inReplyTo} is {@code in_reply_to_id}, an id local to the
 * instance read. A status without {@code id}, {@code created_at} (ISO-8601), {@code account.acct}
 * or {@code content} is skipped and counted.
 */
record MastodonStatuses(List<Status> statuses, String newestId, int malformed) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Orders Mastodon ids: numeric strings of growing length, so by length, then characters. */
  static final Comparator<String> ID_ORDER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  /** A valid status: its instance-local id and its mention. */
  record Status(String id, Mention mention) {}

  /**
   * @throws IllegalArgumentException if {@code body} is not a JSON array
   */
  static MastodonStatuses parse(String body, String host, String source, Instant fetchedAt) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("Not a JSON array of statuses");
    }
    List<Status> out = new ArrayList<>(root.size());
    String newest = null;
    int malformed = 0;
    for (JsonNode s : root) {
      String id = text(s, "id");
      if (id != null && (newest == null || ID_ORDER.compare(id, newest) > 0)) {
        newest = id;
      }
      Mention m = id == null ? null : mention(s, host, source, fetchedAt);
      if (m == null) {
        malformed++;
      } else {
        out.add(new Status(id, m));
      }
    }
    out.sort(Comparator.comparing(Status::id, ID_ORDER));
    return new MastodonStatuses(out, newest, malformed);
  }

  private static Mention mention(JsonNode s, String host, String source, Instant fetchedAt) {
    Instant created = instant(text(s, "created_at"));
    JsonNode account = s.get("account");
    String acct = account == null ? null : text(account, "acct");
    JsonNode reblog = s.get("reblog");
    boolean boost = reblog != null && reblog.isObject();
    String content = text(boost ? reblog : s, "content");
    if (created == null || acct == null || acct.isEmpty() || content == null) {
      return null;
    }
    String uri = text(s, "uri");
    String url = text(s, "url");
    String displayName = text(account, "display_name");
    JsonNode followers = account.get("followers_count");
    return Mention.newBuilder()
        .setPlatform(Platform.MASTODON)
        .setId(uri != null ? uri : url != null ? url : host + "/" + text(s, "id"))
        .setUrl(url != null ? url : uri)
        .setAuthor(
            new Author(
                acct.indexOf('@') < 0 ? acct + "@" + host : acct,
                displayName == null || displayName.isBlank() ? null : displayName,
                followers != null && followers.isIntegralNumber() ? followers.longValue() : null,
                text(account, "url")))
        .setTitle(null)
        .setText(content == null ? "" : HtmlText.plain(content))
        .setLanguage(text(boost ? reblog : s, "language"))
        .setCreatedAt(created)
        .setFetchedAt(fetchedAt)
        .setInReplyTo(text(s, "in_reply_to_id"))
        .setRepostOf(boost ? text(reblog, "uri") : null)
        .setEngagement(
            new Engagement(
                count(s, "favourites_count"), count(s, "reblogs_count"), count(s, "replies_count")))
        .setSource(source)
        .build();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static long count(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isIntegralNumber() ? Math.max(0, v.longValue()) : 0;
  }
}
