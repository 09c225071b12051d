package io.sociallistening.connect.sample;

/** Why a mention is in the sample; the README counts each kind. */
public enum SampleKind {
  /** Ordinary chatter about a brand (positive, neutral or negative). */
  REGULAR,
  /** A negative post of the crisis burst, on top of the ordinary negative volume. */
  CRISIS,
  /** Purchase intent: asking for recommendations, comparing, switching from a competitor. */
  LEAD,
  /** Looks like a lead but is not: sellers, giveaways, "just bought". */
  LEAD_LOOKALIKE,
  /** Text that contains a brand-like word but is about something else. */
  OFF_TOPIC,
  /** The same platform id delivered again by the connector (exact duplicate). */
  REDELIVERY,
  /** A repost or quote copy ("RT @user: ...") under a new id (near duplicate). */
  REPOST,
  /** Empty or whitespace-only text, for the dead-letter path. */
  INVALID
}
