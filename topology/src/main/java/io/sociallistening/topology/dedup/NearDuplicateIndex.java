package io.sociallistening.topology.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A bounded index of recent first copies that answers "is this post a near-duplicate of one seen
 * before?". The {@code dedup} command and the topology's near-duplicate stage both use it.
 *
 * <p><b>Input:</b> {@link #findOrAdd(String, String, String, long)} with a scope (posts match only
 * within one scope), the post key, its raw text and its record time (epoch ms). <b>Output:</b> the
 * {@link Original} it copies, with its copy count raised, or empty (and the post is remembered as a
 * new first copy). Copies are not remembered, so every copy points to the first one.
 *
 * <p><b>Rule.</b> Texts are compared by their {@link TextFingerprint#normalForm normal form}: an
 * empty one (only links, mentions, emoji) never matches and is not remembered; an identical one
 * matches at once; otherwise candidates come from LSH over a MinHash signature of word pairs
 * ({@value #BANDS} bands of {@value #ROWS} rows: a candidate shares all rows of one band; Jaccard
 * 0.5 is found with probability 0.99, 0.3 with 0.8, 0.05 with 0.04), the {@value #MAX_CANDIDATES}
 * candidates agreeing on most rows are aligned by {@link WordAlignment}, and the post copies the
 * one with the lowest cost within budget (on ties the oldest record time, then the one remembered
 * first, so the answer does not depend on the order of a hash table).
 *
 * <p><b>State:</b> in memory, at most {@code maxEntries} first copies holding at most {@code
 * maxTextChars} characters of normalised text (the oldest added is forgotten first) and none older
 * than {@code maxAge} before the newest record time seen; per entry its text, its words (one string
 * per distinct word, shared by all entries through a {@link WordPool}), the low halves of its
 * 32-long signature and up to 31 bucket keys, about 1.4 to 1.5 KB for a tweet (measured on 200,000
 * distinct ones); a bucket holds at most {@value #MAX_BUCKET} entries. Every change is reported to
 * a {@link Listener}, so a caller can mirror the entries into a store and {@link
 * #restoreAll(Collection) restore} them after a restart; each entry carries the order in which it
 * was remembered ({@link Original#sequence()}), so the restored index forgets the same entries
 * first and breaks ties the same way as the one that saved them.
 *
 * <p><b>Measured</b> (labelled set in {@code topology/src/test/resources/dedup/}, {@code
 * DedupEvaluation}): pair precision 1.000 / recall 0.992 on the development half, 1.000 / 0.971 on
 * the held-out half. <b>Limits:</b> a word added to or dropped from a post of under six words is
 * not found (such posts read as other posts of one template: "my flight was delayed" / "… again");
 * two people who write the very same short text ("thanks @acme") are one post; a replaced word in a
 * post of 8–19 words is not found, and two template posts that differ by one non-numeric word in
 * 20+ words are merged.
 *
 * <p><b>Time:</b> record times only. Not thread-safe (one instance per stream task).
 */
public final class NearDuplicateIndex {
  static final int BANDS = 16;
  static final int ROWS = TextFingerprint.SIGNATURE / BANDS;
  static final int MAX_CANDIDATES = 32;
  static final int EDIT_KEY_WORDS = 12;

  /**
   * Entries per bucket: a full bucket (a word pair or short text shared by very many posts) takes
   * no more, so one lookup compares at most about 30 × this many signatures.
   */
  static final int MAX_BUCKET = 128;

  private static final long EDIT_SALT = 0x5bd1e9955bd1e995L;
  private static final long PREFIX_SALT = 0x27d4eb2f165667c5L;
  private static final long CUT_SALT = 0x165667b19e3779f9L;

  /** Hears every change of the remembered first copies. */
  public interface Listener {
    /** A first copy was added, or its copy count changed. */
    void saved(Original original);

    /** A first copy was forgotten (too old or too many). */
    void removed(Original original);
  }

  private static final Listener NONE =
      new Listener() {
        @Override
        public void saved(Original original) {}

        @Override
        public void removed(Original original) {}
      };

  private static final class Entry {
    Original original;
    final NormalForm form;

    /** The low 32 bits of each row of the signature: enough to rank candidates by agreement. */
    final int[] signature;

    final long[] keys;
    final long sequence;
    boolean removed;

    /** The lookup that last took this entry as a candidate (see {@link #lookups}). */
    int seenBy;

    Entry(Original original, NormalForm form, long[] signature, long[] keys, long sequence) {
      this.original = original;
      this.form = form;
      this.signature = new int[signature.length];
      for (int i = 0; i < signature.length; i++) {
        this.signature[i] = (int) signature[i];
      }
      this.keys = keys;
      this.sequence = sequence;
    }
  }

  private final DedupSettings settings;
  private final long maxAgeMs;
  private final Listener listener;

  /** Entries by a hash of scope and normal-form text (equal texts are checked, not assumed). */
  private final Buckets<Entry> exact = new Buckets<>();

  private final Buckets<Entry> buckets = new Buckets<>();
  private final WordPool words = new WordPool();
  private final ArrayDeque<Entry> byAge = new ArrayDeque<>();

  /** Characters of normalised text of the entries held. */
  private long textChars;

  private long newest = Long.MIN_VALUE;
  private long added;

  /** Lookups so far; an entry's {@code seenBy} equal to it marks it a candidate of this one. */
  private int lookups;

  /** Scratch of one lookup: its distinct candidates and how many signature rows each shares. */
  private Entry[] candidates = new Entry[64];

  private int[] agreements = new int[64];

  public NearDuplicateIndex(DedupSettings settings) {
    this(settings, NONE);
  }

  public NearDuplicateIndex(DedupSettings settings, Listener listener) {
    this.settings = settings;
    this.maxAgeMs = settings.maxAge().toMillis();
    this.listener = listener;
  }

  /** {@link #findOrAdd(String, String, String, long)} in the empty scope. */
  public Optional<Original> findOrAdd(String key, String text, long timestamp) {
    return findOrAdd("", key, text, timestamp);
  }

  /** See the class comment. */
  public Optional<Original> findOrAdd(String scope, String key, String text, long timestamp) {
    newest = Math.max(newest, timestamp);
    evictOld();
    NormalForm form = TextFingerprint.normalForm(text);
    if (form.isEmpty()) {
      return Optional.empty();
    }
    Entry earlier = exact(scope, form.text());
    if (earlier != null && !expired(earlier)) {
      return Optional.of(countCopy(earlier));
    }
    long[] signature = TextFingerprint.minHash(form.words());
    Entry best = bestMatch(scope, form, signature, probeKeys(scope, form, signature));
    if (best != null) {
      return Optional.of(countCopy(best));
    }
    long sequence = added++;
    add(
        new Entry(
            new Original(scope, key, form.text(), form.truncated(), timestamp, 1, sequence),
            form,
            signature,
            indexKeys(scope, form, signature),
            sequence),
        true);
    return Optional.empty();
  }

  /**
   * Remembers first copies again after a restart ({@link #restore} each in the order they were
   * first remembered: by {@link Original#sequence()}, those of unknown sequence first by record
   * time), so that the index answers as the one that saved them would have: it forgets the same
   * ones first and breaks ties between equally close ones the same way.
   */
  public void restoreAll(Collection<Original> originals) {
    List<Original> ordered = new ArrayList<>(originals);
    ordered.sort(
        Comparator.comparingLong(Original::sequence).thenComparingLong(Original::timestamp));
    for (Original original : ordered) {
      restore(original);
    }
  }

  /**
   * Remembers a first copy again (after a restart; call in the order they were first remembered,
   * see {@link #restoreAll}) without reporting it as saved; evicts as usual. One of unknown
   * sequence (-1) takes the next one, and is reported saved with it.
   */
  public void restore(Original original) {
    newest = Math.max(newest, original.timestamp());
    boolean known = original.sequence() >= 0;
    Original restored = known ? original : original.withSequence(added);
    added = Math.max(added, restored.sequence() + 1);
    NormalForm form = restored.normalForm();
    long[] signature = TextFingerprint.minHash(form.words());
    add(
        new Entry(
            restored,
            form,
            signature,
            indexKeys(restored.scope(), form, signature),
            restored.sequence()),
        !known);
    evictOld();
  }

  /** First copies held. */
  public int size() {
    return byAge.size();
  }

  private Entry bestMatch(String scope, NormalForm form, long[] signature, long[] probeKeys) {
    int lookup = ++lookups;
    if (lookup == 0) {
      // 0 is the stamp of an entry no lookup has taken yet; the counter wraps after 2^32 lookups
      lookup = ++lookups;
    }
    int count = 0;
    for (long bandKey : probeKeys) {
      int slot = buckets.slotOf(bandKey);
      if (slot < 0) {
        continue;
      }
      int size = buckets.size(slot);
      for (int b = 0; b < size; b++) {
        Entry candidate = buckets.item(slot, b);
        if (candidate.seenBy != lookup
            && candidate.original.scope().equals(scope)
            && !expired(candidate)) {
          candidate.seenBy = lookup;
          if (count == candidates.length) {
            candidates = Arrays.copyOf(candidates, count * 2);
            agreements = Arrays.copyOf(agreements, count * 2);
          }
          candidates[count] = candidate;
          agreements[count] = agreement(signature, candidate.signature);
          count++;
        }
      }
    }
    if (count > MAX_CANDIDATES) {
      keepMostAgreeing(count);
      count = MAX_CANDIDATES;
    }
    Entry best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int c = 0; c < count; c++) {
      Entry entry = candidates[c];
      double cost = WordAlignment.cost(entry.form, form);
      if (cost < bestCost || (cost == bestCost && best != null && isOlder(entry, best))) {
        best = entry;
        bestCost = cost;
      }
    }
    Arrays.fill(candidates, 0, count, null);
    return bestCost == Double.POSITIVE_INFINITY ? null : best;
  }

  /**
   * Moves the {@value #MAX_CANDIDATES} candidates sharing the most signature rows to the front of
   * the scratch (ties: the one remembered first), by selection: most lookups have few candidates.
   */
  private void keepMostAgreeing(int count) {
    for (int k = 0; k < MAX_CANDIDATES; k++) {
      int top = k;
      for (int c = k + 1; c < count; c++) {
        if (agreements[c] > agreements[top]
            || (agreements[c] == agreements[top]
                && candidates[c].sequence < candidates[top].sequence)) {
          top = c;
        }
      }
      Entry entry = candidates[top];
      int agreement = agreements[top];
      candidates[top] = candidates[k];
      agreements[top] = agreements[k];
      candidates[k] = entry;
      agreements[k] = agreement;
    }
    Arrays.fill(candidates, MAX_CANDIDATES, count, null);
  }

  /** Older record time first; on equal times the one remembered first. */
  private static boolean isOlder(Entry a, Entry b) {
    long ta = a.original.timestamp();
    long tb = b.original.timestamp();
    return ta < tb || (ta == tb && a.sequence < b.sequence);
  }

  private Original countCopy(Entry entry) {
    int copies = (int) Math.min(entry.original.copies() + 1L, 1 << 30);
    entry.original = entry.original.withCopies(copies);
    listener.saved(entry.original);
    return entry.original;
  }

  private void add(Entry entry, boolean save) {
    long length = entry.form.text().length();
    while (!byAge.isEmpty()
        && (byAge.size() >= settings.maxEntries()
            || textChars + length > settings.maxTextChars())) {
      remove(byAge.pollFirst());
    }
    Entry replaced = exact(entry.original.scope(), entry.form.text());
    if (replaced != null) {
      byAge.remove(replaced);
      remove(replaced);
    }
    words.acquire(entry.form.words());
    textChars += length;
    exact.add(exactKey(entry.original.scope(), entry.form.text()), entry, Integer.MAX_VALUE);
    for (long bandKey : entry.keys) {
      buckets.add(bandKey, entry, MAX_BUCKET);
    }
    byAge.addLast(entry);
    if (save) {
      listener.saved(entry.original);
    }
  }

  private boolean expired(Entry entry) {
    return entry.original.timestamp() < newest - maxAgeMs;
  }

  private void evictOld() {
    while (!byAge.isEmpty() && expired(byAge.peekFirst())) {
      remove(byAge.pollFirst());
    }
  }

  private void remove(Entry entry) {
    entry.removed = true;
    exact.remove(exactKey(entry.original.scope(), entry.form.text()), entry);
    for (long bandKey : entry.keys) {
      buckets.remove(bandKey, entry);
    }
    words.release(entry.form.words());
    textChars -= entry.form.text().length();
    listener.removed(entry.original);
  }

  /** The entry remembered with exactly this scope and normal-form text, or null. */
  private Entry exact(String scope, String text) {
    int slot = exact.slotOf(exactKey(scope, text));
    if (slot >= 0) {
      for (int i = 0; i < exact.size(slot); i++) {
        Entry entry = exact.item(slot, i);
        if (entry.form.text().equals(text) && entry.original.scope().equals(scope)) {
          return entry;
        }
      }
    }
    return null;
  }

  /**
   * The key of {@link #exact}: from the strings' own hash codes, which a string computes once and
   * keeps (equal keys of different texts only share a bucket).
   */
  private static long exactKey(String scope, String text) {
    return TextFingerprint.mix(((long) scope.hashCode() << 32) ^ text.hashCode());
  }

  /**
   * The bucket keys an entry is filed under: its LSH bands; with at most {@value #EDIT_KEY_WORDS}
   * words also its text and the text without each word (any one-word change of a short text leaves
   * one of these equal); its first {@value WordAlignment#MIN_PREFIX} words, so that a truncated
   * copy finds it; and when truncated, its prefix under a second salt, so that the full post finds
   * it.
   */
  private static long[] indexKeys(String scope, NormalForm form, long[] signature) {
    return keys(scope, form, signature, form.size() <= EDIT_KEY_WORDS, true);
  }

  /** The bucket keys a lookup probes; they meet {@link #indexKeys} as described there. */
  private static long[] probeKeys(String scope, NormalForm form, long[] signature) {
    return keys(scope, form, signature, form.size() <= EDIT_KEY_WORDS + 1, false);
  }

  private static long[] keys(
      String scope, NormalForm form, long[] signature, boolean editKeys, boolean index) {
    long scopeHash = TextFingerprint.hash(scope);
    String[] words = form.words();
    int n = words.length;
    boolean prefix = n >= WordAlignment.MIN_PREFIX;
    int count = BANDS + (editKeys ? n + 1 : 0) + (prefix ? 2 : 0);
    long[] keys = new long[count];
    int k = 0;
    for (int b = 0; b < BANDS; b++) {
      long h = scopeHash ^ (b * 0x9e3779b97f4a7c15L);
      for (int r = 0; r < ROWS; r++) {
        h = TextFingerprint.mix(h * 31 + signature[b * ROWS + r]);
      }
      keys[k++] = h;
    }
    if (editKeys) {
      long[] wordHashes = new long[n];
      for (int i = 0; i < n; i++) {
        wordHashes[i] = TextFingerprint.hash(words[i]);
      }
      for (int skip = -1; skip < n; skip++) {
        long h = scopeHash ^ EDIT_SALT;
        for (int i = 0; i < n; i++) {
          if (i != skip) {
            h = TextFingerprint.mix(h * 31 + wordHashes[i]);
          }
        }
        keys[k++] = h;
      }
    }
    if (prefix) {
      long h = scopeHash ^ PREFIX_SALT;
      for (int i = 0; i < WordAlignment.MIN_PREFIX; i++) {
        h = TextFingerprint.mix(h * 31 + TextFingerprint.hash(words[i]));
      }
      // Every entry is filed under "prefix of any"; truncated ones also under "prefix of cut".
      // A truncated lookup probes both; a full one probes "prefix of cut" only.
      long any = h;
      long cut = TextFingerprint.mix(h ^ CUT_SALT);
      if (index) {
        keys[k++] = any;
        keys[k++] = form.truncated() ? cut : any;
      } else {
        keys[k++] = cut;
        keys[k++] = form.truncated() ? any : cut;
      }
    }
    return keys;
  }

  private static int agreement(long[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if ((int) a[i] == b[i]) {
        same++;
      }
    }
    return same;
  }
}
