package io.sociallistening.topology.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.BrandShare;
import io.sociallistening.avro.ShareOfVoiceWindow;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private static BrandSentimentWindow totals(String brand, long volume, long unique) {
    return BrandSentimentWindow.newBuilder(BrandWindows.empty())
        .setBrand(brand)
        .setWindowStart(T0)
        .setWindowEnd(T0.plusSeconds(60))
        .setVolume(volume)
        .setUniqueVolume(unique)
        .build();
  }

  @Test
  void shouldReplaceABrandsTotalsWithItsLatestInsteadOfAddingThem() {
    ShareOfVoiceWindow window = ShareOfVoice.empty();
    ShareOfVoice.add(totals("nimbus", 1, 1), window, brand -> Set.of());
    ShareOfVoice.add(totals("acme", 1, 1), window, brand -> Set.of());
    ShareOfVoice.add(totals("acme", 3, 2), window, brand -> Set.of());

    assertThat(window.getVolume()).isEqualTo(4);
    assertThat(window.getUniqueVolume()).isEqualTo(3);
    assertThat(window.getBrands())
        .extracting(
            BrandShare::getBrand,
            BrandShare::getVolume,
            BrandShare::getShare,
            BrandShare::getUniqueShare)
        .containsExactly(tuple("acme", 3L, 0.75, 2.0 / 3), tuple("nimbus", 1L, 0.25, 1.0 / 3));
  }

  @Test
  void shouldGiveAZeroUniqueShareWhenTheWindowHasOnlyCopies() {
    ShareOfVoiceWindow window = ShareOfVoice.empty();
    ShareOfVoice.add(totals("acme", 2, 0), window, brand -> Set.of());

    assertThat(window.getBrands())
        .extracting(BrandShare::getShare, BrandShare::getUniqueShare)
        .containsExactly(tuple(1.0, 0.0));
  }

  @Test
  void shouldKeyByWindowSizeAndStartMillis() {
    assertThat(ShareOfVoice.windowKey("1m", totals("acme", 1, 1))).isEqualTo("1m:1767607200000");
  }
}
