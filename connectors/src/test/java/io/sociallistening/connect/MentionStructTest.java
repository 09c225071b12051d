package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class MentionStructTest {

  @Test
  void shouldRoundTripAMentionWithEveryFieldSet() {
    Mention m = Fixtures.full().build();

    Struct s = MentionStruct.toStruct(m);

    s.validate();
    assertThat(MentionStruct.fromStruct(s)).isEqualTo(m);
    assertThat(s.getString("platform")).isEqualTo("BLUESKY");
    assertThat(s.get("createdAt")).isEqualTo(new Date(Fixtures.T0.toEpochMilli()));
    assertThat(s.getStruct("engagement").getInt64("replies")).isEqualTo(3L);
  }

  @Test
  void shouldRoundTripAMentionWithOnlyRequiredFields() {
    Mention m = Fixtures.minimal().build();

    Struct s = MentionStruct.toStruct(m);

    s.validate();
    assertThat(MentionStruct.fromStruct(s)).isEqualTo(m);
    assertThat(s.get("engagement")).isNull();
    assertThat(s.get("fetchedAt")).isNull();
  }

  @Test
  void shouldDescribeTheAvroRecord() {
    Schema schema = MentionStruct.SCHEMA;

    assertThat(schema.name()).isEqualTo("io.sociallistening.avro.Mention");
    assertThat(schema.field("createdAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(schema.field("createdAt").schema().isOptional()).isFalse();
    assertThat(schema.field("fetchedAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(schema.field("fetchedAt").schema().isOptional()).isTrue();
    assertThat(schema.field("author").schema().name()).isEqualTo("io.sociallistening.avro.Author");
    assertThat(schema.field("engagement").schema().name())
        .isEqualTo("io.sociallistening.avro.Engagement");
    assertThat(schema.field("engagement").schema().isOptional()).isTrue();
    assertThat(schema.fields())
        .extracting(f -> f.name() + (f.schema().isOptional() ? "?" : ""))
        .containsExactly(
            "platform",
            "id",
            "url?",
            "author",
            "title?",
            "text",
            "language?",
            "createdAt",
            "fetchedAt?",
            "inReplyTo?",
            "repostOf?",
            "engagement?",
            "source?");
  }

  @Test
  void shouldReadAnUnknownPlatformAsUnknown() {
    Struct s = MentionStruct.toStruct(Fixtures.minimal().build()).put("platform", "THREADS");

    assertThat(MentionStruct.fromStruct(s).getPlatform()).isEqualTo(Platform.UNKNOWN);
  }

  @Test
  void shouldRefuseAStructWithoutAuthor() {
    Struct s = new Struct(MentionStruct.SCHEMA).put("platform", "BLUESKY").put("id", "x");

    assertThatThrownBy(() -> MentionStruct.fromStruct(s))
        .isInstanceOf(DataException.class)
        .hasMessage("Mention struct has no author");
  }
}
