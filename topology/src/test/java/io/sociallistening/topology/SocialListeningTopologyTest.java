package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.crisis.CrisisAlerts;
import io.sociallistening.topology.dedup.ExactDedup;
import io.sociallistening.topology.lead.LeadThresholds;
import io.sociallistening.topology.match.BrandRules;
import io.sociallistening.topology.validate.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialListeningTopologyTest {
  private PipelineFixture pipeline;

  @BeforeEach
  void setUp() {
    pipeline = new PipelineFixture();
    pipeline.rule("acme-1", "acme-air", "\"acme air\" OR acmeair");
    pipeline.rule("nimbus-1", "nimbus", "nimbus");
  }

  @AfterEach
  void tearDown() {
    pipeline.close();
  }

  @Test
  void shouldSendUndecodableRecordsToDeadLettersWithHeadersAndGoOn() {
    byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);
    pipeline.sendBytes("k1", garbage, T0);
    pipeline.send(mention("p1").text("Flying Acme Air today").at(T0.plusSeconds(1)).build());

    TestRecord<byte[], byte[]> dead = pipeline.deadLetters.readRecord();
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
    assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.STAGE))
        .isEqualTo("validate");
    assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ERROR))
        .startsWith("undecodable: Not in Confluent wire format: unknown magic byte 0x7b");
    assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ORIGIN_TOPIC))
        .isEqualTo("social.mentions.raw");
    assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ORIGIN_OFFSET))
        .isEqualTo("0");
    assertThat(pipeline.deadLetters.isEmpty()).isTrue();
    assertThat(pipeline.enriched.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("bluesky:p1");
  }

  @Test
  void shouldSendInvalidMentionsToDeadLetters() {
    pipeline.send(mention("blank").text("   ").at(T0).build());
    pipeline.send(mention("old").at(Instant.parse("1999-12-31T23:59:59Z")).build());

    List<TestRecord<byte[], byte[]>> dead = pipeline.deadLetters.readRecordsToList();
    assertThat(dead)
        .extracting(r -> DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.ERROR))
        .containsExactly("text is blank", "createdAt 1999-12-31T23:59:59Z is before 2000-01-01");
    assertThat(pipeline.enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldTimeADeadLetterWhenItIsWrittenAndKeepItsOriginalTimeInAHeader() {
    // the connectors time a raw record by the post's date: a dead letter keeping that time would
    // be years past the dead-letter topic's retention and deleted at once
    Instant old = Instant.parse("1999-12-31T23:59:59Z");
    pipeline.sendBytes(
        "bluesky:old",
        pipeline.mentions.serialize(
            pipeline.settings.topics().raw(), mention("old").at(old).build()),
        old);

    TestRecord<byte[], byte[]> dead = pipeline.deadLetters.readRecord();
    assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ERROR))
        .isEqualTo("createdAt 1999-12-31T23:59:59Z is before 2000-01-01");
    assertThat(dead.getRecordTime()).isEqualTo(T0);
    assertThat(DeadLetterHeaders.get(dead.headers(), DeadLetterHeaders.ORIGIN_TIMESTAMP))
        .isEqualTo(Long.toString(old.toEpochMilli()));
  }

  @Test
  void shouldTimeAPostDatedAfterItWasFetchedAtItsFetchTime() {
    // a feed three hours ahead: the post keeps its createdAt, the records take the fetch time
    Mention ahead =
        Mention.newBuilder(
                mention("tz").text("Nimbus X2 is great").at(T0.plusSeconds(10_800)).build())
            .setFetchedAt(T0)
            .build();
    pipeline.sendBytes(
        "bluesky:tz",
        pipeline.mentions.serialize(pipeline.settings.topics().raw(), ahead),
        T0.plusSeconds(1));

    TestRecord<String, EnrichedMention> enriched = pipeline.enriched.readRecord();
    assertThat(enriched.getRecordTime()).isEqualTo(T0);
    assertThat(enriched.getValue().getMention().getCreatedAt()).isEqualTo(T0.plusSeconds(10_800));
    assertThat(pipeline.sentiment1m.readValuesToList())
        .extracting(BrandSentimentWindow::getBrand, BrandSentimentWindow::getWindowStart)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("nimbus", T0));
  }

  @Test
  void shouldCountAMentionTooLateForItsClosedCrisisBucket() {
    // the brand's bucket of 13:00 closes once stream time passes 13:01 plus the grace
    pipeline.send(mention("a").text("Nimbus X2 is terrible").at(T0.plusSeconds(10_800)).build());
    pipeline.send(mention("b").text("Nimbus X2 is bad").at(T0.plusSeconds(11_100)).build());
    pipeline.send(mention("late").text("Nimbus X2 is awful").at(T0).build());

    double late =
        pipeline.driver.metrics().entrySet().stream()
            .filter(e -> e.getKey().name().equals(CrisisAlerts.LATE + "-total"))
            .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
            .sum();
    assertThat(late).isEqualTo(1.0);
    assertThat(pipeline.enriched.readValuesToList()).hasSize(3);
  }

  @Test
  void shouldRemoveATasksOwnMetricsWhenTheTaskCloses() {
    pipeline.send(mention("a").text("Nimbus X2 is terrible").at(T0).build());
    assertThat(projectMetricNames())
        .contains(ExactDedup.DUPLICATES + "-total", CrisisAlerts.LATE + "-total");

    // a task that moves to another instance on a rebalance is closed here: its series must go
    // with it, not stay behind frozen at their last value
    pipeline.close();

    assertThat(projectMetricNames()).isEmpty();
  }

  private List<String> projectMetricNames() {
    return pipeline.driver.metrics().keySet().stream()
        .filter(name -> name.group().equals("stream-" + ExactDedup.METRICS_SCOPE + "-metrics"))
        .map(org.apache.kafka.common.MetricName::name)
        .toList();
  }

  @Test
  void shouldEmitOneEnrichedMentionWhenTheSamePostArrivesTwiceUnderDifferentKeys() {
    var post = mention("p7").text("My Nimbus X2 battery is great").at(T0).build();
    pipeline.send("bluesky:p7", post);
    pipeline.send(
        "connector-b/p7",
        mention("p7").text("My Nimbus X2 battery is great").at(T0.plusSeconds(30)).build());

    List<EnrichedMention> out = pipeline.enriched.readValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getKey()).isEqualTo("bluesky:p7");
    assertThat(out.get(0).getDuplicates().getCopyCount()).isEqualTo(1);
    List<BrandSentimentWindow> windows = pipeline.sentiment1m.readValuesToList();
    BrandSentimentWindow last = windows.get(windows.size() - 1);
    assertThat(last.getVolume()).isEqualTo(2);
    assertThat(last.getUniqueVolume()).isEqualTo(1);
    assertThat(last.getReach()).isEqualTo(240);
  }

  @Test
  void shouldCountARedeliveredCopyInVolumeButNotInUniqueVolume() {
    var post = mention("p8").text("Acme Air crew was lovely").at(T0.plusSeconds(3)).build();
    pipeline.send(post);
    pipeline.send(mention("p8").text("Acme Air crew was lovely").at(T0.plusSeconds(3)).build());

    assertThat(pipeline.enriched.readValuesToList()).hasSize(1);
    List<BrandSentimentWindow> windows = pipeline.sentiment1m.readValuesToList();
    BrandSentimentWindow last = windows.get(windows.size() - 1);
    assertThat(last.getVolume()).isEqualTo(2);
    assertThat(last.getUniqueVolume()).isEqualTo(1);
  }

  @Test
  void shouldMatchRulesAndFollowRuleChangesWithoutRestart() {
    pipeline.send(mention("a").text("brewly coffee is lovely").at(T0).build());
    pipeline.rule("brewly-1", "brewly", "brewly");
    pipeline.send(mention("b").text("brewly coffee is lovely").at(T0.plusSeconds(1)).build());
    pipeline.deleteRule("brewly-1");
    pipeline.send(mention("c").text("brewly coffee is lovely").at(T0.plusSeconds(2)).build());

    List<EnrichedMention> out = pipeline.enriched.readValuesToList();
    assertThat(out)
        .extracting(EnrichedMention::getKey)
        .containsExactly("bluesky:a", "bluesky:b", "bluesky:c");
    assertThat(out.get(0).getBrands()).isEmpty();
    assertThat(out.get(1).getBrands()).extracting(m -> m.getRuleId()).containsExactly("brewly-1");
    assertThat(out.get(2).getBrands()).isEmpty();
  }

  @Test
  void shouldAggregateSentimentPerBrandAndWindow() {
    pipeline.send(mention("1").text("I love Acme Air, great crew!").at(T0.plusSeconds(5)).build());
    pipeline.send(
        mention("2").text("Acme Air lost my bag, terrible service").at(T0.plusSeconds(10)).build());
    pipeline.send(mention("3").text("Boarding Acme Air flight 12").at(T0.plusSeconds(20)).build());
    pipeline.send(mention("4").text("Acme Air again").at(T0.plusSeconds(65)).build());

    List<BrandSentimentWindow> updates = pipeline.sentiment1m.readValuesToList();
    BrandSentimentWindow first =
        updates.stream()
            .filter(w -> w.getWindowStart().equals(T0))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(first.getBrand()).isEqualTo("acme-air");
    assertThat(first.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
    assertThat(first.getVolume()).isEqualTo(3);
    assertThat(first.getPositive()).isEqualTo(1);
    assertThat(first.getNegative()).isEqualTo(1);
    assertThat(first.getNeutral()).isEqualTo(1);
    assertThat(first.getNetSentiment()).isEqualTo(0.0);
    List<BrandSentimentWindow> hourly = pipeline.sentiment1h.readValuesToList();
    assertThat(hourly.get(hourly.size() - 1).getVolume()).isEqualTo(4);
  }

  @Test
  void shouldCountEachBrandsOwnSentimentInItsWindows() {
    // praise for one brand, an attack on the other
    pipeline.rule("skyways-1", "skyways", "skyways");
    pipeline.send(
        mention("p1")
            .text("I love flying Acme Air, great crew, but SkyWays is terrible and always late!")
            .at(T0.plusSeconds(5))
            .build());

    // the whole post is neutral: praise and attack cancel out
    EnrichedMention enriched = pipeline.enriched.readValue();
    assertThat(enriched.getSentiment().getLabel()).isEqualTo(SentimentLabel.NEUTRAL);
    List<BrandSentimentWindow> minutes = pipeline.sentiment1m.readValuesToList();
    BrandSentimentWindow acme = lastWindowOf("acme-air", minutes);
    BrandSentimentWindow skyways = lastWindowOf("skyways", minutes);
    assertThat(acme.getPositive()).isEqualTo(1);
    assertThat(acme.getNegative()).isZero();
    assertThat(acme.getMeanSentiment()).isPositive();
    assertThat(skyways.getNegative()).isEqualTo(1);
    assertThat(skyways.getMeanSentiment()).isNegative();
  }

  @Test
  void shouldRaiseAndCountALeadForTheBrandAPostTurnsToNotForTheCompetitorItLeaves() {
    pipeline.rule("skyways-1", "skyways", "skyways", "acme-air");
    pipeline.send(
        mention("s1")
            .by("kate", 300)
            .text("Done with SkyWays delays, thinking of switching to Acme Air. Is it worth it?")
            .at(T0)
            .build());

    var alerts = pipeline.alerts.readValuesToList();
    assertThat(alerts).extracting(a -> a.getBrand()).containsExactly("acme-air");
    assertThat(alerts.get(0).getType()).isEqualTo(AlertType.LEAD);
    // and the windows count the lead for that brand only
    List<BrandSentimentWindow> minutes = pipeline.sentiment1m.readValuesToList();
    assertThat(lastWindowOf("skyways", minutes).getVolume()).isEqualTo(1);
    assertThat(lastWindowOf("skyways", minutes).getLeads()).isZero();
    assertThat(lastWindowOf("acme-air", minutes).getLeads()).isEqualTo(1);
  }

  @Test
  void shouldApplyABrandsOwnLeadThresholdToItsAlertsAndItsWindows() {
    try (PipelineFixture strict =
        new PipelineFixture(
            PipelineSettings.defaults()
                .withLeadThresholds(LeadThresholds.parse(0.5, "nimbus=0.99")))) {
      strict.rule("nimbus-1", "nimbus", "nimbus");
      strict.rule("acme-1", "acme-air", "\"acme air\"");
      strict.send(
          mention("t1")
              .by("bob", 900)
              .text("Thinking of getting the Nimbus X2, is it worth it? Any recommendations?")
              .at(T0)
              .build());
      strict.send(
          mention("t2")
              .by("ann", 50)
              .text("Should I buy a ticket with Acme Air or wait? Any recommendations?")
              .at(T0.plusSeconds(5))
              .build());

      assertThat(strict.alerts.readValuesToList())
          .extracting(a -> a.getBrand())
          .containsExactly("acme-air");
      List<BrandSentimentWindow> minutes = strict.sentiment1m.readValuesToList();
      assertThat(lastWindowOf("nimbus", minutes).getLeads()).isZero();
      assertThat(lastWindowOf("acme-air", minutes).getLeads()).isEqualTo(1);
      List<BrandSentimentWindow> hours = strict.sentiment1h.readValuesToList();
      assertThat(lastWindowOf("nimbus", hours).getLeads()).isZero();
      assertThat(lastWindowOf("acme-air", hours).getLeads()).isEqualTo(1);
    }
  }

  @Test
  void shouldOpenOneCrisisPerEpisodeWithItsExplanationAndResolveIt() {
    // given three quiet hours of about 4 posts a minute, one in four negative
    int n = 0;
    for (int minute = 0; minute < 180; minute++) {
      for (int i = 0; i < 4; i++) {
        String text =
            i == 0
                ? "Acme Air flight " + n + " delayed again, annoying"
                : "Boarding my Acme Air flight " + n;
        pipeline.send(
            mention("q" + n++)
                .by("user" + (n % 50), 100)
                .text(text)
                .at(T0.plusSeconds(minute * 60L + i * 15L))
                .build());
      }
    }
    // when 20 angry posts a minute arrive for ten minutes, then it calms down for half an hour
    Instant onset = T0.plusSeconds(180 * 60L);
    for (int minute = 0; minute < 10; minute++) {
      for (int i = 0; i < 20; i++) {
        pipeline.send(
            mention("b" + n++)
                .by("angry" + i, 1000 * (i + 1))
                .text("Acme Air cancelled my flight " + n + ", worst airline ever #AcmeAirFail")
                .at(onset.plusSeconds(minute * 60L + i * 2L))
                .build());
      }
    }
    for (int minute = 10; minute < 45; minute++) {
      pipeline.send(
          mention("c" + n++)
              .text("Boarding my Acme Air flight")
              .at(onset.plusSeconds(minute * 60L))
              .build());
    }

    // then
    var alerts = pipeline.alerts.readValuesToList();
    assertThat(alerts)
        .extracting(a -> a.getType())
        .containsExactly(AlertType.CRISIS_OPENED, AlertType.CRISIS_RESOLVED);
    var opened = alerts.get(0);
    assertThat(opened.getBrand()).isEqualTo("acme-air");
    assertThat(opened.getMetrics().getBucketStart()).isBetween(onset, onset.plusSeconds(120));
    assertThat(opened.getMetrics().getNegativeVolume()).isEqualTo(20);
    assertThat(opened.getTopTerms()).contains("#acmeairfail", "cancelled");
    assertThat(opened.getSamples()).hasSize(5);
    assertThat(opened.getSamples().get(0).getAuthor()).isEqualTo("angry19");
    assertThat(opened.getSummary()).startsWith("Crisis for acme-air, severity ");
    assertThat(alerts.get(1).getEpisodeId()).isEqualTo(opened.getEpisodeId());
  }

  @Test
  void shouldRaiseOneLeadAlertPerAuthorWithinTheCooldown() {
    sendBobsLead(
        "l1", "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?", T0);
    sendBobsLead(
        "l2", "Should I buy the Nimbus X2 or wait? Any recommendations?", T0.plusSeconds(600));

    var alerts = pipeline.alerts.readValuesToList();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getType()).isEqualTo(AlertType.LEAD);
    assertThat(alerts.get(0).getBrand()).isEqualTo("nimbus");
    assertThat(alerts.get(0).getId()).isEqualTo("lead:nimbus:reddit:l1");
    assertThat(alerts.get(0).getReasons()).isNotEmpty();
    assertThat(alerts.get(0).getSamples().get(0).getAuthor()).isEqualTo("bob");
    // the windows count every lead, also those whose alert the cooldown held back
    assertThat(lastWindowOf("nimbus", pipeline.sentiment1h.readValuesToList()).getLeads())
        .isEqualTo(2);
  }

  @Test
  void shouldKeepTheCooldownForALeadThatArrivesLateWithinTheGrace() {
    sendBobsLead(
        "l1", "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?", T0);
    // other traffic of the task moves stream time 90 minutes on: past the 1 h cooldown, within
    // the cooldown plus the 1 h a mention may arrive late
    pipeline.send(mention("x1").text("Flying Acme Air today").at(T0.plusSeconds(3_600)).build());
    pipeline.send(mention("x2").text("Flying Acme Air again").at(T0.plusSeconds(5_400)).build());
    // bob's second lead post, written ten minutes after the first, arrives late
    sendBobsLead(
        "l2", "Should I buy the Nimbus X2 or wait? Any recommendations?", T0.plusSeconds(600));

    assertThat(pipeline.alerts.readValuesToList())
        .filteredOn(a -> a.getType() == AlertType.LEAD)
        .extracting(a -> a.getId().toString())
        .containsExactly("lead:nimbus:reddit:l1");
  }

  @Test
  void shouldKeepACooldownPerPlatformForTheSameHandle() {
    // "bob" on Reddit and "bob" on Bluesky are two people: the second one's lead was held back
    sendBobsLead(
        "l1", "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?", T0);
    pipeline.send(
        mention("l2")
            .on(Platform.BLUESKY)
            .by("bob", 900)
            .text("Should I buy the Nimbus X2 or wait? Any recommendations?")
            .at(T0.plusSeconds(600))
            .build());

    assertThat(pipeline.alerts.readValuesToList())
        .filteredOn(a -> a.getType() == AlertType.LEAD)
        .extracting(a -> a.getId().toString())
        .containsExactly("lead:nimbus:reddit:l1", "lead:nimbus:bluesky:l2");
  }

  @Test
  void shouldRaiseNoLeadAlertForALeadLaterThanAMentionMayArrive() {
    // past cooldown plus lateness the author's entry is purged: a lead that late raised a second
    // alert within the cooldown of the first (and the windows no longer count it)
    sendBobsLead(
        "l1", "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?", T0);
    for (int h = 1; h <= 4; h++) {
      pipeline.send(
          mention("x" + h)
              .text("Flying Acme Air today " + h)
              .at(T0.plusSeconds(3_600L * h))
              .build());
    }
    sendBobsLead(
        "l2", "Should I buy the Nimbus X2 or wait? Any recommendations?", T0.plusSeconds(600));

    assertThat(pipeline.alerts.readValuesToList())
        .filteredOn(a -> a.getType() == AlertType.LEAD)
        .extracting(a -> a.getId().toString())
        .containsExactly("lead:nimbus:reddit:l1");
  }

  @Test
  void shouldJudgeTheCooldownEitherSideOfAnAlertedLead() {
    // a cooldown of 10 minutes, shorter than the hour a mention may be late: a lead from 30
    // minutes before the alerted one was held back only because it arrived after it
    pipeline.close();
    pipeline =
        new PipelineFixture(
            PipelineSettings.defaults().withLeadAuthorCooldown(java.time.Duration.ofMinutes(10)));
    pipeline.rule("nimbus-1", "nimbus", "nimbus");
    sendBobsLead(
        "l2", "Should I buy the Nimbus X2 or wait? Any recommendations?", T0.plusSeconds(1_800));
    sendBobsLead(
        "l1", "Thinking of getting the Nimbus X2, is it worth it? Any recommendations?", T0);
    sendBobsLead("l3", "Is the Nimbus X2 worth it? Any recommendations?", T0.plusSeconds(1_500));

    assertThat(pipeline.alerts.readValuesToList())
        .filteredOn(a -> a.getType() == AlertType.LEAD)
        .extracting(a -> a.getId().toString())
        .containsExactly("lead:nimbus:reddit:l2", "lead:nimbus:reddit:l1");
  }

  @Test
  void shouldRefuseARuleWhoseIdIsNotItsKeyAndDropWhatTheKeyHeld() {
    // the book files rules by id and the compacted topic keeps one record per key: a rule under
    // another key would stay in force on running instances and be unknown to a restarted one
    pipeline.send(mention("p1").text("Flying Acme Air today").at(T0).build());
    pipeline.ruleTopic.pipeInput("acme-1", BrandRules.rule("acme-2", "acme-air", "\"acme air\""));
    pipeline.send(mention("p2").text("Flying Acme Air again").at(T0.plusSeconds(1)).build());

    List<EnrichedMention> out = pipeline.enriched.readValuesToList();
    assertThat(out.get(0).getBrands()).extracting(b -> b.getRuleId()).containsExactly("acme-1");
    assertThat(out.get(1).getBrands()).isEmpty();
  }

  /** A lead post of bob's on Reddit. */
  private void sendBobsLead(String id, String text, Instant at) {
    pipeline.send(mention(id).on(Platform.REDDIT).by("bob", 900).text(text).at(at).build());
  }

  private static BrandSentimentWindow lastWindowOf(
      String brand, List<BrandSentimentWindow> updates) {
    return updates.stream()
        .filter(w -> w.getBrand().equals(brand))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
