package io.sociallistening.app.bench;

import io.sociallistening.avro.Author;
import io.sociallistening.avro.Mention;
import io.sociallistening.connect.sample.SampleTimeline;
import io.sociallistening.serde.AvroTrust;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An endless stream of realistic mentions built from the six-hour sample timeline (four brands, a
 * crisis, leads, about 5% duplicates, a few invalid mentions). A feed of {@code copies} lays that
 * many copies of the timeline over the same six hours, as a firehose carries many people posting at
 * once: each sample mention is followed by its {@code copies - 1} siblings, which share its text
 * and time but have the id, repost target and author handle suffixed {@code -c} (distinct posts by
 * distinct people; duplicates inside one copy stay duplicates). Past {@code copies} timelines the
 * feed starts over six hours later with new suffixes. The crisis and the baselines scale together,
 * so the crisis stays a crisis.
 */
public final class MentionFeed {
  public static final Duration PERIOD = Duration.ofMinutes(SampleTimeline.MINUTES);
  public static final int MIN_COPIES = 32;

  static {
    AvroTrust.install(); // copying a Mention resolves its generated classes through Avro
  }

  private final List<SampleTimeline.Entry> timeline;
  private final long shiftMillis;
  private final int copies;

  /** The feed whose first timeline starts at {@code start}, {@code copies} timelines at a time. */
  public MentionFeed(List<SampleTimeline.Entry> timeline, Instant start, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1, got " + copies);
    }
    this.timeline = List.copyOf(timeline);
    this.shiftMillis = start.toEpochMilli() - SampleTimeline.START.toEpochMilli();
    this.copies = copies;
  }

  /** The sample timeline for its default seed, laid {@code copies} times from {@code start}. */
  public static MentionFeed sample(Instant start, int copies) {
    return new MentionFeed(SampleTimeline.generate(SampleTimeline.DEFAULT_SEED), start, copies);
  }

  /** Mentions in one copy of the timeline. */
  public int period() {
    return timeline.size();
  }

  /**
   * Copies needed for {@code records} mentions to fit in one six-hour span, and at least {@value
   * #MIN_COPIES}: a catch-up run reads partitions unevenly, and with fewer mentions per hour of
   * event time that skew exceeds the one-hour grace of the aggregates, which would then drop (and
   * log) late records no live stream would produce.
   */
  public static int copiesFor(long records, int period) {
    return (int) Math.max(MIN_COPIES, (records + period - 1) / period);
  }

  /** Where the feed must start for its first six hours to end an hour before {@code end}. */
  public static Instant startFor(Instant end) {
    return end.minus(PERIOD).minus(Duration.ofHours(1));
  }

  /** Mention {@code index} of the feed, at its place in time. */
  public Mention mention(long index) {
    long round = index / ((long) copies * timeline.size());
    Mention base = base(index);
    long shift = shiftMillis + round * PERIOD.toMillis();
    return copyOf(
        base,
        copy(index),
        base.getCreatedAt().plusMillis(shift),
        base.getFetchedAt().plusMillis(shift));
  }

  /** Mention {@code index} of the feed created and fetched at {@code now}, as a live post. */
  public Mention live(long index, Instant now) {
    return copyOf(base(index), copy(index), now, now);
  }

  private Mention base(long index) {
    long inRound = index % ((long) copies * timeline.size());
    return timeline.get((int) (inRound / copies)).mention();
  }

  private long copy(long index) {
    long round = index / ((long) copies * timeline.size());
    return round * copies + index % copies;
  }

  private static Mention copyOf(Mention base, long copy, Instant createdAt, Instant fetchedAt) {
    String suffix = "-" + copy;
    Author author = base.getAuthor();
    return Mention.newBuilder(base)
        .setId(base.getId() + suffix)
        .setRepostOf(base.getRepostOf() == null ? null : base.getRepostOf() + suffix)
        .setAuthor(Author.newBuilder(author).setHandle(author.getHandle() + suffix).build())
        .setCreatedAt(createdAt)
        .setFetchedAt(fetchedAt)
        .build();
  }
}
