package io.sociallistening.connect.hackernews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.connect.http.HtmlText;
import io.sociallistening.connect.http.HttpPoller;
import io.sociallistening.connect.http.MalformedPayloadException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads pages of the Hacker News Algolia search, newest first: {@code
 * <api>/search_by_date?query=Q&tags=T&numericFilters=created_at_i>=S[,created_at_i<=U]&hitsPerPage=N&page=P},
 * and turns each hit into a {@link Mention}.
 *
 * <p>A hit becomes a mention with platform {@code HACKER_NEWS}, id {@code objectID}, url the HN
 * item page, author {@code author} (profile link), text the HTML-stripped {@code comment_text} or
 * {@code story_text} (the title for a link-only story), title the story title as it is (plain text,
 * angle brackets and all; null for comments), createdAt {@code created_at_i}, inReplyTo {@code
 * parent_id} (comments), engagement {@code points} and {@code num_comments} when present, source
 * {@code hackernews:<query>}. A hit without objectID, created_at_i, author or any text is
 * malformed: it is skipped and counted in the page.
 */
final class HackerNewsClient {
  static final String ITEM_URL = "https://news.ycombinator.com/item?id=";
  static final String USER_URL = "https://news.ycombinator.com/user?id=";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");

  private final HttpPoller http;
  private final URI api;
  private final String tags;
  private final int hitsPerPage;

  /**
   * A page: its valid mentions, the page count and hit count the search reports ({@code nbPages},
   * {@code nbHits}; -1 when absent) and the malformed hits.
   */
  record Page(List<Mention> mentions, int pages, long hits, int malformedHits) {
    /**
     * Whether paging reaches every hit of the search. Algolia pages through at most {@code
     * paginationLimitedTo} hits (1,000 on the HN index) and counts only those in {@code nbPages}: a
     * search with more hits than its pages hold (nbHits 7,204 with nbPages 10 at 100 a page) is
     * cut, and only a narrower search reaches the older hits.
     */
    boolean reachesEveryHit(int hitsPerPage) {
      return hits < 0 || pages < 0 || hits <= (long) pages * hitsPerPage;
    }
  }

  HackerNewsClient(HttpPoller http, URI api, String tags, int hitsPerPage) {
    this.http = http;
    this.api = api;
    this.tags = tags;
    this.hitsPerPage = hitsPerPage;
  }

  /**
   * Page {@code page} of the hits for {@code query} created at or after second {@code since} and,
   * if {@code until >= 0}, at or before second {@code until}.
   *
   * @throws MalformedPayloadException if the body is not a search result
   */
  Page page(String query, long since, long until, int page, Instant fetchedAt) {
    String filter = "created_at_i>=" + since + (until >= 0 ? ",created_at_i<=" + until : "");
    URI uri =
        URI.create(
            api
                + "/search_by_date?query="
                + encode(query)
                + "&tags="
                + encode(tags)
                + "&numericFilters="
                + encode(filter)
                + "&hitsPerPage="
                + hitsPerPage
                + "&page="
                + page);
    return parse(http.get(uri, HEADERS).body(), query, fetchedAt, uri);
  }

  static Page parse(byte[] body, String query, Instant fetchedAt, URI uri) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedPayloadException(
          "Not JSON from " + uri + ": " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new MalformedPayloadException("Unreadable body from " + uri, e);
    }
    JsonNode hits = root == null ? null : root.get("hits");
    if (hits == null || !hits.isArray()) {
      throw new MalformedPayloadException("No 'hits' array in the response from " + uri, null);
    }
    List<Mention> mentions = new ArrayList<>(hits.size());
    int malformed = 0;
    for (JsonNode hit : hits) {
      Mention m = mention(hit, query, fetchedAt);
      if (m == null) {
        malformed++;
      } else {
        mentions.add(m);
      }
    }
    JsonNode nbPages = root.get("nbPages");
    int pages = nbPages != null && nbPages.canConvertToInt() ? nbPages.asInt() : -1;
    JsonNode nbHits = root.get("nbHits");
    long count = nbHits != null && nbHits.canConvertToLong() ? nbHits.asLong() : -1;
    return new Page(mentions, pages, count, malformed);
  }

  /** The mention of a hit, or null if the hit lacks a required field. */
  static Mention mention(JsonNode hit, String query, Instant fetchedAt) {
    String id = text(hit, "objectID");
    String author = text(hit, "author");
    JsonNode created = hit.get("created_at_i");
    if (id == null || author == null || created == null || !created.canConvertToLong()) {
      return null;
    }
    String comment = HtmlText.plain(text(hit, "comment_text"));
    boolean isComment = comment != null;
    String title = isComment ? null : strip(text(hit, "title")); // plain text, unlike the others
    String body = isComment ? comment : HtmlText.plain(text(hit, "story_text"));
    if (body == null || body.isEmpty()) {
      body = title;
    }
    if (body == null || body.isEmpty()) {
      return null;
    }
    Long points = number(hit, "points");
    Long comments = number(hit, "num_comments");
    Engagement engagement =
        points == null && comments == null
            ? null
            : new Engagement(points == null ? 0L : points, 0L, comments == null ? 0L : comments);
    Long parent = isComment ? number(hit, "parent_id") : null;
    return Mention.newBuilder()
        .setPlatform(Platform.HACKER_NEWS)
        .setId(id)
        .setUrl(ITEM_URL + id)
        .setAuthor(new Author(author, null, null, USER_URL + author))
        .setTitle(title == null || title.isEmpty() ? null : title)
        .setText(body)
        .setCreatedAt(Instant.ofEpochSecond(created.asLong()))
        .setFetchedAt(fetchedAt)
        .setInReplyTo(parent == null ? null : parent.toString())
        .setEngagement(engagement)
        .setSource("hackernews:" + query)
        .build();
  }

  private static String text(JsonNode hit, String field) {
    JsonNode n = hit.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.asText();
    return s.isBlank() ? null : s;
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static Long number(JsonNode hit, String field) {
    JsonNode n = hit.get(field);
    return n != null && n.isIntegralNumber() ? n.asLong() : null;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
