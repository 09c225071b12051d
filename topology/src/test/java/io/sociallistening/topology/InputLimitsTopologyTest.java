package io.sociallistening.topology;

import static io.sociallistening.topology.MentionBuilder.mention;
import static io.sociallistening.topology.PipelineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Mention;
import io.sociallistening.topology.validate.DeadLetterHeaders;
import io.sociallistening.topology.validate.InputLimits;
import io.sociallistening.topology.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Oversized raw records go to dead letters naming the limit; records at a limit pass. */
class InputLimitsTopologyTest {
  private static PipelineSettings settings(int maxTextLength, InputLimits limits) {
    return PipelineFixture.settings(maxTextLength, limits);
  }

  @Test
  void shouldDeadLetterARecordOverTheByteLimitWithoutDecodingIt() {
    Mention big = mention("big").text("Flying Acme Air today " + "x".repeat(200)).at(T0).build();
    Mention small = mention("small").text("Flying Acme Air today").at(T0).build();
    try (PipelineFixture pipeline = new PipelineFixture(settings(20_000, limits(200)))) {
      int size = pipeline.mentions.serialize(pipeline.settings.topics().raw(), big).length;

      pipeline.send(big);
      pipeline.send(small);

      TestRecord<byte[], byte[]> dead = pipeline.deadLetters.readRecord();
      assertThat(header(dead, DeadLetterHeaders.LIMIT)).isEqualTo("input.max.record.bytes");
      assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("limit");
      assertThat(header(dead, DeadLetterHeaders.ERROR))
          .isEqualTo("record has " + size + " bytes, limit 200 (input.max.record.bytes)");
      assertThat(dead.value()).hasSize(size);
      assertThat(pipeline.deadLetters.isEmpty()).isTrue();
      assertThat(pipeline.enriched.readKeyValuesToList())
          .extracting(kv -> kv.key)
          .containsExactly("bluesky:small");
    }
  }

  @Test
  void shouldCutADeadLetterThatAKafkaRecordCouldNotHoldNamingItsSize() {
    // a 2 MB raw record (a raw topic allowing large messages): written whole, its dead letter was
    // over the producer's 1 MiB and failed the task at every restart
    Mention huge = mention("huge").text("Acme Air " + "x".repeat(2_000_000)).at(T0).build();
    Mention big = mention("big").text("Acme Air " + "y".repeat(800_000)).at(T0).build();
    try (PipelineFixture pipeline = new PipelineFixture(settings(20_000, limits(200)))) {
      byte[] hugeBytes = pipeline.mentions.serialize(pipeline.settings.topics().raw(), huge);
      byte[] bigBytes = pipeline.mentions.serialize(pipeline.settings.topics().raw(), big);

      pipeline.send(huge);
      pipeline.send(big);

      TestRecord<byte[], byte[]> cut = pipeline.deadLetters.readRecord();
      assertThat(size(cut)).isLessThanOrEqualTo(InputLimits.DEFAULT_DEAD_LETTER_BYTES);
      assertThat(cut.value()).hasSizeGreaterThan(InputLimits.DEFAULT_DEAD_LETTER_BYTES - 1024);
      assertThat(cut.value()).isEqualTo(Arrays.copyOf(hugeBytes, cut.value().length));
      assertThat(header(cut, DeadLetterHeaders.ORIGINAL_BYTES))
          .isEqualTo(Integer.toString(hugeBytes.length));
      TestRecord<byte[], byte[]> whole = pipeline.deadLetters.readRecord();
      assertThat(whole.value()).isEqualTo(bigBytes);
      assertThat(header(whole, DeadLetterHeaders.ORIGINAL_BYTES)).isNull();
    }
  }

  @Test
  void shouldKeepADeadLetterWithinTheBoundItsProducerAllows() {
    // With the producer's max.request.size raised to 4 MiB, the 2 MB record's dead letter is
    // whole.
    Mention huge = mention("huge").text("Acme Air " + "x".repeat(2_000_000)).at(T0).build();
    InputLimits limits =
        limits(200).withMaxDeadLetterBytes(InputLimits.deadLetterBytesFor(4 << 20));
    try (PipelineFixture pipeline = new PipelineFixture(settings(20_000, limits))) {
      byte[] hugeBytes = pipeline.mentions.serialize(pipeline.settings.topics().raw(), huge);

      pipeline.send(huge);

      TestRecord<byte[], byte[]> whole = pipeline.deadLetters.readRecord();
      assertThat(whole.value()).isEqualTo(hugeBytes);
      assertThat(header(whole, DeadLetterHeaders.ORIGINAL_BYTES)).isNull();
    }
  }

