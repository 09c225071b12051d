package io.sociallistening.topology;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.time.Instant;

/** Test data: a realistic mention with every required field, changed one aspect at a time. */
public final class MentionBuilder {
  private Platform platform = Platform.BLUESKY;
  private String id = "3kxyz";
  private String text = "Flying with Acme Air tomorrow";
  private String handle = "alice.bsky.social";
  private Long followers = 120L;
  private Instant createdAt = Instant.parse("2026-01-05T10:00:00Z");
  private String language = null;
  private String repostOf = null;

  public static MentionBuilder mention(String id) {
    MentionBuilder builder = new MentionBuilder();
    builder.id = id;
    return builder;
  }

  public MentionBuilder on(Platform value) {
    platform = value;
    return this;
  }

  public MentionBuilder text(String value) {
    text = value;
    return this;
  }

  public MentionBuilder by(String value, long followerCount) {
    handle = value;
    followers = followerCount;
    return this;
  }

  public MentionBuilder at(Instant value) {
    createdAt = value;
    return this;
  }

  public MentionBuilder language(String value) {
    language = value;
    return this;
  }

  public MentionBuilder repostOf(String value) {
    repostOf = value;
    return this;
  }

  public Mention build() {
    return Mention.newBuilder()
        .setPlatform(platform)
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
        .setLanguage(language)
        .setCreatedAt(createdAt)
        .setFetchedAt(createdAt.plusSeconds(5))
        .setInReplyTo(null)
        .setRepostOf(repostOf)
        .setEngagement(null)
        .setSource("test")
        .build();
  }
}
