package io.sociallistening.topology.validate;

import io.sociallistening.avro.Mention;

/**
 * Outcome of validating one raw record: either a normalised mention, or the original bytes that go
 * to the dead-letter topic (with error headers already on the record).
 */
public record Validated(Mention mention, byte[] rawKey, byte[] rawValue) {

  public static Validated accepted(Mention mention) {
    return new Validated(mention, null, null);
  }

  public static Validated rejected(byte[] rawKey, byte[] rawValue) {
    return new Validated(null, rawKey, rawValue);
  }

  public boolean isValid() {
    return mention != null;
  }
}