  @Test
  void shouldCutAnOversizedKeyAndLeaveOutOversizedHeadersOfADeadLetter() {
    // An undecodable record with a 2 MB key and 1 MB of headers (a raw topic allowing large
    // messages): its dead letter, written whole, failed the task at every restart.
    byte[] key = "k".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);
    byte[] value = "not avro".getBytes(StandardCharsets.UTF_8);
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", new byte[1_000_000]);
    try (PipelineFixture pipeline = new PipelineFixture(settings(20_000, limits(200)))) {
      pipeline.raw.pipeInput(new TestRecord<>(key, value, headers, T0));

      TestRecord<byte[], byte[]> dead = pipeline.deadLetters.readRecord();
      assertThat(size(dead)).isLessThanOrEqualTo(InputLimits.DEFAULT_DEAD_LETTER_BYTES);
      assertThat(dead.value()).isEqualTo(value);
      // the key cut to a quarter of the bound, leaving the rest to the value and headers
      assertThat(dead.key())
          .isEqualTo(Arrays.copyOf(key, InputLimits.DEFAULT_DEAD_LETTER_BYTES / 4));
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_KEY_BYTES)).isEqualTo("2000000");
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_HEADERS_BYTES)).isEqualTo("1000005");
      assertThat(dead.headers().lastHeader("trace")).isNull();
      assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo(Validation.STAGE);
      assertThat(header(dead, DeadLetterHeaders.ERROR)).startsWith("undecodable");
    }
  }

  @Test
  void shouldKeepItsOwnHeadersWhenLeavingOutThoseOfARecordThatWasADeadLetterBefore() {
    // a dead letter fed back to the raw topic: its old dlq.* headers are replaced by the new ones,
    // which must survive when the original headers are left out
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.STAGE, "old".getBytes(StandardCharsets.UTF_8));
    headers.add("trace", new byte[1_000_000]);
    try (PipelineFixture pipeline = new PipelineFixture(settings(20_000, limits(200)))) {
      sendUndecodable(pipeline, headers);

      TestRecord<byte[], byte[]> dead = pipeline.deadLetters.readRecord();
      assertThat(size(dead)).isLessThanOrEqualTo(InputLimits.DEFAULT_DEAD_LETTER_BYTES);
      assertThat(dead.headers().headers(DeadLetterHeaders.STAGE)).hasSize(1);
      assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo(Validation.STAGE);
      assertThat(header(dead, DeadLetterHeaders.ERROR)).startsWith("undecodable");
      assertThat(header(dead, DeadLetterHeaders.ORIGIN_TOPIC)).isNotNull();
      assertThat(dead.headers().lastHeader("trace")).isNull();
    }
  }

  @Test
  void shouldKeepTheOriginalHeadersOfADeadLetterThatFits() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
    try (PipelineFixture pipeline = new PipelineFixture(settings(20_000, limits(200)))) {
      sendUndecodable(pipeline, headers);

      TestRecord<byte[], byte[]> dead = pipeline.deadLetters.readRecord();
      assertThat(header(dead, "trace")).isEqualTo("abc");
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_HEADERS_BYTES)).isNull();
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_KEY_BYTES)).isNull();
      assertThat(dead.key()).isEqualTo("x:1".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Sends a raw record keyed {@code x:1} whose value is not Avro, with {@code headers}. */
  private static void sendUndecodable(PipelineFixture pipeline, RecordHeaders headers) {
    pipeline.raw.pipeInput(
        new TestRecord<>(
            "x:1".getBytes(StandardCharsets.UTF_8),
            "not avro".getBytes(StandardCharsets.UTF_8),
            headers,
            T0));
  }

  /** A record's key, value, header names and values, in bytes. */
  private static long size(TestRecord<byte[], byte[]> record) {
    long size = record.key().length + record.value().length;
    for (Header header : record.headers()) {
      size += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
    }
    return size;
  }

  @Test
  void shouldDeadLetterEachFieldOverItsLimitAndPassFieldsAtTheLimit() {
    InputLimits limits = new InputLimits(256 * 1024, 12, 40, 10);
    try (PipelineFixture pipeline = new PipelineFixture(settings(30, limits))) {
      pipeline.send(plain("text", "Acme Air " + "y".repeat(22)));
      Mention handle = plain("handle", "Acme Air");
      handle.getAuthor().setHandle("h".repeat(11));
      pipeline.send(handle);
      Mention url = plain("url", "Acme Air");
      url.setUrl("https://example.com/" + "u".repeat(21));
      pipeline.send(url);
      Mention title = plain("title", "Acme Air");
      title.setTitle("t".repeat(13));
      pipeline.send(title);
      pipeline.send(plain("i".repeat(11), "Acme Air"));
      Mention atLimits = plain("i".repeat(10), "Acme Air " + "y".repeat(21));
      atLimits.getAuthor().setHandle("h".repeat(10));
      atLimits.setUrl("https://example.com/" + "u".repeat(20));
      atLimits.setTitle("t".repeat(12));
      pipeline.send(atLimits);

      List<TestRecord<byte[], byte[]>> dead = pipeline.deadLetters.readRecordsToList();
      assertThat(dead)
          .extracting(r -> header(r, DeadLetterHeaders.LIMIT))
          .containsExactly(
              "text.max.length",
              "input.max.field.length",
              "input.max.url.length",
              "input.max.title.length",
              "input.max.field.length");
      assertThat(dead)
          .extracting(r -> header(r, DeadLetterHeaders.ERROR))
          .containsExactly(
              "text has 31 characters, limit 30 (text.max.length)",
              "author handle has 11 characters, limit 10 (input.max.field.length)",
              "url has 41 characters, limit 40 (input.max.url.length)",
              "title has 13 characters, limit 12 (input.max.title.length)",
              "id has 11 characters, limit 10 (input.max.field.length)");
      assertThat(pipeline.enriched.readKeyValuesToList())
          .extracting(kv -> kv.key)
          .containsExactly("bluesky:" + "i".repeat(10));
    }
  }

  /** A mention with short fields and no URL. */
  private static Mention plain(String id, String text) {
    Mention mention = mention(id).text(text).by("ann", 10).at(T0).build();
    mention.setUrl(null);
    return mention;
  }

  private static InputLimits limits(int maxRecordBytes) {
    InputLimits d = InputLimits.defaults();
    return new InputLimits(
        maxRecordBytes, d.maxTitleLength(), d.maxUrlLength(), d.maxFieldLength());
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return DeadLetterHeaders.get(record.headers(), name);
  }
}
