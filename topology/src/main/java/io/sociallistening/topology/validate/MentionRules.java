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

  public MentionRules(int maxTextLength) {
    this.maxTextLength = maxTextLength;
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
    if (mention.getPlatform() == Platform.UNKNOWN) {
      return "platform is UNKNOWN";
    }
    if (mention.getId() == null || mention.getId().isBlank()) {
      return "id is blank";
    }
    if (mention.getText() == null || mention.getText().isEmpty()) {
      return "text is blank";
    }
    if (mention.getText().length() > maxTextLength) {
      return "text has " + mention.getText().length() + " characters, limit " + maxTextLength;
    }
    if (mention.getAuthor() == null || mention.getAuthor().getHandle().isEmpty()) {
      return "author handle is blank";
    }
    Instant created = mention.getCreatedAt();
    if (created == null || created.toEpochMilli() < MIN_CREATED_AT) {
      return "createdAt " + created + " is before 2000-01-01";
    }
    return null;
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
