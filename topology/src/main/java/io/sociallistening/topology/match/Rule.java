package io.sociallistening.topology.match;

import java.util.Objects;

/**
 * A stored brand rule: posts whose text and fields satisfy {@code query} mention {@code brand}.
 *
 * @param id unique rule id (rules are replaced by id)
 * @param brand the brand a matching post is assigned to
 * @param query the Boolean query in the rule language (see topology/RULES.md)
 * @param competitorOf if not null, the brand this brand competes with (used by lead scoring)
 */
public record Rule(String id, String brand, String query, String competitorOf) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(query, "query");
  }

  /** A rule without a competitor. */
  public Rule(String id, String brand, String query) {
    this(id, brand, query, null);
  }
}
