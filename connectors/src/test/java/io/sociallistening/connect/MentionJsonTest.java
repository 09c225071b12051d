package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import org.junit.jupiter.api.Test;

class MentionJsonTest {

  @Test
  void shouldWriteEveryFieldInTheDocumentedOrder() {
    Mention m = Fixtures.full().setTitle(null).setInReplyTo(null).build();

    assertThat(MentionJson.write(m)).isEqualTo(Fixtures.line("/json/full-mention.jsonl"));
  }

  @Test
  void shouldWriteNullsOfAMinimalMention() {
    assertThat(MentionJson.write(Fixtures.minimal().build()))
        .isEqualTo(Fixtures.line("/json/minimal-mention.jsonl"));
  }

  @Test
  void shouldReadWhatItWrites() {
    Mention full = Fixtures.full().build();
    Mention minimal = Fixtures.minimal().build();

    assertThat(MentionJson.read(MentionJson.write(full))).isEqualTo(full);
    assertThat(MentionJson.read(MentionJson.write(minimal))).isEqualTo(minimal);
  }

  @Test
  void shouldReadAbsentOptionalFieldsAsNull() {
    Mention m =
        MentionJson.read(
            "{\"platform\":\"REDDIT\",\"id\":\"1h\",\"author\":{\"handle\":\"bob\"},"
                + "\"text\":\"hi\",\"createdAt\":\"2026-01-05T10:00:00Z\",\"extra\":1}");

    assertThat(m.getPlatform()).isEqualTo(Platform.REDDIT);
    assertThat(m.getUrl()).isNull();
    assertThat(m.getAuthor().getFollowers()).isNull();
    assertThat(m.getEngagement()).isNull();
    assertThat(m.getCreatedAt()).isEqualTo(Fixtures.T0);
  }

  @Test
  void shouldReadAnUnknownPlatformAsUnknown() {
    String line = Fixtures.line("/json/minimal-mention.jsonl").replace("HACKER_NEWS", "THREADS");

    assertThat(MentionJson.read(line).getPlatform()).isEqualTo(Platform.UNKNOWN);
  }

  @Test
  void shouldTruncateTimestampsToMilliseconds() {
    String line =
        Fixtures.line("/json/minimal-mention.jsonl").replace("10:00:00.123Z", "10:00:00.123456Z");

    assertThat(MentionJson.read(line).getCreatedAt()).isEqualTo(Fixtures.T0.plusMillis(123));
  }

  @Test
  void shouldNameTheMissingOrWrongField() {
    String minimal = Fixtures.line("/json/minimal-mention.jsonl");

    assertThatThrownBy(() -> MentionJson.read(minimal.replace("\"text\":\"\",", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing required field 'text'");
    assertThatThrownBy(() -> MentionJson.read(minimal.replace("\"pg1\"", "null")))
        .hasMessage("Missing required field 'author.handle'");
    assertThatThrownBy(
            () -> MentionJson.read(minimal.replace("\"followers\":null", "\"followers\":\"many\"")))
        .hasMessage("Field 'author.followers' is not an integer");
    assertThatThrownBy(
            () -> MentionJson.read(minimal.replace("2026-01-05T10:00:00.123Z", "yesterday")))
        .hasMessage("Field 'createdAt' is not an ISO-8601 instant: yesterday");
    assertThatThrownBy(() -> MentionJson.read("{\"platform\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not JSON: ");
    assertThatThrownBy(() -> MentionJson.read("[1,2]")).hasMessage("Not a JSON object");
  }
}
