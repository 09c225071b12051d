package io.sociallistening.topology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> args, String stdin) {
    return MatchCommand.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String fixture() throws URISyntaxException {
    return Path.of(MatchCommandTest.class.getResource("/match/rules.jsonl").toURI()).toString();
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void shouldPrintTheSortedIdsOfMatchingRulesPerLine() throws Exception {
    String stdin =
        "Acme Air was late again\n"
            + "new anvils in stock\n"
            + "\n"
            + "#AcmeFail rocket\n"
            + "acme anvil\n";

    int code = run(List.of("--rules", fixture()), stdin);

    assertThat(code).isZero();
    assertThat(outLines())
        .containsExactly(
            "{\"rules\":[\"acme\",\"air\"]}",
            "{\"rules\":[\"anvil\"]}",
            "{\"rules\":[]}",
            "{\"rules\":[\"acme\",\"émoji \\\"quoted\\\"\"]}",
            "{\"rules\":[\"acme\"]}");
  }

  @Test
  void shouldEndLinesAtLineFeedsOnlySoALoneCarriageReturnStaysInItsText() throws Exception {
    int code = run(List.of("--rules", fixture()), "new anvils\racme\r\n\r\nanvil\n");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n", -1))
        .containsExactly("{\"rules\":[\"acme\"]}", "{\"rules\":[]}", "{\"rules\":[\"anvil\"]}", "");
  }

  @Test
  void shouldFilterByTheDetectedLanguageAsTheTopologyDoes(@TempDir Path dir) throws Exception {
    // the topology matches a mention without a declared language with the detected one
    Path rules = dir.resolve("rules.jsonl");
    Files.writeString(
        rules,
        "{\"id\":\"en\",\"brand\":\"A\",\"query\":\"operadora OR good lang:en\"}\n"
            + "{\"id\":\"pt\",\"brand\":\"A\",\"query\":\"(operadora OR good) lang:pt\"}\n");

    int code =
        run(
            List.of("--rules", rules.toString()),
            "this is good stuff, really good\n"
                + "Não aguento mais essa operadora, sinal horrível o dia todo\n");

    assertThat(code).isZero();
    assertThat(outLines()).containsExactly("{\"rules\":[\"en\"]}", "{\"rules\":[\"en\",\"pt\"]}");
  }

  @Test
  void shouldMatchWithRulesThatCarryFieldsBeyondTheContractAndNameThem(@TempDir Path dir)
      throws Exception {
    // the contract names id, brand and query; a file with more fields still loads, and a
    // misspelt field is reported instead of passing unseen
    Path rules = dir.resolve("rules.jsonl");
    Files.writeString(
        rules,
        "{\"id\":\"a\",\"brand\":\"Acme\",\"query\":\"acme\",\"lang\":\"en\"}\n"
            + "{\"id\":\"b\",\"brand\":\"Anvil\",\"query\":\"anvil\",\"competitor_of\":\"Acme\"}\n");

    int code = run(List.of("--rules", rules.toString()), "acme anvil\n");

    assertThat(code).isZero();
    assertThat(outLines()).containsExactly("{\"rules\":[\"a\",\"b\"]}");
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "rules file "
                + rules
                + ": Line 1: unknown field \"lang\" (a rule has \"id\", \"brand\", \"query\" and"
                + " an optional \"competitorOf\"), ignored",
            "rules file "
                + rules
                + ": Line 2: unknown field \"competitor_of\" (a rule has \"id\", \"brand\","
                + " \"query\" and an optional \"competitorOf\"), ignored");
  }

  @Test
  void shouldPrintIntegerIdsBackAsIntegers(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.jsonl");
    Files.writeString(
        rules,
        "{\"id\":7,\"brand\":\"Acme\",\"query\":\"acme\"}\n"
            + "{\"id\":\"8\",\"brand\":\"Anvil\",\"query\":\"anvil\"}\n");

    int code = run(List.of("--rules", rules.toString()), "acme anvil\nnothing\n");

    assertThat(code).isZero();
    assertThat(outLines()).containsExactly("{\"rules\":[7,\"8\"]}", "{\"rules\":[]}");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldPrintAnIntegerIdOnTheFirstLineAfterAByteOrderMarkAsAnInteger(@TempDir Path dir)
      throws Exception {
    Path rules = dir.resolve("rules.jsonl");
    Files.writeString(rules, "\uFEFF{\"id\":7,\"brand\":\"Acme\",\"query\":\"acme\"}\n");

    int code = run(List.of("--rules", rules.toString()), "acme air\n");

    assertThat(code).isZero();
    assertThat(outLines()).containsExactly("{\"rules\":[7]}");
  }

  @Test
  void shouldPrintAnIdAsTheRuleThatWinsWroteIt(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.jsonl");
    // of two rules with one id the last wins: here the one with the quoted id
    Files.writeString(
        rules,
        "{\"id\":7,\"brand\":\"Acme\",\"query\":\"acme\"}\n"
            + "{\"id\":\"7\",\"brand\":\"Acme\",\"query\":\"acme air\"}\n");

    int code = run(List.of("--rules", rules.toString()), "acme air\n");

    assertThat(code).isZero();
    assertThat(outLines()).containsExactly("{\"rules\":[\"7\"]}");
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "rules file " + rules + ": rule id '7' appears more than once; the last one is used");
  }

  @Test
  void shouldFailWhenNoRuleOfTheFileIsValid(@TempDir Path dir) throws Exception {
    // every line answered {"rules":[]} with exit 0, as if nothing had matched
    Path rules = dir.resolve("rules.jsonl");
    Files.writeString(rules, "{\"id\":\"r1\",\"brand\":\"b\",\"query\":\"(love AND\"}\n");
    Path empty = dir.resolve("empty.jsonl");
    Files.writeString(empty, "");

    assertThat(run(List.of("--rules", rules.toString()), "hi\n")).isEqualTo(1);
    assertThat(run(List.of("--rules", empty.toString()), "hi\n")).isEqualTo(1);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "invalid rule 'r1': Expected a term at position 9 in rule 'r1'",
            "rules file " + rules + ": none of its rules is valid; nothing to match with",
            "rules file " + empty + " holds no rules; nothing to match with");
  }

  @Test
  void shouldReportAnInvalidRuleAndKeepTheOthers() throws Exception {
    int code = run(List.of("--rules=" + fixture()), "acme\n");

    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("invalid rule 'bad': Expected ')' at position 5 in rule 'bad'");
    assertThat(outLines()).containsExactly("{\"rules\":[\"acme\"]}");
  }

  @Test
  void shouldPrintUsageWithoutRules() {
    int code = run(List.of(), "acme\n");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(MatchCommand.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void shouldPrintUsageForARulesFlagWithoutFile() {
    assertThat(run(List.of("--rules"), "")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("unknown or incomplete argument: --rules", MatchCommand.USAGE);
  }

  @Test
  void shouldFailOnAMissingRulesFile(@TempDir Path dir) {
    Path missing = dir.resolve("none.jsonl");

    assertThat(run(List.of("--rules", missing.toString()), "acme\n")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("rules file not found: " + missing);
  }

  @Test
  void shouldFailOnBadJsonNamingTheLine(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.jsonl");
    Files.writeString(rules, "{\"id\":\"a\",\"brand\":\"A\",\"query\":\"acme\"}\nnot json\n");

    assertThat(run(List.of("--rules", rules.toString()), "acme\n")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("bad rules file " + rules + ": Line 2: invalid JSON: ");
  }

  @Test
  void shouldNameWhatIsWrongWithARulesFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.jsonl");
    byte[] latin1 =
        "{\"id\":\"a\",\"brand\":\"A\",\"query\":\"caf\u00e9\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(rules, latin1);

    assertThat(run(List.of("--rules", rules.toString()), "acme\n")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "cannot read rules file "
                + rules
                + ": Cannot read rules after line 0: the next line is not UTF-8 text");
  }

  @Test
  void shouldNameWhyARulesPathCannotBeRead(@TempDir Path dir) {
    // a directory opens but cannot be read: the reason the system gives is printed
    assertThat(run(List.of("--rules", dir.toString()), "acme\n")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("cannot read rules file " + dir + ": Cannot read rules after line 0: ")
        .doesNotEndWith("line 0\n");
  }
}
