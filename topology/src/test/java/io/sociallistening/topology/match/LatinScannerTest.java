package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LatinScanner} must give exactly the tokens of the Lucene chain it stands in for. */
class LatinScannerTest {

  private static final String[] VARIED = {
    "Flying Acme-Air today!! #AcmeFail @acme_support",
    "Acme's new anvil, l'Acme, L’Acme, qu'Acme, jusqu'ici, don't, it’s, rock 'n' roll",
    "acmes' anvils 'quoted' ‘single’ “double” – dashes — and… ellipsis",
    "visit https://www.acme.com/path?q=1&x=y#frag or acme.com/x, mail bob@acme.io",
    "re:Invent 10:30 a:1 1:a 3.14 1,000,000 1;2 a.b.c e.g. U.S.A. v1.2.3 x.1 1.x",
    "snake_case _lead trail_ ___ a__b 1_2 _1 #_tag @_me",
    "Café CAFÉ naïve Über straße ÆSIR þorn øre Ñandú ÿ déjà-vu",
    "cafe\u0301 decomposed, e\u0300 grave",
    "emoji 🙂 😂🔥 ❤️ 👍🏽 👨‍👩‍👧 🇫🇷 done",
    "CJK 東京 タワー とうきょう 서울 and ไทย text",
    "NBSP\u00a0here soft\u00adhyphen ×÷ ½ ²",
    "tabs\tand\nnew\r\nlines",
    "#Acme's @acme's #l'acme ##double @@double a#b c@d #1 #",
    "'s ’s s's l' l'' ''a'' 'a' a''b a'b'c",
    "O'Neil's D'Artagnan QU'IL Jusqu’au",
    "C++ C# F#, .NET (.NET) C#'s C++17 c+++ c#acme #C++ wait...net end. Net x.net",
    "",
    "   ",
    "..,,;;::''",
  };

  private static final String ALPHABET =
      "aAbBeEsSlLdDqQuUzZ0123456789      _.,;:'\"-#@/!?()\n\téÉßüÆ’‘…–“”×";
  private static final String[] REFUSED = {
    "🙂",
    "東",
    "タ",
    "\u0301",
    "e\u0301",
    "\u00a0",
    "\u00ad",
    "👍🏽",
    "\u200d",
    "🇫🇷",
    "❤️",
    "👨‍👩‍👧",
    "½"
  };

  @Test
  void shouldGiveLuceneTokensOnVariedText() {
    for (String text : VARIED) {
      assertThat(tokens(text, false)).as(text).isEqualTo(tokens(text, true));
    }
  }

  @Test
  void shouldScanAsciiAndLatinTextWithoutLucene() {
    TokenBuffer buffer = new TokenBuffer();
    assertThat(LatinScanner.scan(VARIED[0], buffer)).isTrue();
    assertThat(LatinScanner.scan(VARIED[6], buffer)).isTrue();
    // Only the chunks with emoji or other scripts go through Lucene.
    assertThat(LatinScanner.scan(VARIED[8], buffer)).isTrue();
    assertThat(LatinScanner.scan(VARIED[9], buffer)).isTrue();
    // A combining mark at the start of a chunk belongs to what precedes it.
    assertThat(LatinScanner.scan("a \u0301b", buffer)).isFalse();
    assertThat(LatinScanner.scan("Café CAFÉ l’Acme's", buffer)).isTrue();
    assertThat(buffer.size()).isEqualTo(3);
    assertThat(List.of(buffer.term(0), buffer.term(1), buffer.term(2)))
        .containsExactly("cafe", "cafe", "acme");
  }

  @Test
  void shouldGiveLuceneTokensOnRandomText() {
    Random random = new Random(7);
    TokenBuffer buffer = new TokenBuffer();
    int scanned = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(40); length > 0; length--) {
        if (random.nextInt(40) == 0) {
          text.append(REFUSED[random.nextInt(REFUSED.length)]);
        } else {
          text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      String value = text.toString();
      if (LatinScanner.scan(value, buffer)) {
        scanned++;
        assertThat(terms(buffer)).as(value).isEqualTo(tokens(value, true));
      }
    }
    // With this seed 17,342 of the 20,000 texts are scanned, some chunks by Lucene.
    assertThat(scanned).isEqualTo(17_342);
  }

  /** Term and flag of each token, by the scanner-first path or by Lucene alone. */
  private static List<String> tokens(String text, boolean lucene) {
    TokenBuffer buffer = new TokenBuffer();
    if (lucene) {
      PostAnalyzer.analyseWithLucene(text, buffer);
    } else {
      PostAnalyzer.analyse(text, buffer);
    }
    return terms(buffer);
  }

  private static List<String> terms(TokenBuffer buffer) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < buffer.size(); i++) {
      terms.add(buffer.term(i) + "/" + buffer.flag(i));
    }
    return terms;
  }
}
