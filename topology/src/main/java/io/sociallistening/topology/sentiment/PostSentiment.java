package io.sociallistening.topology.sentiment;

import java.util.List;

/**
 * The sentiment of a whole post and towards each of its brands ({@link SentimentScorer#scorePost}):
 * {@code towards} has one entry per list of brand terms, null where none of the brand's terms is
 * found among the words.
 */
public record PostSentiment(SentimentResult whole, List<SentimentResult> towards) {}
