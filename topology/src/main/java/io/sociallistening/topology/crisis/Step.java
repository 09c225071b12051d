package io.sociallistening.topology.crisis;

import java.util.Optional;

/**
 * The result of feeding one bucket to {@link CrisisDetector#onBucket}.
 *
 * @param state the state to store for the next bucket
 * @param score anomaly score 0..1 of this bucket (0 during warm-up)
 * @param anomalous whether this bucket counts towards opening or keeping an episode open
 * @param event the lifecycle event this bucket caused, if any
 */
public record Step(
    CrisisState state, double score, boolean anomalous, Optional<CrisisEvent> event) {}
