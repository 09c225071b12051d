package io.sociallistening.topology.lead;

import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.SampleMention;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 6, lead alerts.
 *
 * <p>Input: key brand, value {@link EnrichedMention} (first copies only). Output: key brand, value
 * {@link Alert} of type LEAD with the post, author, reach, score and reasons. State: key-value
 * store {@value #STORE}, brand, platform and author handle ({@link #cooldownKey}) to the record
 * time of the author's latest lead alert for that brand; an entry is purged by a stream-time
 * punctuation once stream time is past it by the cooldown plus how late a mention may arrive
 * ({@code lateness}), so a lead that arrives late still finds the entry it is within the cooldown
 * of. Time: record time; one alert per brand and author within {@code cooldown} either side of the
 * author's latest alerted lead, whatever order the leads arrive in. A lead later than {@code
 * lateness} behind the task's stream time raises none (its entry may be purged, and the brand
 * windows no longer count it either). Brands tracked as competitors get none.
 */
public final class LeadAlerts implements Processor<String, EnrichedMention, String, Alert> {
  public static final String STORE = "lead-author-cooldown";
  private static final int MAX_TEXT = 280;

  private final long cooldown;
  private final long lateness;
  private final LeadDecision leads;
  private KeyValueStore<String, Long> lastAlert;
  private ProcessorContext<String, Alert> context;

  /**
   * @param leads which mentions are leads for a brand (its threshold; none for a competitor), the
   *     decision the brand windows count by too
   * @param lateness how late (behind stream time) a mention may arrive and still count
   */
  public LeadAlerts(Duration cooldown, LeadDecision leads, Duration lateness) {
    this.cooldown = cooldown.toMillis();
    this.lateness = lateness.toMillis();
    this.leads = leads;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.lastAlert = context.getStateStore(STORE);
    context.schedule(
        Duration.ofMillis(Math.max(60_000, cooldown)), PunctuationType.STREAM_TIME, this::purge);
  }

  @Override
  public void process(Record<String, EnrichedMention> record) {
    EnrichedMention mention = record.value();
    String brand = record.key();
    if (!leads.isLead(brand, mention)) {
      return;
    }
    if (record.timestamp() < context.currentStreamTimeMs() - lateness) {
      return;
    }
    var raw = mention.getMention();
    String author = raw.getAuthor().getHandle();
    String cooldownKey = cooldownKey(brand, raw.getPlatform().name(), author);
    Long last = lastAlert.get(cooldownKey);
    if (last != null && Math.abs(record.timestamp() - last) < cooldown) {
      return;
    }
    lastAlert.put(
        cooldownKey, last == null ? record.timestamp() : Math.max(last, record.timestamp()));
    double score = mention.getLead().getScore();
    String text =
        raw.getText().length() > MAX_TEXT ? raw.getText().substring(0, MAX_TEXT) : raw.getText();
    Alert alert =
        Alert.newBuilder()
            .setId("lead:" + brand + ":" + mention.getKey())
            .setType(AlertType.LEAD)
            .setBrand(brand)
            .setSeverity(Math.max(1, Math.min(10, (int) Math.ceil(score * 10))))
            .setEventTime(raw.getCreatedAt())
            .setEpisodeId(null)
            .setSummary(
                String.format(
                    Locale.ROOT,
                    "Lead for %s (score %.2f): @%s on %s: %s",
                    brand,
                    score,
                    author,
                    raw.getPlatform().name().toLowerCase(Locale.ROOT),
                    text))
            .setMetrics(null)
            .setTopTerms(List.of())
            .setTopSources(List.of(raw.getPlatform().name().toLowerCase(Locale.ROOT)))
            .setReasons(mention.getLead().getReasons())
            .setScore(score)
            .setSamples(
                List.of(
                    SampleMention.newBuilder()
                        .setKey(mention.getKey())
                        .setUrl(raw.getUrl())
                        .setAuthor(author)
                        .setFollowers(raw.getAuthor().getFollowers())
                        .setText(text)
                        .setSentiment(mention.getSentiment().getCompound())
                        .build()))
            .build();
    context.forward(new Record<>(brand, alert, record.timestamp()));
  }

  /**
   * The cooldown entry of an author: brand (its length first, so that no brand and handle run into
   * another's), platform and handle; the same handle on two platforms is two people.
   */
  static String cooldownKey(String brand, String platform, String handle) {
    return brand.length() + ":" + brand + "|" + platform + "|" + handle;
  }

  private void purge(long streamTime) {
    try (KeyValueIterator<String, Long> all = lastAlert.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        if (streamTime - entry.value >= cooldown + lateness) {
          lastAlert.delete(entry.key);
        }
      }
    }
  }
}
