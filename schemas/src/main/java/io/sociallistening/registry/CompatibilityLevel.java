package io.sociallistening.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A subject's compatibility rule, as Confluent names them. BACKWARD: the new schema reads data
 * written with the previous one; FORWARD: the previous schema reads data written with the new one;
 * FULL: both; the {@code _TRANSITIVE} forms check every live version instead of only the latest.
 * The pairwise checks are Avro's own {@link SchemaCompatibility}.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** Message of Confluent's 42203 error. */
  static final String INVALID_MESSAGE =
      "Invalid compatibility level. Valid values are none, backward, forward, full,"
          + " backward_transitive, forward_transitive, and full_transitive";

  /**
   * Parses a level case-insensitively.
   *
   * @throws RegistryException 42203 if {@code text} names no level
   */
  public static CompatibilityLevel parse(String text) {
    if (text != null) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the registry's own error
      }
    }
    throw new RegistryException(INVALID_MESSAGE, 42203);
  }

  /** Whether registration checks against every live version rather than only the latest. */
  public boolean transitive() {
    return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }

  private boolean backward() {
    return this == BACKWARD
        || this == BACKWARD_TRANSITIVE
        || this == FULL
        || this == FULL_TRANSITIVE;
  }

  private boolean forward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /**
   * Why {@code candidate} may not follow {@code existing} under this level: one line per Avro
   * incompatibility, empty when compatible.
   */
  public List<String> incompatibilities(Schema candidate, Schema existing) {
    List<String> problems = new ArrayList<>();
    if (backward()) {
      describe("BACKWARD", candidate, existing, problems);
    }
    if (forward()) {
      describe("FORWARD", existing, candidate, problems);
    }
    return problems;
  }

  private static void describe(String direction, Schema reader, Schema writer, List<String> into) {
    SchemaCompatibility.SchemaCompatibilityResult result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      into.add(
          direction
              + " "
              + incompatibility.getType()
              + " at "
              + incompatibility.getLocation()
              + ": "
              + incompatibility.getMessage());
    }
  }
}
