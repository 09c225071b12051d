package io.sociallistening.topology.crisis;

import static io.sociallistening.topology.crisis.SyntheticBrand.MINUTE;
import static io.sociallistening.topology.crisis.SyntheticBrand.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sociallistening.topology.crisis.CrisisEvent.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrisisDetectorTest {

  private static final int DAY = 1440;

  /** Day 3 (Thursday) 14:00 UTC, near the daily peak. */
  private static final int ONSET = 3 * DAY + 14 * 60;

  /** An event with the index of the bucket that caused it. */
  record Seen(Type type, int index, int severity, String episodeId) {}

  private static final class Run {
    final CrisisDetector detector;
    CrisisState state = CrisisState.initial();
    final List<Seen> events = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    int anomalous;

    Run(CrisisSettings settings) {
      detector = new CrisisDetector(settings);
    }

    Run feed(List<Bucket> buckets, int from, int to) {
      for (int i = from; i < to; i++) {
        Step step = detector.onBucket(state, buckets.get(i));
        steps.add(step);
        state = step.state();
        if (step.anomalous()) {
          anomalous++;
        }
        int index = i;
        step.event()
            .ifPresent(e -> events.add(new Seen(e.type(), index, e.severity(), e.episodeId())));
      }
      return this;
    }

    Run feed(List<Bucket> buckets) {
      return feed(buckets, 0, buckets.size());
    }
  }

  private static String episode(int index) {
    return Long.toString(T0 + index * MINUTE);
  }

  @Test
  void shouldNotOpenOnAQuietMonthWithDailyAndWeeklyRhythm() {
    // given 30 days of 1-minute buckets, 20 other + 4 negative per minute times the rhythm
    List<Bucket> month = new SyntheticBrand(42, 20, 4).buckets(30 * DAY);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(month);

    // then
    assertThat(run.events).isEmpty();
    assertThat(run.anomalous).isEqualTo(0);
    assertThat(run.state.bucketsSeen()).isEqualTo(43_200L);
  }

  @Test
  void shouldOpenOnASustainedModerateRiseOfASmallBrand() {
    // given a small brand (about 1 negative a minute) whose negatives rise 5x for 25 minutes:
    // about 3 deviations a bucket, below the single-bucket threshold
    List<Bucket> buckets =
        new SyntheticBrand(11, 6, 1).burst(ONSET, ONSET + 25, 5).buckets(ONSET + 90);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then the accumulated evidence opens one episode within minutes, and it resolves
    assertThat(run.events).filteredOn(e -> e.type() == Type.OPENED).hasSize(1);
    assertThat(run.events.get(0).type()).isEqualTo(Type.OPENED);
    assertThat(run.events.get(0).index()).isBetween(ONSET, ONSET + 6);
    Seen last = run.events.get(run.events.size() - 1);
    assertThat(last.type()).isEqualTo(Type.RESOLVED);
    assertThat(last.index()).isGreaterThanOrEqualTo(ONSET + 25);
  }

  @ParameterizedTest
  @CsvSource({
    // a small brand, about 1 negative a minute, where the CUSUM matters most
    "43, 6, 1",
    // a very quiet one, about 1 negative every five minutes, where a lone bucket could open
    "17, 1, 0.2"
  })
  void shouldNotOpenOnAQuietMonthOfASmallBrand(long seed, double otherRate, double negativeRate) {
    // given 30 days of the brand
    List<Bucket> month = new SyntheticBrand(seed, otherRate, negativeRate).buckets(30 * DAY);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(month);

    // then
    assertThat(run.events).isEmpty();
  }

  @Test
  void shouldOpenWithinTwoBucketsOfACrisisBurstAndResolveAfterIt() {
    // given negatives jump 8x for 30 minutes, other volume unchanged
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4).burst(ONSET, ONSET + 30, 8).buckets(ONSET + 120);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then it opens on the burst's first bucket (its evidence alone is twice what opens) and
    // resolves once the hour scale has calmed too, 70 minutes after the burst ends
    assertThat(run.events)
        .containsExactly(
            new Seen(Type.OPENED, ONSET, 7, episode(ONSET)),
            new Seen(Type.RESOLVED, ONSET + 100, 7, episode(ONSET)));
  }

  @Test
  void shouldOpenExactlyOneEpisodePerCrisisAndResolveEach() {
    // given two 30-minute 8x bursts two days apart (beyond the 24-hour cooldown)
    int second = ONSET + 2 * DAY;
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4)
            .burst(ONSET, ONSET + 30, 8)
            .burst(second, second + 30, 8)
            .buckets(second + 120);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then each crisis opens within 2 buckets of its onset (the first one widened the tail
    // statistics, so the second takes its second bucket) and resolves once
    assertThat(run.events)
        .extracting(Seen::type, Seen::index, Seen::episodeId)
        .containsExactly(
            tuple(Type.OPENED, ONSET, episode(ONSET)),
            tuple(Type.RESOLVED, ONSET + 100, episode(ONSET)),
            tuple(Type.OPENED, second + 2, episode(second + 2)),
            tuple(Type.RESOLVED, second + 88, episode(second + 2)));
  }

  @Test
  void shouldExplainTheOpenedEvent() {
    // given
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4).burst(ONSET, ONSET + 30, 8).buckets(ONSET + 2);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);
    CrisisEvent opened = run.steps.get(ONSET).event().orElseThrow();

    // then
    assertThat(opened.type()).isEqualTo(Type.OPENED);
    assertThat(opened.bucketStart()).isEqualTo(T0 + ONSET * MINUTE);
    assertThat(opened.bucketEnd()).isEqualTo(T0 + (ONSET + 1) * MINUTE);
    assertThat(opened.observed()).isEqualTo(buckets.get(ONSET).negative());
    assertThat(opened.reasons()).hasSize(4);
    assertThat(opened.reasons().get(0)).startsWith("negative volume ");
    assertThat(opened.reasons().get(1)).startsWith("negative share ");
  }

  @Test
  void shouldEscalateWhenTheBurstGrows() {
    // given negatives 4x for 10 minutes, then 16x for 20 minutes
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4)
            .burst(ONSET, ONSET + 10, 4)
            .burst(ONSET + 10, ONSET + 30, 16)
            .buckets(ONSET + 120);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then
    assertThat(run.events)
        .containsExactly(
            new Seen(Type.OPENED, ONSET + 1, 5, episode(ONSET + 1)),
            new Seen(Type.ESCALATED, ONSET + 10, 9, episode(ONSET + 1)),
            new Seen(Type.RESOLVED, ONSET + 107, 9, episode(ONSET + 1)));
  }

  @Test
  void shouldKeepOneEpisodeWhileTheHourScaleIsStillElevated() {
    // given two 10-minute bursts 10 minutes apart, no cooldown
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4)
            .burst(ONSET, ONSET + 10, 8)
            .burst(ONSET + 20, ONSET + 30, 8)
            .buckets(ONSET + 180);

    // when
    Run run = new Run(CrisisSettings.defaults().withCooldown(Duration.ZERO)).feed(buckets);

    // then the pause between the bursts is calm bucket by bucket but not on the hour scale, so the
    // second burst belongs to the first episode
    assertThat(run.events)
        .extracting(Seen::type, Seen::index)
        .containsExactly(tuple(Type.OPENED, ONSET), tuple(Type.RESOLVED, ONSET + 93));
  }

  @Test
  void shouldNotReopenWithinTheCooldown() {
    // given two 10-minute bursts 3 hours apart, after the first episode has resolved
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4)
            .burst(ONSET, ONSET + 10, 8)
            .burst(ONSET + 180, ONSET + 190, 8)
            .buckets(ONSET + 360);

    // when
    Run withCooldown = new Run(CrisisSettings.defaults()).feed(buckets);
    Run withoutCooldown =
        new Run(CrisisSettings.defaults().withCooldown(Duration.ZERO)).feed(buckets);

    // then
    assertThat(withCooldown.events)
        .extracting(Seen::type)
        .containsExactly(Type.OPENED, Type.RESOLVED);
    assertThat(withoutCooldown.events)
        .extracting(Seen::type, Seen::index)
        .containsExactly(
            tuple(Type.OPENED, ONSET),
            tuple(Type.RESOLVED, ONSET + 69),
            tuple(Type.OPENED, ONSET + 181),
            tuple(Type.RESOLVED, ONSET + 224));
  }

  @Test
  void shouldNotOpenBelowTheMinimumVolume() {
    // given a small brand: 0.3 negatives per minute jumping 30x (about 14 a minute at 14:00)
    List<Bucket> buckets =
        new SyntheticBrand(11, 2, 0.3).burst(ONSET, ONSET + 30, 30).buckets(ONSET + 180);

    // when
    Run gated = new Run(CrisisSettings.defaults().withMinVolume(30)).feed(buckets);
    Run ungated = new Run(CrisisSettings.defaults()).feed(buckets);

    // then
    assertThat(gated.events).isEmpty();
    assertThat(ungated.events)
        .extracting(Seen::type, Seen::index)
        .containsExactly(tuple(Type.OPENED, ONSET), tuple(Type.RESOLVED, ONSET + 92));
  }

  @Test
  void shouldNotScoreOrOpenDuringWarmUp() {
    // given a burst in the first hour, warm-up 120 buckets
    List<Bucket> buckets = new SyntheticBrand(7, 20, 4).burst(30, 60, 8).buckets(120);

    // when
    Run run = new Run(CrisisSettings.defaults().withWarmupBuckets(120)).feed(buckets);
    Run noWarmup = new Run(CrisisSettings.defaults().withWarmupBuckets(10)).feed(buckets);

    // then
    assertThat(run.events).isEmpty();
    assertThat(run.steps).extracting(Step::score).containsOnly(0.0);
    assertThat(noWarmup.events)
        .extracting(Seen::type, Seen::index)
        .startsWith(tuple(Type.OPENED, 30));
  }

  @Test
  void shouldGiveIdenticalStepsAfterAStateRoundTripMidEpisode() {
    // given a state inside an open episode
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4).burst(ONSET, ONSET + 30, 8).buckets(ONSET + 120);
    Run original = new Run(CrisisSettings.defaults()).feed(buckets, 0, ONSET + 10);
    assertThat(original.state.openEpisode()).contains(episode(ONSET));
    Run restored = new Run(CrisisSettings.defaults());
    restored.state = CrisisState.fromBytes(original.state.toBytes());

    // when
    original.steps.clear();
    original.events.clear();
    original.feed(buckets, ONSET + 10, ONSET + 120);
    restored.feed(buckets, ONSET + 10, ONSET + 120);

    // then
    assertThat(restored.steps).isEqualTo(original.steps);
    assertThat(restored.events)
        .containsExactly(new Seen(Type.RESOLVED, ONSET + 100, 7, episode(ONSET)));
  }

  @Test
  void shouldRejectAnUnknownStateVersion() {
    byte[] bytes = CrisisState.initial().toBytes();
    bytes[0] = 9;

    assertThatThrownBy(() -> CrisisState.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown crisis state format version 9");
  }

  @Test
  void shouldReadAVersion3StateWithAnEmptyHourScale() {
    // given a state mid-run, written in version 3 (version 4 without the last three doubles)
    List<Bucket> buckets =
        new SyntheticBrand(7, 20, 4).burst(ONSET, ONSET + 30, 8).buckets(ONSET + 10);
    CrisisState state = new Run(CrisisSettings.defaults()).feed(buckets).state;
    byte[] current = state.toBytes();
    byte[] v3 = Arrays.copyOf(current, current.length - 24);
    v3[0] = 3;

    // when
    CrisisState read = CrisisState.fromBytes(v3);

    // then
    assertThat(state.hourEvidence()).isGreaterThan(0.0);
    assertThat(read.hourEvidence()).isEqualTo(0.0);
    assertThat(read.hourTailMean()).isEqualTo(0.0);
    assertThat(read.hourTailVariance()).isEqualTo(1.0);
    byte[] again = read.toBytes();
    assertThat(again[0]).isEqualTo((byte) 4);
    assertThat(Arrays.copyOfRange(again, 1, again.length - 24))
        .isEqualTo(Arrays.copyOfRange(current, 1, current.length - 24));
  }

  @Test
  void shouldOpenOnAHeldRiseOfASpikySeriesThatTheTwoBucketEvidenceAloneMisses() {
    // given a series whose negatives spike 10x for 2 minutes every 2 hours (so a two-bucket spike
    // is usual), then hold 3x for 80 minutes from day 5, 14:00; a 1-hour cooldown so that the
    // spikes' own early episodes do not mask the rise
    int rise = 5 * DAY + 14 * 60;
    SyntheticBrand brand = new SyntheticBrand(5, 20, 4);
    for (int spike = 60; spike < rise + DAY; spike += 120) {
      brand.burst(spike, spike + 2, 10);
    }
    List<Bucket> buckets = brand.burst(rise, rise + 80, 3).buckets(rise + 200);
    Run run = new Run(CrisisSettings.defaults().withCooldown(Duration.ofHours(1)));

    // when
    run.feed(buckets, 0, rise);
    List<Double> twoBucketScores = new ArrayList<>();
    CrisisState before = run.state;
    for (int i = rise; i < rise + 80; i++) {
      run.feed(buckets, i, i + 1);
      CrisisState after = run.state;
      double mean = 0.5 * (after.evidence() + before.evidence());
      double likelihood =
          (mean - before.tailMean()) / Math.sqrt(Math.max(0.01, before.tailVariance()));
      twoBucketScores.add(
          Math.tanh(Math.max(0, likelihood) / run.detector.settings().scoreScale()));
      before = after;
    }

    // then the hour scale opens one episode during the rise, although no two-bucket mean of the
    // rise reaches the opening score
    assertThat(run.events)
        .filteredOn(e -> e.type() == Type.OPENED && e.index() >= rise)
        .extracting(Seen::index)
        .containsExactly(rise + 36);
    assertThat(twoBucketScores).allMatch(score -> score < 0.8);
  }

  @Test
  void shouldOpenOnALoneSpikeOfAQuietSeriesThatFallsSilentAfterIt() {
    // given a quiet brand (0.2 negatives a minute) with one minute at 60x, then its usual trickle
    List<Bucket> buckets =
        new SyntheticBrand(13, 1, 0.2).burst(ONSET, ONSET + 1, 60).buckets(ONSET + 120);
    assertThat(buckets.get(ONSET + 1).negative()).isLessThan(5);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then the spike opens on its own bucket: the bucket after it, too small to be anomalous,
    // can never make the second of two
    assertThat(run.events)
        .filteredOn(e -> e.type() == Type.OPENED)
        .extracting(Seen::index)
        .containsExactly(ONSET);
  }

  @Test
  void shouldLearnARiseMoreSlowlyThanAFall() {
    // given two days of a steady 4 negatives a minute (scale at its floor of 1)
    List<Bucket> steady = new ArrayList<>();
    for (int i = 0; i < 2 * DAY; i++) {
      long start = T0 + i * MINUTE;
      steady.add(new Bucket(start, start + MINUTE, 4, 4));
    }
    Run run = new Run(CrisisSettings.defaults()).feed(steady);
    long next = T0 + 2L * DAY * MINUTE;

    // when the next bucket is 12 (2.9 deviations up) or 0 (2.9 down), both below the 4.4 that
    // freeze the baseline
    CrisisState up =
        run.detector.onBucket(run.state, new Bucket(next, next + MINUTE, 12, 12)).state();
    CrisisState down =
        run.detector.onBucket(run.state, new Bucket(next, next + MINUTE, 0, 0)).state();

    // then the level moves 1.5 scales towards the rise, about half as far as towards the fall
    double rise = up.level() - run.state.level();
    double fall = run.state.level() - down.level();
    assertThat(rise).isPositive();
    assertThat(rise / fall).isBetween(0.45, 0.55);
  }

  @Test
  void shouldOpenOnABurstOfABusyNewBrandInItsFirstDays() {
    // given a new brand of about 1,000 negatives a minute whose negatives triple for 30 minutes on
    // day 2, 14:00; on its first day the hour-of-day profile had not yet learnt the daily rhythm
    int onset = 2 * DAY + 14 * 60;
    List<Bucket> buckets =
        new SyntheticBrand(1, 5000, 1000).burst(onset, onset + 30, 3).buckets(onset + 60);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then the burst opens an episode on its first bucket
    assertThat(run.events)
        .filteredOn(e -> e.type() == Type.OPENED)
        .extracting(Seen::index)
        .containsExactly(onset);
  }

  @Test
  void shouldCapTheSustainedEvidenceOfAHeldRise() {
    // given a small brand whose negatives rise 5x for 3 hours: the CUSUM saturates
    List<Bucket> buckets =
        new SyntheticBrand(11, 6, 1).burst(ONSET, ONSET + 180, 5).buckets(ONSET + 180);

    // when
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // then the CUSUM stops at its cap, where a bucket's combined evidence is at least 7.04
    List<CrisisState> states = run.steps.stream().map(Step::state).toList();
    assertThat(states).extracting(CrisisState::cusum).contains(8.0).allMatch(c -> c <= 8.0);
    assertThat(states).filteredOn(s -> s.cusum() == 8.0).allMatch(s -> s.evidence() >= 7.04);
  }

  @Test
  void shouldJudgeTheHourScaleOfACalmSmallBrandAgainstAtLeastUnitNoise() {
    // given a small brand (about 1 negative a minute) whose hour-scale history is calmer than unit
    // noise, then an hour held at 2x or at 3x from day 3, 14:00
    int rise = 3 * DAY + 14 * 60;
    List<Bucket> mild = new SyntheticBrand(3, 5, 1).burst(rise, rise + 60, 2).buckets(rise + 200);
    List<Bucket> strong = new SyntheticBrand(3, 5, 1).burst(rise, rise + 60, 3).buckets(rise + 200);

    // when
    Run calm = new Run(CrisisSettings.defaults()).feed(mild, 0, rise);
    double spreadBefore = calm.state.hourTailVariance();
    calm.feed(mild, rise, mild.size());
    Run held = new Run(CrisisSettings.defaults()).feed(strong);

    // then the hour scale's spread is taken as 1, not its calmer own: 2x for an hour stays
    // below the opening score, 3x opens after 33 minutes
    assertThat(spreadBefore).isLessThan(0.5);
    assertThat(calm.events).isEmpty();
    assertThat(held.events)
        .filteredOn(e -> e.type() == Type.OPENED)
        .extracting(Seen::index)
        .containsExactly(rise + 33);
  }

  @Test
  void shouldKeepStateSizeSmall() {
    assertThat(CrisisState.initial().toBytes()).hasSize(372);
  }

  @Test
  void shouldIgnoreABucketThatIsNotAfterTheLastOne() {
    // given
    List<Bucket> buckets = new SyntheticBrand(7, 20, 4).buckets(10);
    Run run = new Run(CrisisSettings.defaults()).feed(buckets);

    // when
    Step step = run.detector.onBucket(run.state, buckets.get(9));

    // then
    assertThat(step.state()).isSameAs(run.state);
    assertThat(step.score()).isEqualTo(0.0);
    assertThat(step.event()).isEmpty();
  }

  @Test
  void shouldDiscountANegativeBurstCarriedByOtherVolume() {
    // given the same negative burst, once alone and once with 30x other volume (share falls)
    List<Bucket> alone =
        new SyntheticBrand(7, 20, 4).burst(ONSET, ONSET + 30, 8, 1).buckets(ONSET + 2);
    List<Bucket> carried =
        new SyntheticBrand(7, 20, 4).burst(ONSET, ONSET + 30, 8, 30).buckets(ONSET + 2);
    assertThat(carried.get(ONSET).negative()).isEqualTo(alone.get(ONSET).negative());

    // when
    Run shareRises = new Run(CrisisSettings.defaults()).feed(alone);
    Run shareFalls = new Run(CrisisSettings.defaults()).feed(carried);

    // then the first bucket of the burst: share factor 1 vs 0.5 (evidence halved, scored as the
    // tail likelihood of the two-bucket mean)
    assertThat(shareRises.steps.get(ONSET).score()).isEqualTo(0.934670534091036);
    assertThat(shareFalls.steps.get(ONSET).score()).isEqualTo(0.6497940903247557);
  }

  @Test
  void shouldNameTheBadSetting() {
    assertThatThrownBy(() -> CrisisSettings.defaults().withThresholds(0.5, 0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resolveThreshold must be in (0, openThreshold], got 0.6");
  }

  @Test
  void shouldRateSeverityByRatioToExpected() {
    assertThat(CrisisDetector.severity(10, 10)).isEqualTo(1);
    assertThat(CrisisDetector.severity(20, 10)).isEqualTo(3);
    assertThat(CrisisDetector.severity(80, 10)).isEqualTo(7);
    assertThat(CrisisDetector.severity(10_000, 10)).isEqualTo(10);
  }
}
