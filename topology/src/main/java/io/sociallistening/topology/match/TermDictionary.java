package io.sociallistening.topology.match;

/**
 * Dense ids for the analysed terms of rules, so a post token is looked up once, from its
 * characters, and rules then compare ints. Append-only and shared by all rule sets: ids never
 * change, and a term stays when its last rule goes (rule vocabularies are small). Look-ups take no
 * lock; a rule set is published after its terms got their ids, so a thread that sees the set sees
 * them.
 */
final class TermDictionary {

  /** The dictionary of all rule terms. */
  static final TermDictionary TERMS = new TermDictionary();

  private static final class Entry {
    final char[] chars;
    final int hash;
    final int id;

    Entry(char[] chars, int hash, int id) {
      this.chars = chars;
      this.hash = hash;
      this.id = id;
    }
  }

  private volatile Entry[] table = new Entry[1024];
  private volatile int size;

  /** The id of {@code term}, giving it the next id if it has none. */
  synchronized int intern(String term) {
    char[] chars = term.toCharArray();
    int hash = TokenBuffer.hash(chars, 0, chars.length);
    int found = find(chars, 0, chars.length, hash);
    if (found >= 0) {
      return found;
    }
    Entry[] current = table;
    if ((size + 1) * 2 > current.length) {
      Entry[] grown = new Entry[current.length * 2];
      for (Entry entry : current) {
        if (entry != null) {
          insert(grown, entry);
        }
      }
      insert(grown, new Entry(chars, hash, size));
      table = grown;
    } else {
      insert(current, new Entry(chars, hash, size));
    }
    size = size + 1;
    return size - 1;
  }

  private static void insert(Entry[] slots, Entry entry) {
    int mask = slots.length - 1;
    int slot = spread(entry.hash) & mask;
    while (slots[slot] != null) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = entry;
  }

  /** The id of the term in {@code chars[offset, offset + length)}, or -1 if it has none. */
  int find(char[] chars, int offset, int length, int hash) {
    Entry[] slots = table;
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    while (true) {
      Entry entry = slots[slot];
      if (entry == null) {
        return -1;
      }
      if (entry.hash == hash && equal(entry.chars, chars, offset, length)) {
        return entry.id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Number of ids given so far: every id is below it. */
  int size() {
    return size;
  }

  private static boolean equal(char[] term, char[] chars, int offset, int length) {
    if (term.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (term[i] != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16) ^ (hash >>> 7);
  }
}
