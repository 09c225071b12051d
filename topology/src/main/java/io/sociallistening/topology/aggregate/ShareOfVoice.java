package io.sociallistening.topology.aggregate;

import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.BrandShare;
import io.sociallistening.avro.ShareOfVoiceWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The share-of-voice aggregation (stage 4, after the brand windows), as plain functions.
 *
 * <p>Input: the change records of one size of brand sentiment windows ({@code BrandSentimentWindow}
 * stamped with brand and bounds, each carrying the brand's current totals for the window), re-keyed
 * by {@link #windowKey} so that every brand of a window meets in one task. Output: {@code
 * ShareOfVoiceWindow} keyed by the window key, one record per cache flush of a changed window.
 * State: per window key the latest {@code ShareOfVoiceWindow}, holding each brand's latest totals
 * (a brand's newer record replaces its older one, so re-emitted totals are never counted twice).
 * Time: record time of the brand windows' changes, which lies inside their window.
 *
 * <p>Shares are recomputed over all brands of the window on each update (work and record size grow
 * with the number of brands in the window, not with mentions).
 */
public final class ShareOfVoice {
  private ShareOfVoice() {}

  /** {@code <size>:<windowStart epoch millis>}, e.g. {@code 1m:1767607200000}. */
  public static String windowKey(String size, BrandSentimentWindow brandWindow) {
    return size + ":" + brandWindow.getWindowStart().toEpochMilli();
  }

  /** A window without brands (bounds are set by the first {@link #add}). */
  public static ShareOfVoiceWindow empty() {
    return ShareOfVoiceWindow.newBuilder()
        .setWindowStart(Instant.EPOCH)
        .setWindowEnd(Instant.EPOCH)
        .setVolume(0)
        .setUniqueVolume(0)
        .setBrands(new ArrayList<>())
        .build();
  }

  /**
   * Replaces (or adds) the totals of {@code brandWindow}'s brand in {@code window}, recomputes the
   * window's totals and every brand's shares in place, and returns {@code window}.
   *
   * @param competitors a brand's competitive set besides itself (the rule book's {@code
   *     competitorsOf})
   */
  public static ShareOfVoiceWindow add(
      BrandSentimentWindow brandWindow,
      ShareOfVoiceWindow window,
      Function<String, Set<String>> competitors) {
    window.setWindowStart(brandWindow.getWindowStart());
    window.setWindowEnd(brandWindow.getWindowEnd());
    List<BrandShare> brands = window.getBrands();
    String brand = brandWindow.getBrand();
    int at = indexOf(brands, brand);
    BrandShare entry;
    if (at >= 0) {
      entry = brands.get(at);
    } else {
      entry =
          BrandShare.newBuilder()
              .setBrand(brand)
              .setVolume(0)
              .setUniqueVolume(0)
              .setShare(0)
              .setUniqueShare(0)
              .setCompetitors(List.of())
              .setCompetitiveShare(null)
              .build();
      brands.add(-at - 1, entry);
    }
    entry.setVolume(brandWindow.getVolume());
    entry.setUniqueVolume(brandWindow.getUniqueVolume());
    recompute(window, competitors);
    return window;
  }

  private static void recompute(
      ShareOfVoiceWindow window, Function<String, Set<String>> competitors) {
    List<BrandShare> brands = window.getBrands();
    long volume = 0;
    long unique = 0;
    Map<String, Long> volumes = new HashMap<>(brands.size() * 2);
    for (BrandShare share : brands) {
      volume += share.getVolume();
      unique += share.getUniqueVolume();
      volumes.put(share.getBrand(), share.getVolume());
    }
    window.setVolume(volume);
    window.setUniqueVolume(unique);
    for (BrandShare share : brands) {
      share.setShare(volume == 0 ? 0 : share.getVolume() / (double) volume);
      share.setUniqueShare(unique == 0 ? 0 : share.getUniqueVolume() / (double) unique);
      Set<String> rivals = competitors.apply(share.getBrand());
      if (rivals.isEmpty()) {
        share.setCompetitors(List.of());
        share.setCompetitiveShare(null);
        continue;
      }
      List<String> sorted = new ArrayList<>(rivals);
      Collections.sort(sorted);
      long setVolume = share.getVolume();
      for (String rival : sorted) {
        setVolume += volumes.getOrDefault(rival, 0L);
      }
      share.setCompetitors(sorted);
      share.setCompetitiveShare(setVolume == 0 ? 0 : share.getVolume() / (double) setVolume);
    }
  }

  /** Binary search by brand: the index, or {@code -(insertion point) - 1}. */
  private static int indexOf(List<BrandShare> brands, String brand) {
    int low = 0;
    int high = brands.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = brands.get(mid).getBrand().compareTo(brand);
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -low - 1;
  }
}
