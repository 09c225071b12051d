package io.sociallistening.connect.social;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** A successful (2xx) HTTP response: its URI, status, headers and body. */
public record ApiResponse(URI uri, int status, HttpHeaders headers, String body) {

  /** The first value of header {@code name} as a number, if present and numeric. */
  public OptionalDouble number(String name) {
    String v = headers.firstValue(name).orElse(null);
    if (v == null) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(v.trim()));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** The first value of header {@code name} as a whole number, rounding up a fraction. */
  public OptionalLong wholeNumber(String name) {
    OptionalDouble d = number(name);
    return d.isPresent()
        ? OptionalLong.of((long) Math.ceil(d.getAsDouble()))
        : OptionalLong.empty();
  }
}
