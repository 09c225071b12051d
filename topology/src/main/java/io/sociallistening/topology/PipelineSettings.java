package io.sociallistening.topology;

import io.sociallistening.topology.crisis.CrisisSettings;
import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.lead.LeadScorer;
import io.sociallistening.topology.lead.LeadThresholds;
import io.sociallistening.topology.validate.InputLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the topology needs to know, as typed values. Built from the validated instance
 * configuration; tests build it directly.
 *
 * @param topics topic names
 * @param maxTextLength mentions with longer text go to dead letters
 * @param dedupRetention how long a platform id is remembered for exact dedup; the topology keeps
 *     ids {@code aggregateGrace} longer (and near-duplicate first copies {@code aggregateGrace}
 *     longer than {@code nearDedup}'s age limit), so that a copy late within the grace, which still
 *     counts in its windows, is still recognised
 * @param aggregateGrace how late a mention may arrive and still count in its window
 * @param crisis crisis detector settings (bucket size, thresholds, cooldown)
 * @param crisisGrace how long after a bucket ends it is closed and evaluated (stream time)
 * @param leadThresholds lead score at or above which a mention is a lead, per brand
 * @param leadAuthorCooldown at most one lead alert per brand and author within this time
 * @param nearDedup near-duplicate detection per brand: first copies remembered per task and for how
 *     long
 * @param idPartitions partition count of the {@code mentions-by-id} re-key topic; raw records
 *     already keyed by mention id on their home partition skip the re-key (see {@code
 *     HomePartition}); 0 re-keys every record and lets Kafka Streams size the topic
 * @param inputLimits size and length limits on raw mentions besides the text length
 */
public record PipelineSettings(
    Topics topics,
    int maxTextLength,
    Duration dedupRetention,
    Duration aggregateGrace,
    CrisisSettings crisis,
    Duration crisisGrace,
    LeadThresholds leadThresholds,
    Duration leadAuthorCooldown,
    DedupSettings nearDedup,
    int idPartitions,
    InputLimits inputLimits) {

  public PipelineSettings {
    Objects.requireNonNull(inputLimits, "inputLimits");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(dedupRetention, "dedupRetention");
    Objects.requireNonNull(aggregateGrace, "aggregateGrace");
    Objects.requireNonNull(crisis, "crisis");
    Objects.requireNonNull(crisisGrace, "crisisGrace");
    Objects.requireNonNull(leadAuthorCooldown, "leadAuthorCooldown");
    Objects.requireNonNull(nearDedup, "nearDedup");
    if (maxTextLength <= 0) {
      throw new IllegalArgumentException("maxTextLength must be positive: " + maxTextLength);
    }
    Objects.requireNonNull(leadThresholds, "leadThresholds");
    if (idPartitions < 0) {
      throw new IllegalArgumentException("idPartitions must not be negative: " + idPartitions);
    }
  }

  /** Settings that re-key every mention by id (no {@code idPartitions}), default input limits. */
  public PipelineSettings(
      Topics topics,
      int maxTextLength,
      Duration dedupRetention,
      Duration aggregateGrace,
      CrisisSettings crisis,
      Duration crisisGrace,
      LeadThresholds leadThresholds,
      Duration leadAuthorCooldown,
      DedupSettings nearDedup) {
    this(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        leadAuthorCooldown,
        nearDedup,
        0,
        InputLimits.defaults());
  }

  /** Settings with the default near-duplicate detection. */
  public PipelineSettings(
      Topics topics,
      int maxTextLength,
      Duration dedupRetention,
      Duration aggregateGrace,
      CrisisSettings crisis,
      Duration crisisGrace,
      LeadThresholds leadThresholds,
      Duration leadAuthorCooldown) {
    this(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        leadAuthorCooldown,
        DedupSettings.defaults());
  }

  /**
   * Defaults of the product: 24 h dedup, 1 h aggregate grace (windows are emitted on every update,
   * so grace costs memory, not latency; polling connectors deliver minutes late), crisis buckets
   * closed 60 s after they end, 0.5 lead threshold, 1 h author cooldown, near duplicates of the
   * last 24 h (at most 100,000 first copies per task).
   */
  public static PipelineSettings defaults() {
    return new PipelineSettings(
        Topics.defaults(),
        20_000,
        Duration.ofHours(24),
        Duration.ofHours(1),
        CrisisSettings.defaults(),
        Duration.ofSeconds(60),
        LeadThresholds.of(LeadScorer.DEFAULT_THRESHOLD),
        Duration.ofHours(1),
        DedupSettings.defaults());
  }

  /** The lead threshold of brands without their own (the one stored on enriched mentions). */
  public double leadThreshold() {
    return leadThresholds.defaultThreshold();
  }

  public PipelineSettings withLeadThresholds(LeadThresholds newThresholds) {
    return new PipelineSettings(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        newThresholds,
        leadAuthorCooldown,
        nearDedup,
        idPartitions,
        inputLimits);
  }

  public PipelineSettings withTopics(Topics newTopics) {
    return new PipelineSettings(
        newTopics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        leadAuthorCooldown,
        nearDedup,
        idPartitions,
        inputLimits);
  }

  public PipelineSettings withLeadAuthorCooldown(Duration value) {
    return new PipelineSettings(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        value,
        nearDedup,
        idPartitions,
        inputLimits);
  }

  public PipelineSettings withCrisisGrace(Duration value) {
    return new PipelineSettings(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        value,
        leadThresholds,
        leadAuthorCooldown,
        nearDedup,
        idPartitions,
        inputLimits);
  }

  public PipelineSettings withNearDedup(DedupSettings value) {
    return new PipelineSettings(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        leadAuthorCooldown,
        value,
        idPartitions,
        inputLimits);
  }

  public PipelineSettings withIdPartitions(int value) {
    return new PipelineSettings(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        leadAuthorCooldown,
        nearDedup,
        value,
        inputLimits);
  }

  public PipelineSettings withInputLimits(InputLimits value) {
    return new PipelineSettings(
        topics,
        maxTextLength,
        dedupRetention,
        aggregateGrace,
        crisis,
        crisisGrace,
        leadThresholds,
        leadAuthorCooldown,
        nearDedup,
        idPartitions,
        value);
  }
}
