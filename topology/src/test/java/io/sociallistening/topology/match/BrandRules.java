package io.sociallistening.topology.match;

import io.sociallistening.avro.BrandRule;
import java.util.List;

/** Enabled brand rules as the rules topic carries them, for tests. */
public final class BrandRules {
  private BrandRules() {}

  /** An enabled rule with no competitor and no tags. */
  public static BrandRule rule(String id, String brand, String query) {
    return BrandRule.newBuilder()
        .setId(id)
        .setBrand(brand)
        .setQuery(query)
        .setCompetitorOf(null)
        .setTags(List.of())
        .setEnabled(true)
        .build();
  }
}
