package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A rule set changed rule by rule after its index was built (so the index is derived incrementally)
 * must match exactly like a set built from scratch from the same rules.
 */
class RuleIndexTest {

  private static final String[] QUERIES = {
    "acme",
    "acme air",
    "\"acme air\" OR acmeair",
    "ac* -anvil",
    "anv* OR roc*",
    "rocket NEAR/2 fail",
    "#acme",
    "lang:en",
    "platform:bluesky acme",
    "NOT late acme",
    "(anvil OR rocket) -\"big delay\"",
    "\"delay late\"~2",
  };
  private static final String[] POSTS = {
    "Acme air is late again",
    "#acme rockets fail big time",
    "anvil delivered, big delay",
    "the rocket did not fail",
    "acmeair anvils and rockets",
    "nothing to see here",
  };

  private static List<Anchors> required(String query) {
    return CompiledRule.compile(new Rule("r", "b", query)).required();
  }

  @Test
  void shouldIndexTheTwoCheapestGroupsThatEveryMatchHits() {
    assertThat(required("acme (phone OR battery) -scam"))
        .containsExactly(Anchors.term("acme"), new Anchors(Set.of("phone", "battery"), Set.of()));
    assertThat(required("\"acme official store\""))
        .containsExactly(Anchors.term("acme"), Anchors.term("official"));
    // A short prefix fires more often than a short word.
    assertThat(required("(acme OR acmeair) AND ac* AND x"))
        .containsExactly(new Anchors(Set.of("acme", "acmeair"), Set.of()), Anchors.term("x"));
    assertThat(required("rocket NEAR/2 (fail OR late)"))
        .containsExactly(Anchors.term("rocket"), new Anchors(Set.of("fail", "late"), Set.of()));
    assertThat(required("\"acme late\" OR \"delay acme\""))
        .containsExactly(
            new Anchors(Set.of("acme", "delay"), Set.of()),
            new Anchors(Set.of("late", "acme"), Set.of()));
    assertThat(required("acme OR lang:en")).isEmpty();
    assertThat(required("lang:en -acme")).isEmpty();
  }

  @Test
  void shouldMatchLikeAFreshSetAfterEachChange() {
    Random random = new Random(11);
    RuleSet incremental = RuleSet.empty();
    Map<String, Rule> current = new TreeMap<>();
    int matches = 0;
    for (int step = 0; step < 300; step++) {
      String id = "r" + random.nextInt(20);
      if (random.nextInt(4) == 0) {
        incremental = incremental.without(id);
        current.remove(id);
      } else {
        Rule rule = new Rule(id, "brand-" + id, QUERIES[random.nextInt(QUERIES.length)]);
        incremental = incremental.with(rule);
        current.put(id, rule);
      }
      RuleSet fresh =
          RuleSet.of(
              current.values(),
              (rule, e) -> {
                throw e;
              });
      for (String text : POSTS) {
        MatchInput input = new MatchInput(text, "en", "BLUESKY", null, null);
        List<RuleMatch> expected = fresh.match(input);
        assertThat(incremental.match(input)).as("step %d, %s", step, text).isEqualTo(expected);
        matches += expected.size();
      }
    }
    // With this seed 8,497 matches were compared.
    assertThat(matches).isEqualTo(8_497);
    assertThat(incremental.rules()).isEqualTo(new ArrayList<>(current.values()));
  }
}
