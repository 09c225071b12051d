package io.sociallistening.connect.mastodon;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One timeline of an instance: a hashtag's or the public one. {@code name} ({@code #tag}, {@code
 * public:local}, {@code public:federated}) is part of the source partition and of {@code source}.
 */
public record MastodonTimeline(String instance, String name, String path, String query) {

  static MastodonTimeline tag(String instance, String tag) {
    String encoded = URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20");
    return new MastodonTimeline(instance, "#" + tag, "/api/v1/timelines/tag/" + encoded, "");
  }

  static MastodonTimeline publicTimeline(String instance, boolean local) {
    return new MastodonTimeline(
        instance,
        local ? "public:local" : "public:federated",
        "/api/v1/timelines/public",
        local ? "local=true&" : "");
  }

  /** The request for the statuses right after {@code minId} (the newest ones if null). */
  URI page(int limit, String minId) {
    StringBuilder b = new StringBuilder(instance).append(path).append('?').append(query);
    if (minId != null) {
      b.append("min_id=").append(URLEncoder.encode(minId, StandardCharsets.UTF_8)).append('&');
    }
    b.append("limit=").append(limit);
    return URI.create(b.toString());
  }

  Map<String, String> partition() {
    return Map.of("instance", instance, "timeline", name);
  }
}
