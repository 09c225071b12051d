package io.sociallistening.topology.match;

import java.util.Objects;

/**
 * What a rule is matched against: the post text and the fields that field filters look at.
 *
 * @param text plain text of the post
 * @param language ISO 639-1 code as declared by the source (e.g. {@code en}, {@code en-US}), or
 *     null
 * @param platform platform name such as {@code BLUESKY} or {@code HACKER_NEWS}, or null
 * @param author author handle, with or without a leading {@code @}, or null
 * @param url public link to the post, or null
 */
public record MatchInput(String text, String language, String platform, String author, String url) {

  public MatchInput {
    Objects.requireNonNull(text, "text");
  }

  /** Text only, with no fields. */
  public static MatchInput ofText(String text) {
    return new MatchInput(text, null, null, null, null);
  }
}
