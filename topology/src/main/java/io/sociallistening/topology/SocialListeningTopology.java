package io.sociallistening.topology;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.BrandMatch;
import io.sociallistening.avro.BrandRule;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.ShareOfVoiceWindow;
import io.sociallistening.registry.SchemaRegistry;
import io.sociallistening.serde.AvroSerde;
import io.sociallistening.topology.aggregate.BrandWindows;
import io.sociallistening.topology.aggregate.ShareOfVoice;
import io.sociallistening.topology.crisis.CrisisAlerts;
import io.sociallistening.topology.dedup.Copy;
import io.sociallistening.topology.dedup.DedupSettings;
import io.sociallistening.topology.dedup.ExactDedup;
import io.sociallistening.topology.dedup.HomePartition;
import io.sociallistening.topology.dedup.KeyById;
import io.sociallistening.topology.dedup.NearDedup;
import io.sociallistening.topology.enrich.Enrichment;
import io.sociallistening.topology.enrich.EnrichmentStage;
import io.sociallistening.topology.lead.LeadAlerts;
import io.sociallistening.topology.lead.LeadDecision;
import io.sociallistening.topology.match.RuleBook;
import io.sociallistening.topology.match.RuleBookUpdater;
import io.sociallistening.topology.validate.MentionRules;
import io.sociallistening.topology.validate.Validated;
import io.sociallistening.topology.validate.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The whole pipeline, top to bottom as data flows (see the diagram in the README):
 *
 * <ol>
 *   <li>validate and normalise raw mentions; bad records to the dead-letter topic
 *   <li>key by platform id (re-partitioning only the records not already on the key's partition)
 *       and mark exact copies (counted)
 *   <li>match brand rules, detect language, score sentiment and leads; first copies to the enriched
 *       topic
 *   <li>re-key by brand; mark near-duplicate copies per brand; 1-minute and 1-hour sentiment
 *       aggregates; their changes re-keyed by window for each window's share of voice
 *   <li>crisis detection per brand
 *   <li>lead alerts
 * </ol>
 *
 * Every processor, store and repartition topic is named, so state survives topology changes.
 */
public final class SocialListeningTopology {
  public static final String BRAND_SENTIMENT_1M_STORE = "brand-sentiment-1m";
  public static final String BRAND_SENTIMENT_1H_STORE = "brand-sentiment-1h";
  public static final String SHARE_OF_VOICE_1M_STORE = "share-of-voice-1m";
  public static final String SHARE_OF_VOICE_1H_STORE = "share-of-voice-1h";
  private static final Duration MINUTE_RETENTION = Duration.ofDays(2);
  private static final Duration HOUR_RETENTION = Duration.ofDays(30);

  private SocialListeningTopology() {}

  /** Builds the topology with the bundled analysers and a fresh rule book. */
  public static Topology build(PipelineSettings settings, SchemaRegistry registry) {
    return build(settings, registry, new RuleBook(), Scorers.loadDefault(settings.leadThreshold()));
  }

  /** Builds the topology; {@code rules} is filled from the rules topic as the topology runs. */
  public static Topology build(
      PipelineSettings settings, SchemaRegistry registry, RuleBook rules, Scorers scorers) {
    Topics topics = settings.topics();
    Serde<String> strings = Serdes.String();
    Serde<byte[]> bytes = Serdes.ByteArray();
    AvroSerde<Mention> mentionSerde = AvroSerde.forValues(Mention.class, registry);
    // Enriched mentions go to the enriched topic and, once per brand, to mentions-by-brand: one
    // encoding per mention, with a per-thread encoder.
    ThreadLocalAvroSerde<EnrichedMention> enrichedSerde =
        ThreadLocalAvroSerde.forForwardedValues(EnrichedMention.class, registry);
    AvroSerde<BrandRule> ruleSerde = AvroSerde.forValues(BrandRule.class, registry);
    // Read and written on every update of both windowed aggregates.
    ThreadLocalAvroSerde<BrandSentimentWindow> windowSerde =
        ThreadLocalAvroSerde.forValues(BrandSentimentWindow.class, registry);
    AvroSerde<Alert> alertSerde = AvroSerde.forValues(Alert.class, registry);

    StreamsBuilder builder = new StreamsBuilder();

    // Rules: a global copy of the compacted rules topic on every instance, kept in the rule book.
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(RuleBookUpdater.STORE), strings, ruleSerde)
            .withLoggingDisabled(),
        topics.rules(),
        Consumed.with(strings, ruleSerde).withName("rules-source"),
        () -> new RuleBookUpdater(rules));

    // 1. Validate and normalise.
    MentionRules mentionRules = new MentionRules(settings.maxTextLength(), settings.inputLimits());
    Map<String, KStream<byte[], Validated>> validated =
        builder.stream(topics.raw(), Consumed.with(bytes, bytes).withName("raw-source"))
            .process(() -> new Validation(mentionSerde, mentionRules), Named.as(Validation.STAGE))
            .split(Named.as("validated-"))
            .branch((key, value) -> value.isValid(), Branched.as("accepted"))
            .defaultBranch(Branched.as("rejected"));
    validated
        .get("validated-rejected")
        .mapValues(Validated::rawValue, Named.as("dead-letter-bytes"))
        .to(topics.deadLetters(), Produced.with(bytes, bytes).withName("dead-letters-sink"));

    // 2. Exact dedup: copies of a post meet in one task through the re-key by platform id. Ids are
    // kept for the retention plus the aggregate grace: a post up to the grace late still counts in
    // its windows, so its copies must still be recognised then.
    Duration dedupRetention = settings.dedupRetention().plus(settings.aggregateGrace());
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(ExactDedup.STORE, dedupRetention, dedupRetention, false),
            strings,
            Serdes.Long()));
    // Records already keyed by id on their home partition go straight to dedup, the others
    // through the re-key topic pinned to the same partition count: one task sees every copy.
    HomePartition home = new HomePartition(settings.idPartitions());
    Map<String, KStream<String, KeyById.Keyed>> keyed =
        validated
            .get("validated-accepted")
            .process(() -> new KeyById(home), Named.as("key-by-mention-id"))
            .split(Named.as("keyed-"))
            .branch((key, value) -> value.atHome(), Branched.as("at-home"))
            .defaultBranch(Branched.as("elsewhere"));
    Repartitioned<String, Mention> byId =
        Repartitioned.<String, Mention>as("mentions-by-id")
            .withKeySerde(strings)
            .withValueSerde(mentionSerde);
    if (home.partitions() > 0) {
      byId = byId.withNumberOfPartitions(home.partitions());
    }
    KStream<String, Copy> copies =
        keyed
            .get("keyed-at-home")
            .mapValues(KeyById.Keyed::mention, Named.as("at-home-mentions"))
            .merge(
                keyed
                    .get("keyed-elsewhere")
                    .mapValues(KeyById.Keyed::mention, Named.as("rekeyed-mentions"))
                    .repartition(byId),
                Named.as("mentions-by-id-merge"))
            .process(
                () -> new ExactDedup(dedupRetention), Named.as(ExactDedup.STORE), ExactDedup.STORE);

    // 3. Brand matching, language, sentiment, lead score.
    Enrichment enrichment =
        new Enrichment(rules, scorers.languages(), scorers.sentiment(), scorers.leads());
    KStream<String, EnrichedMention> enriched =
        copies.processValues(() -> new EnrichmentStage(enrichment), Named.as("enrich"));
    enriched
        .filter(
            (key, value) -> value.getDuplicates().getDuplicateOf() == null,
            Named.as("first-copies"))
        .to(topics.enriched(), Produced.with(strings, enrichedSerde).withName("enriched-sink"));

    // 4. Per brand: near-duplicate copies marked (all of a brand meet in one task), then sentiment
    // windows (copies count in volume and reach). First copies are kept for their age limit plus
    // the aggregate grace, as exact dedup keeps ids.
    DedupSettings nearDedup =
        settings
            .nearDedup()
            .withMaxAge(settings.nearDedup().maxAge().plus(settings.aggregateGrace()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NearDedup.STORE), strings, Serdes.ByteArray())
            // Every copy raises its first copy's count: one changelog write per first copy and
            // commit instead of one per copy.
            .withCachingEnabled());
    KStream<String, EnrichedMention> byBrand =
        enriched
            .flatMap(SocialListeningTopology::perBrand, Named.as("key-by-brand"))
            .repartition(
                Repartitioned.<String, EnrichedMention>as("mentions-by-brand")
                    .withKeySerde(strings)
                    .withValueSerde(enrichedSerde))
            .processValues(
                () -> new NearDedup(nearDedup), Named.as(NearDedup.NAME), NearDedup.STORE);
    // A window counts the leads of its brand by the decision of the lead alerts (stage 6).
    LeadDecision leadDecision = new LeadDecision(settings.leadThresholds(), rules::isCompetitor);
    KStream<String, BrandSentimentWindow> minutes =
        aggregate(
            byBrand,
            BRAND_SENTIMENT_1M_STORE,
            Duration.ofMinutes(1),
            MINUTE_RETENTION,
            settings.aggregateGrace(),
            leadDecision,
            topics.sentiment1m(),
            strings,
            windowSerde);
    KStream<String, BrandSentimentWindow> hours =
        aggregate(
            byBrand,
            BRAND_SENTIMENT_1H_STORE,
            Duration.ofHours(1),
            HOUR_RETENTION,
            settings.aggregateGrace(),
            leadDecision,
            topics.sentiment1h(),
            strings,
            windowSerde);

    // Share of voice: the brands of a window meet through a re-key by window.
    ThreadLocalAvroSerde<ShareOfVoiceWindow> shareSerde =
        ThreadLocalAvroSerde.forValues(ShareOfVoiceWindow.class, registry);
    shareOfVoice(
        minutes,
        "1m",
        SHARE_OF_VOICE_1M_STORE,
        Duration.ofMinutes(1),
        MINUTE_RETENTION.plus(settings.aggregateGrace()),
        rules,
        topics.shareOfVoice1m(),
        strings,
        windowSerde,
        shareSerde);
    shareOfVoice(
        hours,
        "1h",
        SHARE_OF_VOICE_1H_STORE,
        Duration.ofHours(1),
        HOUR_RETENTION.plus(settings.aggregateGrace()),
        rules,
        topics.shareOfVoice1h(),
        strings,
        windowSerde,
        shareSerde);

    KStream<String, EnrichedMention> firstByBrand =
        byBrand.filter(
            (brand, value) -> value.getDuplicates().getDuplicateOf() == null,
            Named.as("brand-first-copies"));

    // 5. Crisis detection per brand.
    KStream<String, Alert> crises = crisisAlerts(builder, firstByBrand, settings);

    // 6. Lead alerts.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(LeadAlerts.STORE), strings, Serdes.Long()));
    KStream<String, Alert> leads =
        firstByBrand.process(
            () ->
                new LeadAlerts(
                    settings.leadAuthorCooldown(), leadDecision, settings.aggregateGrace()),
            Named.as("lead-detect"),
            LeadAlerts.STORE);

    crises
        .merge(leads, Named.as("alerts-merge"))
        .to(topics.alerts(), Produced.with(strings, alertSerde).withName("alerts-sink"));

    return builder.build();
  }

  private static Iterable<KeyValue<String, EnrichedMention>> perBrand(
      String key, EnrichedMention mention) {
    Set<String> brands = new LinkedHashSet<>();
    for (BrandMatch match : mention.getBrands()) {
      brands.add(match.getBrand());
    }
    List<KeyValue<String, EnrichedMention>> out = new ArrayList<>(brands.size());
    for (String brand : brands) {
      out.add(KeyValue.pair(brand, mention));
    }
    return out;
  }

  /**
   * The per-brand windows of one size, counting leads by {@code leads}; returns their change stream
   * (stamped, keyed by brand).
   */
  private static KStream<String, BrandSentimentWindow> aggregate(
      KStream<String, EnrichedMention> byBrand,
      String name,
      Duration size,
      Duration retention,
      Duration grace,
      LeadDecision leads,
      String topic,
      Serde<String> strings,
      Serde<BrandSentimentWindow> windowSerde) {
    KStream<String, BrandSentimentWindow> changes =
        byBrand
            .groupByKey(Grouped.as(name + "-group"))
            .windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
            .aggregate(
                BrandWindows::empty,
                (brand, mention, window) -> BrandWindows.add(brand, mention, window, leads),
                Named.as(name + "-aggregate"),
                Materialized.<String, BrandSentimentWindow, WindowStore<Bytes, byte[]>>as(name)
                    .withKeySerde(strings)
                    .withValueSerde(windowSerde)
                    .withRetention(retention.plus(grace)))
            .toStream(Named.as(name + "-changes"))
            .map(
                (window, value) ->
                    KeyValue.pair(
                        window.key(), BrandWindows.stamped(window.key(), window.window(), value)),
                Named.as(name + "-stamp"));
    changes.to(topic, Produced.with(strings, windowSerde).withName(name + "-sink"));
    return changes;
  }

  /**
   * Share of voice over the brand windows of one size (see {@link ShareOfVoice}): re-keyed by
   * window through the repartition topic {@code <store>-by-window}, the latest totals per brand
   * kept in the window store {@code store} (changelogged, cached: one output record per changed
   * window and commit), dropped once the window starts more than {@code retention} before stream
   * time. The change records of a window carry timestamps inside it, so each window key has one
   * time window in the store; a brand's change up to {@code retention} late still counts.
   */
  private static void shareOfVoice(
      KStream<String, BrandSentimentWindow> brandWindows,
      String size,
      String store,
      Duration windowSize,
      Duration retention,
      RuleBook rules,
      String topic,
      Serde<String> strings,
      Serde<BrandSentimentWindow> windowSerde,
      Serde<ShareOfVoiceWindow> shareSerde) {
    brandWindows
        .selectKey(
            (brand, window) -> ShareOfVoice.windowKey(size, window),
            Named.as(store + "-key-by-window"))
        .groupByKey(Grouped.with(store + "-by-window", strings, windowSerde))
        .windowedBy(TimeWindows.ofSizeAndGrace(windowSize, retention.minus(windowSize)))
        .aggregate(
            ShareOfVoice::empty,
            (key, brandWindow, window) ->
                ShareOfVoice.add(brandWindow, window, rules::competitorsOf),
            Named.as(store + "-aggregate"),
            Materialized.<String, ShareOfVoiceWindow, WindowStore<Bytes, byte[]>>as(store)
                .withKeySerde(strings)
                .withValueSerde(shareSerde)
                .withRetention(retention))
        .toStream(Named.as(store + "-changes"))
        .map((window, value) -> KeyValue.pair(window.key(), value), Named.as(store + "-unwindow"))
        .to(topic, Produced.with(strings, shareSerde).withName(store + "-sink"));
  }

  /** Stage 5: crisis detection per brand, over first copies keyed by brand, with its stores. */
  static KStream<String, Alert> crisisAlerts(
      StreamsBuilder builder,
      KStream<String, EnrichedMention> firstByBrand,
      PipelineSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CrisisAlerts.STORE),
                Serdes.String(),
                Serdes.ByteArray())
            // One changelog write per brand and commit instead of one per mention.
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CrisisAlerts.BUCKET_STORE),
                Serdes.Bytes(),
                Serdes.ByteArray())
            // One changelog write per open bucket and commit instead of one per mention.
            .withCachingEnabled());
    return firstByBrand.process(
        () -> new CrisisAlerts(settings.crisis(), settings.crisisGrace()),
        Named.as("crisis-detect"),
        CrisisAlerts.STORE,
        CrisisAlerts.BUCKET_STORE);
  }
}
