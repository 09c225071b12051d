package io.sociallistening.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Sentiment;
import io.sociallistening.avro.SentimentLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrandSentimentTest {

  private static EnrichedMention post(double compound, SentimentLabel label, BrandMatch... brands) {
    EnrichedMention mention = new EnrichedMention();
    mention.setSentiment(new Sentiment(compound, label, 1.0));
    mention.setBrands(List.of(brands));
    return mention;
  }

  private static BrandMatch match(String brand, String rule, Double sentiment) {
    return new BrandMatch(brand, rule, List.of(brand), sentiment);
  }

  @Test
  void shouldTakeTheBrandsOwnSentimentWhereItHasOne() {
    EnrichedMention mention =
        post(
            -0.3,
            SentimentLabel.NEGATIVE,
            match("acme", "acme-1", 0.64),
            match("globex", "globex-1", null),
            match("initech", "initech-1", 0.02));

    assertThat(BrandSentiment.label(mention, "acme")).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(BrandSentiment.compound(mention, "acme")).isEqualTo(0.64);
    assertThat(BrandSentiment.label(mention, "globex")).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(BrandSentiment.compound(mention, "globex")).isEqualTo(-0.3);
    assertThat(BrandSentiment.label(mention, "initech")).isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void shouldPreferARuleOfTheBrandThatScoredItOverOneThatDidNot() {
    EnrichedMention mention =
        post(
            0.5,
            SentimentLabel.POSITIVE,
            match("acme", "acme-1", null),
            match("acme", "acme-2", -0.4));

    assertThat(BrandSentiment.label(mention, "acme")).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(BrandSentiment.compound(mention, "acme")).isEqualTo(-0.4);
  }
}
