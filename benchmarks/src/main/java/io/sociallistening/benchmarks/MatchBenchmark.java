package io.sociallistening.benchmarks;

import io.sociallistening.topology.match.LuceneTranslation;
import io.sociallistening.topology.match.MatchInput;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posts per second of our {@link RuleSet} against Lucene Monitor on the same generated brand rules
 * (each rule translated to the equivalent Lucene query by {@link LuceneTranslation}) and the same
 * tweet-length posts (see {@link BrandCorpus}). Each invocation matches a batch of {@value #POSTS}
 * posts, so a score is posts per second: {@link #ruleSet} and {@link #monitor} one post at a time
 * as the topology matches them, {@link #monitorBatch} through Monitor's batch API. The setup checks
 * that all three find the same number of matches, so they do the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class MatchBenchmark {

  /** Posts matched per invocation. */
  public static final int POSTS = 1_000;

  private static final long SEED = 20261125L;

  @Param({"1000", "10000"})
  public int rules;

  @Param({"WORDS", "WILDCARDS"})
  public BrandCorpus.Mix mix;

  private RuleSet ruleSet;
  private Monitor luceneMonitor;
  private List<String> posts;
  private Document[] documents;

  @Setup
  public void setUp() throws IOException {
    BrandCorpus corpus = new BrandCorpus(rules, mix, SEED);
    List<Rule> generated = corpus.rules();
    ruleSet =
        RuleSet.of(
            generated,
            (rule, e) -> {
              throw e;
            });
    List<MonitorQuery> queries = new ArrayList<>(generated.size());
    for (Rule rule : generated) {
      queries.add(new MonitorQuery(rule.id(), LuceneTranslation.query(rule)));
    }
    luceneMonitor = new Monitor(LuceneTranslation.analyzer());
    luceneMonitor.register(queries);
    posts = corpus.posts(POSTS);
    documents = new Document[POSTS];
    for (int i = 0; i < POSTS; i++) {
      documents[i] = LuceneTranslation.document(posts.get(i));
    }
    long ours = ruleSet();
    long theirs = monitor();
    long theirsBatched = monitorBatch();
    if (ours != theirs || ours != theirsBatched) {
      throw new IllegalStateException(
          "Different work: rule set "
              + ours
              + " matches, Monitor "
              + theirs
              + ", Monitor batched "
              + theirsBatched);
    }
    if (ours < POSTS / 10) {
      throw new IllegalStateException("Too few matches to compare: " + ours);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    luceneMonitor.close();
  }

  /** Our matcher, one post at a time; returns the number of matches. */
  @Benchmark
  @OperationsPerInvocation(POSTS)
  public long ruleSet() {
    long matches = 0;
    for (String post : posts) {
      matches += ruleSet.match(MatchInput.ofText(post)).size();
    }
    return matches;
  }

  /** Lucene Monitor, one post at a time; returns the number of matches. */
  @Benchmark
  @OperationsPerInvocation(POSTS)
  public long monitor() throws IOException {
    long matches = 0;
    for (String post : posts) {
      matches +=
          luceneMonitor
              .match(LuceneTranslation.document(post), QueryMatch.SIMPLE_MATCHER)
              .getMatchCount();
    }
    return matches;
  }

  /** Lucene Monitor, all posts in one batch; returns the number of matches. */
  @Benchmark
  @OperationsPerInvocation(POSTS)
  public long monitorBatch() throws IOException {
    MultiMatchingQueries<QueryMatch> matches =
        luceneMonitor.match(documents, QueryMatch.SIMPLE_MATCHER);
    long total = 0;
    for (int i = 0; i < documents.length; i++) {
      total += matches.getMatchCount(i);
    }
    return total;
  }
}
