package io.sociallistening.topology.match;

import java.util.Arrays;

/**
 * The analysed tokens of one text, kept in reusable arrays so that analysing a post allocates
 * nothing once the buffers have grown: token {@code i} is {@code length(i)} characters of {@link
 * #chars()} from {@code offset(i)}, with its hash ({@link #hash}), hashtag/mention flag and the
 * place in the analysed text it was written at ({@link #start}, {@link #end}). A token's index is
 * its position. Used by one thread at a time.
 */
final class TokenBuffer {

  private char[] chars = new char[256];
  private int used;
  private int[] offsets = new int[32];
  private int[] lengths = new int[32];
  private int[] hashes = new int[32];
  private byte[] flags = new byte[32];
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int size;

  void clear() {
    used = 0;
    size = 0;
  }

  int size() {
    return size;
  }

  /** Room for a token of up to {@code length} characters at {@link #end()}. */
  char[] reserve(int length) {
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
    }
    return chars;
  }

  /** Where the next token's characters go in {@link #reserve}'s array. */
  int end() {
    return used;
  }

  /**
   * Adds the {@code length} characters written at {@link #end()}, whose {@link #hash} is {@code
   * hash}, as the next token, written at {@code text[start, end)} of the analysed text.
   */
  void commit(int length, int hash, byte flag, int start, int end) {
    if (size == offsets.length) {
      int grown = size * 2;
      offsets = Arrays.copyOf(offsets, grown);
      lengths = Arrays.copyOf(lengths, grown);
      hashes = Arrays.copyOf(hashes, grown);
      flags = Arrays.copyOf(flags, grown);
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
    }
    offsets[size] = used;
    lengths[size] = length;
    hashes[size] = hash;
    flags[size] = flag;
    starts[size] = start;
    ends[size] = end;
    used += length;
    size++;
  }

  /**
   * Adds a copy of {@code length} characters of {@code source} from {@code from}, written at {@code
   * text[start, end)}.
   */
  void add(char[] source, int from, int length, byte flag, int start, int end) {
    System.arraycopy(source, from, reserve(length), used, length);
    commit(length, hash(chars, used, length), flag, start, end);
  }

  char[] chars() {
    return chars;
  }

  int offset(int token) {
    return offsets[token];
  }

  int length(int token) {
    return lengths[token];
  }

  int hash(int token) {
    return hashes[token];
  }

  byte flag(int token) {
    return flags[token];
  }

  /**
   * Where token {@code token} starts in the analysed text: the word as written, before its article
   * ({@code l'}) was dropped.
   */
  int start(int token) {
    return starts[token];
  }

  /** Where token {@code token} ends in the analysed text, after a possessive {@code 's}. */
  int end(int token) {
    return ends[token];
  }

  String term(int token) {
    return new String(chars, offsets[token], lengths[token]);
  }

  /** Whether token {@code token} starts with {@code prefix}. */
  boolean startsWith(int token, char[] prefix) {
    int length = prefix.length;
    if (lengths[token] < length) {
      return false;
    }
    int offset = offsets[token];
    for (int i = 0; i < length; i++) {
      if (chars[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The hash of a term, the same as {@link String#hashCode()} of its characters. */
  static int hash(char[] chars, int offset, int length) {
    int hash = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      hash = 31 * hash + chars[i];
    }
    return hash;
  }
}
