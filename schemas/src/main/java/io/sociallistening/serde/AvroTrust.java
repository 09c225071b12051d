package io.sociallistening.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to instantiate generated classes whose packages it does not trust. This adds
 * the project's own record package to whatever predicate is installed (system properties included),
 * once per JVM; every serde calls it before reading.
 */
public final class AvroTrust {
  static final String RECORD_PACKAGE = "io.sociallistening.avro.";
  private static volatile boolean installed;

  private AvroTrust() {}

  public static void install() {
    if (installed) {
      return;
    }
    synchronized (AvroTrust.class) {
      if (!installed) {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(
            ClassSecurityValidator.composite(
                previous, type -> type.getName().startsWith(RECORD_PACKAGE)));
        installed = true;
      }
    }
  }
}
