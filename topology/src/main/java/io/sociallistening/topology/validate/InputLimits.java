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
 * @param maxDeadLetterBytes the most bytes a dead letter's key, value and headers take together: a
 *     larger one is cut to fit (see {@link Validation}), so that the producer can send it. Not a
 *     setting of its own: an instance derives it from the producer's {@code max.request.size}
 *     ({@link #deadLetterBytesFor})
 */
public record InputLimits(
    int maxRecordBytes,
    int maxTitleLength,
    int maxUrlLength,
    int maxFieldLength,
    int maxDeadLetterBytes) {
  public static final String RECORD_BYTES = "input.max.record.bytes";
  public static final String TEXT_LENGTH = "text.max.length";
  public static final String TITLE_LENGTH = "input.max.title.length";
  public static final String URL_LENGTH = "input.max.url.length";
  public static final String FIELD_LENGTH = "input.max.field.length";

  /** The dead-letter bound for a producer's default {@code max.request.size} of 1 MiB. */
  public static final int DEFAULT_DEAD_LETTER_BYTES = deadLetterBytesFor(1024 * 1024);

  /** The smallest dead-letter bound: room for the dead-letter headers and a useful part. */
  static final int MIN_DEAD_LETTER_BYTES = 16 * 1024;

  public InputLimits {
    positive(RECORD_BYTES, maxRecordBytes);
    positive(TITLE_LENGTH, maxTitleLength);
    positive(URL_LENGTH, maxUrlLength);
    positive(FIELD_LENGTH, maxFieldLength);
    if (maxDeadLetterBytes < MIN_DEAD_LETTER_BYTES) {
      throw new IllegalArgumentException(
          "dead letters need at least " + MIN_DEAD_LETTER_BYTES + " bytes: " + maxDeadLetterBytes);
    }
  }

  /** These limits with dead letters bounded for a producer's default {@code max.request.size}. */
  public InputLimits(int maxRecordBytes, int maxTitleLength, int maxUrlLength, int maxFieldLength) {
    this(maxRecordBytes, maxTitleLength, maxUrlLength, maxFieldLength, DEFAULT_DEAD_LETTER_BYTES);
  }

  /**
   * The dead-letter bound for a producer whose {@code max.request.size} is {@code maxRequestSize}:
   * seven eighths of it (896 KiB of the default 1 MiB), leaving room for the record's framing and
   * the request's, and at least {@value #MIN_DEAD_LETTER_BYTES}.
   */
  public static int deadLetterBytesFor(int maxRequestSize) {
    return Math.max(MIN_DEAD_LETTER_BYTES, maxRequestSize - maxRequestSize / 8);
  }

  /** These limits with dead letters bounded by {@code bytes}. */
  public InputLimits withMaxDeadLetterBytes(int bytes) {
    return new InputLimits(maxRecordBytes, maxTitleLength, maxUrlLength, maxFieldLength, bytes);
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
