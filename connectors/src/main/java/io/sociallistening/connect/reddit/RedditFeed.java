package io.sociallistening.connect.reddit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One Reddit listing read newest first: a subreddit's new posts, its new comments, or a site-wide
 * search sorted by new. {@code name} is the source partition value and part of {@code source}.
 */
public record RedditFeed(String name, String path, String query) {

  static RedditFeed subreddit(String subreddit) {
    return new RedditFeed("r/" + subreddit, "/r/" + subreddit + "/new.json", "");
  }

  static RedditFeed comments(String subreddit) {
    return new RedditFeed("r/" + subreddit + "/comments", "/r/" + subreddit + "/comments.json", "");
  }

  static RedditFeed search(String q) {
    return new RedditFeed(
        "search:" + q,
        "/search.json",
        "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=new&type=link&");
  }

  /** Path and query of one page, after {@code after} (null for the newest page). */
  String pageUrl(int limit, String after) {
    StringBuilder b = new StringBuilder(path).append('?').append(query);
    b.append("limit=").append(limit).append("&raw_json=1");
    if (after != null) {
      b.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** The source partition of this feed. */
  Map<String, String> partition() {
    return Map.of("reddit", name);
  }
}
