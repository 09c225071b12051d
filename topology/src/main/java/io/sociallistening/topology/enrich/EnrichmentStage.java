package io.sociallistening.topology.enrich;

import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.topology.dedup.Copy;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Stage 3, brand matching, language, sentiment and lead score.
 *
 * <p>Input: key mention key, value {@link Copy}. Output: same key, value {@link EnrichedMention}
 * (copies included, marked by {@code duplicates.duplicateOf}). State: none here; rules come from
 * the global rules store through the shared {@code RuleBook}. Time: record time unchanged; {@code
 * processedAt} is the processing clock.
 */
public final class EnrichmentStage implements FixedKeyProcessor<String, Copy, EnrichedMention> {
  private final Enrichment enrichment;
  private FixedKeyProcessorContext<String, EnrichedMention> context;

  public EnrichmentStage(Enrichment enrichment) {
    this.enrichment = enrichment;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedMention> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Copy> record) {
    context.forward(
        record.withValue(enrichment.enrich(record.value(), context.currentSystemTimeMs())));
  }
}
