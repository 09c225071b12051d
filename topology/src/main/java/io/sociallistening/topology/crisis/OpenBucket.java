package io.sociallistening.topology.crisis;

import io.sociallistening.avro.EnrichedMention;
import io.sociallistening.avro.SampleMention;
import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.enrich.BrandSentiment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one brand's mentions in one bucket amount to, while the bucket is open: volume, negative
 * volume, reposts, and the material of an explanation (terms of negative posts, platforms, the most
 * visible negative samples). Bounded whatever the input limits: at most {@value #MAX_TERMS}
 * distinct terms of at most {@value Terms#MAX_TERM_LENGTH} characters and {@value #MAX_SAMPLES}
 * samples, each with at most {@value #MAX_SAMPLE_TEXT} characters of text, a URL of at most {@value
 * #MAX_SAMPLE_URL} characters (a longer one is left out rather than cut into a broken link) and an
 * author handle of at most {@value #MAX_SAMPLE_FIELD} characters; a mention whose key is longer
 * than that is counted but not taken as a sample. That is at most about 80 KB in {@link
 * #toBytes()}, some 5 to 25 KB in practice.
 */
final class OpenBucket {
  static final int MAX_TERMS = 200;
  static final int MAX_SAMPLES = 5;
  static final int MAX_SAMPLE_TEXT = 280;
  static final int MAX_SAMPLE_URL = 2_048;
  static final int MAX_SAMPLE_FIELD = 256;
  private static final byte VERSION = 1;

  final long start;
  long volume;
  long negative;
  long reposts;
  final Map<String, Integer> terms;
  final Map<String, Integer> platforms;
  final List<SampleMention> samples;

  OpenBucket(long start) {
    this(start, 0, 0, 0, new HashMap<>(), new HashMap<>(), new ArrayList<>());
  }

  private OpenBucket(
      long start,
      long volume,
      long negative,
      long reposts,
      Map<String, Integer> terms,
      Map<String, Integer> platforms,
      List<SampleMention> samples) {
    this.start = start;
    this.volume = volume;
    this.negative = negative;
    this.reposts = reposts;
    this.terms = terms;
    this.platforms = platforms;
    this.samples = samples;
  }

  void add(EnrichedMention mention, String brand) {
    volume++;
    var raw = mention.getMention();
    if (raw.getRepostOf() != null || raw.getText().startsWith("RT @")) {
      reposts++;
    }
    platforms.merge(raw.getPlatform().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    if (BrandSentiment.label(mention, brand) != SentimentLabel.NEGATIVE) {
      return;
    }
    negative++;
    Terms.count(raw.getText(), terms, MAX_TERMS);
    if (mention.getKey().length() > MAX_SAMPLE_FIELD) {
      return;
    }
    String url = raw.getUrl();
    SampleMention sample =
        SampleMention.newBuilder()
            .setKey(mention.getKey())
            .setUrl(url != null && url.length() > MAX_SAMPLE_URL ? null : url)
            .setAuthor(cut(raw.getAuthor().getHandle(), MAX_SAMPLE_FIELD))
            .setFollowers(raw.getAuthor().getFollowers())
            .setText(cut(raw.getText(), MAX_SAMPLE_TEXT))
            .setSentiment(BrandSentiment.compound(mention, brand))
            .build();
    samples.add(sample);
    samples.sort(BY_VISIBILITY);
    if (samples.size() > MAX_SAMPLES) {
      samples.remove(samples.size() - 1);
    }
  }

  private static String cut(String value, int length) {
    return value.length() > length ? value.substring(0, length) : value;
  }

  private static final Comparator<SampleMention> BY_VISIBILITY =
      Comparator.comparingLong((SampleMention s) -> s.getFollowers() == null ? 0 : s.getFollowers())
          .reversed()
          .thenComparing(SampleMention::getKey);

  /** The {@code n} most frequent keys of {@code counts}, ties broken alphabetically. */
  static List<String> top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** This bucket as a record of the bucket store (a version byte, then {@link #write}). */
  byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OpenBucket fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("Unknown open crisis bucket version " + version);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(DataOutputStream out) throws IOException {
    out.writeLong(start);
    out.writeLong(volume);
    out.writeLong(negative);
    out.writeLong(reposts);
    writeCounts(out, terms);
    writeCounts(out, platforms);
    out.writeInt(samples.size());
    for (SampleMention s : samples) {
      out.writeUTF(s.getKey());
      writeNullable(out, s.getUrl());
      out.writeUTF(s.getAuthor());
      out.writeLong(s.getFollowers() == null ? -1 : s.getFollowers());
      out.writeUTF(s.getText());
      out.writeDouble(s.getSentiment());
    }
  }

  static OpenBucket read(DataInputStream in) throws IOException {
    long start = in.readLong();
    long volume = in.readLong();
    long negative = in.readLong();
    long reposts = in.readLong();
    Map<String, Integer> terms = readCounts(in);
    Map<String, Integer> platforms = readCounts(in);
    int n = in.readInt();
    List<SampleMention> samples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      String url = readNullable(in);
      String author = in.readUTF();
      long followers = in.readLong();
      String text = in.readUTF();
      double sentiment = in.readDouble();
      samples.add(
          SampleMention.newBuilder()
              .setKey(key)
              .setUrl(url)
              .setAuthor(author)
              .setFollowers(followers < 0 ? null : followers)
              .setText(text)
              .setSentiment(sentiment)
              .build());
    }
    return new OpenBucket(start, volume, negative, reposts, terms, platforms, samples);
  }

  private static void writeCounts(DataOutputStream out, Map<String, Integer> counts)
      throws IOException {
    out.writeInt(counts.size());
    for (var e : counts.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue());
    }
  }

  private static Map<String, Integer> readCounts(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, Integer> counts = new HashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      counts.put(in.readUTF(), in.readInt());
    }
    return counts;
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
