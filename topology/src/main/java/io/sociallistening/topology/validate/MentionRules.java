package io.sociallistening.topology.validate;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * What makes a mention acceptable, and its normal form: NFC text without surrounding white space,
 * handle without '@' in lower case, language code in lower case. Pure logic, no Kafka.
 */
public final class MentionRules {
  /** Earliest acceptable post time: 2000-01-01. */
  static final long MIN_CREATED_AT = 946_684_800_000L;

  private final int maxTextLength;
  private final InputLimits limits;

  /** Rules with the default {@link InputLimits}. */
  public MentionRules(int maxTextLength) {
    this(maxTextLength, InputLimits.defaults());
  }

  public MentionRules(int maxTextLength, InputLimits limits) {
    this.maxTextLength = maxTextLength;
    this.limits = limits;
  }

  /**
   * The record time of an accepted mention: {@code createdAt}, or the time the post was fetched
   * ({@code fetchedAt}, or the raw record's timestamp; either only when after 2000-01-01) when that
   * is earlier. A post cannot be written after it was fetched; a feed that dates its posts in the
   * future (a wrong time zone, a skewed clock) would otherwise write records the broker refuses
   * (more than {@code log.message.timestamp.after.max.ms}, one hour by default, ahead of its clock)
   * and stop the pipeline. Only the record time changes; the mention keeps its {@code createdAt}.
   */
  public static long recordTime(Mention mention, long rawTimestamp) {
    long time = mention.getCreatedAt().toEpochMilli();
    if (mention.getFetchedAt() != null && mention.getFetchedAt().toEpochMilli() >= MIN_CREATED_AT) {
      time = Math.min(time, mention.getFetchedAt().toEpochMilli());
    }
    if (rawTimestamp >= MIN_CREATED_AT) {
      time = Math.min(time, rawTimestamp);
    }
    return time;
  }

  /**
   * Why a mention is refused: {@code limit} is the {@link InputLimits} key it exceeds, or null when
   * it is invalid for another reason.
   */
  public record Problem(String limit, String message) {}

  public InputLimits limits() {
    return limits;
  }

  /** The stable key of a mention: lower-case platform, ':', platform id. */
  public static String keyOf(Mention mention) {
    return mention.getPlatform().name().toLowerCase(Locale.ROOT) + ":" + mention.getId();
  }

  /**
   * Returns the reason {@code mention} is unacceptable, or null if it is fine. Call on a normalised
   * mention.
   */
  public String problem(Mention mention) {
    Problem problem = check(mention);
    return problem == null ? null : problem.message();
  }

  /**
   * Returns why {@code mention} is unacceptable (a missing field or a field over its limit), or
   * null if it is fine. Call on a normalised mention.
   */
  public Problem check(Mention mention) {
    if (mention.getPlatform() == Platform.UNKNOWN) {
      return invalid("platform is UNKNOWN");
    }
    if (mention.getId() == null || mention.getId().isBlank()) {
      return invalid("id is blank");
    }
    if (mention.getText() == null || mention.getText().isEmpty()) {
      return invalid("text is blank");
    }
    if (mention.getAuthor() == null || mention.getAuthor().getHandle().isEmpty()) {
      return invalid("author handle is blank");
    }
    Instant created = mention.getCreatedAt();
    if (created == null || created.toEpochMilli() < MIN_CREATED_AT) {
      return invalid("createdAt " + created + " is before 2000-01-01");
    }
    Author author = mention.getAuthor();
    int field = limits.maxFieldLength();
    int url = limits.maxUrlLength();
    Problem over = over("text", mention.getText(), maxTextLength, InputLimits.TEXT_LENGTH);
    over = over != null ? over : over("id", mention.getId(), field, InputLimits.FIELD_LENGTH);
    over = over != null ? over : over("author handle", author.getHandle(), field, FIELD);
    over = over != null ? over : over("author display name", author.getDisplayName(), field, FIELD);
    over = over != null ? over : over("language", mention.getLanguage(), field, FIELD);
    over = over != null ? over : over("source", mention.getSource(), field, FIELD);
    over = over != null ? over : over("inReplyTo", mention.getInReplyTo(), field, FIELD);
    over = over != null ? over : over("repostOf", mention.getRepostOf(), field, FIELD);
    over = over != null ? over : over("url", mention.getUrl(), url, InputLimits.URL_LENGTH);
    over = over != null ? over : over("author url", author.getUrl(), url, InputLimits.URL_LENGTH);
    over =
        over != null
            ? over
            : over("title", mention.getTitle(), limits.maxTitleLength(), InputLimits.TITLE_LENGTH);
    return over;
  }

  private static final String FIELD = InputLimits.FIELD_LENGTH;

  private static Problem invalid(String message) {
    return new Problem(null, message);
  }

  private static Problem over(String name, String value, int max, String limit) {
    if (value == null || value.length() <= max) {
      return null;
    }
    return new Problem(
        limit, name + " has " + value.length() + " characters, limit " + max + " (" + limit + ")");
  }

  /** Returns {@code mention} normalised in place. */
  public Mention normalize(Mention mention) {
    if (mention.getText() != null) {
      mention.setText(Normalizer.normalize(mention.getText(), Normalizer.Form.NFC).strip());
    }
    if (mention.getTitle() != null) {
      mention.setTitle(Normalizer.normalize(mention.getTitle(), Normalizer.Form.NFC).strip());
    }
    if (mention.getId() != null) {
      mention.setId(mention.getId().strip());
    }
    Author author = mention.getAuthor();
    if (author != null && author.getHandle() != null) {
      String handle = author.getHandle().strip();
      if (handle.startsWith("@")) {
        handle = handle.substring(1);
      }
      author.setHandle(handle.toLowerCase(Locale.ROOT));
    }
    if (mention.getLanguage() != null) {
      String language = mention.getLanguage().strip().toLowerCase(Locale.ROOT);
      mention.setLanguage(language.isEmpty() ? null : language);
    }
    return mention;
  }
}
