package io.sociallistening.topology.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.topology.language.LanguageDetector;
import io.sociallistening.topology.match.MatchInput;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleMatch;
import io.sociallistening.topology.match.RuleSet;
import io.sociallistening.topology.match.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code match --rules FILE} evaluation command: reads rules as JSON lines from FILE, then one
 * text per line (UTF-8, {@link InputLines}) from stdin, and prints one {@code {"rules":[<ids of
 * matching rules>]}} line per input line, ids sorted. Invalid rules are reported on stderr (rule id
 * and position) and the others are used. Uses the same {@link RuleSet} as the topology, with the
 * text's language found by the topology's {@link LanguageDetector} (as for a mention without a
 * declared language), so {@code lang:} filters apply; the other fields ({@code platform:}, authors,
 * links) are empty. Exit codes: 0 done, 1 the rules file cannot be read, 2 bad arguments.
 */
public final class MatchCommand {

  static final String USAGE = "usage: match --rules FILE  (texts on stdin, one per line)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private MatchCommand() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.in, System.out, System.err));
  }

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Path rulesFile = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--rules") && i + 1 < args.size()) {
        rulesFile = Path.of(args.get(++i));
      } else if (arg.startsWith("--rules=") && arg.length() > "--rules=".length()) {
        rulesFile = Path.of(arg.substring("--rules=".length()));
      } else {
        err.println("unknown or incomplete argument: " + arg);
        err.println(USAGE);
        return 2;
      }
    }
    if (rulesFile == null) {
      err.println(USAGE);
      return 2;
    }
    List<Rule> rules;
    Path file = rulesFile;
    Set<String> integerIds = new HashSet<>();
    try (Reader reader = Files.newBufferedReader(rulesFile, StandardCharsets.UTF_8)) {
      rules =
          Rules.readJsonLines(
              reader,
              warning -> err.println("rules file " + file + ": " + warning + ", ignored"),
              integerIds);
    } catch (NoSuchFileException e) {
      err.println("rules file not found: " + rulesFile);
      return 1;
    } catch (IOException | UncheckedIOException e) {
      err.println("cannot read rules file " + rulesFile + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("bad rules file " + rulesFile + ": " + e.getMessage());
      return 1;
    }
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        err.println(
            "rules file "
                + file
                + ": rule id '"
                + rule.id()
                + "' appears more than once; the last"
                + " one is used");
      }
    }
    RuleSet ruleSet =
        RuleSet.of(
            rules, (rule, e) -> err.println("invalid rule '" + rule.id() + "': " + e.getMessage()));
    if (ruleSet.size() == 0) {
      err.println(
          "rules file "
              + file
              + (rules.isEmpty() ? " holds no rules" : ": none of its rules is valid")
              + "; nothing to match with");
      return 1;
    }
    try {
      LanguageDetector languages = LanguageDetector.loadDefault();
      InputLines texts = new InputLines(in);
      for (String line = texts.next(); line != null; line = texts.next()) {
        out.println(
            toJson(
                ruleSet.match(new MatchInput(line, languages.detect(line), null, null, null)),
                integerIds));
        if (LineCommand.outputFailed("match", out, err)) {
          return 1;
        }
      }
    } catch (IOException e) {
      err.println("cannot read stdin: " + e.getMessage());
      return 1;
    }
    return LineCommand.outputFailed("match", out, err) ? 1 : 0;
  }

  private static String toJson(List<RuleMatch> matches, Set<String> integerIds) throws IOException {
    StringWriter json = new StringWriter();
    try (JsonGenerator generator = JSON.getFactory().createGenerator(json)) {
      generator.writeStartObject();
      generator.writeArrayFieldStart("rules");
      for (RuleMatch match : matches) {
        if (integerIds.contains(match.ruleId())) {
          generator.writeNumber(new BigInteger(match.ruleId()));
        } else {
          generator.writeString(match.ruleId());
        }
      }
      generator.writeEndArray();
      generator.writeEndObject();
    }
    return json.toString();
  }
}
