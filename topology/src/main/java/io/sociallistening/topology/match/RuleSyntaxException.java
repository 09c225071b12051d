package io.sociallistening.topology.match;

/**
 * A rule query that cannot be parsed, with the 0-based character position in the query where the
 * problem is. The message reads like {@code Expected ')' at position 14 in rule 'r1'}.
 */
public final class RuleSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String ruleId;
  private final int position;
  private final String reason;

  public RuleSyntaxException(String ruleId, int position, String reason) {
    super(reason + " at position " + position + " in rule '" + ruleId + "'");
    this.ruleId = ruleId;
    this.position = position;
    this.reason = reason;
  }

  /** 0-based character offset in the query (the query length when the query ended too early). */
  public int position() {
    return position;
  }

  /** Id of the rule whose query is invalid. */
  public String ruleId() {
    return ruleId;
  }

  /** The problem without position and rule id, e.g. {@code Expected ')'}. */
  public String reason() {
    return reason;
  }
}
