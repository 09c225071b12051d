package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.topology.crisis.CrisisAlerts;
import java.time.Duration;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Crisis state stays bounded: every record of its stores stays well within Kafka's record size
 * whatever negative posts carry and however long the grace, and a brand nobody mentions any more is
 * forgotten.
 */
class CrisisStateLimitsTest {

  private static String letters(Random random, int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  @Test
  void shouldKeepABrandsStateSmallWhenNegativePostsCarryLongTokens() {
    try (PipelineFixture pipeline = new PipelineFixture()) {
      pipeline.rule("acme-1", "acme", "acme");
      Random random = new Random(1);
      for (int i = 0; i < 70; i++) {
        // base64 blobs, hashes, text without spaces: three 6,000-letter tokens per post
        String text =
            "acme is terrible, awful, horrible "
                + letters(random, 6_000)
                + " "
                + letters(random, 6_000)
                + " "
                + letters(random, 6_000);
        pipeline.send(mention("p" + i).text(text).by("user" + i, 10).at(T0.plusMillis(i)).build());
      }

      KeyValueStore<String, byte[]> store = pipeline.driver.getKeyValueStore(CrisisAlerts.STORE);
      assertThat(store.get("acme").length).isLessThan(64 * 1024);
    }
  }

  @Test
  void shouldCountANegativePostWithAWordLongerThanSixtyFourKilobytes() {
    PipelineSettings longTexts =
        PipelineFixture.settings(100_000, PipelineSettings.defaults().inputLimits());
    try (PipelineFixture pipeline = new PipelineFixture(longTexts)) {
      pipeline.rule("acme-1", "acme", "acme");
      String text = "acme is terrible, awful, horrible " + "a".repeat(70_000);

      assertThatCode(() -> pipeline.send(mention("long").text(text).at(T0).build()))
          .doesNotThrowAnyException();
      assertThat(pipeline.enriched.readValuesToList()).hasSize(1);
    }
  }

  /**
   * With an hour of grace, a brand has some sixty buckets open at once. Worst-case but valid posts
   * (five negative posts a minute, 2,000-character URLs, 200-character handles, 200 distinct
   * 48-letter words per post) must not make any single changelog record pass Kafka's default 1 MiB
   * record limit (max.request.size / message.max.bytes).
   */
  @Test
  void shouldKeepOneBrandsCrisisStateUnderKafkasRecordLimitWithAnHourOfGrace() {
    PipelineSettings hourGrace = PipelineSettings.defaults().withCrisisGrace(Duration.ofHours(1));
    try (PipelineFixture pipeline = new PipelineFixture(hourGrace)) {
      pipeline.rule("acme-1", "acme", "acme");
      Random random = new Random(7);
      for (int n = 0; n < 300; n++) {
        int minute = n / 5;
        StringBuilder text = new StringBuilder("acme is terrible, awful, horrible");
        for (int w = 0; w < 200; w++) {
          text.append(' ').append(letters(random, 48));
        }
        Mention post =
            Mention.newBuilder(mention("p" + n).at(T0.plusSeconds(minute * 60L + n % 5)).build())
                .setText(text.toString())
                .setUrl("https://example.com/" + "y".repeat(2_000) + n)
                .setAuthor(
                    Author.newBuilder()
                        .setHandle("u" + "x".repeat(200) + n)
                        .setDisplayName(null)
                        .setFollowers(10L)
                        .setUrl(null)
                        .build())
                .build();
        pipeline.send(post);
      }

      KeyValueStore<String, byte[]> store = pipeline.driver.getKeyValueStore(CrisisAlerts.STORE);
      assertThat(store.get("acme").length)
          .as("bytes of one brand's crisis state (one changelog record)")
          .isLessThan(64 * 1024);
      KeyValueStore<Bytes, byte[]> buckets =
          pipeline.driver.getKeyValueStore(CrisisAlerts.BUCKET_STORE);
      int open = 0;
      int largest = 0;
      try (KeyValueIterator<Bytes, byte[]> all = buckets.all()) {
        while (all.hasNext()) {
          open++;
          largest = Math.max(largest, all.next().value.length);
        }
      }
      assertThat(open).as("open buckets of the brand").isEqualTo(60);
      assertThat(largest)
          .as("bytes of the largest open bucket (one changelog record)")
          .isLessThan(64 * 1024);
    }
  }

  /**
   * A brand whose rules were deleted (or renamed) gets no more mentions; its state must not stay in
   * the store, decoded and fed empty buckets on every punctuation, forever.
   */
  @Test
  void shouldForgetTheCrisisStateOfABrandWithoutRulesOrTrafficForWeeks() {
    try (PipelineFixture pipeline = new PipelineFixture()) {
      pipeline.rule("old-1", "oldbrand", "oldbrand");
      pipeline.rule("nimbus-1", "nimbus", "nimbus");
      pipeline.send(mention("o1").text("oldbrand is fine").at(T0).build());
      pipeline.deleteRule("old-1");
      for (int day = 1; day <= 60; day++) {
        pipeline.send(
            mention("n" + day).text("nimbus is fine").at(T0.plus(Duration.ofDays(day))).build());
      }

      KeyValueStore<String, byte[]> store = pipeline.driver.getKeyValueStore(CrisisAlerts.STORE);
      assertThat(store.get("oldbrand"))
          .as("crisis state of a brand without rules and without a mention for 60 days")
          .isNull();
      assertThat(store.get("nimbus")).as("crisis state of a brand mentioned daily").isNotNull();
    }
  }

  @Test
  void shouldKeepTheCrisisStateOfABrandUntilItHasGoneUnmentionedForTheDetectorsLongestMemory() {
    try (PipelineFixture pipeline = new PipelineFixture()) {
      pipeline.rule("old-1", "oldbrand", "oldbrand");
      pipeline.rule("nimbus-1", "nimbus", "nimbus");
      pipeline.send(mention("o1").text("oldbrand is fine").at(T0).build());
      KeyValueStore<String, byte[]> store = pipeline.driver.getKeyValueStore(CrisisAlerts.STORE);

      pipeline.send(
          mention("n1")
              .text("nimbus is fine")
              .at(T0.plus(Duration.ofDays(28)).minusSeconds(120))
              .build());
      assertThat(store.get("oldbrand")).as("two minutes before 28 days").isNotNull();

      pipeline.send(
          mention("n2")
              .text("nimbus is fine")
              .at(T0.plus(Duration.ofDays(28)).plusSeconds(120))
              .build());
      assertThat(store.get("oldbrand")).as("two minutes after 28 days").isNull();
    }
  }
}
