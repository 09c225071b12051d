package io.sociallistening.topology.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads rules from JSON lines, one {@code {"id", "brand", "query", "competitorOf"?}} object a line.
 * Blank lines and lines starting with {@code #} are skipped, and so is a byte-order mark at the
 * start. Any other field is an error, so a misspelt one cannot silently change a rule. Queries are
 * not parsed here: {@link RuleSet#of} reports invalid queries rule by rule.
 */
public final class Rules {

  /** One JSON value a line: anything after it (a second object) is an error, not dropped. */
  private static final ObjectReader JSON =
      new ObjectMapper()
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Set<String> FIELDS = Set.of("id", "brand", "query", "competitorOf");

  private Rules() {}

  /**
   * The rules in {@code reader}, in file order; the reader is not closed.
   *
   * @throws IllegalArgumentException naming the 1-based line number of a line that is not a JSON
   *     object with string fields {@code id}, {@code brand} and {@code query}, an optional string
   *     {@code competitorOf} and no other field
   */
  public static List<Rule> readJsonLines(Reader reader) {
    return read(
        reader,
        false,
        warning -> {
          throw new IllegalArgumentException(warning);
        },
        null,
        null);
  }

  /**
   * As {@link #readJsonLines(Reader)}, except that a field other than {@code id}, {@code brand},
   * {@code query} and {@code competitorOf} is ignored and reported to {@code unknownFields} (a
   * message naming the line and the field), so a file written for a contract that names only some
   * of the fields still loads while a misspelt field is still seen; and an id that is a JSON
   * integer ({@code "id": 7}) is read as its decimal digits ({@code "7"}).
   */
  public static List<Rule> readJsonLines(Reader reader, Consumer<String> unknownFields) {
    return read(reader, true, unknownFields, null, null);
  }

  /**
   * As {@link #readJsonLines(Reader, Consumer)}, and leaves in {@code integerIds} the ids that the
   * rule in force for them (the last one with that id) wrote as a JSON integer, for a caller that
   * echoes ids in the form it was given them.
   */
  public static List<Rule> readJsonLines(
      Reader reader, Consumer<String> unknownFields, Set<String> integerIds) {
    return read(reader, true, unknownFields, integerIds, null);
  }

  /** A rule and the 1-based number of the line it was read from. */
  public record Line(int number, Rule rule) {}

  /**
   * As {@link #readJsonLines(Reader, Consumer)}, with the number of the line of each rule, for a
   * caller that reports errors found later (an invalid query) by line.
   */
  public static List<Line> readNumberedJsonLines(Reader reader, Consumer<String> unknownFields) {
    List<Integer> numbers = new ArrayList<>();
    List<Rule> rules = read(reader, true, unknownFields, null, numbers);
    List<Line> lines = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      lines.add(new Line(numbers.get(i), rules.get(i)));
    }
    return List.copyOf(lines);
  }

  private static List<Rule> read(
      Reader reader,
      boolean lenient,
      Consumer<String> unknownFields,
      Set<String> integerIds,
      List<Integer> lineNumbers) {
    BufferedReader lines =
        reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    List<Rule> rules = new ArrayList<>();
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        JsonNode node = object(trimmed, number);
        Rule rule = rule(node, number, lenient, unknownFields);
        if (integerIds != null) {
          // of rules with the same id the last one wins, and so does the way it writes the id
          integerIds.remove(rule.id());
          if (node.get("id").isIntegralNumber()) {
            integerIds.add(rule.id());
          }
        }
        rules.add(rule);
        if (lineNumbers != null) {
          lineNumbers.add(number);
        }
      }
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException(
          "Cannot read rules after line " + number + ": the next line is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read rules after line " + number + ": " + e.getMessage(), e);
    }
    return List.copyOf(rules);
  }

  private static JsonNode object(String line, int number) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Line " + number + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("Line " + number + ": expected a JSON object");
    }
    return node;
  }

  private static Rule rule(
      JsonNode node, int number, boolean lenient, Consumer<String> unknownFields) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        unknownFields.accept(
            "Line "
                + number
                + ": unknown field \""
                + name
                + "\" (a rule has \"id\", \"brand\", \"query\" and an optional \"competitorOf\")");
      }
    }
    JsonNode idNode = node.get("id");
    String id =
        lenient && idNode != null && idNode.isIntegralNumber()
            ? idNode.bigIntegerValue().toString()
            : required(node, "id", number);
    String brand = required(node, "brand", number);
    String query = required(node, "query", number);
    JsonNode competitor = node.get("competitorOf");
    if (competitor != null && !competitor.isNull() && !competitor.isTextual()) {
      throw new IllegalArgumentException(
          "Line " + number + ": \"competitorOf\" must be a string or null");
    }
    return new Rule(
        id, brand, query, competitor == null || competitor.isNull() ? null : competitor.asText());
  }

  private static String required(JsonNode node, String field, int number) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      String message = "Line " + number + ": \"" + field + "\" must be a non-empty string";
      if (value != null && value.isNumber()) {
        // a number is not taken as its text: 7 and 7.0 would be different ids
        message += ", not the number " + value + " (quote it: \"" + value + "\")";
      } else if (value != null && !value.isTextual()) {
        message += ", not " + value;
      }
      throw new IllegalArgumentException(message);
    }
    return value.asText();
  }
}
