package io.sociallistening.topology.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded index of recent posts that answers "is this text a near-duplicate of one seen before?".
 *
 * <p><b>Input:</b> {@link #findOrAdd(String, String, long)} with the post key, its raw text and its
 * record timestamp (epoch ms). <b>Output:</b> the key of the earlier post it duplicates, or empty
 * (and the post is added as a new original). Copies are not added, so later copies still point to
 * the first post.
 *
 * <p><b>Rule.</b> Texts are compared by their {@link TextFingerprint#normalize normal form}:
 *
 * <ul>
 *   <li>empty normal form (only links, mentions, emoji): never a duplicate, not added;
 *   <li>fewer than {@code minWords} words: duplicate only of an identical normal form. Short
 *       complaints built on one template ("@acme my flight was delayed" and "@acme my flight was
 *       cancelled again, third time") differ by a word or two, which is a large part of a short
 *       text but a small SimHash distance, so SimHash would merge distinct posts;
 *   <li>otherwise: duplicate of the stored long text with the smallest SimHash distance ≤ {@code
 *       maxDistance} (the oldest on ties) whose word count is within {@code minLengthRatio}.
 * </ul>
 *
 * <p><b>State:</b> in memory, at most {@code maxEntries} entries (FIFO eviction of the oldest
 * added) and none older than {@code maxAge} before the newest timestamp seen; about 100 bytes per
 * long entry plus the text of short ones. Lookups of long texts are LSH over {@code maxDistance +
 * 1} bands of the SimHash: one hash-map probe per band, then a Hamming check per candidate.
 *
 * <p><b>Time:</b> record timestamps only. Not thread-safe (one instance per stream task).
 */
public final class NearDuplicateIndex {

  private final DedupSettings settings;
  private final long maxAgeMs;
  private final int bands;
  private final int[] shift;
  private final long[] mask;
  private final List<Map<Long, List<Entry>>> bandMaps;
  private final Map<String, Entry> shortTexts = new HashMap<>();
  private final ArrayDeque<Entry> byAge = new ArrayDeque<>();
  private long newest = Long.MIN_VALUE;

  private record Entry(String key, long hash, int words, String shortText, long timestamp) {}

  public NearDuplicateIndex(DedupSettings settings) {
    this.settings = settings;
    this.maxAgeMs = settings.maxAge().toMillis();
    this.bands = settings.maxDistance() + 1;
    this.shift = new int[bands];
    this.mask = new long[bands];
    this.bandMaps = new ArrayList<>(bands);
    int offset = 0;
    for (int b = 0; b < bands; b++) {
      int width = 64 / bands + (b < 64 % bands ? 1 : 0);
      shift[b] = offset;
      mask[b] = width == 64 ? -1L : (1L << width) - 1;
      offset += width;
      bandMaps.add(new HashMap<>());
    }
  }

  /** See the class comment. */
  public Optional<String> findOrAdd(String key, String text, long timestamp) {
    newest = Math.max(newest, timestamp);
    evict();
    String normalized = TextFingerprint.normalize(text);
    if (normalized.isEmpty()) {
      return Optional.empty();
    }
    int words = TextFingerprint.words(normalized);
    if (words < settings.minWords()) {
      Entry earlier = shortTexts.get(normalized);
      if (earlier != null && !expired(earlier)) {
        return Optional.of(earlier.key());
      }
      if (earlier != null) {
        shortTexts.remove(normalized);
      }
      makeRoom();
      Entry entry = new Entry(key, 0L, words, normalized, timestamp);
      shortTexts.put(normalized, entry);
      byAge.addLast(entry);
      return Optional.empty();
    }
    long hash = TextFingerprint.simHash(normalized);
    Entry best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int b = 0; b < bands; b++) {
      List<Entry> bucket = bandMaps.get(b).get((hash >>> shift[b]) & mask[b]);
      if (bucket == null) {
        continue;
      }
      for (Entry candidate : bucket) {
        int d = TextFingerprint.distance(hash, candidate.hash());
        if (d <= settings.maxDistance()
            && !expired(candidate)
            && similarLength(words, candidate.words())
            && (d < bestDistance
                || (d == bestDistance && candidate.timestamp() < best.timestamp()))) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    if (best != null) {
      return Optional.of(best.key());
    }
    makeRoom();
    Entry entry = new Entry(key, hash, words, null, timestamp);
    for (int b = 0; b < bands; b++) {
      bandMaps
          .get(b)
          .computeIfAbsent((hash >>> shift[b]) & mask[b], k -> new ArrayList<>(1))
          .add(entry);
    }
    byAge.addLast(entry);
    return Optional.empty();
  }

  /** Entries held. */
  public int size() {
    return byAge.size();
  }

  private boolean similarLength(int a, int b) {
    return Math.min(a, b) >= settings.minLengthRatio() * Math.max(a, b);
  }

  private boolean expired(Entry entry) {
    return entry.timestamp() < newest - maxAgeMs;
  }

  private void evict() {
    while (!byAge.isEmpty() && expired(byAge.peekFirst())) {
      remove(byAge.pollFirst());
    }
  }

  private void makeRoom() {
    while (byAge.size() >= settings.maxEntries()) {
      remove(byAge.pollFirst());
    }
  }

  private void remove(Entry entry) {
    if (entry.shortText() != null) {
      shortTexts.remove(entry.shortText(), entry);
      return;
    }
    for (int b = 0; b < bands; b++) {
      Long band = (entry.hash() >>> shift[b]) & mask[b];
      List<Entry> bucket = bandMaps.get(b).get(band);
      if (bucket != null) {
        bucket.remove(entry);
        if (bucket.isEmpty()) {
          bandMaps.get(b).remove(band);
        }
      }
    }
  }
}
