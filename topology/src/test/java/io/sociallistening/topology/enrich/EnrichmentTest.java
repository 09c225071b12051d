package io.sociallistening.topology.enrich;

import static io.sociallistening.topology.match.BrandRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.MentionBuilder;
import io.sociallistening.topology.dedup.Copy;
import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.lead.LeadScorer;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.sentiment.SentimentScorer;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnrichmentTest {
  private static Enrichment enrichment() {
    RuleBook rules = new RuleBook();
    rules.put(rule("r-acme", "Acme", "acme"));
    rules.put(rule("r-globex", "Globex", "globex"));
    return new Enrichment(
        rules,
        LanguageDetector.loadDefault(),
        SentimentScorer.loadDefault(),
        LeadScorer.loadDefault());
  }

  @Test
  void shouldGiveEachBrandItsOwnSentimentBesideTheWholePost() {
    String text = "I love my new Acme phone, but Globex Corp is terrible and slow!";

    EnrichedMention enriched =
        enrichment()
            .enrich(new Copy("k1", MentionBuilder.mention("m1").text(text).build(), 1, null), 0L);

    Map<String, Double> byBrand =
        enriched.getBrands().stream()
            .collect(Collectors.toMap(BrandMatch::getBrand, BrandMatch::getSentiment));
    // "love" 3.2 for Acme, "terrible" -2.1 for Globex, each in its own clause
    assertThat(byBrand.get("Acme")).isEqualTo(3.2 / Math.sqrt(3.2 * 3.2 + 15));
    assertThat(byBrand.get("Globex")).isEqualTo(-2.1 / Math.sqrt(2.1 * 2.1 + 15));
    assertThat(enriched.getSentiment().getLabel()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldLeaveBrandSentimentEmptyWhenItEqualsTheWholePost() {
    EnrichedMention enriched =
        enrichment()
            .enrich(
                new Copy("k2", MentionBuilder.mention("m2").text("acme is great").build(), 1, null),
                0L);

    assertThat(enriched.getBrands()).hasSize(1);
    assertThat(enriched.getBrands().get(0).getSentiment()).isNull();
  }

  @Test
  void shouldScoreSentimentWithTheScorerOfTheMentionsLanguage() {
    // Portuguese "no" is "in the": it does not negate "ótimo" (2.9)
    String text = "Jantar no ótimo restaurante da Acme";
    Enrichment enrichment = enrichment();

    EnrichedMention given =
        enrichment.enrich(
            new Copy("k3", MentionBuilder.mention("m3").text(text).language("pt").build(), 1, null),
            0L);
    EnrichedMention unknown =
        enrichment.enrich(
            new Copy("k4", MentionBuilder.mention("m4").text(text).language("fr").build(), 1, null),
            0L);

    assertThat(given.getLanguage()).isEqualTo("pt");
    assertThat(given.getSentiment().getCompound()).isEqualTo(2.9 / Math.sqrt(2.9 * 2.9 + 15));
    assertThat(given.getSentiment().getLabel()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(unknown.getSentiment().getLabel()).isEqualTo(SentimentLabel.NEGATIVE);
  }
}
