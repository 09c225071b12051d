package io.sociallistening.app.bench;

import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.Scorers;
import io.sociallistening.topology.dedup.Copy;
import io.sociallistening.topology.enrich.Enrichment;
import io.sociallistening.topology.match.MatchInput;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.match.RuleSet;
import io.sociallistening.topology.validate.MentionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The cost of each per-record stage of the hot path, measured in this JVM on one thread over the
 * sample mentions: decode the raw Avro, detect the language, match the rule book, score sentiment
 * and leads, the whole enrichment, encode the enriched Avro. Each stage runs a warm-up then a timed
 * loop; a checksum of the results keeps the JIT from dropping the work. A quick figure to locate
 * costs, not a JMH harness: run-to-run noise on a shared machine is about 10%.
 */
public final class StageCosts {
  private static final long WARM_UP_NANOS = 1_000_000_000L;
  private static final long MEASURE_NANOS = 2_000_000_000L;

  /** One stage's cost. */
  public record Cost(String stage, double nanosPerRecord) {}

  private static volatile long sink;

  private StageCosts() {}

  /**
   * Measures every stage over {@code mentions} with {@code rules} in force; Avro subjects are those
   * of {@code topic} (raw mentions) and {@code enrichedTopic}.
   */
  public static List<Cost> measure(
      List<Mention> mentions,
      List<Rule> rules,
      SchemaRegistry registry,
      String topic,
      String enrichedTopic) {
    AvroSerde<Mention> mentionSerde = AvroSerde.forValues(Mention.class, registry);
    AvroSerde<EnrichedMention> enrichedSerde = AvroSerde.forValues(EnrichedMention.class, registry);
    RuleBook book = new RuleBook();
    for (Rule rule : rules) {
      book.put(
          BrandRule.newBuilder()
              .setId(rule.id())
              .setBrand(rule.brand())
              .setQuery(rule.query())
              .setCompetitorOf(rule.competitorOf())
              .setTags(List.of())
              .setEnabled(true)
              .build());
    }
    RuleSet ruleSet = book.rules();
    Scorers scorers = Scorers.loadDefault(0.5);
    Enrichment enrichment =
        new Enrichment(book, scorers.languages(), scorers.sentiment(), scorers.leads());

    int n = mentions.size();
    byte[][] encoded = new byte[n][];
    String[] texts = new String[n];
    MatchInput[] inputs = new MatchInput[n];
    Copy[] copies = new Copy[n];
    EnrichedMention[] enriched = new EnrichedMention[n];
    for (int i = 0; i < n; i++) {
      Mention m = mentions.get(i);
      encoded[i] = mentionSerde.serialize(topic, m);
      texts[i] = m.getText();
      inputs[i] =
          new MatchInput(
              m.getText(),
              m.getLanguage() == null ? "en" : m.getLanguage(),
              m.getPlatform().name(),
              m.getAuthor().getHandle(),
              m.getUrl());
      copies[i] = new Copy(MentionRules.keyOf(m), m, 1, null);
      enriched[i] = enrichment.enrich(copies[i], 0L);
    }

    List<Cost> out = new ArrayList<>();
    out.add(
        time(
            "avro decode Mention",
            n,
            i -> mentionSerde.deserialize(topic, encoded[i]).getText().length()));
    out.add(time("language detection", n, i -> scorers.languages().detect(texts[i]).length()));
    out.add(time("match " + ruleSet.size() + " rules", n, i -> ruleSet.match(inputs[i]).size()));
    out.add(
        time(
            "sentiment",
            n,
            i -> Double.doubleToRawLongBits(scorers.sentiment().score(texts[i]).compound())));
    out.add(
        time(
            "lead score",
            n,
            i -> Double.doubleToRawLongBits(scorers.leads().score(texts[i], false).score())));
    out.add(
        time(
            "enrich (language, match, sentiment, lead score)",
            n,
            i -> enrichment.enrich(copies[i], 0L).getBrands().size()));
    out.add(
        time(
            "avro encode EnrichedMention",
            n,
            i -> enrichedSerde.serialize(enrichedTopic, enriched[i]).length));
    return out;
  }

  private static Cost time(String stage, int n, IntToLongFunction work) {
    long sum = 0;
    long end = System.nanoTime() + WARM_UP_NANOS;
    int i = 0;
    while (System.nanoTime() < end) {
      for (int k = 0; k < 256; k++, i = i + 1 == n ? 0 : i + 1) {
        sum += work.applyAsLong(i);
      }
    }
    long count = 0;
    long start = System.nanoTime();
    end = start + MEASURE_NANOS;
    long now;
    do {
      for (int k = 0; k < 256; k++, i = i + 1 == n ? 0 : i + 1) {
        sum += work.applyAsLong(i);
      }
      count += 256;
      now = System.nanoTime();
    } while (now < end);
    sink += sum;
    return new Cost(stage, (double) (now - start) / count);
  }
}
