package io.sociallistening.benchmarks;

import io.sociallistening.topology.sentiment.SentimentScorer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Texts per second of {@link SentimentScorer} on tweet-length posts (8 to 35 words with
 * punctuation, some emoji, URLs and brand names; {@link BrandCorpus}, fixed seed). Each invocation
 * scores a batch of {@value #TEXTS} texts, so a score is texts per second. {@code scorer=SOCIAL} is
 * the topology's scorer ({@link SentimentScorer#loadDefault()}), {@code scorer=VADER} the
 * VADER-compatible core ({@link SentimentScorer#vaderCompatible()}), the baseline of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SentimentBenchmark {

  /** Texts scored per invocation. */
  public static final int TEXTS = 1_000;

  private static final long SEED = 20261125L;

  /** Which scorer to measure. */
  public enum Scorer {
    SOCIAL,
    VADER
  }

  @Param({"SOCIAL", "VADER"})
  public Scorer scorer;

  private SentimentScorer sentiment;
  private List<String> texts;

  @Setup
  public void setUp() {
    sentiment =
        scorer == Scorer.SOCIAL ? SentimentScorer.loadDefault() : SentimentScorer.vaderCompatible();
    texts = new BrandCorpus(100, BrandCorpus.Mix.WORDS, SEED).posts(TEXTS);
  }

  @Benchmark
  @OperationsPerInvocation(TEXTS)
  public double score() {
    double sum = 0;
    for (String text : texts) {
      sum += sentiment.score(text).compound();
    }
    return sum;
  }
}
