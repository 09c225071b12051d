package io.sociallistening.topology.lead;

/**
 * One phrase that speaks for or against a lead.
 *
 * @param weight added to a post's sum when the phrase occurs (negative against a lead)
 * @param reason the kind of signal, e.g. {@code purchase intent}; each kind counts once per post
 * @param condition when the phrase counts
 * @param phrase the normalised phrase (lower case, accents folded, single spaces)
 * @param explanation the text shown in {@link LeadResult#reasons()}
 */
record LeadSignal(
    double weight, String reason, Condition condition, String phrase, String explanation) {

  /** When a phrase counts. */
  enum Condition {
    ALWAYS,
    /** Only for posts that mention a competitor. */
    COMPETITOR,
    /** Only for posts that contain a question mark. */
    QUESTION
  }

  boolean appliesTo(boolean mentionsCompetitor, boolean question) {
    return switch (condition) {
      case ALWAYS -> true;
      case COMPETITOR -> mentionsCompetitor;
      case QUESTION -> question;
    };
  }
}
