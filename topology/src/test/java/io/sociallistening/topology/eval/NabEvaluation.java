package io.sociallistening.topology.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.topology.crisis.Bucket;
import io.sociallistening.topology.crisis.CrisisDetector;
import io.sociallistening.topology.crisis.CrisisEvent;
import io.sociallistening.topology.crisis.CrisisSettings;
import io.sociallistening.topology.crisis.CrisisState;
import io.sociallistening.topology.crisis.Step;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measurement, not a unit test: runs {@link SpikesCommand} over every NAB CSV in a folder (default
 * {@code /work/shared/eval/nab}) and prints the NAB standard-profile score (A_TP = 1, A_FP = 0.11,
 * A_FN = 1) of its {@code alert} column, per file (raw) and normalised over the files: 100 · (raw −
 * null) / (perfect − null), null = −#windows, perfect = +#windows.
 *
 * <p>Scoring follows NAB's sweeper ({@code nab/sweeper.py}, NAB 1.1): probation = min(floor(0.15 ·
 * rows), 750) rows are not scored (their rows still open and close windows); a window holds the
 * rows from its start timestamp to its end timestamp, both inclusive (both must be rows of the
 * file); inside a window only the earliest detection counts and earns sigma(p) / sigma(−1) with
 * sigma(p) = 2 / (1 + exp(5p)) − 1 and p = −(right − i + 1) / width; a detection outside windows
 * costs A_FP · sigma(|prevRight − i| / (prevWidth − 1)) relative to the closest preceding window
 * (sigma = −1 from position 3 on, and −A_FP before the first window); an undetected window costs
 * A_FN; normalised = 100 · (raw + A_FN · #windows) / ((A_TP + A_FN) · #windows).
 *
 * <p>Detections are the command's {@code alert} column (OPENED events only); each is listed with
 * its window and position (by time), or as a false positive with its distance after the preceding
 * window. For comparison it also prints the score when ESCALATED events alert too, the best single
 * threshold on {@code anomaly_score} (as NAB tunes score-emitting detectors; not the command's
 * decisions), the score over a neighbourhood of the two constants that decide alerts (scoreScale,
 * cooldown), and leave-one-file-out: for each file, the neighbourhood point that scores best on the
 * other files, scored on the held-out file.
 *
 * <p>Run (from the repository root, optional argument: the folder):
 *
 * <pre>
 * nice -n 19 mvn -B -q -o -pl topology test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dspotless.check.skip=true
 * nice -n 19 java -cp topology/target/classes:topology/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.sociallistening.topology.eval.NabEvaluation
 * </pre>
 */
public final class NabEvaluation {

  private static final double A_TP = 1.0;
  private static final double A_FP = 0.11;
  private static final double A_FN = 1.0;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private NabEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args.length > 0 ? args[0] : "/work/shared/eval/nab");
    JsonNode windows = new ObjectMapper().readTree(dir.resolve("combined_windows.json").toFile());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    List<Series> all = new ArrayList<>();
    for (Path file : files) {
      all.add(load(file, windows));
    }
    double total = 0;
    double totalEscalated = 0;
    int totalWindows = 0;
    System.out.println("file,windows,raw_standard,detections,true_positives,false_positives");
    for (Series s : all) {
      Score score = score(s, s.alerts);
      total += score.raw;
      totalEscalated += score(s, s.alertsWithEscalated).raw;
      totalWindows += s.windows.size();
      System.out.printf(
          Locale.ROOT,
          "%s,%d,%.4f,%d,%d,%d%n",
          s.name,
          s.windows.size(),
          score.raw,
          score.detections,
          score.truePositives,
          score.falsePositives);
    }
    System.out.printf(
        Locale.ROOT,
        "normalised standard score (alert = OPENED, the command's output): %.2f (raw %.4f over %d"
            + " windows)%n",
        normalise(total, totalWindows),
        total,
        totalWindows);
    System.out.printf(
        Locale.ROOT,
        "normalised standard score if ESCALATED also alerted: %.2f%n",
        normalise(totalEscalated, totalWindows));
    double bestThreshold = Double.NaN;
    double best = Double.NEGATIVE_INFINITY;
    for (int t = 50; t <= 99; t++) {
      double threshold = t / 100.0;
      double raw = 0;
      for (Series s : all) {
        boolean[] detections = new boolean[s.scores.length];
        for (int i = 0; i < detections.length; i++) {
          detections[i] = s.scores[i] >= threshold;
        }
        raw += score(s, detections).raw;
      }
      if (raw > best) {
        best = raw;
        bestThreshold = threshold;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "for comparison, best single threshold on anomaly_score (every row above it detects):"
            + " %.2f at threshold %.2f%n",
        normalise(best, totalWindows),
        bestThreshold);
    detections(all);
    neighbourhood(all, totalWindows);
  }

  /**
   * Every scored detection of the {@code alert} column: in which window and at which relative
   * position (−1 left edge, 0 right edge; a label sits near −0.5), or a false positive and its
   * distance after the preceding window's right edge, in window widths (NAB charges it in full from
   * about 1 width on).
   */
  private static void detections(List<Series> all) {
    System.out.println("detections (alert = OPENED, after probation)");
    System.out.println("file,timestamp,value,window,position_or_widths_after");
    for (Series s : all) {
      int n = s.times.length;
      int probation = (int) Math.min(Math.floor(0.15 * n), 0.15 * 5000);
      for (int i = probation; i < n; i++) {
        if (!s.alerts[i]) {
          continue;
        }
        String where = "false positive,before first window";
        for (int w = 0; w < s.windows.size(); w++) {
          long left = s.windows.get(w)[0];
          long right = s.windows.get(w)[1];
          if (s.times[i] >= left && s.times[i] <= right) {
            where =
                String.format(
                    Locale.ROOT,
                    "%d,%.2f",
                    w,
                    -(right - s.times[i] + (s.times[1] - s.times[0])) / (double) (right - left));
          } else if (s.times[i] > right) {
            where =
                String.format(
                    Locale.ROOT,
                    "false positive,%.2f",
                    (s.times[i] - right) / (double) (right - left));
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%s,%s,%d,%s%n",
            s.name,
            TIMESTAMP.format(LocalDateTime.ofEpochSecond(s.times[i] / 1000, 0, ZoneOffset.UTC)),
            s.values[i],
            where);
      }
    }
  }

  private static final double[] SCALES = {5.0, 5.5, 6.0, 6.2, 6.5, 7.0, 7.5};
  private static final int[] COOLDOWN_HOURS = {12, 24, 36};

  /** Neighbourhood table and leave-one-file-out over the same grid. */
  private static void neighbourhood(List<Series> all, int totalWindows) {
    double[][][] raw = new double[SCALES.length][COOLDOWN_HOURS.length][all.size()];
    System.out.println(
        "neighbourhood (normalised standard score; rows scoreScale, columns cooldown)");
    StringBuilder header = new StringBuilder("scoreScale");
    for (int hours : COOLDOWN_HOURS) {
      header.append(String.format(Locale.ROOT, ",%dh", hours));
    }
    System.out.println(header);
    for (int a = 0; a < SCALES.length; a++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.1f", SCALES[a]));
      for (int c = 0; c < COOLDOWN_HOURS.length; c++) {
        double sum = 0;
        for (int f = 0; f < all.size(); f++) {
          Series s = all.get(f);
          CrisisSettings settings =
              SpikesCommand.settings(Duration.ofMillis(s.times[1] - s.times[0]))
                  .withScoreScale(SCALES[a])
                  .withCooldown(Duration.ofHours(COOLDOWN_HOURS[c]));
          raw[a][c][f] = score(s, alerts(settings, s)).raw;
          sum += raw[a][c][f];
        }
        row.append(String.format(Locale.ROOT, ",%.2f", normalise(sum, totalWindows)));
      }
      System.out.println(row);
    }
    System.out.println(
        "leave-one-file-out (settings chosen on the other files, scored on this one)");
    System.out.println("held_out,scoreScale,cooldown_hours,raw_standard");
    double heldOutTotal = 0;
    for (int f = 0; f < all.size(); f++) {
      int bestA = 0;
      int bestC = 0;
      double best = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < SCALES.length; a++) {
        for (int c = 0; c < COOLDOWN_HOURS.length; c++) {
          double others = 0;
          for (int g = 0; g < all.size(); g++) {
            others += g == f ? 0 : raw[a][c][g];
          }
          if (others > best) {
            best = others;
            bestA = a;
            bestC = c;
          }
        }
      }
      heldOutTotal += raw[bestA][bestC][f];
      System.out.printf(
          Locale.ROOT,
          "%s,%.1f,%d,%.4f%n",
          all.get(f).name,
          SCALES[bestA],
          COOLDOWN_HOURS[bestC],
          raw[bestA][bestC][f]);
    }
    System.out.printf(
        Locale.ROOT,
        "leave-one-file-out normalised standard score: %.2f%n",
        normalise(heldOutTotal, totalWindows));
  }

  private static boolean[] alerts(CrisisSettings settings, Series s) {
    CrisisDetector detector = new CrisisDetector(settings);
    long bucketMs = settings.bucket().toMillis();
    CrisisState state = CrisisState.initial();
    boolean[] alerts = new boolean[s.times.length];
    for (int i = 0; i < alerts.length; i++) {
      Step step =
          detector.onBucket(
              state, new Bucket(s.times[i], s.times[i] + bucketMs, s.values[i], s.values[i]));
      state = step.state();
      alerts[i] = SpikesCommand.isAlert(step);
    }
    return alerts;
  }

  private static double normalise(double raw, int windows) {
    return 100 * (raw + A_FN * windows) / (A_TP * windows + A_FN * windows);
  }

  private static Series load(Path file, JsonNode windows) throws IOException {
    byte[] input = Files.readAllBytes(file);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SpikesCommand.run(
            List.of(),
            new ByteArrayInputStream(input),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException(file + ": " + err.toString(StandardCharsets.UTF_8));
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    int n = lines.length - 1;
    long[] times = new long[n];
    long[] values = new long[n];
    double[] scores = new double[n];
    boolean[] alerts = new boolean[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines[i + 1].strip().split(",");
      times[i] = epochMs(f[0]);
      values[i] = Long.parseLong(f[1]);
      scores[i] = Double.parseDouble(f[2]);
      alerts[i] = f[3].equals("1");
    }
    boolean[] withEscalated = new boolean[n];
    CrisisDetector detector =
        new CrisisDetector(SpikesCommand.settings(Duration.ofMillis(times[1] - times[0])));
    long bucketMs = times[1] - times[0];
    CrisisState state = CrisisState.initial();
    for (int i = 0; i < n; i++) {
      Step step =
          detector.onBucket(state, new Bucket(times[i], times[i] + bucketMs, values[i], values[i]));
      state = step.state();
      withEscalated[i] = step.event().map(e -> e.type() != CrisisEvent.Type.RESOLVED).orElse(false);
    }
    String name = file.getFileName().toString();
    List<long[]> limits = new ArrayList<>();
    for (JsonNode w : windows.path("realTweets/" + name)) {
      limits.add(
          new long[] {
            epochMs(w.get(0).asText().substring(0, 19)), epochMs(w.get(1).asText().substring(0, 19))
          });
    }
    for (long[] limit : limits) {
      if (java.util.Arrays.binarySearch(times, limit[0]) < 0
          || java.util.Arrays.binarySearch(times, limit[1]) < 0) {
        throw new IllegalStateException(name + ": window edge is not a row timestamp");
      }
    }
    return new Series(name, times, values, scores, alerts, withEscalated, limits);
  }

  private static long epochMs(String timestamp) {
    return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static Score score(Series s, boolean[] detections) {
    int n = s.times.length;
    int probation = (int) Math.min(Math.floor(0.15 * n), 0.15 * 5000);
    // window index per row, and left/right row index per window
    int[] windowOf = new int[n];
    int[] left = new int[s.windows.size()];
    int[] right = new int[s.windows.size()];
    java.util.Arrays.fill(windowOf, -1);
    for (int w = 0; w < s.windows.size(); w++) {
      left[w] = -1;
      for (int i = 0; i < n; i++) {
        if (s.times[i] >= s.windows.get(w)[0] && s.times[i] <= s.windows.get(w)[1]) {
          if (left[w] < 0) {
            left[w] = i;
          }
          right[w] = i;
          windowOf[i] = w;
        }
      }
    }
    double maxTp = sigmoid(-1.0);
    boolean[] detected = new boolean[s.windows.size()];
    double raw = 0;
    int detectionsCount = 0;
    int tp = 0;
    int fp = 0;
    int prevWindow = -1;
    for (int i = 0; i < n; i++) {
      int w = windowOf[i];
      if (i >= probation && detections[i]) {
        detectionsCount++;
        if (w >= 0) {
          if (!detected[w]) {
            detected[w] = true;
            tp++;
            int width = right[w] - left[w] + 1;
            double position = -(right[w] - i + 1) / (double) width;
            raw += sigmoid(position) * A_TP / maxTp;
          }
        } else {
          fp++;
          double unweighted;
          if (prevWindow < 0) {
            unweighted = -1.0;
          } else {
            int prevWidth = right[prevWindow] - left[prevWindow] + 1;
            unweighted = sigmoid(Math.abs(right[prevWindow] - i) / (double) (prevWidth - 1));
          }
          raw += unweighted * A_FP;
        }
      }
      if (w >= 0 && i == right[w]) {
        prevWindow = w;
      }
    }
    for (boolean d : detected) {
      if (!d) {
        raw -= A_FN;
      }
    }
    return new Score(raw, detectionsCount, tp, fp);
  }

  static double sigmoid(double position) {
    if (position >= 3.0) {
      return -1.0;
    }
    return 2 / (1 + Math.exp(5 * position)) - 1;
  }

  record Series(
      String name,
      long[] times,
      long[] values,
      double[] scores,
      boolean[] alerts,
      boolean[] alertsWithEscalated,
      List<long[]> windows) {}

  record Score(double raw, int detections, int truePositives, int falsePositives) {}
}
