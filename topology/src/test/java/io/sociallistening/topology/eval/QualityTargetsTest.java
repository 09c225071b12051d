package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.topology.lead.LeadScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quality targets the project's own labelled sets must keep meeting, checked on every build:
 * near-duplicate pairs of the {@code dedup} command (precision >= 0.98, recall >= 0.95 on each
 * split of {@code dedup/labelled.tsv}) and leads at the default threshold (precision >= 0.80 at
 * recall >= 0.60 on each half of {@code lead-eval/}, and a higher F1 than the plain keyword list).
 * {@link DedupEvaluation} and {@link LeadEvaluation} print the full figures.
 */
class QualityTargetsTest {
  private static final LeadScorer LEADS = LeadScorer.loadDefault();

  @Test
  void shouldScoreBothDedupSplits() throws IOException {
    assertThat(dedupSplits().keySet()).containsExactly("dev", "holdout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "holdout"})
  void shouldFindNearDuplicatePairsWithTheTargetPrecisionAndRecall(String split)
      throws IOException {
    DedupEvaluation.PairScores scores = DedupEvaluation.pairScores(dedupSplits().get(split));

    assertThat(scores.precision()).as("pair precision").isGreaterThanOrEqualTo(0.98);
    assertThat(scores.recall()).as("pair recall").isGreaterThanOrEqualTo(0.95);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "heldout"})
  void shouldFindLeadsWithTheTargetPrecisionAndRecallAndBeatKeywords(String half)
      throws IOException {
    List<LeadEvaluation.Post> posts = LeadEvaluation.load("/lead-eval/" + half + ".jsonl");
    double[] scores = new double[posts.size()];
    boolean[] keywords = new boolean[posts.size()];
    for (int i = 0; i < posts.size(); i++) {
      LeadEvaluation.Post post = posts.get(i);
      scores[i] = LEADS.score(post.text(), post.competitor()).score();
      keywords[i] = LeadEvaluation.keywordLead(post.text());
    }

    LeadEvaluation.Counts ours = LeadEvaluation.counts(posts, scores, LEADS.threshold());
    LeadEvaluation.Counts keywordList = LeadEvaluation.counts(posts, keywords);

    assertThat(posts).hasSizeGreaterThanOrEqualTo(200);
    assertThat(ours.precision()).as("precision").isGreaterThanOrEqualTo(0.80);
    assertThat(ours.recall()).as("recall").isGreaterThanOrEqualTo(0.60);
    assertThat(ours.f1()).as("F1 against the keyword list").isGreaterThan(keywordList.f1());
  }

  private static Map<String, List<DedupEvaluation.Post>> dedupSplits() throws IOException {
    // Surefire runs a module's tests in the module directory; the evaluation's default path is
    // relative to the repository root
    Path file = Path.of("src/test/resources/dedup/labelled.tsv");
    return DedupEvaluation.splits(Files.exists(file) ? file : DedupEvaluation.LABELLED);
  }
}
