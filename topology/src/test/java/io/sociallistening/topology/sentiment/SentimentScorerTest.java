package io.sociallistening.topology.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sociallistening.avro.SentimentLabel;
import io.sociallistening.topology.match.MatchInput;
import io.sociallistening.topology.match.Rule;
import io.sociallistening.topology.match.RuleMatch;
import io.sociallistening.topology.match.RuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentimentScorerTest {
  private static final SentimentScorer SCORER = SentimentScorer.vaderCompatible();
  private static final SentimentScorer SOCIAL = SentimentScorer.loadDefault();

  static List<Arguments> readmeExamples() throws IOException {
    List<Arguments> examples = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                SentimentScorerTest.class.getResourceAsStream(
                    "/sentiment/vader_readme_examples.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#")) {
          String[] fields = line.split("\t");
          examples.add(Arguments.of(fields[0], Double.parseDouble(fields[1])));
        }
      }
    }
    return examples;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readmeExamples")
  void shouldMatchReferenceCompoundOnReadmeExamples(String text, double compound) {
    assertThat(SCORER.score(text).compound()).isCloseTo(compound, within(0.00005));
  }

  @Test
  void shouldSplitSentimentMassLikeVader() {
    SentimentResult result = SCORER.score("VADER is smart, handsome, and funny.");

    assertThat(result.positive()).isCloseTo(0.746, within(0.0005));
    assertThat(result.neutral()).isCloseTo(0.254, within(0.0005));
    assertThat(result.negative()).isEqualTo(0.0);
    assertThat(result.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(result.confidence()).isEqualTo(1.0);
  }

  @Test
  void shouldSplitMixedSentimentMassLikeVader() {
    SentimentResult result =
        SCORER.score(
            "The plot was good, but the characters are uncompelling and the dialog is not great.");

    assertThat(result.negative()).isCloseTo(0.327, within(0.0005));
    assertThat(result.neutral()).isCloseTo(0.579, within(0.0005));
    assertThat(result.positive()).isCloseTo(0.094, within(0.0005));
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldScoreEmptyAndWordlessTextAsCertainNeutral() {
    SentimentResult expected = new SentimentResult(0.0, SentimentLabel.NEUTRAL, 1.0, 0, 0, 0);

    assertThat(SCORER.score("")).isEqualTo(expected);
    assertThat(SCORER.score(null)).isEqualTo(expected);
    assertThat(SCORER.score("   @someone https://example.com/x?a=1")).isEqualTo(expected);
  }

  @Test
  void shouldSeparateWordsJoinedByAnInvisibleCharacter() {
    // a zero-width space, a word joiner, a byte-order mark or a NUL between two words shows no
    // space, but a reader sees two words
    double spaced = SOCIAL.score("great product").compound();
    assertThat(spaced).isGreaterThan(0.5);
    for (String glue : List.of("\u200B", "\u2060", "\uFEFF", "\u0000", "\u0001")) {
      assertThat(SOCIAL.score("great" + glue + "product").compound())
          .as("U+%04X", (int) glue.charAt(0))
          .isEqualTo(spaced);
    }
  }

  @Test
  void shouldLabelNeutralTextWithConfidenceFromDistanceToThresholds() {
    SentimentResult result = SCORER.score("The train leaves at nine.");

    assertThat(result.compound()).isEqualTo(0.0);
    assertThat(result.label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(result.confidence()).isEqualTo(1.0);
    assertThat(result.neutral()).isEqualTo(1.0);
  }

  @Test
  void shouldScaleConfidenceOfPolarLabelsUpToHalfCompound() {
    // "ok" = 1.2 in the lexicon: 1.2 / sqrt(1.44 + 15) = 0.2960
    SentimentResult result = SCORER.score("ok");

    assertThat(result.compound()).isCloseTo(0.2960, within(0.00005));
    assertThat(result.confidence()).isCloseTo(0.2960 / 0.5, within(0.0001));
  }

  @Test
  void shouldIgnoreUrlsAndHandles() {
    assertThat(SCORER.score("@great_store love it http://great.example/awful").compound())
        .isEqualTo(SCORER.score("love it").compound());
  }

  @Test
  void shouldReadAHostWithoutAPathAsWordsThatEndTheirSentence() {
    assertThat(SOCIAL.score("I didn't order from amazon.com. Great service from Acme").compound())
        .isEqualTo(SOCIAL.score("I didn't order from Amazon. Great service from Acme").compound())
        .isGreaterThan(0.05);
  }

  @Test
  void shouldEndASentenceAtTheFullStopAfterALink() {
    // the link is dropped, its full stop still ends the negation's sentence
    assertThat(SOCIAL.score("I didn't order from https://example.com/x. Great service").compound())
        .isGreaterThan(0.05);
    assertThat(SOCIAL.score("I didn't order from @acme. Great service").compound())
        .isGreaterThan(0.05);
  }

  @Test
  void shouldIgnoreLinksWithoutAScheme() {
    for (SentimentScorer scorer : List.of(SCORER, SOCIAL)) {
      assertThat(scorer.score("see bit.ly/HappyDay").compound()).isEqualTo(0.0);
      assertThat(scorer.score("love it amazon.com/awful-deals").compound())
          .isEqualTo(scorer.score("love it").compound());
    }
  }

  @Test
  void shouldIgnoreUrlsAndHandlesInsideLeadingPunctuation() {
    // ".@acme" (a reply shown to all), "(@acme)", "(https://...)": still a handle, still a link
    for (SentimentScorer scorer : List.of(SCORER, SOCIAL)) {
      assertThat(scorer.score(".@united you suck").compound())
          .isEqualTo(scorer.score("you suck").compound());
      assertThat(scorer.score("thanks (@happycustomer)").compound())
          .isEqualTo(scorer.score("thanks").compound());
      assertThat(scorer.score("love it (https://example.com/awful)").compound())
          .isEqualTo(scorer.score("love it").compound());
      assertThat(scorer.score("love it \"www.awful.example\"").compound())
          .isEqualTo(scorer.score("love it").compound());
      assertThat(scorer.score("love it ...https://example.com/awful").compound())
          .isEqualTo(scorer.score("love it").compound());
    }
    assertThat(SOCIAL.scoreTowards("love it (@acme)", List.of("acme")).compound())
        .isEqualTo(SOCIAL.score("love it").compound());
  }

  @Test
  void shouldLookUpHashtagsWithoutTheHash() {
    assertThat(SCORER.score("#love").compound()).isEqualTo(SCORER.score("love").compound());
  }

  @Test
  void shouldSplitCamelCaseAndRunTogetherHashtags() {
    double bestDay = SCORER.score("best day ever").compound();

    assertThat(bestDay).isGreaterThan(0.5);
    assertThat(SCORER.score("#BestDayEver").compound()).isEqualTo(bestDay);
    assertThat(SCORER.score("#bestdayever").compound()).isEqualTo(bestDay);
  }

  @Test
  void shouldSplitAHashtagInsideOpeningPunctuation() {
    for (SentimentScorer scorer : List.of(SCORER, SOCIAL)) {
      assertThat(scorer.score("(#BestDayEver)").compound())
          .isEqualTo(scorer.score("#BestDayEver").compound())
          .isGreaterThan(0.5);
      assertThat(scorer.score("\"#bestdayever\"").compound())
          .isEqualTo(scorer.score("#bestdayever").compound());
    }
  }

  @Test
  void shouldCollapseElongatedWordsThatAreNotInTheLexicon() {
    assertThat(SCORER.score("it was sooo gooood").compound())
        .isEqualTo(SCORER.score("it was so good").compound());
    assertThat(SCORER.score("loooove it").compound()).isEqualTo(SCORER.score("love it").compound());
  }

  @Test
  void shouldSplitWordsJoinedByPunctuationWithoutASpace() {
    assertThat(SOCIAL.score("that was hilarious...LMAO").compound())
        .isEqualTo(SOCIAL.score("that was hilarious... LMAO").compound())
        .isGreaterThan(0.5);
    assertThat(SOCIAL.score("great,love it").compound())
        .isEqualTo(SOCIAL.score("great, love it").compound());
    assertThat(SOCIAL.score("bad/terrible").compound())
        .isEqualTo(SOCIAL.score("bad/ terrible").compound())
        .isLessThan(-0.5);
    assertThat(SOCIAL.score("exam season sucks:(").compound())
        .isEqualTo(SOCIAL.score("exam season sucks :(").compound());
  }

  @Test
  void shouldKeepAUrlGluedAfterPunctuationWholeAndUnscored() {
    assertThat(SOCIAL.score("love it!https://example.com/awful/terrible/worst").compound())
        .isEqualTo(SOCIAL.score("love it! https://example.com/awful/terrible/worst").compound())
        .isEqualTo(SOCIAL.score("love it!").compound());
  }

  @Test
  void shouldSplitAnEqualsSignEmoticonGluedToAWord() {
    assertThat(SOCIAL.score("exam season sucks=(").compound())
        .isEqualTo(SOCIAL.score("exam season sucks =(").compound())
        .isLessThan(SOCIAL.score("exam season sucks").compound());
  }

  @Test
  void shouldSplitAHandleOrHashtagGluedAfterPunctuation() {
    assertThat(SOCIAL.score("great,@acme").compound())
        .isEqualTo(SOCIAL.score("great, @acme").compound())
        .isGreaterThan(0.5);
    assertThat(SOCIAL.score("love.#acme").compound())
        .isEqualTo(SOCIAL.score("love. #acme").compound())
        .isGreaterThan(0.5);
    assertThat(SOCIAL.score("thanks.@acme.terrible").compound())
        .isEqualTo(SOCIAL.score("thanks. @acme.terrible").compound());
  }

  @Test
  void shouldReadCantWaitAsEagernessNotNegation() {
    // "wait" is no lexicon word; in "can't wait" it takes the valence of "eager", 1.5
    double eager = 1.5 / Math.sqrt(1.5 * 1.5 + 15);
    assertThat(SOCIAL.score("can't wait").compound()).isCloseTo(eager, within(1e-9));
    assertThat(SOCIAL.score("I cannot wait").compound()).isCloseTo(eager, within(1e-9));
    assertThat(SOCIAL.score("can not wait").compound()).isCloseTo(eager, within(1e-9));
    assertThat(SOCIAL.score("we wait").compound()).isEqualTo(0.0);
    assertThat(SCORER.score("can't wait").compound()).isEqualTo(0.0);
  }

  @Test
  void shouldReadAnExpletiveBeforeASentimentWordAsAnIntensifier() {
    SentimentScorer english = SOCIAL.in("en");
    double love = english.score("love that song").compound();
    double boosted = (3.2 + 0.293) / Math.sqrt((3.2 + 0.293) * (3.2 + 0.293) + 15);
    // VADER adds "freaking" (-1.8) to "love" (3.2): 0.34 for a text people rate strongly positive
    assertThat(SCORER.score("freaking love that song").compound()).isLessThan(love);
    assertThat(english.score("freaking love that song").compound())
        .isCloseTo(boosted, within(1e-9));
    assertThat(SOCIAL.score("freaking love that song").compound()).isCloseTo(boosted, within(1e-9));
    // text whose language is not known too, not Portuguese or Spanish text
    assertThat(SOCIAL.in("und").score("freaking love that song").compound())
        .isCloseTo(boosted, within(1e-9));
    assertThat(SOCIAL.in("pt").score("freaking love that song").compound())
        .isCloseTo(SCORER.score("freaking love that song").compound(), within(1e-9));
    assertThat(english.score("damn good").compound())
        .isGreaterThan(english.score("good").compound());
    assertThat(english.score("bloody awful").compound())
        .isLessThan(english.score("awful").compound())
        .isGreaterThan(english.score("bloody, awful").compound());
    // alone, or ended by its clause, it is the word VADER rates
    assertThat(english.score("damn!").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(english.score("this is freaking me out").label()).isEqualTo(SentimentLabel.NEGATIVE);
    // intensifiers the lexicon does not know
    assertThat(english.score("freakin awesome").compound())
        .isGreaterThan(english.score("awesome").compound());
    assertThat(english.score("darn good").compound())
        .isGreaterThan(english.score("good").compound());
    assertThat(english.score("darn").compound()).isEqualTo(0.0);
  }

  @Test
  void shouldKeepAbbreviationsAndLinksWhole() {
    // single letters between the marks, and URLs, are not split
    assertThat(SOCIAL.score("U.S. is great").compound())
        .isEqualTo(SOCIAL.score("US is great").compound());
    assertThat(SOCIAL.score("http://great.example/love,awful").compound()).isEqualTo(0.0);
  }

  @Test
  void shouldStripPunctuationFromShortWords() {
    assertThat(SCORER.score("ok, fine").compound()).isEqualTo(SCORER.score("ok fine").compound());
  }

  @Test
  void shouldScoreEmojiFromTheEmojiTable() {
    // 😍 = 2.8 and 😡 = -2.6 in emoji_valence.txt; a skin tone or selector adds nothing
    assertThat(SCORER.score("new phone😍").compound())
        .isCloseTo(2.8 / Math.sqrt(2.8 * 2.8 + 15), within(1e-9));
    assertThat(SCORER.score("delivery late again 😡").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SCORER.score("👍🏽").compound()).isEqualTo(SCORER.score("👍").compound());
    assertThat(SCORER.score("🪐").compound()).isEqualTo(0.0);
  }

  @Test
  void shouldDropTheKeycapMarkAndTheTextPresentationSelector() {
    // "1\uFE0F\u20E3" is the keycap emoji 1; "\u263A\uFE0E" the smiley drawn as text
    for (SentimentScorer scorer : List.of(SCORER, SOCIAL)) {
      assertThat(scorer.score("not the 1\uFE0F\u20E3 good"))
          .isEqualTo(scorer.score("not the 1 good"));
      assertThat(scorer.score("not the \u263A\uFE0E good"))
          .isEqualTo(scorer.score("not the \u263A good"));
      assertThat(scorer.score("#\uFE0F\u20E3 GREAT")).isEqualTo(scorer.score("# GREAT"));
    }
  }

  @Test
  void shouldNegateWithCurlyApostrophe() {
    assertThat(SCORER.score("it isn’t good").compound())
        .isEqualTo(SCORER.score("it isn't good").compound());
    assertThat(SCORER.score("it isn't good").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldAmplifyRepeatedQuestionMarks() {
    // "good" 1.9, three question marks add 3 * 0.18
    assertThat(SCORER.score("good???").compound())
        .isCloseTo(2.44 / Math.sqrt(2.44 * 2.44 + 15), within(1e-9));
    assertThat(SCORER.score("good?").compound())
        .isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-9));
  }

  @Test
  void shouldCapExclamationEmphasisAtFour() {
    assertThat(SCORER.score("good!!!!!!!").compound())
        .isEqualTo(SCORER.score("good!!!!").compound());
  }

  @Test
  void shouldApplyKindOfAsDampener() {
    assertThat(SCORER.score("The book was only kind of good.").compound())
        .isLessThan(SCORER.score("The book was only good.").compound());
  }

  @Test
  void shouldReplaceValenceOfSpecialPhrases() {
    // "yeah right" = -2 replaces "right"-less "yeah" (1.2)
    assertThat(SCORER.score("oh sure man yeah right").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldNotCarryNegationAcrossClausePunctuation() {
    // VADER negates "confused" through the semicolon; the social scorer stops at it
    assertThat(SCORER.score("not hating; just confused").compound()).isGreaterThan(0.0);
    assertThat(SOCIAL.score("not hating; just confused").compound())
        .isEqualTo(SOCIAL.score("just confused").compound());
    assertThat(SOCIAL.score("not hating; just confused").compound()).isLessThan(0.0);
  }

  @Test
  void shouldEndAClauseAtAnEmoticonWhetherItEndsInPunctuationOrALetter() {
    double smile = SOCIAL.score("not bad :) great day").compound();

    for (String emoticon : List.of(":D", ":P", ";D", "=D", ":D!")) {
      assertThat(SOCIAL.score("not bad " + emoticon + " great day").compound())
          .as(emoticon)
          .isGreaterThan(0.5);
    }
    assertThat(smile).isGreaterThan(0.5);
  }

  @Test
  void shouldEndAClauseAtATypographicDashAsAtAHyphen() {
    double hyphen = SOCIAL.score("not sure - great").compound();

    assertThat(hyphen).isGreaterThan(0.05);
    for (String dash : List.of("\u2013", "\u2014", "\u2014\u2014", "--")) {
      assertThat(SOCIAL.score("not sure " + dash + " great").compound()).as(dash).isEqualTo(hyphen);
    }
    String post = "Acme is great \u2014 Globex is awful";
    assertThat(SOCIAL.scoreTowards(post, List.of("acme")).label())
        .isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void shouldTurnNegatedNegativeWordsNeutralNotPositive() {
    assertThat(SCORER.score("no worries").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SOCIAL.score("no worries").compound()).isEqualTo(0.0);
    assertThat(SOCIAL.score("not good").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldKeepRepeatedNoNegative() {
    assertThat(SCORER.score("no no no").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SOCIAL.score("no no no").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldCountRepeatedSentimentWordsLessEachTime() {
    // "fun" 2.3: 2.3 + 2.3 / 2 + 2.3 / 3
    double sum = 2.3 * (1 + 0.5 + 1.0 / 3);
    assertThat(SOCIAL.score("fun fun fun").compound())
        .isCloseTo(sum / Math.sqrt(sum * sum + 15), within(1e-9));
  }

  @Test
  void shouldCountRepeatedEmojiAndWordsApartLessEachTime() {
    // emoji have no vocabulary id and are counted by their chars; "fun" and the emoji apart
    double one = SOCIAL.score("\uD83D\uDE2D").compound();
    double emoji = 15 * one * one / (1 - one * one);
    double single = -Math.sqrt(emoji);
    double sum = 2.3 * (1 + 0.5) + single * (1 + 0.5 + 1.0 / 3);
    assertThat(SOCIAL.score("fun \uD83D\uDE2D \uD83D\uDE2D fun \uD83D\uDE2D").compound())
        .isCloseTo(sum / Math.sqrt(sum * sum + 15), within(1e-9));
  }

  @Test
  void shouldWeighContrastAcrossSentencesLikeVader() {
    // "terrible" -2.1 halved before "but", ":)" 2.0 weighed 1.5 times after it, in another sentence
    double sum = -2.1 * 0.5 + 2.0 * 1.5;
    assertThat(SOCIAL.score("terrible day. but then :)").compound())
        .isCloseTo(sum / Math.sqrt(sum * sum + 15), within(1e-9));
  }

  @Test
  void shouldKeepLaughterAndEmoticonsOutsideNegation() {
    // "lol" 1.8 and ":-)" 1.3 are not negated by "no" or "nope"
    assertThat(SOCIAL.score("no idea lol").compound())
        .isCloseTo(1.8 / Math.sqrt(1.8 * 1.8 + 15), within(1e-9));
    assertThat(SOCIAL.score("nope :-)").compound())
        .isCloseTo(1.3 / Math.sqrt(1.3 * 1.3 + 15), within(1e-9));
    assertThat(SCORER.score("nope :-)").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldKeepNoNegativeWhenItsSentenceEnds() {
    // "no" -1.2 ends its sentence: it negates nothing, so it keeps its valence; "escape" 0.7
    double sum = -1.2 + 0.7;
    assertThat(SOCIAL.score("oh no. escape").compound())
        .isCloseTo(sum / Math.sqrt(sum * sum + 15), within(1e-9));
  }

  @Test
  void shouldDecodeHtmlEntitiesOfPosts() {
    // "<3" 1.9; without decoding, "&lt;3" was the word "lt"
    assertThat(SOCIAL.score("see you &lt;3").compound())
        .isEqualTo(SOCIAL.score("see you <3").compound());
    assertThat(SOCIAL.score("see you <3").compound()).isGreaterThan(0.3);
    // the apostrophe some sources send as &#39; or &#x27;: "don" and "39" did not negate "like"
    assertThat(SOCIAL.score("I don&#39;t like it").compound())
        .isEqualTo(SOCIAL.score("I don't like it").compound());
    assertThat(SOCIAL.score("I don&#x27;t like it").compound()).isLessThan(0);
  }

  @Test
  void shouldNotRateTheNounHeartAsSentiment() {
    assertThat(SOCIAL.score("my heart is here").compound()).isEqualTo(0.0);
    assertThat(SCORER.score("my heart is here").label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void shouldScoreEachBrandOfAPostThatPraisesOneAndAttacksTheOther() {
    String post = "I love my new Acme phone, but Globex Corp is terrible and slow!";

    SentimentResult acme = SOCIAL.scoreTowards(post, List.of("acme"));
    SentimentResult globex = SOCIAL.scoreTowards(post, List.of("\"globex corp\"", "globex*"));

    // each brand's own clause, without the whole post's "but" weighting: "love" 3.2 for Acme,
    // "terrible" -2.1 for Globex ("slow" is not in the lexicon)
    assertThat(acme.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(acme.compound()).isCloseTo(3.2 / Math.sqrt(3.2 * 3.2 + 15), within(1e-9));
    assertThat(globex.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(globex.compound()).isCloseTo(-2.1 / Math.sqrt(2.1 * 2.1 + 15), within(1e-9));
    assertThat(SOCIAL.score(post).label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldFindABrandNamedInThePossessiveOrWithAccents() {
    String post = "Acme's new prices are terrible, but I love Globex";

    // the rule matcher matches "acme" in "Acme's"; so does the brand's segment
    assertThat(SOCIAL.scoreTowards(post, List.of("acme")).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.scoreTowards("Acme\u2019s prices are terrible", List.of("acme")).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.scoreTowards(post, List.of("globex")).label())
        .isEqualTo(SentimentLabel.POSITIVE);
    // accents folded either way, as the rule matcher folds them
    assertThat(SOCIAL.scoreTowards("O Itaú é péssimo, mas adoro o Nubank", List.of("itau")).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.scoreTowards("Nestle is terrible", List.of("nestlé")).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.scoreTowards("Nestlé’s chocolate is great", List.of("nestle*")).label())
        .isEqualTo(SentimentLabel.POSITIVE);
    // not any word that starts with the brand's
    assertThat(SOCIAL.scoreTowards("acmes are terrible", List.of("acme"))).isNull();
    assertThat(SOCIAL.scoreTowards("acme'd be terrible", List.of("acme"))).isNull();
  }

  @Test
  void shouldFindABrandWhoseTermIsAHashtagOrAPhraseInTypographicQuotesOrWithSlop() {
    String post = "I love #acme and Acme Air, but globex is awful";

    // terms as the rule matcher lists them: "#acme" matches the hashtag, whose token is "acme"
    for (String term :
        List.of("#acme", "\u201Cacme air\u201D", "\u201Eacme air\u201C", "\"acme air\"~2")) {
      assertThat(SOCIAL.scoreTowards(post, List.of(term)))
          .as(term)
          .isEqualTo(SOCIAL.scoreTowards(post, List.of("acme")));
    }
    assertThat(SOCIAL.scoreTowards(post, List.of("\"acme\"~1")))
        .isEqualTo(SOCIAL.scoreTowards(post, List.of("acme")));
    assertThat(SOCIAL.scoreTowards(post, List.of("acme")).label())
        .isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void shouldFindABrandPhraseAsItsWordsInARowNotByItsFirstWordAlone() {
    String post = "I love my new phone, but New Balance shoes are awful";

    // "new" of "my new phone" is not the brand New Balance
    assertThat(SOCIAL.scoreTowards(post, List.of("\"new balance\"")).compound())
        .isEqualTo(SOCIAL.scoreTowards(post, List.of("balance")).compound())
        .isLessThan(-0.05);
    assertThat(SOCIAL.scoreTowards(post, List.of("\"new, balance\"")).compound())
        .isEqualTo(SOCIAL.scoreTowards(post, List.of("balance")).compound());
    // a sloppy phrase whose words stand apart is still found by its first word
    assertThat(
            SOCIAL.scoreTowards("New and improved balance is great", List.of("\"new balance\"~3")))
        .isNotNull();
  }

  @Test
  void shouldFindABrandWrittenWithASymbolWhereTheRuleMatcherFindsIt() {
    // the tokenizer reads C++, C# and .NET as the words c and net; the rule matcher keeps the
    // symbol
    String post = "I love %s but Java is awful";
    for (String[] nameAndTerms :
        new String[][] {
          {"C++", "c++", "\"c++\"", "c"},
          {"C++17", "c++"},
          {"C#", "c#"},
          {"#C#", "#c#"},
          {"F#!", "f#"},
          {".NET", ".net", "net"},
          {".NETCore", ".net*"},
          {"(.NET)", ".net"}
        }) {
      String text = String.format(post, nameAndTerms[0]);
      for (String term : List.of(nameAndTerms).subList(1, nameAndTerms.length)) {
        assertThat(SOCIAL.scoreTowards(text, List.of(term)))
            .as(term + " in " + text)
            .isNotNull()
            .extracting(SentimentResult::label)
            .isEqualTo(SentimentLabel.POSITIVE);
      }
    }
    // c++ is not any c
    assertThat(SOCIAL.scoreTowards("I love C++, but c is awful", List.of("c++")).label())
        .isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SOCIAL.scoreTowards("I love C, but C++ is awful", List.of("c++")).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldFindABrandInsideAHyphenatedWordAnElisionOrAHashtagSplitIntoWords() {
    // the rule matcher splits Acme-Air and Coca-Cola at the hyphen, drops the article of l'Acme,
    // reads #LoveAcme as one word and ΕΛΛΑΔΑ as ελλάδα; so must the brand's segment search
    String[][] cases = {
      {"I love Acme-Air but Globex is awful", "acme"},
      {"I love Acme-Air but Globex is awful", "air"},
      {"I love Coca-Cola but Pepsi is awful", "\"coca cola\""},
      {"I love l'Acme but Globex is awful", "acme"},
      {"#LoveAcme but Globex is awful", "#loveacme"},
      {"I love ΕΛΛΑΔΑ but Globex is awful", "ελλάδα"}
    };
    for (String[] textAndTerm : cases) {
      assertThat(SOCIAL.scoreTowards(textAndTerm[0], List.of(textAndTerm[1])))
          .as(textAndTerm[1] + " in " + textAndTerm[0])
          .isNotNull()
          .extracting(SentimentResult::label)
          .isEqualTo(SentimentLabel.POSITIVE);
    }
  }

  @Test
  void shouldFindABrandNamedByAHandleOrALinkInsideThePost() {
    // the tokenizer drops handles and links; the brand's clause is the one they are written in
    String post = "I love @acme but @globex is awful";
    for (String term : List.of("@acme", "acme")) {
      assertThat(towards(post, term)).as(term).isEqualTo(SOCIAL.score("I love").compound());
    }
    assertThat(towards(post, "@acme")).isGreaterThan(0.05);
    assertThat(towards(post, "@globex"))
        .isEqualTo(towards("love acme but globex is awful", "globex"));
    assertThat(towards(post, "@globex")).isLessThan(-0.05);
    // after a clause's punctuation: the clause that follows, or the last one at the end
    assertThat(towards("The food was awful. @acme staff were lovely", "acme"))
        .isEqualTo(towards("The food was awful. staff were lovely acme", "acme"))
        .isGreaterThan(0.05);
    assertThat(towards("Awful food, lovely staff, @acme", "@acme"))
        .isEqualTo(towards("Awful food, lovely staff acme", "acme"))
        .isGreaterThan(0.05);
    assertThat(towards("I love acme.com but globex is awful", "acme.com"))
        .isEqualTo(towards(post, "@acme"));
    // a handle's own punctuation ends its clause for the brands, as a word's does
    assertThat(towards("Love @acme, hate @globex", "@acme")).isGreaterThan(0.05);
    assertThat(towards("Love @acme, hate @globex", "@globex")).isLessThan(-0.05);
    assertThat(SOCIAL.score("Love @acme, hate @globex").compound())
        .isEqualTo(SOCIAL.score("Love hate").compound());
    // before every word, the handle a reply is addressed to: the whole post is about it
    assertThat(SOCIAL.scoreTowards("@acme is great, but the hotel was awful", List.of("@acme")))
        .isNull();
    assertThat(SOCIAL.scoreTowards(".@acme @globex you are awful", List.of("globex"))).isNull();
  }

  /** The compound towards the brand of {@code term}, NaN when it has no segment. */
  private static double towards(String post, String term) {
    SentimentResult result = SOCIAL.scoreTowards(post, List.of(term));
    return result == null ? Double.NaN : result.compound();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("brandsOfEveryTermKind")
  void shouldScoreABrandMatchedByAnyKindOfTermApartFromAnotherBrand(
      String query, String post, String language) {
    // as the enrichment scores it: the rule's matched terms, one tokenisation for both brands
    RuleSet rules =
        RuleSet.of(
            List.of(new Rule("brand", "Brand", query), new Rule("globex", "Globex", "globex")),
            (rule, error) -> {
              throw error;
            });
    List<RuleMatch> matches = rules.match(new MatchInput(post, language, null, null, null));
    assertThat(matches).extracting(RuleMatch::ruleId).containsExactly("brand", "globex");

    PostSentiment scores =
        SOCIAL.in(language).scorePost(post, matches.stream().map(RuleMatch::matchedTerms).toList());

    assertThat(scores.towards().get(0)).isNotNull();
    assertThat(scores.towards().get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(scores.towards().get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  static List<Arguments> brandsOfEveryTermKind() {
    String post = "I love %s but Globex is awful";
    List<Arguments> cases = new ArrayList<>();
    String[][] queryAndName = {
      {"acme", "Acme"},
      {"acme", "ACME's new phone"},
      {"acme", "Acme Acme"},
      {"\"new balance\"", "New Balance"},
      {"\u201Cnew balance\u201D", "New Balance"},
      {"\"new balance\"~2", "Balance by New"},
      {"new NEAR/2 balance", "New Balance"},
      {"acme*", "Acmefoods"},
      {"#acme", "#Acme"},
      {"@acme", "@acme"},
      {"c++", "C++"},
      {"c#", "C#"},
      {".net", ".NET"},
      {"at&t", "AT&T"},
      {"at&t", "AT&amp;T"},
      {"h&m", "H&M"},
      {"cafe", "Café Acme"},
      {"café", "CAFE Acme"},
      {"acme", "Acme-Air"},
      {"#loveacme", "#LoveAcme"}
    };
    for (String[] pair : queryAndName) {
      cases.add(Arguments.of(pair[0], String.format(post, pair[1]), "en"));
    }
    cases.add(Arguments.of("itau", "Adoro o Itaú, mas a Globex é péssima", "pt"));
    cases.add(Arguments.of("telefonica", "Me encanta Telefónica pero Globex es horrible", "es"));
    cases.add(Arguments.of("acme", "Acme is great, Globex is awful, acme is lovely", "en"));
    return cases;
  }

  @Test
  void shouldSplitBrandSegmentsAtContrastWordsWithoutPunctuation() {
    String post = "acme is great although globex sucks";

    assertThat(SOCIAL.scoreTowards(post, List.of("acme")).label())
        .isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SOCIAL.scoreTowards(post, List.of("globex")).label())
        .isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldGiveNoBrandScoreWhenTheTermIsNotAWordOfThePost() {
    assertThat(SOCIAL.scoreTowards("@acme love it", List.of("acme"))).isNull();
    assertThat(SOCIAL.scoreTowards("love it", List.of("acme"))).isNull();
    assertThat(SOCIAL.scoreTowards("love it", List.of())).isNull();
  }

  @Test
  void shouldScorePortugueseWithNegationAndIntensifiers() {
    // "bom" 1.9 in pt_lexicon.txt; "muito" boosts by 0.293; "não" negates
    assertThat(SOCIAL.score("o atendimento é bom").compound())
        .isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-9));
    assertThat(SOCIAL.score("o atendimento é muito bom").compound())
        .isGreaterThan(SOCIAL.score("o atendimento é bom").compound());
    assertThat(SOCIAL.score("o atendimento não é bom").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.score("péssimo serviço, odeio").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void shouldScoreSpanishWithNegationAndIntensifiers() {
    assertThat(SOCIAL.score("me encanta este teléfono").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(SOCIAL.score("el servicio es muy malo").compound())
        .isLessThan(SOCIAL.score("el servicio es malo").compound());
    assertThat(SOCIAL.score("nunca es bueno").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.score("no es malo").label()).isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void shouldReadValeLaPenaAsWorthItNotSorrow() {
    // "pena" is sorrow (-2.4); "vale la pena" is "it is worth it" ("worth" 0.9)
    SentimentScorer spanish = SOCIAL.in("es");
    assertThat(spanish.score("¿Vale la pena comprar el nimbus o el zephyr?").label())
        .isNotEqualTo(SentimentLabel.NEGATIVE);
    assertThat(spanish.score("valió la pena").label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(spanish.score("no vale la pena").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(spanish.score("qué pena").label()).isEqualTo(SentimentLabel.NEGATIVE);
    // Portuguese "pena" is not in its list (two-sided); text of unknown language has the Spanish
    // one
    assertThat(SOCIAL.in("pt").score("vale a pena").label()).isNotEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.score("não vale a pena").label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(SOCIAL.score("vale la pena").label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void shouldLeavePortugueseAndSpanishWordsToTheSocialScorer() {
    assertThat(SCORER.score("muito bom").compound()).isEqualTo(0.0);
  }
}
