package io.sociallistening.connect;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Engagement;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test mentions: a builder with every field set, and the text of JSON fixtures. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private Fixtures() {}

  /** A mention with every optional field set. */
  public static Mention.Builder full() {
    return Mention.newBuilder()
        .setPlatform(Platform.BLUESKY)
        .setId("3kabc")
        .setUrl("https://bsky.app/profile/alice.bsky.social/post/3kabc")
        .setAuthor(
            new Author(
                "alice.bsky.social", "Alice", 123L, "https://bsky.app/profile/alice.bsky.social"))
        .setTitle("A title")
        .setText("@AcmeAir cancelled my flight again \uD83D\uDE21 #AcmeAirFail")
        .setLanguage("en")
        .setCreatedAt(T0)
        .setFetchedAt(T0.plusMillis(2_500))
        .setInReplyTo("3kparent")
        .setRepostOf("3kxyz")
        .setEngagement(new Engagement(1L, 2L, 3L))
        .setSource("sample");
  }

  /** A mention with only the required fields set. */
  public static Mention.Builder minimal() {
    return Mention.newBuilder()
        .setPlatform(Platform.HACKER_NEWS)
        .setId("42600001")
        .setAuthor(new Author("pg1", null, null, null))
        .setText("")
        .setCreatedAt(T0.plusMillis(123));
  }

  /** The first line of a test resource. */
  public static String line(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
