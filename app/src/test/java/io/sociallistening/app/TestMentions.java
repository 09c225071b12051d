package io.sociallistening.app;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Instant;

/** Bluesky mentions for the integration tests: posted and fetched at {@code at}, in English. */
final class TestMentions {
  private TestMentions() {}

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
