package io.sociallistening.app.web;

/**
 * A request parameter that cannot be read (not a number, out of range, not a time, an unknown
 * window size): the server answers 400 with this message. Any other exception while answering is a
 * defect, answered 500.
 */
final class BadParameter extends IllegalArgumentException {
  BadParameter(String message) {
    super(message);
  }
}
