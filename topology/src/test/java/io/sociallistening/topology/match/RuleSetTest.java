package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleSetTest {

  private static boolean matches(String query, String text) {
    return matches(query, MatchInput.ofText(text));
  }

  private static boolean matches(String query, MatchInput input) {
    RuleSet rules = RuleSet.empty().with(new Rule("r1", "Acme", query));
    return !rules.match(input).isEmpty();
  }

  private static MatchInput post(String text, String language, String platform) {
    return new MatchInput(text, language, platform, null, null);
  }

  @Nested
  class Words {

    @Test
    void shouldMatchIgnoringCaseAndAccents() {
      assertThat(matches("café", "Best CAFE in town")).isTrue();
      assertThat(matches("cafe", "un Café au lait")).isTrue();
      assertThat(matches("cafe", "un cafe\u0301 decomposed")).isTrue();
      assertThat(matches("CAFÉ", "cafe")).isTrue();
      assertThat(matches("cafe", "caff")).isFalse();
    }

    @Test
    void shouldIgnoreCaseAndAccentsInGreek() {
      // Greek capitals are written without accents, and a final sigma is a sigma.
      assertThat(matches("Ελλάδα", "ΕΛΛΑΔΑ ΣΗΜΕΡΑ")).isTrue();
      assertThat(matches("ΟΔΥΣΣΕΑΣ", "ο Οδυσσέας έφυγε")).isTrue();
      assertThat(matches("Οδυσσέας", "ΟΔΥΣΣΕΑΣ")).isTrue();
      assertThat(matches("Ελλάδα", "Ελλάς")).isFalse();
    }

    @Test
    void shouldMatchAnEmojiWhateverItsPresentationOrSkinTone() {
      // Phones send a heart as U+2764 U+FE0F; the selector is invisible, like a skin tone's choice.
      assertThat(matches("acme \u2764", "I \u2764\uFE0F acme")).isTrue();
      assertThat(matches("acme \u2764\uFE0F", "I \u2764 acme")).isTrue();
      assertThat(matches("acme \uD83D\uDC4D", "acme \uD83D\uDC4D\uD83C\uDFFD")).isTrue();
      assertThat(matches("acme \uD83D\uDC4D\uD83C\uDFFB", "acme \uD83D\uDC4D")).isTrue();
      assertThat(matches("acme \uD83D\uDC4D", "acme \uD83D\uDC4E")).isFalse();
    }

    @Test
    void shouldSplitAtUnicodeWordBoundaries() {
      assertThat(matches("acme", "Flying Acme-Air today")).isTrue();
      assertThat(matches("air", "Flying Acme-Air today")).isTrue();
      assertThat(matches("acme", "(acme), [acme]!")).isTrue();
    }

    @Test
    void shouldTreatAWordThatSplitsAsAPhrase() {
      assertThat(matches("Acme-Air", "booked acme air")).isTrue();
      assertThat(matches("Acme-Air", "ACME-AIR rocks")).isTrue();
      assertThat(matches("Acme-Air", "air acme")).isFalse();
      assertThat(matches("Acme-Air", "acme big air")).isFalse();
    }

    @Test
    void shouldDropPossessivesAndElidedArticles() {
      assertThat(matches("acme", "Acme's new anvil")).isTrue();
      assertThat(matches("acme", "Acme’s new anvil")).isTrue();
      assertThat(matches("acme", "j'adore l'Acme")).isTrue();
      assertThat(matches("acme", "j'adore L’Acme")).isTrue();
      assertThat(matches("\"acme's anvil\"", "the acme anvil")).isTrue();
      assertThat(matches("acme", "acmes' anvils")).isFalse();
    }

    @Test
    void shouldKeepDotsAndColonsInsideAWord() {
      assertThat(matches("acme", "visit acme.com")).isFalse();
      assertThat(matches("acme.com", "visit ACME.com today")).isTrue();
      assertThat(matches("\"re:invent\"", "see you at re:Invent")).isTrue();
    }

    @Test
    void shouldReadAnAmpersandBetweenLettersAsPartOfTheWord() {
      // AT&T and H&M were the words "at t" and "h m": "look at t-mobile" matched AT&T
      assertThat(matches("\"at&t\"", "my AT&T bill is crazy")).isTrue();
      assertThat(matches("at&t", "AT&T's network")).isTrue();
      assertThat(matches("\"at&t\"", "look at t-mobile deals")).isFalse();
      assertThat(matches("\"h&m\"", "new jeans from H&M")).isTrue();
      assertThat(matches("\"h&m\"", "the h m train is late")).isFalse();
      assertThat(matches("#h&m", "haul #H&M")).isTrue();
      // with spaces or between other characters it still separates
      assertThat(matches("\"salt pepper\"", "salt & pepper")).isTrue();
      assertThat(matches("acme", "acme&")).isTrue();
      assertThat(matches("acme", "3&acme")).isTrue();
    }

    @Test
    void shouldStillSplitWordsAtAnAmpersandBetweenLetters() {
      // the words of the text are those of StandardTokenizer: Acme&Co is acme, co
      assertThat(matches("acme", "Acme&Co just opened in Lisbon")).isTrue();
      assertThat(matches("johnson", "Johnson&Johnson recall")).isTrue();
      assertThat(matches("at", "AT&T outage")).isTrue();
      assertThat(matches("\"ben jerry's\"", "Ben&Jerry's new flavour")).isTrue();
      assertThat(matches("\"marks & spencer\"", "Marks&Spencer sale")).isTrue();
      assertThat(matches("marks NEAR/0 spencer", "Marks&Spencer sale")).isTrue();
      // a rule word written with the & still needs it
      assertThat(matches("marks&spencer", "marks and spencer")).isFalse();
      assertThat(matches("marks&spencer", "Marks & Spencer")).isFalse();
      assertThat(matches("marks&spencer", "MARKS&SPENCER sale")).isTrue();
    }

    @Test
    void shouldReadAWildcardAfterAWordThatSplitsAsAPhraseEndingInAPrefix() {
      assertThat(matches("acme-air*", "flying Acme Airlines today")).isTrue();
      assertThat(matches("acme-air*", "acme-airways")).isTrue();
      assertThat(matches("acme-air*", "acme air")).isTrue();
      assertThat(matches("acme-air*", "acme rocket")).isFalse();
      assertThat(matches("acme-air*", "air acme")).isFalse();
      assertThat(matches("acme-air*", "acme big airlines")).isFalse();
      assertThat(matches("at&t*", "AT&T outage")).isTrue();
      assertThat(matches("at&t*", "two AT&Ts")).isTrue();
      assertThat(matches("at&t*", "look at t-mobile")).isFalse();
      assertThat(matches("at&t*", "at tmobile")).isFalse();
      assertThat(matches("at&t* NEAR/2 outage", "AT&T has an outage")).isTrue();
      assertThat(matches("at&t* NEAR/2 outage", "AT&T has had a long outage")).isFalse();
    }

    @Test
    void shouldDecodeHtmlEntitiesInTheText() {
      // Some sources send text HTML-escaped: AT&amp;T was the words "at.amp" and "t"
      assertThat(matches("\"at&t\"", "my AT&amp;T bill is crazy")).isTrue();
      assertThat(matches("\"h&m\"", "haul from H&amp;M")).isTrue();
      assertThat(matches("\"fish chips\"", "fish &amp; chips")).isTrue();
      assertThat(matches("\"acme's anvil\"", "Acme&#39;s anvil, &#x27;new&#x27;")).isTrue();
      assertThat(matches("\"acme rocks\"", "&quot;acme&quot; rocks")).isTrue();
      assertThat(matches("#acme", "love &#35;acme")).isTrue();
      // the entity names are not words of the text
      assertThat(matches("amp", "fish &amp; chips")).isFalse();
      assertThat(matches("quot", "&quot;acme&quot;")).isFalse();
      assertThat(matches("x27", "&#x27;acme&#x27;")).isFalse();
      // only a well-formed entity is decoded: a stray & stays as it is
      assertThat(matches("amp", "fish &amp chips")).isTrue();
      assertThat(matches("\"at&t\"", "AT&T &c")).isTrue();
      assertThat(matches("\"salt pepper\"", "salt & pepper")).isTrue();
    }

    @Test
    void shouldNotStemOrMatchInsideWords() {
      assertThat(matches("acme", "two acmes")).isFalse();
      assertThat(matches("acme", "acmecorp and superacme")).isFalse();
      assertThat(matches("apple", "pineapple")).isFalse();
      assertThat(matches("running", "run")).isFalse();
    }
  }

  @Nested
  class SymbolWords {

    @Test
    void shouldMatchAWordWrittenWithPlusPlusOnlyWithIt() {
      assertThat(matches("\"c++\"", "I love C++ templates")).isTrue();
      assertThat(matches("c++", "I love C++ templates")).isTrue();
      assertThat(matches("c++", "moving to C++17, finally")).isTrue();
      assertThat(matches("c++", "(C++)")).isTrue();
      assertThat(matches("c++", "c language")).isFalse();
      assertThat(matches("c++", "I like c.")).isFalse();
      assertThat(matches("c++", "grade c+ or c + +")).isFalse();
      assertThat(matches("c++", "#c")).isFalse();
      assertThat(matches("c++", "C#")).isFalse();
    }

    @Test
    void shouldMatchAWordWrittenWithASharpOnlyWithIt() {
      assertThat(matches("c#", "learning C# today")).isTrue();
      assertThat(matches("\"c#\"", "C#, F# and .NET")).isTrue();
      assertThat(matches("f#", "C#, F# and .NET")).isTrue();
      assertThat(matches("c#", "C#'s generics")).isTrue();
      assertThat(matches("c#", "I code in C#.")).isTrue();
      assertThat(matches("c#", "a lone c")).isFalse();
      assertThat(matches("c#", "I like c.")).isFalse();
      assertThat(matches("c#", "love #c")).isFalse();
      assertThat(matches("c#", "c #")).isFalse();
      assertThat(matches("c#", "c#acme")).isFalse();
      assertThat(matches("c#", "C++")).isFalse();
      assertThat(matches("#c#", "learning #C#")).isTrue();
      assertThat(matches("#c#", "learning C#")).isFalse();
    }

    @Test
    void shouldMatchAWordLedByADotOnlyWithIt() {
      assertThat(matches(".net", "C#, F# and .NET")).isTrue();
      assertThat(matches("\".net core\"", "ported to .NET Core")).isTrue();
      assertThat(matches(".net", "(.NET)")).isTrue();
      assertThat(matches(".net", ".NET's runtime")).isTrue();
      assertThat(matches(".net*", "the .NETCore runtime")).isTrue();
      assertThat(matches(".net", "a fishing net")).isFalse();
      assertThat(matches(".net", "the end. Net gains")).isFalse();
      assertThat(matches(".net", "visit acme.net")).isFalse();
      assertThat(matches(".net", "wait...net")).isFalse();
    }

    @Test
    void shouldKeepMatchingThePlainWordInsideSuchWords() {
      // as a plain word matches its hashtag: the meaning of a rule without symbols is unchanged
      assertThat(matches("c", "I love C++ templates")).isTrue();
      assertThat(matches("c", "learning C#")).isTrue();
      assertThat(matches("net", "C#, F# and .NET")).isTrue();
      assertThat(matches("\"love c\"", "I love C++ templates")).isTrue();
      assertThat(matches("acme", "acme++ and acme#")).isTrue();
      assertThat(matches("#c", "#C++ rocks")).isTrue();
    }
  }

  @Nested
  class HashtagsAndMentions {

    @Test
    void shouldMatchAPlainWordAsHashtagOrMention() {
      assertThat(matches("acme", "love #Acme")).isTrue();
      assertThat(matches("acme", "thanks @acme")).isTrue();
    }

    @Test
    void shouldMatchAHashtagOnlyAsHashtag() {
      assertThat(matches("#acme", "love #Acme")).isTrue();
      assertThat(matches("#acme", "love acme")).isFalse();
      assertThat(matches("#acme", "thanks @acme")).isFalse();
    }

    @Test
    void shouldMatchAMentionOnlyAsMention() {
      assertThat(matches("@acme", "thanks @Acme!")).isTrue();
      assertThat(matches("@acme", "thanks acme")).isFalse();
      assertThat(matches("@acme", "love #acme")).isFalse();
    }

    @Test
    void shouldNotTakeAnAtInsideAWordForAMention() {
      assertThat(matches("@acme", "mail bob@acme")).isFalse();
      assertThat(matches("acme", "mail bob@acme")).isTrue();
      assertThat(matches("#sharp", "c#sharp")).isFalse();
    }

    @Test
    void shouldKeepMarkersInsidePhrases() {
      assertThat(matches("\"#acme fail\"", "big #acme fail")).isTrue();
      assertThat(matches("\"#acme fail\"", "big acme fail")).isFalse();
    }
  }

  @Nested
  class PhrasesAndPrefixes {

    @Test
    void shouldMatchAnExactPhraseInOrder() {
      assertThat(matches("\"acme air\"", "Acme Air is late")).isTrue();
      assertThat(matches("\"acme air\"", "acme-air")).isTrue();
      assertThat(matches("\"acme air\"", "acme. Air")).isTrue();
      assertThat(matches("\"acme air\"", "air acme")).isFalse();
      assertThat(matches("\"acme air\"", "acme big air")).isFalse();
      assertThat(matches("\"acme air lines\"", "acme air")).isFalse();
    }

    @Test
    void shouldTakeTypographicQuotesForPhraseQuotes() {
      // Phones and word processors type \u201Cacme air\u201D for "acme air".
      assertThat(matches("\u201Cacme air\u201D", "Acme Air is late")).isTrue();
      assertThat(matches("\u201Cacme air\u201D", "air x acme")).isFalse();
      assertThat(matches("\u201Eacme air\u201C", "air x acme")).isFalse();
      assertThat(matches("rocket -\u201Cacme air\u201D", "rocket acme and air")).isTrue();
      assertThat(matches("\u201Cacme air\u201D~1", "air x acme")).isTrue();
      assertThatThrownBy(() -> matches("acme \u201Cbig air", "acme big air"))
          .hasMessage("Unterminated phrase at position 5 in rule 'r1'");
    }

    @Test
    void shouldMatchAPrefix() {
      assertThat(matches("acme*", "acme")).isTrue();
      assertThat(matches("acme*", "two Acmes")).isTrue();
      assertThat(matches("acme*", "so #acmefail")).isTrue();
      assertThat(matches("acme*", "superacme")).isFalse();
      assertThat(matches("acme*", "acm")).isFalse();
    }

    @Test
    void shouldMatchAHashtagPrefixOnlyOnHashtags() {
      assertThat(matches("#acme*", "so #acmefail")).isTrue();
      assertThat(matches("#acme*", "so acmefail")).isFalse();
    }
  }

  @Nested
  class Booleans {

    @Test
    void shouldBindAndTighterThanOr() {
      String query = "acme OR anvil rocket";
      assertThat(matches(query, "acme")).isTrue();
      assertThat(matches(query, "anvil and rocket")).isTrue();
      assertThat(matches(query, "anvil")).isFalse();
      assertThat(matches(query, "rocket")).isFalse();
    }

    @Test
    void shouldBindNotTighterThanAnd() {
      String query = "acme AND NOT anvil OR rocket";
      assertThat(matches(query, "acme")).isTrue();
      assertThat(matches(query, "acme anvil")).isFalse();
      assertThat(matches(query, "anvil rocket")).isTrue();
    }

    @Test
    void shouldGroupWithParentheses() {
      String query = "acme (anvil OR rocket)";
      assertThat(matches(query, "acme rocket")).isTrue();
      assertThat(matches(query, "acme anvil")).isTrue();
      assertThat(matches(query, "acme")).isFalse();
      assertThat(matches(query, "anvil rocket")).isFalse();
    }

    @Test
    void shouldReadWordsSideBySideAsAnd() {
      assertThat(matches("acme anvil", "anvil by acme")).isTrue();
      assertThat(matches("acme anvil", "acme only")).isFalse();
      assertThat(matches("acme \"big anvil\"", "a big anvil from acme")).isTrue();
    }

    @Test
    void shouldReadMinusAsNot() {
      assertThat(matches("acme -anvil", "acme rocket")).isTrue();
      assertThat(matches("acme -anvil", "acme anvil")).isFalse();
      assertThat(matches("acme -\"anvil drop\"", "acme anvil")).isTrue();
      assertThat(matches("acme -\"anvil drop\"", "acme anvil drop")).isFalse();
      assertThat(matches("acme -(anvil OR rocket)", "acme rocket")).isFalse();
    }

    @Test
    void shouldSeparateWithAnyUnicodeSpace() {
      // A query pasted from a web page or a chat often has no-break spaces.
      String query = "acme\u00A0OR\u00A0anvil\u202F-rocket";
      assertThat(matches(query, "anvil")).isTrue();
      assertThat(matches(query, "acme")).isTrue();
      assertThat(matches(query, "anvil rocket")).isFalse();
      assertThat(matches("acme\u2003AND\u3000anvil", "anvil by acme")).isTrue();
    }

    @Test
    void shouldReadLowerCaseOperatorsAsWords() {
      assertThat(matches("acme or anvil", "acme")).isFalse();
      assertThat(matches("acme or anvil", "acme or anvil")).isTrue();
    }

    @Test
    void shouldAllowNotInsideAndInsideOr() {
      String query = "acme AND (anvil OR NOT rocket)";
      assertThat(matches(query, "acme")).isTrue();
      assertThat(matches(query, "acme rocket")).isFalse();
      assertThat(matches(query, "acme rocket anvil")).isTrue();
    }
  }

  @Nested
  class Proximity {

    @Test
    void shouldMatchNearInEitherOrderUpToTheDistance() {
      String query = "acme NEAR/2 fail";
      assertThat(matches(query, "acme x y fail")).isTrue();
      assertThat(matches(query, "acme x y z fail")).isFalse();
      assertThat(matches(query, "fail x y acme")).isTrue();
      assertThat(matches(query, "fail x y z acme")).isFalse();
      assertThat(matches(query, "acme fail")).isTrue();
    }

    @Test
    void shouldMatchNearZeroOnlyWhenAdjacent() {
      assertThat(matches("acme NEAR/0 fail", "fail acme")).isTrue();
      assertThat(matches("acme NEAR/0 fail", "acme x fail")).isFalse();
    }

    @Test
    void shouldMatchOrderedNearOnlyInOrder() {
      String query = "acme ONEAR/2 fail";
      assertThat(matches(query, "acme x y fail")).isTrue();
      assertThat(matches(query, "acme x y z fail")).isFalse();
      assertThat(matches(query, "fail x y acme")).isFalse();
      assertThat(matches(query, "fail acme")).isFalse();
    }

    @Test
    void shouldNeedTwoOccurrencesForTheSameWordOnBothSides() {
      assertThat(matches("acme NEAR/3 acme", "acme x acme")).isTrue();
      assertThat(matches("acme NEAR/3 acme", "acme only")).isFalse();
    }

    @Test
    void shouldTakePhrasesPrefixesAndOrGroupsAsNearOperands() {
      assertThat(matches("\"acme air\" NEAR/1 (delay OR late)", "late x acme air")).isTrue();
      assertThat(matches("\"acme air\" NEAR/1 (delay OR late)", "late x y acme air")).isFalse();
      assertThat(matches("acme* NEAR/1 fail", "acmes fail")).isTrue();
    }

    @Test
    void shouldMeasureChainedNearFromTheWholeGroup() {
      String query = "acme NEAR/1 air NEAR/1 delay";
      assertThat(matches(query, "acme air x delay")).isTrue();
      assertThat(matches(query, "delay x acme air")).isTrue();
      assertThat(matches(query, "acme air x y delay")).isFalse();
    }

    @Test
    void shouldMatchALongNearChainOnARepetitivePostInTime() {
      // Each link of the chain used to multiply the spans by the pairs that gave them: this took
      // minutes, holding up the stream thread.
      String query =
          "acme NEAR/20 fail NEAR/20 refund NEAR/20 acme NEAR/20 fail NEAR/20 refund"
              + " NEAR/20 acme NEAR/20 late";
      String post = "acme fail refund ".repeat(200);
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> {
            assertThat(matches(query, post)).isFalse();
            assertThat(matches(query, post + "late")).isTrue();
          });
    }

    @Test
    void shouldMatchASloppyTwoWordPhraseLikeNear() {
      String query = "\"acme fail\"~2";
      assertThat(matches(query, "acme x y fail")).isTrue();
      assertThat(matches(query, "acme x y z fail")).isFalse();
      assertThat(matches(query, "fail x y acme")).isTrue();
      assertThat(matches(query, "fail x y z acme")).isFalse();
    }

    @Test
    void shouldMatchALongerSloppyPhraseWithinItsWindow() {
      String query = "\"acme air delay\"~1";
      assertThat(matches(query, "delay on acme air")).isTrue();
      assertThat(matches(query, "acme air big long delay")).isFalse();
      assertThat(matches(query, "acme air delay")).isTrue();
      assertThat(matches(query, "acme delay")).isFalse();
    }

    @Test
    void shouldNeedRepeatedPhraseWordsRepeated() {
      assertThat(matches("\"acme acme\"~1", "acme x acme")).isTrue();
      assertThat(matches("\"acme acme\"~1", "acme x y acme")).isFalse();
      assertThat(matches("\"acme acme\"~1", "acme")).isFalse();
    }

    @Test
    void shouldNotCountOneWordForTwoPhraseWordsThatDifferOnlyByTheirMarker() {
      // "#acme" and "acme" are two words of the phrase: the one word of "#acme" was taken for both
      assertThat(matches("\"#acme acme\"~0", "love #acme")).isFalse();
      assertThat(matches("\"acme #acme\"~3", "#acme today")).isFalse();
      assertThat(matches("\"@acme acme\"~0", "thanks @acme")).isFalse();
      assertThat(matches("\"#acme acme fail\"~1", "#acme x fail")).isFalse();
      assertThat(matches("\"#acme acme\"~0", "#acme acme")).isTrue();
      assertThat(matches("\"#acme acme\"~0", "acme #acme")).isTrue();
      assertThat(matches("\"#acme acme\"~0", "#acme #acme")).isTrue();
      assertThat(matches("\"#acme acme\"~0", "acme acme")).isFalse();
      assertThat(matches("\"#acme @acme acme\"~1", "@acme x #acme y acme")).isFalse();
      assertThat(matches("\"#acme @acme acme\"~2", "@acme x #acme y acme")).isTrue();
      assertThat(matches("\"#acme @acme acme\"~1", "@acme #acme x #acme")).isTrue();
      // a plain word still matches a hashtag, in a phrase as anywhere
      assertThat(matches("\"acme fail\"~0", "#acme fail")).isTrue();
      assertThat(matches("\"acme acme\"~0", "#acme @acme")).isTrue();
      assertThat(matches("acme", "#acme")).isTrue();
      assertThat(matches("#acme NEAR/0 acme", "love #acme")).isFalse();
    }

    @Test
    void shouldMatchASloppyPhraseOfMarkedWordsWhereEachTextWordStandsForOnePhraseWord() {
      String[] words = {"acme", "#acme", "@acme", "x"};
      Random random = new Random(11);
      for (int n = 0; n < 3_000; n++) {
        List<String> phrase = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
          phrase.add(words[random.nextInt(3)]);
        }
        List<String> text = new ArrayList<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
          text.add(words[random.nextInt(words.length)]);
        }
        int slop = random.nextInt(3);
        String query = "\"" + String.join(" ", phrase) + "\"~" + slop;
        String post = String.join(" ", text);
        assertThat(matches(query, post))
            .as("%s on %s", query, post)
            .isEqualTo(sloppyMatch(phrase, text, slop));
      }
    }

    /** Whether some window of {@code text} holds a distinct word for each word of the phrase. */
    private boolean sloppyMatch(List<String> phrase, List<String> text, int slop) {
      for (int from = 0; from < text.size(); from++) {
        for (int to = from; to < text.size() && to - from + 1 - phrase.size() <= slop; to++) {
          if (assign(phrase, 0, text.subList(from, to + 1), new boolean[to - from + 1])) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean assign(List<String> phrase, int word, List<String> window, boolean[] used) {
      if (word == phrase.size()) {
        return true;
      }
      String wanted = phrase.get(word);
      for (int i = 0; i < window.size(); i++) {
        String actual = window.get(i);
        boolean accepts = wanted.equals(actual) || wanted.equals("acme") && actual.endsWith("acme");
        if (!used[i] && accepts) {
          used[i] = true;
          if (assign(phrase, word + 1, window, used)) {
            return true;
          }
          used[i] = false;
        }
      }
      return false;
    }
  }

  /** Thai, Lao, Khmer and Myanmar: no spaces between words, each grapheme cluster a word. */
  @Nested
  class SpacelessScripts {

    @Test
    void shouldMatchAThaiWordInsideARun() {
      // "I like Apple a lot", written without spaces as Thai is.
      String post = "ฉันชอบแอปเปิ้ลมาก";
      assertThat(matches("\"แอปเปิ้ล\"", post)).isTrue();
      assertThat(matches("แอปเปิ้ล", post)).isTrue();
      assertThat(matches("แอปเปิ้ล", "ชอบ แอปเปิ้ล มาก")).isTrue();
      // Spaces between clusters do not stop a word, as they do not stop a phrase.
      assertThat(matches("แอปเปิ้ล", "แอป เปิ้ล")).isTrue();
      assertThat(matches("เซเว่น", "ไปเซเว่นกัน")).isTrue();
      assertThat(matches("ซัมซุง", post)).isFalse();
      // A tone mark belongs to its letter: แอปเปิล without it is another spelling.
      assertThat(matches("แอปเปิ้ล", "ฉันชอบแอปเปิลมาก")).isFalse();
    }

    @Test
    void shouldMatchAWordThatStraddlesTheTwoHundredAndFiftyFifthCharacterOfARun() {
      // 250 letters, then the brand: its cluster ปิ้ has its vowel sign at character 255
      String post = "ก".repeat(250) + "แอปเปิ้ล" + "มาก";
      assertThat(matches("แอปเปิ้ล", post)).isTrue();
      assertThat(matches("แอปเปิ้ล", "ก".repeat(3_000) + "แอปเปิ้ล")).isTrue();
    }

    @Test
    void shouldMatchALaoKhmerAndMyanmarWordInsideARun() {
      // Beerlao in "I like Beerlao a lot".
      assertThat(matches("ເບຍລາວ", "ຂ້ອຍມັກເບຍລາວຫຼາຍ")).isTrue();
      assertThat(matches("ເປບຊີ", "ຂ້ອຍມັກເບຍລາວຫຼາຍ")).isFalse();
      // Coca-Cola in "I like Coca-Cola very much" (Khmer) and "I like Coca-Cola" (Myanmar).
      assertThat(matches("កូកាកូឡា", "ខ្ញុំចូលចិត្តកូកាកូឡាណាស់")).isTrue();
      assertThat(matches("ប៉ិបស៊ី", "ខ្ញុំចូលចិត្តកូកាកូឡាណាស់")).isFalse();
      assertThat(matches("ကိုကာကိုလာ", "ကျွန်တော်ကိုကာကိုလာကြိုက်တယ်")).isTrue();
      assertThat(matches("\"ကိုကာကိုလာ\"", "ကျွန်တော်ကိုကာကိုလာကြိုက်တယ်")).isTrue();
      assertThat(matches("ပက်ပ်ဆီ", "ကျွန်တော်ကိုကာကိုလာကြိုက်တယ်")).isFalse();
    }

    @Test
    void shouldReadAPrefixAsThePhraseOfItsClusters() {
      assertThat(matches("แอปเปิ้ล*", "ฉันชอบแอปเปิ้ลมาก")).isTrue();
      assertThat(matches("แอปเปิ้ล*", "แอปเปิ้ลวอทช์")).isTrue();
      assertThat(matches("แอปเปิ้ล*", "ฉันชอบแอปเปิลมาก")).isFalse();
      // The last cluster is matched whole: ปิ้ is not ป.
      assertThat(matches("แอปเป*", "แอปเปิ้ล")).isFalse();
      assertThat(matches("ไ*", "ไลน์")).isTrue();
      assertThat(matches("แอปเปิ้ล* NEAR/1 มาก", "แอปเปิ้ลดีมาก")).isTrue();
    }

    @Test
    void shouldAcceptTheRulesItAcceptedBefore() {
      // Each run of these scripts was one word, so a wildcard after it was a single word's.
      for (String query :
          List.of(
              "แอปเปิ้ล*",
              "#แอปเปิ้ล*",
              "ไ*",
              "แอปเปิ้ล* NEAR/3 ราคา",
              "แอปเปิ้ล ONEAR/2 (ถูก OR แพง*)",
              "\"แอปเปิ้ล ราคา\"~2",
              "(แอปเปิ้ล OR ซัมซุง) -ออนไลน์ lang:th",
              "ເບຍລາວ* OR កូកាកូឡា* OR ကိုကာကိုလာ*",
              "@ไทย OR \"#ไทย\"")) {
        assertThat(RuleSet.empty().with(new Rule("r1", "Acme", query)).size())
            .as(query)
            .isEqualTo(1);
      }
    }

    @Test
    void shouldCombineWithAndAndNot() {
      // "Apple and Samsung", "Apple, how much?"
      assertThat(matches("แอปเปิ้ล AND ซัมซุง", "แอปเปิ้ลกับซัมซุง")).isTrue();
      assertThat(matches("แอปเปิ้ล ซัมซุง", "แอปเปิ้ลราคาเท่าไหร่")).isFalse();
      assertThat(matches("แอปเปิ้ล -ซัมซุง", "แอปเปิ้ลราคาเท่าไหร่")).isTrue();
      assertThat(matches("แอปเปิ้ล -ซัมซุง", "แอปเปิ้ลกับซัมซุง")).isFalse();
      assertThat(matches("แอปเปิ้ล NOT (ซัมซุง OR ราคา)", "แอปเปิ้ลราคาเท่าไหร่")).isFalse();
      assertThat(matches("(แอปเปิ้ล OR ซัมซุง) -\"ราคา\"", "ซื้อซัมซุงแล้ว")).isTrue();
    }

    @Test
    void shouldMatchInsideALongerWordUnlessExcluded() {
      // ไลน์ (LINE, the app) is also the end of ออนไลน์ (online).
      assertThat(matches("ไลน์", "คุยทางไลน์")).isTrue();
      assertThat(matches("ไลน์", "ขายของออนไลน์")).isTrue();
      assertThat(matches("ไลน์ -ออนไลน์", "คุยทางไลน์")).isTrue();
      assertThat(matches("ไลน์ -ออนไลน์", "ขายของออนไลน์")).isFalse();
      assertThat(matches("ไลน์ -ออนไลน์", "ขายของ ออนไลน์ ทุกวัน")).isFalse();
      // The exclusion is of the post, as for any word: one ออนไลน์ excludes a ไลน์ elsewhere.
      assertThat(matches("ไลน์ -ออนไลน์", "ไลน์ล่ม ขายของออนไลน์ไม่ได้")).isFalse();
    }

    @Test
    void shouldCountClustersInNear() {
      // ดี is one cluster, ราคาถูก six.
      assertThat(matches("แอปเปิ้ล NEAR/1 มาก", "แอปเปิ้ลดีมาก")).isTrue();
      assertThat(matches("แอปเปิ้ล NEAR/0 มาก", "แอปเปิ้ลดีมาก")).isFalse();
      assertThat(matches("แอปเปิ้ล NEAR/6 มาก", "แอปเปิ้ลราคาถูกมาก")).isTrue();
      assertThat(matches("แอปเปิ้ล NEAR/5 มาก", "แอปเปิ้ลราคาถูกมาก")).isFalse();
      assertThat(matches("มาก ONEAR/6 แอปเปิ้ล", "แอปเปิ้ลราคาถูกมาก")).isFalse();
    }

    @Test
    void shouldMatchInPostsMixingScripts() {
      assertThat(matches("iphone", "ชอบ iPhone 15 มาก")).isTrue();
      assertThat(matches("\"ชอบ iphone 15 มาก\"", "ชอบ iPhone 15 มาก")).isTrue();
      String post = "ฉันชอบiPhoneมาก #แอปเปิ้ล @apple 🔥";
      assertThat(matches("\"ชอบ iphone มาก\"", post)).isTrue();
      assertThat(matches("แอปเปิ้ล", post)).isTrue();
      assertThat(matches("#แอปเปิ้ล", post)).isTrue();
      assertThat(matches("@apple \uD83D\uDD25", post)).isTrue();
      assertThat(matches("#แอปเปิ้ล", "#แอปเปิ้ลมาก")).isTrue();
      assertThat(matches("#แอปเปิ้ล", "ฉันชอบแอปเปิ้ลมาก")).isFalse();
    }
  }

  @Nested
  class Fields {

    @Test
    void shouldFilterOnLanguageAndItsRegions() {
      assertThat(matches("acme lang:en", post("acme", "en", null))).isTrue();
      assertThat(matches("acme lang:en", post("acme", "EN-us", null))).isTrue();
      assertThat(matches("acme lang:en", post("acme", "en_GB", null))).isTrue();
      assertThat(matches("acme lang:en", post("acme", "eng", null))).isFalse();
      assertThat(matches("acme lang:en", post("acme", "de", null))).isFalse();
      assertThat(matches("acme lang:en", post("acme", null, null))).isFalse();
      assertThat(matches("acme lang:en-us", post("acme", "en", null))).isFalse();
    }

    @Test
    void shouldFilterOnPlatformIgnoringCaseAndSeparators() {
      assertThat(matches("acme platform:bluesky", post("acme", null, "BLUESKY"))).isTrue();
      assertThat(matches("acme platform:hackernews", post("acme", null, "HACKER_NEWS"))).isTrue();
      assertThat(matches("acme platform:HACKER_NEWS", post("acme", null, "hacker-news"))).isTrue();
      assertThat(matches("acme platform:reddit", post("acme", null, "BLUESKY"))).isFalse();
      assertThat(matches("acme platform:reddit", post("acme", null, null))).isFalse();
    }

    @Test
    void shouldFilterOnAuthorIgnoringCaseAndAt() {
      MatchInput byAlice = new MatchInput("acme", null, null, "Alice.bsky.social", null);
      assertThat(matches("acme author:alice.bsky.social", byAlice)).isTrue();
      assertThat(matches("acme author:@ALICE.bsky.social", byAlice)).isTrue();
      assertThat(matches("acme author:alice", byAlice)).isFalse();
    }

    @Test
    void shouldFilterOnSiteAndItsSubdomains() {
      assertThat(matches("acme site:example.com", url("https://www.example.com/a?b"))).isTrue();
      assertThat(matches("acme site:example.com", url("http://EXAMPLE.com"))).isTrue();
      assertThat(matches("acme site:example.com", url("https://u:p@news.example.com:8443/")))
          .isTrue();
      assertThat(matches("acme site:example.com", url("https://notexample.com/"))).isFalse();
      assertThat(matches("acme site:example.com", url("https://example.com.evil.io/"))).isFalse();
      assertThat(matches("acme site:example.com", MatchInput.ofText("acme"))).isFalse();
      assertThat(matches("acme site:news.example.com", url("https://example.com/"))).isFalse();
    }

    @Test
    void shouldMatchARuleOfFieldFiltersAlone() {
      assertThat(matches("lang:en platform:reddit", post("anything", "en", "REDDIT"))).isTrue();
      assertThat(matches("lang:en platform:reddit", post("anything", "en", "BLUESKY"))).isFalse();
    }

    @Test
    void shouldCombineFieldFiltersWithBooleans() {
      String query = "acme -platform:reddit";
      assertThat(matches(query, post("acme", null, "BLUESKY"))).isTrue();
      assertThat(matches(query, post("acme", null, "REDDIT"))).isFalse();
    }

    private MatchInput url(String url) {
      return new MatchInput("acme", null, null, null, url);
    }
  }

  @Nested
  class SyntaxErrors {

    private RuleSyntaxException error(String query) {
      try {
        RuleSet.empty().with(new Rule("r1", "Acme", query));
      } catch (RuleSyntaxException e) {
        return e;
      }
      throw new AssertionError("expected a syntax error for: " + query);
    }

    private void assertError(String query, int position, String message) {
      RuleSyntaxException e = error(query);
      assertThat(e.position()).isEqualTo(position);
      assertThat(e.getMessage()).isEqualTo(message);
      assertThat(e.ruleId()).isEqualTo("r1");
    }

    @Test
    void shouldPointAtAMissingCloseParenthesis() {
      assertError("(acme OR anvil", 14, "Expected ')' at position 14 in rule 'r1'");
      assertError("(acme anvil \"x\"", 15, "Expected ')' at position 15 in rule 'r1'");
    }

    @Test
    void shouldPointAtAnUnexpectedCloseParenthesis() {
      assertError("acme) anvil", 4, "Unexpected ')' at position 4 in rule 'r1'");
    }

    @Test
    void shouldPointAtAMissingTerm() {
      assertError("acme AND", 8, "Expected a term at position 8 in rule 'r1'");
      assertError(
          "acme AND OR anvil", 9, "Expected a term but found 'OR' at position 9 in rule 'r1'");
      assertError("OR acme", 0, "Expected a term but found 'OR' at position 0 in rule 'r1'");
      assertError("acme ()", 6, "Expected a term but found ')' at position 6 in rule 'r1'");
      assertError("acme - anvil", 6, "Expected a term after '-' at position 6 in rule 'r1'");
    }

    @Test
    void shouldRejectAnEmptyQuery() {
      assertError("", 0, "Empty query at position 0 in rule 'r1'");
      assertError("   ", 0, "Empty query at position 0 in rule 'r1'");
    }

    @Test
    void shouldPointAtAnUnterminatedPhrase() {
      assertError("acme \"big air", 5, "Unterminated phrase at position 5 in rule 'r1'");
    }

    @Test
    void shouldPointAtBadDistances() {
      assertError(
          "acme NEAR/x fail", 10, "Expected a distance after NEAR/ at position 10 in rule 'r1'");
      assertError(
          "acme NEAR fail", 9, "Expected '/' and a distance after NEAR at position 9 in rule 'r1'");
      assertError(
          "acme ONEAR/ fail", 11, "Expected a distance after ONEAR/ at position 11 in rule 'r1'");
      assertError(
          "\"acme air\"~ x", 11, "Expected a distance after '~' at position 11 in rule 'r1'");
    }

    @Test
    void shouldRejectNearOfNonPositionalOperands() {
      assertError(
          "(acme anvil) NEAR/3 fail",
          0,
          "NEAR needs words, phrases or OR of them on both sides at position 0 in rule 'r1'");
      assertError(
          "acme ONEAR/3 lang:en",
          13,
          "ONEAR needs words, phrases or OR of them on both sides at position 13 in rule 'r1'");
    }

    @Test
    void shouldRejectMisplacedWildcards() {
      assertError(
          "ac*me",
          2,
          "Wildcard '*' is only allowed at the end of a word at position 2 in rule 'r1'");
      assertError("acme *", 5, "Wildcard '*' needs a word before it at position 5 in rule 'r1'");
    }

    @Test
    void shouldRejectUnknownFieldsAndMissingValues() {
      assertError(
          "acme foo:bar",
          5,
          "Unknown field 'foo' (quote the word to search for it) at position 5 in rule 'r1'");
      assertError("acme lang:", 10, "Missing value after 'lang:' at position 10 in rule 'r1'");
      assertError(
          "acme site:example.com/x", 10, "Invalid value for 'site:' at position 10 in rule 'r1'");
    }

    @Test
    void shouldRejectAWildcardInAFieldValue() {
      // lang:en already takes en-US; lang:en* matched no post at all.
      assertError(
          "acme lang:en*",
          12,
          "Wildcard '*' is not allowed in a field value at position 12 in rule 'r1'");
      assertError(
          "acme author:*bob",
          12,
          "Wildcard '*' is not allowed in a field value at position 12 in rule 'r1'");
    }

    @Test
    void shouldRejectTermsWithoutSearchableWords() {
      assertError("acme && anvil", 5, "No searchable word in '&&' at position 5 in rule 'r1'");
      assertError("acme \"!!\"", 5, "No searchable word in phrase at position 5 in rule 'r1'");
    }

    @Test
    void shouldRejectARuleOfNegationsOnly() {
      assertError(
          "NOT acme", 0, "A rule needs a term that is not negated at position 0 in rule 'r1'");
      assertError(
          "-acme -anvil", 0, "A rule needs a term that is not negated at position 0 in rule 'r1'");
      assertError(
          "acme OR -anvil",
          8,
          "A rule needs a term that is not negated at position 8 in rule 'r1'");
    }

    @Test
    void shouldRejectTooDeepNesting() {
      String deep = "(".repeat(101) + "acme" + ")".repeat(101);
      assertError(deep, 100, "Too deeply nested (at most 100 levels) at position 100 in rule 'r1'");
      String negations = "acme " + "NOT ".repeat(101) + "anvil";
      assertError(
          negations, 405, "Too deeply nested (at most 100 levels) at position 405 in rule 'r1'");
      String nears = "acme" + " NEAR/1 acme".repeat(101);
      assertError(
          nears, 1205, "Too deeply nested (at most 100 levels) at position 1205 in rule 'r1'");
      String allowed = "(".repeat(100) + "acme" + ")".repeat(100);
      assertThat(matches(allowed, "acme")).isTrue();
    }

    @Test
    void shouldBeAnIllegalArgumentException() {
      assertThat(error("(")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Sets {

    @Test
    void shouldKeepMatchingOtherRulesWhenOneIsInvalid() {
      List<String> invalid = new ArrayList<>();
      RuleSet rules =
          RuleSet.of(
              List.of(
                  new Rule("a", "Acme", "acme"),
                  new Rule("b", "Bad", "(acme"),
                  new Rule("c", "Anvil", "anvil OR acme")),
              (rule, e) -> invalid.add(rule.id() + ":" + e.position()));

      assertThat(invalid).containsExactly("b:5");
      assertThat(rules.size()).isEqualTo(2);
      assertThat(rules.match(MatchInput.ofText("acme")))
          .extracting(RuleMatch::ruleId)
          .containsExactly("a", "c");
    }

    @Test
    void shouldLetTheLastRuleOfAnIdWinEvenWhenItIsInvalid() {
      // the earlier valid "a" stayed in force, unlike on the rules topic, where the invalid last
      // one replaces it and the rule book drops the id
      List<String> invalid = new ArrayList<>();
      RuleSet rules =
          RuleSet.of(
              List.of(
                  new Rule("a", "Acme", "acme"),
                  new Rule("b", "Anvil", "(anvil"),
                  new Rule("b", "Anvil", "anvil"),
                  new Rule("a", "Acme", "(acme")),
              (rule, e) -> invalid.add(rule.id() + ":" + e.position()));

      assertThat(invalid).containsExactly("b:6", "a:5");
      assertThat(rules.rules()).containsExactly(new Rule("b", "Anvil", "anvil"));
      assertThat(rules.match(MatchInput.ofText("acme anvil")))
          .extracting(RuleMatch::ruleId)
          .containsExactly("b");
    }

    @Test
    void shouldOrderMatchesByRuleId() {
      RuleSet rules =
          RuleSet.empty()
              .with(new Rule("zeta", "Z", "acme"))
              .with(new Rule("alpha", "A", "acme*"))
              .with(new Rule("mid", "M", "lang:en"));

      assertThat(rules.match(post("acme", "en", null)))
          .extracting(RuleMatch::ruleId)
          .containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void shouldRecordTheMatchedTermsAsWritten() {
      RuleSet rules =
          RuleSet.empty()
              .with(
                  new Rule(
                      "r1",
                      "Acme",
                      "(Acme OR \"acme air\" OR rocket* OR anvil OR #acme) -bomb lang:en"));

      assertThat(rules.match(post("ACME Air rockets", "en", null)))
          .containsExactly(new RuleMatch("r1", "Acme", List.of("Acme", "\"acme air\"", "rocket*")));
    }

    @Test
    void shouldRecordBothSidesOfAMatchedNear() {
      RuleSet rules = RuleSet.empty().with(new Rule("r1", "Acme", "acme NEAR/2 (fail OR late)"));

      assertThat(rules.match(MatchInput.ofText("acme is late")))
          .containsExactly(new RuleMatch("r1", "Acme", List.of("acme", "late")));
    }

    @Test
    void shouldReplaceARuleWithTheSameId() {
      RuleSet first = RuleSet.empty().with(new Rule("r1", "Acme", "acme"));
      RuleSet second = first.with(new Rule("r1", "Anvil", "anvil"));

      assertThat(second.size()).isEqualTo(1);
      assertThat(second.rule("r1")).contains(new Rule("r1", "Anvil", "anvil"));
      assertThat(second.match(MatchInput.ofText("acme"))).isEmpty();
      assertThat(second.match(MatchInput.ofText("anvil")))
          .containsExactly(new RuleMatch("r1", "Anvil", List.of("anvil")));
      assertThat(first.match(MatchInput.ofText("acme"))).hasSize(1);
    }

    @Test
    void shouldRemoveARule() {
      RuleSet rules =
          RuleSet.empty().with(new Rule("r1", "Acme", "acme")).with(new Rule("r2", "B", "acme"));

      RuleSet fewer = rules.without("r1");

      assertThat(fewer.size()).isEqualTo(1);
      assertThat(fewer.rule("r1")).isEmpty();
      assertThat(fewer.match(MatchInput.ofText("acme")))
          .extracting(RuleMatch::ruleId)
          .containsExactly("r2");
      assertThat(fewer.without("unknown")).isSameAs(fewer);
      assertThat(rules.size()).isEqualTo(2);
    }

    @Test
    void shouldLeaveTheSetUnchangedWhenAnAddedRuleIsInvalid() {
      RuleSet rules = RuleSet.empty().with(new Rule("r1", "Acme", "acme"));

      assertThatThrownBy(() -> rules.with(new Rule("r1", "Acme", "acme)")))
          .isInstanceOf(RuleSyntaxException.class)
          .hasMessage("Unexpected ')' at position 4 in rule 'r1'");
      assertThat(rules.rule("r1")).contains(new Rule("r1", "Acme", "acme"));
    }

    @Test
    void shouldMatchNothingWhenEmpty() {
      assertThat(RuleSet.empty().match(MatchInput.ofText("acme"))).isEmpty();
      assertThat(RuleSet.empty().size()).isZero();
    }

    @Test
    void shouldFindRulesAnchoredOnlyByAPrefixOrAnOr() {
      RuleSet rules =
          RuleSet.empty()
              .with(new Rule("p", "P", "acm* -anvil"))
              .with(new Rule("o", "O", "(rocket OR \"big anvil\") NOT acme"));

      assertThat(rules.match(MatchInput.ofText("acmes")))
          .extracting(RuleMatch::ruleId)
          .containsExactly("p");
      assertThat(rules.match(MatchInput.ofText("a big anvil")))
          .extracting(RuleMatch::ruleId)
          .containsExactly("o");
    }
  }
}
