package io.sociallistening.topology.lead;

import java.util.HashMap;
import java.util.Map;

/**
 * The lead score at or above which a brand's post is a lead: one default and optional per-brand
 * overrides, e.g. parsed from {@code acme-air=0.6,nimbus=0.4}.
 *
 * @param defaultThreshold for brands without an override, in 0..1
 * @param perBrand brand to threshold, each in 0..1
 */
public record LeadThresholds(double defaultThreshold, Map<String, Double> perBrand) {
  public LeadThresholds {
    check(defaultThreshold);
    perBrand = Map.copyOf(perBrand);
    perBrand.values().forEach(LeadThresholds::check);
  }

  /** The default threshold for every brand. */
  public static LeadThresholds of(double defaultThreshold) {
    return new LeadThresholds(defaultThreshold, Map.of());
  }

  /**
   * Parses per-brand overrides {@code brand=threshold} separated by commas (blanks around items
   * ignored; an empty or null {@code perBrand} means none).
   *
   * @throws IllegalArgumentException naming the bad item, for a missing {@code =}, an empty brand,
   *     a brand given twice, or a threshold that is not a number in 0..1
   */
  public static LeadThresholds parse(double defaultThreshold, String perBrand) {
    Map<String, Double> thresholds = new HashMap<>();
    if (perBrand != null && !perBrand.isBlank()) {
      for (String item : perBrand.split(",", -1)) {
        String trimmed = item.strip();
        int equals = trimmed.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(
              "expected brand=threshold in per-brand lead thresholds, got '" + trimmed + "'");
        }
        String brand = trimmed.substring(0, equals).strip();
        String value = trimmed.substring(equals + 1).strip();
        double threshold;
        try {
          threshold = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "lead threshold of brand '" + brand + "' is not a number: '" + value + "'");
        }
        check(threshold);
        if (thresholds.put(brand, threshold) != null) {
          throw new IllegalArgumentException("brand '" + brand + "' has two lead thresholds");
        }
      }
    }
    return new LeadThresholds(defaultThreshold, thresholds);
  }

  /** The threshold of this brand. */
  public double thresholdFor(String brand) {
    return perBrand.getOrDefault(brand, defaultThreshold);
  }

  /** Whether a post of this brand with this lead score is a lead. */
  public boolean isLead(String brand, double score) {
    return score >= thresholdFor(brand);
  }

  static void check(double threshold) {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("lead threshold must be in 0..1, got " + threshold);
    }
  }
}
