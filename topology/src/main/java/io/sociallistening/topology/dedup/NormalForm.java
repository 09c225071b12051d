package io.sociallistening.topology.dedup;

/**
 * The normal form of a post's text (see {@link TextFingerprint#normalForm(String)}).
 *
 * @param text the words joined by single spaces; empty when nothing is left
 * @param words the words
 * @param truncated the raw text ended with a truncation mark ({@code …} or {@code ...}), so it may
 *     be the prefix of a longer post
 */
public record NormalForm(String text, String[] words, boolean truncated) {
  static final NormalForm EMPTY = new NormalForm("", new String[0], false);

  public boolean isEmpty() {
    return words.length == 0;
  }

  public int size() {
    return words.length;
  }
}
