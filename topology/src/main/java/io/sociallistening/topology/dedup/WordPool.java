package io.sociallistening.topology.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * One shared {@code String} per distinct word of the first copies {@link NearDuplicateIndex} holds,
 * counted, so that a word used by many posts ("the", "flight", a brand's name) is stored once
 * rather than once per post: the words are most of an entry's memory otherwise.
 *
 * <p>Not thread-safe.
 */
final class WordPool {
  private static final class Count {
    final String word;
    int uses;

    Count(String word) {
      this.word = word;
    }
  }

  private final Map<String, Count> counts = new HashMap<>();

  /** Replaces each word of {@code words} by the pool's equal one, counting one more use of it. */
  void acquire(String[] words) {
    for (int i = 0; i < words.length; i++) {
      Count count = counts.computeIfAbsent(words[i], Count::new);
      count.uses++;
      words[i] = count.word;
    }
  }

  /** Counts one use less of each word of {@code words}; a word no longer used leaves the pool. */
  void release(String[] words) {
    for (String word : words) {
      Count count = counts.get(word);
      if (count != null && --count.uses == 0) {
        counts.remove(word);
      }
    }
  }

  /** Distinct words held. */
  int size() {
    return counts.size();
  }
}
