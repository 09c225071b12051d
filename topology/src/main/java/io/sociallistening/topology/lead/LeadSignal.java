package io.sociallistening.topology.lead;

/**
 * One phrase that speaks for or against a lead.
 *
 * @param weight added to a post's sum when the phrase occurs (negative against a lead, zero for a
 *     phrase that only hides the phrases inside it, e.g. "looking for a new job")
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
    /** Only for posts that do not mention a competitor (e.g. a support request to the brand). */
    OWN,
    /** Only inside a question (a sentence ending in "?" or opened by "¿"). */
    QUESTION,
    /** Only inside a question of a post that addresses someone with an {@code @handle}. */
    ADDRESSED,
    /**
     * Only inside a post's first sentence when it is a short question (at most {@value
     * NormalizedPost#SHORT_QUESTION_WORDS} words) and the post has no {@code @handle}: "kindle or
     * kobo?".
     */
    SHORT_QUESTION
  }

  boolean appliesTo(boolean mentionsCompetitor, NormalizedPost post, int start) {
    return switch (condition) {
      case ALWAYS -> true;
      case COMPETITOR -> mentionsCompetitor;
      case OWN -> !mentionsCompetitor;
      case QUESTION -> post.inQuestion(start);
      case ADDRESSED -> post.handle && post.inQuestion(start);
      case SHORT_QUESTION -> !post.handle && start < post.shortFirstQuestionEnd;
    };
  }

  /** Whether a negation just before the phrase turns it into negated intent. */
  boolean negatable() {
    return weight > 0
        && (condition == Condition.ALWAYS
            || condition == Condition.QUESTION
            || condition == Condition.SHORT_QUESTION);
  }
}
