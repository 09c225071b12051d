package io.sociallistening.topology;

import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.lead.LeadScorer;
import io.sociallistening.topology.sentiment.SentimentScorer;

/** The text analysers the pipeline uses, loaded once per instance and shared by its threads. */
public record Scorers(LanguageDetector languages, SentimentScorer sentiment, LeadScorer leads) {

  /** The bundled analysers, leads at {@code leadThreshold}. */
  public static Scorers loadDefault(double leadThreshold) {
    return new Scorers(
        LanguageDetector.loadDefault(),
        SentimentScorer.loadDefault(),
        LeadScorer.loadDefault().withThreshold(leadThreshold));
  }
}
