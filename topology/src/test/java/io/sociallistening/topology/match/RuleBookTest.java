package io.sociallistening.topology.match;

import static io.sociallistening.topology.match.BrandRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.BrandRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {
  private static List<String> matches(RuleBook book, String text) {
    return book.rules().match(new MatchInput(text, "en", "BLUESKY", "bob", null)).stream()
        .map(RuleMatch::ruleId)
        .toList();
  }

  @Test
  void shouldChangeAndRemoveARuleWhoseGroupsShareAPrefix() {
    RuleBook book = new RuleBook();
    book.put(rule("r1", "acme", "acme* OR (flight delay)"));
    assertThat(matches(book, "acme flight delay")).containsExactly("r1");

    book.put(rule("r1", "acme", "acme* OR (bag lost)"));
    assertThat(matches(book, "acmeair bag lost")).containsExactly("r1");
    assertThat(matches(book, "flight delay")).isEmpty();

    book.remove("r1");
    assertThat(matches(book, "acme flight delay")).isEmpty();
    assertThat(book.errors()).isEmpty();
  }

  @Test
  void shouldRefuseAQueryLongerThanTheLimitAndKeepTheOthers() {
    RuleBook book = new RuleBook();
    book.put(rule("ok", "acme", "acme"));

    book.put(rule("long", "globex", "\"globex " + " ".repeat(5_000) + "corp\""));

    assertThat(book.errors()).containsOnlyKeys("long");
    assertThat(book.errors().get("long")).contains("Query of 5013 chars (at most 4096)");
    assertThat(matches(book, "acme globex corp")).containsExactly("ok");
  }

  @Test
  void shouldRelateCompetitorsBothWaysAndForgetThemWithTheirRule() {
    RuleBook book = new RuleBook();
    book.put(rule("a", "acme", "acme"));
    book.put(competitor("s", "skyways", "skyways", "acme"));
    book.put(competitor("n", "nimbus", "nimbus", "acme"));

    assertThat(book.competitorsOf("acme")).containsExactlyInAnyOrder("skyways", "nimbus");
    assertThat(book.competitorsOf("skyways")).containsExactly("acme");
    assertThat(book.competitorsOf("globex")).isEmpty();

    book.remove("s");
    assertThat(book.competitorsOf("acme")).containsExactly("nimbus");
    assertThat(book.competitorsOf("skyways")).isEmpty();
  }

  private static BrandRule competitor(String id, String brand, String query, String of) {
    return BrandRule.newBuilder(rule(id, brand, query)).setCompetitorOf(of).build();
  }
}
