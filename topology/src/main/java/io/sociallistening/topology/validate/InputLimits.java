package io.sociallistening.topology.validate;

/**
 * Size and length limits on raw mentions, so that one oversized record cannot blow up a stage's
 * memory or the stores downstream. A record over a limit goes to the dead-letter topic with a
 * {@value DeadLetterHeaders#LIMIT} header naming the limit (its configuration key). The text length
 * limit is {@code PipelineSettings.maxTextLength} (key {@value #TEXT_LENGTH}).
 *
 * @param maxRecordBytes serialized size of the raw record value, checked before decoding
 * @param maxTitleLength characters of the title
 * @param maxUrlLength characters of the post's and the author's URL
 * @param maxFieldLength characters of every other string field: id, author handle and display name,
 *     language, source, in-reply-to and repost-of ids
 */
public record InputLimits(
    int maxRecordBytes, int maxTitleLength, int maxUrlLength, int maxFieldLength) {
  public static final String RECORD_BYTES = "input.max.record.bytes";
  public static final String TEXT_LENGTH = "text.max.length";
  public static final String TITLE_LENGTH = "input.max.title.length";
  public static final String URL_LENGTH = "input.max.url.length";
  public static final String FIELD_LENGTH = "input.max.field.length";

  public InputLimits {
    positive(RECORD_BYTES, maxRecordBytes);
    positive(TITLE_LENGTH, maxTitleLength);
    positive(URL_LENGTH, maxUrlLength);
    positive(FIELD_LENGTH, maxFieldLength);
  }

  /**
   * 256 KiB per record (a post with a long article text is a few KiB), 1,000-character titles,
   * 2,048-character URLs (what browsers and CDNs reliably accept), 256 characters for ids, handles
   * and the like.
   */
  public static InputLimits defaults() {
    return new InputLimits(256 * 1024, 1_000, 2_048, 256);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
