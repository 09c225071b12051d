package io.sociallistening.connect.sample;

/** The sentiment a sample post was written with. */
public enum Tone {
  POSITIVE,
  NEUTRAL,
  NEGATIVE
}
