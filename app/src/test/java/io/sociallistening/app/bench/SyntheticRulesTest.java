package io.sociallistening.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.topology.match.MatchInput;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleMatch;
import io.sociallistening.topology.match.RuleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticRulesTest {

  @Test
  void shouldGiveTheSameRulesForTheSameSeed() {
    List<Rule> first = SyntheticRules.generate(1_000, SyntheticRules.DEFAULT_SEED);
    List<Rule> again = SyntheticRules.generate(1_000, SyntheticRules.DEFAULT_SEED);
    List<Rule> other = SyntheticRules.generate(1_000, 8L);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldStartWithTheSixSampleRulesAndUseUniqueIds() {
    List<Rule> rules = SyntheticRules.generate(1_000, SyntheticRules.DEFAULT_SEED);

    assertThat(rules).hasSize(1_000);
    assertThat(rules.subList(0, 6))
        .extracting(Rule::id)
        .containsExactly(
            "acme-air-1", "acme-air-2", "skyways-1", "nimbus-1", "nimbus-2", "brewly-1");
    assertThat(rules).extracting(Rule::id).doesNotHaveDuplicates();
    assertThat(rules.get(6).id()).isEqualTo("gen-00000");
  }

  @Test
  void shouldCompileEveryGeneratedRuleOfALargeBook() {
    List<Rule> rules = SyntheticRules.generate(10_000, SyntheticRules.DEFAULT_SEED);
    List<String> refused = new ArrayList<>();

    RuleSet set = RuleSet.of(rules, (rule, error) -> refused.add(rule.id() + ": " + error));

    assertThat(refused).isEmpty();
    assertThat(set.size()).isEqualTo(10_000);
  }

  @Test
  void shouldMatchSampleTextsWithSampleAndTopicRules() {
    RuleSet set =
        RuleSet.of(SyntheticRules.generate(1_000, SyntheticRules.DEFAULT_SEED), (r, e) -> {});

    List<RuleMatch> matches =
        set.match(
            new MatchInput(
                "acme air cancelled my flight again, stuck at the gate for 5 hours",
                "en",
                "BLUESKY",
                "someone",
                null));

    assertThat(matches)
        .extracting(RuleMatch::ruleId)
        .containsExactlyInAnyOrder("acme-air-1", "acme-air-2", "gen-00050", "gen-00550");
  }

  @Test
  void shouldWriteRulesAsJsonLinesTheRuleReaderAccepts() {
    List<Rule> rules = SyntheticRules.generate(20, SyntheticRules.DEFAULT_SEED);

    List<Rule> read =
        io.sociallistening.topology.match.Rules.readJsonLines(
            new java.io.StringReader(SyntheticRules.jsonLines(rules)));

    assertThat(read).isEqualTo(rules);
  }
}
