package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sociallistening.topology.crisis.CrisisAlerts;
import java.util.Random;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Crisis state stays within Kafka's record size whatever words negative posts carry. */
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
}
