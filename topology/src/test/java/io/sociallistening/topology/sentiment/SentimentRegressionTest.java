package io.sociallistening.topology.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Recorded scores of both scorers on {@code sentiment/scorer_regression.tsv}: 591 hand-written and
 * generated posts (negation, boosters, idioms, contrast, capitals, elongation, hashtags, emoticons,
 * emoji, URLs, handles, Portuguese and Spanish) with the compound of {@link
 * SentimentScorer#loadDefault()}, its label, the compound of {@link
 * SentimentScorer#vaderCompatible()} and the social scorer's {@link SentimentScorer#scoreTowards}
 * compound for the listed terms, each to 4 decimals (the first line is a header). Any change of
 * tokenising or rules that moves a score shows up here; after an intended rule change, rewrite the
 * expected columns with {@link #main} (arguments: the path of the source file) and review the diff.
 */
class SentimentRegressionTest {
  private static final String RESOURCE = "/sentiment/scorer_regression.tsv";
  private static final String HEADER =
      "# text\tsocial compound\tsocial label\tVADER-core compound\tterms (| between)\t"
          + "social scoreTowards compound (null: no segment)";

  @Test
  void shouldScoreEveryRegressionTextAsRecorded() throws IOException, URISyntaxException {
    List<String> lines = Files.readAllLines(resource(), StandardCharsets.UTF_8);
    List<String> differences = new ArrayList<>();
    int texts = 0;
    for (String line : lines.subList(1, lines.size())) {
      texts++;
      String[] fields = line.split("\t", -1);
      String actual = scores(fields[0], fields[4]);
      if (!actual.equals(line)) {
        differences.add("expected " + line + "\n  but was " + actual);
      }
    }

    assertThat(texts).isEqualTo(591);
    assertThat(differences).isEmpty();
  }

  @Test
  void shouldScoreEveryRecordedPostInOnePassAsScoreAndScoreTowardsDo() throws Exception {
    SentimentScorer social = SentimentScorer.loadDefault();
    List<String> lines = Files.readAllLines(resource(), StandardCharsets.UTF_8);
    List<String> differences = new ArrayList<>();
    int brands = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\t", -1);
      String text = fields[0];
      List<String> terms = Arrays.asList(fields[4].split("\\|"));
      // the recorded terms, a brand whose terms are not in the text, and the first term alone
      List<List<String>> brandTerms = List.of(terms, List.of("nowhere"), terms.subList(0, 1));
      PostSentiment post = social.scorePost(text, brandTerms);
      if (!post.whole().equals(social.score(text))) {
        differences.add("whole: " + text);
      }
      for (int i = 0; i < brandTerms.size(); i++) {
        brands++;
        if (!Objects.equals(post.towards().get(i), social.scoreTowards(text, brandTerms.get(i)))) {
          differences.add("towards " + brandTerms.get(i) + ": " + text);
        }
      }
    }

    assertThat(brands).isEqualTo(3 * 591);
    assertThat(differences).isEmpty();
  }

  @Test
  void shouldScoreAPostWithoutBrandsOrWordsAsTheWholeScoreAlone() {
    SentimentScorer social = SentimentScorer.loadDefault();

    assertThat(social.scorePost("love it", List.of()))
        .isEqualTo(new PostSentiment(social.score("love it"), List.of()));
    assertThat(social.scorePost("", List.of(List.of("acme"))).towards())
        .containsExactly((SentimentResult) null);
  }

  @Test
  void shouldFormatOneTextAsItsRecordedLine() {
    String line = scores("not bad at all", "bad");

    assertThat(line).isEqualTo("not bad at all\t0.0000\tNEUTRAL\t0.4310\tbad\t0.0000");
  }

  /** One line of the file: text, scores and terms, tab-separated. */
  private static String scores(String text, String joinedTerms) {
    SentimentScorer social = SentimentScorer.loadDefault();
    SentimentResult result = social.score(text);
    SentimentResult towards = social.scoreTowards(text, Arrays.asList(joinedTerms.split("\\|")));
    return String.join(
        "\t",
        text,
        decimals(result.compound()),
        result.label().name(),
        decimals(SentimentScorer.vaderCompatible().score(text).compound()),
        joinedTerms,
        towards == null ? "null" : decimals(towards.compound()));
  }

  private static String decimals(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static Path resource() throws URISyntaxException {
    return Path.of(SentimentRegressionTest.class.getResource(RESOURCE).toURI());
  }

  /**
   * Rewrites the expected columns of the file at {@code args[0]} (keeping text and terms) with the
   * current scorers' values.
   */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    try {
      List<String> out = new ArrayList<>();
      out.add(HEADER);
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines.subList(lines.get(0).equals(HEADER) ? 1 : 0, lines.size())) {
        String[] fields = line.split("\t", -1);
        out.add(scores(fields[0], fields[fields.length == 2 ? 1 : 4]));
      }
      Files.write(file, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
