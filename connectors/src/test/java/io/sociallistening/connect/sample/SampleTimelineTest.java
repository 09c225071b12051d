package io.sociallistening.connect.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Mention;
import io.sociallistening.connect.MentionJson;
import io.sociallistening.connect.MentionKey;
import io.sociallistening.connect.sample.SampleTimeline.Entry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleTimelineTest {
  private static final Path BUNDLED = Path.of("src/main/resources/sample/mentions.jsonl.gz");
  private static final Path README = Path.of("src/main/resources/sample/README.md");
  private static List<Entry> sample;

  @BeforeAll
  static void generate() {
    sample = SampleTimeline.generate(SampleTimeline.DEFAULT_SEED);
  }

  @Test
  void shouldGenerateTheSameFirstHundredMentionsForTheSameSeed() {
    List<Entry> again = SampleTimeline.generate(SampleTimeline.DEFAULT_SEED);
    List<Entry> other = SampleTimeline.generate(SampleTimeline.DEFAULT_SEED + 1);

    for (int i = 0; i < 100; i++) {
      assertThat(MentionJson.write(again.get(i).mention()))
          .isEqualTo(MentionJson.write(sample.get(i).mention()));
    }
    assertThat(MentionJson.write(other.get(0).mention()))
        .isNotEqualTo(MentionJson.write(sample.get(0).mention()));
  }

  @Test
  void shouldWriteTheSameBytesForTheSameSeed() throws IOException {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();

    SampleTimeline.write(sample, a);
    SampleTimeline.write(SampleTimeline.generate(SampleTimeline.DEFAULT_SEED), b);

    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
  }

  @Test
  void shouldMatchTheBundledFileLineByLine() throws IOException {
    List<String> bundled = lines(Files.newInputStream(BUNDLED));

    assertThat(bundled).hasSize(sample.size());
    for (int i = 0; i < bundled.size(); i++) {
      assertThat(bundled.get(i)).isEqualTo(MentionJson.write(sample.get(i).mention()));
    }
    assertThat(Files.size(BUNDLED)).isLessThan(1 << 20);
  }

  @Test
  void shouldHaveTheCountsTheReadmeDocuments() throws IOException {
    String readme = Files.readString(README);
    Map<String, Long> summary = SampleTimeline.summary(sample);

    assertThat(summary).containsEntry("kind LEAD", 30L).containsEntry("kind INVALID", 10L);
    for (Map.Entry<String, Long> row : summary.entrySet()) {
      assertThat(readme).contains("| " + row.getKey() + " | " + row.getValue() + " |");
    }
  }

  @Test
  void shouldBurstAcmeAirNegativesDuringTheCrisisWindow() {
    Instant from = SampleTimeline.START.plusSeconds(SampleTimeline.CRISIS_START_MINUTE * 60L);
    Instant to = from.plusSeconds(SampleTimeline.CRISIS_MINUTES * 60L);
    long before = 0;
    long during = 0;
    for (Entry e : sample) {
      Instant t = e.mention().getCreatedAt();
      if (!"acme-air".equals(e.brand())
          || e.tone() != Tone.NEGATIVE
          || e.kind() == SampleKind.REDELIVERY) {
        continue;
      }
      if (t.isBefore(SampleTimeline.START.plusSeconds(4 * 3600))) {
        before++;
      } else if (!t.isBefore(from) && t.isBefore(to)) {
        during++;
      }
    }
    double perMinuteBefore = before / 240.0;
    double perMinuteDuring = during / 25.0;

    assertThat(perMinuteDuring / perMinuteBefore).isBetween(6.0, 10.0);
    assertThat(sample)
        .filteredOn(e -> e.kind() == SampleKind.CRISIS)
        .allSatisfy(
            e -> assertThat(e.mention().getCreatedAt()).isBetween(from, to.plusSeconds(600)));
  }

  @Test
  void shouldDeliverDuplicatesAsTheReadmeDescribes() {
    Map<String, Mention> firstByKey = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (Entry e : sample) {
      Mention m = e.mention();
      String key = MentionKey.of(m);
      if (e.kind() == SampleKind.REDELIVERY) {
        Mention first = firstByKey.get(key);
        assertThat(first).isNotNull();
        assertThat(m.getText()).isEqualTo(first.getText());
        assertThat(m.getFetchedAt()).isAfter(first.getFetchedAt());
      } else {
        assertThat(firstByKey.put(key, m)).as("key %s", key).isNull();
      }
      ids.add(m.getId());
      if (e.kind() == SampleKind.REPOST) {
        assertThat(m.getText()).contains("RT @");
        assertThat(ids).contains(m.getRepostOf());
      }
    }
  }

  @Test
  void shouldMakeInvalidMentionsBlankAndOthersNot() {
    assertThat(sample)
        .filteredOn(e -> e.mention().getText().isBlank())
        .extracting(Entry::kind)
        .hasSize(10)
        .containsOnly(SampleKind.INVALID);
  }

  @Test
  void shouldNameTheBrandInEveryBrandPost() {
    Map<String, List<String>> forms =
        Map.of(
            "acme-air", List.of("acme air", "acmeair"),
            "skyways", List.of("skyways"),
            "nimbus", List.of("nimbus", "x2 pro"),
            "brewly", List.of("brewly"));
    for (Entry e : sample) {
      if (e.brand() == null) {
        continue;
      }
      String text = e.mention().getText().toLowerCase(Locale.ROOT);
      String title =
          e.mention().getTitle() == null ? "" : e.mention().getTitle().toLowerCase(Locale.ROOT);
      assertThat(forms.get(e.brand()))
          .as("%s: %s", e.brand(), text)
          .anyMatch(f -> text.contains(f) || title.contains(f));
    }
  }

  @Test
  void shouldWriteHundredsOfDistinctTextsInThreeLanguages() {
    Map<String, Long> summary = SampleTimeline.summary(sample);

    assertThat(summary.get("distinct texts")).isGreaterThan(1_000L);
    assertThat(summary.get("language pt")).isGreaterThan(100L);
    assertThat(summary.get("language es")).isGreaterThan(100L);
  }

  private static List<String> lines(InputStream raw) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }
}
