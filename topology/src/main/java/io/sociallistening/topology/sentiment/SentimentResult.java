package io.sociallistening.topology.sentiment;

import io.sociallistening.avro.SentimentLabel;

/**
 * The sentiment of one text as scored by {@link SentimentScorer}.
 *
 * @param compound normalised sum of valences in -1..1 (negative to positive), VADER's "compound"
 * @param label label from thresholds on {@code compound}
 * @param confidence confidence of {@code label} in 0..1 (see {@link SentimentScorer})
 * @param positive share of the text's sentiment mass that is positive, 0..1 (VADER's "pos")
 * @param neutral share of neutral tokens, 0..1 (VADER's "neu")
 * @param negative share of the text's sentiment mass that is negative, 0..1 (VADER's "neg")
 */
public record SentimentResult(
    double compound,
    SentimentLabel label,
    double confidence,
    double positive,
    double neutral,
    double negative) {}
