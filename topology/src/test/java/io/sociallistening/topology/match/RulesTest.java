package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void shouldReadRulesSkippingBlankAndCommentLines() {
    String lines =
        "# brand rules\n"
            + "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}\n"
            + "\n"
            + "   \n"
            + "{\"id\":\"r2\",\"brand\":\"Anvil\",\"query\":\"anvil\",\"competitorOf\":\"Acme\"}\n"
            + "{\"id\":\"r3\",\"brand\":\"Rocket\",\"query\":\"(rocket\",\"competitorOf\":null}\n";

    assertThat(Rules.readJsonLines(new StringReader(lines)))
        .containsExactly(
            new Rule("r1", "Acme", "acme", null),
            new Rule("r2", "Anvil", "anvil", "Acme"),
            new Rule("r3", "Rocket", "(rocket", null));
  }

  @Test
  void shouldNumberEachRuleWithItsLine() {
    String lines =
        "# brand rules\n"
            + "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}\n"
            + "\n"
            + "{\"id\":7,\"brand\":\"Anvil\",\"query\":\"(anvil\",\"tags\":[]}\n";
    List<String> warnings = new ArrayList<>();

    assertThat(Rules.readNumberedJsonLines(new StringReader(lines), warnings::add))
        .containsExactly(
            new Rules.Line(2, new Rule("r1", "Acme", "acme", null)),
            new Rules.Line(4, new Rule("7", "Anvil", "(anvil", null)));
    assertThat(warnings)
        .containsExactly(
            "Line 4: unknown field \"tags\" (a rule has \"id\", \"brand\", \"query\" and an"
                + " optional \"competitorOf\")");
  }

  @Test
  void shouldReadAFileThatStartsWithAByteOrderMark() {
    String lines = "\uFEFF{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}\r\n";

    assertThat(Rules.readJsonLines(new StringReader(lines)))
        .containsExactly(new Rule("r1", "Acme", "acme", null));
  }

  @Test
  void shouldNameTheLineOfBadJson() {
    String lines = "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}\n\n{\"id\": \"r2\",\n";

    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader(lines)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Line 3: invalid JSON: ");
  }

  @Test
  void shouldRejectASecondObjectOnOneLineInsteadOfDroppingIt() {
    String lines =
        "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}"
            + " {\"id\":\"r2\",\"brand\":\"Anvil\",\"query\":\"anvil\"}\n";

    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader(lines)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Line 1: invalid JSON: Trailing token (of type START_OBJECT)");
  }

  @Test
  void shouldNameTheLineOfAMissingField() {
    String lines =
        "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}\n{\"id\":\"r2\",\"brand\":\"B\"}\n";

    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader(lines)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 2: \"query\" must be a non-empty string");
  }

  @Test
  void shouldRejectALineThatIsNotAnObject() {
    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader("[1, 2]\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 1: expected a JSON object");
  }

  @Test
  void shouldRejectANonStringCompetitor() {
    String line = "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\",\"competitorOf\":3}";

    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader(line)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 1: \"competitorOf\" must be a string or null");
  }

  @Test
  void shouldRejectAnUnknownFieldNamingTheLineAndTheFieldWhenReadStrictly() {
    // a misspelt "competitorOf" was ignored: the rule silently lost its competitor
    String lines =
        "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\"}\n"
            + "{\"id\":\"r2\",\"brand\":\"Anvil\",\"query\":\"anvil\",\"competitor_of\":\"Acme\"}\n";

    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader(lines)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Line 2: unknown field \"competitor_of\" (a rule has \"id\", \"brand\", \"query\""
                + " and an optional \"competitorOf\")");
  }

  @Test
  void shouldReportAnUnknownFieldAndKeepTheRuleWhenReadLeniently() {
    String line = "{\"id\":\"r1\",\"brand\":\"Acme\",\"query\":\"acme\",\"tags\":[\"x\"]}";
    List<String> warnings = new ArrayList<>();

    List<Rule> rules = Rules.readJsonLines(new StringReader(line), warnings::add);

    assertThat(rules).containsExactly(new Rule("r1", "Acme", "acme", null));
    assertThat(warnings)
        .containsExactly(
            "Line 1: unknown field \"tags\" (a rule has \"id\", \"brand\", \"query\" and an"
                + " optional \"competitorOf\")");
  }

  @Test
  void shouldRejectANumericIdSayingToQuoteIt() {
    String line = "{\"id\":7,\"brand\":\"Acme\",\"query\":\"acme\"}";

    assertThatThrownBy(() -> Rules.readJsonLines(new StringReader(line)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Line 1: \"id\" must be a non-empty string, not the number 7 (quote it: \"7\")");
  }
}
