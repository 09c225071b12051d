package io.sociallistening.topology;

import java.util.Objects;

/** Names of the topics the pipeline reads and writes. */
public record Topics(
    String raw,
    String enriched,
    String alerts,
    String sentiment1m,
    String sentiment1h,
    String shareOfVoice1m,
    String shareOfVoice1h,
    String deadLetters,
    String rules) {

  public Topics {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(enriched, "enriched");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(sentiment1m, "sentiment1m");
    Objects.requireNonNull(sentiment1h, "sentiment1h");
    Objects.requireNonNull(shareOfVoice1m, "shareOfVoice1m");
    Objects.requireNonNull(shareOfVoice1h, "shareOfVoice1h");
    Objects.requireNonNull(deadLetters, "deadLetters");
    Objects.requireNonNull(rules, "rules");
  }

  /** The default topic names. */
  public static Topics defaults() {
    return new Topics(
        "social.mentions.raw",
        "social.mentions.enriched",
        "social.alerts",
        "social.brand-sentiment.1m",
        "social.brand-sentiment.1h",
        "social.share-of-voice.1m",
        "social.share-of-voice.1h",
        "social.dead-letters",
        "social.rules");
  }
}
