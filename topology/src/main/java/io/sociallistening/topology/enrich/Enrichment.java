package io.sociallistening.topology.enrich;

import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.DuplicateInfo;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.LeadScore;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Sentiment;
import io.sociallistening.topology.dedup.Copy;
import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.lead.LeadResult;
import io.sociallistening.topology.lead.LeadScorer;
import io.sociallistening.topology.match.MatchInput;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.match.RuleMatch;
import io.sociallistening.topology.match.RuleSet;
import io.sociallistening.topology.sentiment.PostSentiment;
import io.sociallistening.topology.sentiment.SentimentResult;
import io.sociallistening.topology.sentiment.SentimentScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brand matching, language, sentiment and lead score of one mention: the pure part of stage 3. The
 * same code serves the topology and the evaluation commands. Each matched brand gets its own
 * sentiment ({@code BrandMatch.sentiment}) when the segments around its matched terms score
 * differently from the whole post, e.g. in a post that praises one brand and attacks another.
 */
public final class Enrichment {
  private final RuleBook rules;
  private final LanguageDetector languages;
  private final SentimentScorer sentiment;
  private final LeadScorer leads;

  public Enrichment(
      RuleBook rules, LanguageDetector languages, SentimentScorer sentiment, LeadScorer leads) {
    this.rules = rules;
    this.languages = languages;
    this.sentiment = sentiment;
    this.leads = leads;
  }

  /** Enriches one (first or later) copy of a mention. */
  public EnrichedMention enrich(Copy copy, long processedAt) {
    Mention mention = copy.mention();
    String text = mention.getText();
    String language =
        mention.getLanguage() != null ? mention.getLanguage() : languages.detect(text);
    RuleSet ruleSet = rules.rules();
    List<RuleMatch> matches =
        ruleSet.match(
            new MatchInput(
                text,
                language,
                mention.getPlatform().name(),
                mention.getAuthor().getHandle(),
                mention.getUrl()));
    List<List<String>> brandTerms = new ArrayList<>(matches.size());
    for (RuleMatch match : matches) {
      brandTerms.add(match.matchedTerms());
    }
    PostSentiment post = sentiment.in(language).scorePost(text, brandTerms);
    SentimentResult score = post.whole();
    List<BrandMatch> brands = new ArrayList<>(matches.size());
    boolean mentionsCompetitor = false;
    for (int i = 0; i < matches.size(); i++) {
      RuleMatch match = matches.get(i);
      brands.add(
          BrandMatch.newBuilder()
              .setBrand(match.brand())
              .setRuleId(match.ruleId())
              .setMatchedTerms(match.matchedTerms())
              .setSentiment(towards(post.towards().get(i), score))
              .build());
      var rule = ruleSet.rule(match.ruleId());
      if (rule.isPresent() && rule.get().competitorOf() != null) {
        mentionsCompetitor = true;
      }
    }
    LeadResult lead = leads.score(text, mentionsCompetitor, brandTerms);
    return EnrichedMention.newBuilder()
        .setMention(mention)
        .setKey(copy.key())
        .setLanguage(language)
        .setSentiment(
            Sentiment.newBuilder()
                .setCompound(score.compound())
                .setLabel(score.label())
                .setConfidence(score.confidence())
                .build())
        .setBrands(brands)
        .setLead(
            LeadScore.newBuilder()
                .setScore(lead.score())
                .setLead(lead.lead())
                .setReasons(lead.reasons())
                .build())
        .setDuplicates(
            DuplicateInfo.newBuilder()
                .setCopyCount(copy.copyCount())
                .setDuplicateOf(copy.duplicateOf())
                .build())
        .setProcessedAt(Instant.ofEpochMilli(processedAt))
        .build();
  }

  /**
   * The compound towards one brand (see {@link SentimentScorer#scoreTowards}), or null when its
   * terms are not found as words or it equals the whole post's compound.
   */
  private static Double towards(SentimentResult brand, SentimentResult whole) {
    if (brand == null || brand.compound() == whole.compound()) {
      return null;
    }
    return brand.compound();
  }
}
