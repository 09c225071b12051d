package io.sociallistening.topology.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadScorerTest {
  private static final LeadScorer SCORER = LeadScorer.loadDefault();

  private static List<JsonNode> rows(String resource) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                LeadScorerTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        rows.add(mapper.readTree(line));
      }
    }
    return rows;
  }

  /**
   * Rows of posts.jsonl, representative posts of each category of the development half of {@code
   * lead-eval/}: text, competitor, the human label and the expected score and reasons.
   */
  static List<Arguments> posts() throws IOException {
    List<Arguments> posts = new ArrayList<>();
    for (JsonNode row : rows("/lead/posts.jsonl")) {
      List<String> reasons = new ArrayList<>();
      row.get("reasons").forEach(reason -> reasons.add(reason.asText()));
      posts.add(
          Arguments.of(
              row.get("id").asText() + " " + row.get("category").asText(),
              row.get("text").asText(),
              row.get("competitor").asBoolean(),
              row.get("lead").asBoolean(),
              row.get("score").asDouble(),
              reasons));
    }
    return posts;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("posts")
  void shouldScoreRepresentativePostsOfEachCategory(
      String category,
      String text,
      boolean competitor,
      boolean lead,
      double score,
      List<String> reasons) {
    LeadResult result = SCORER.score(text, competitor);

    assertThat(result.lead()).isEqualTo(lead);
    assertThat(result.score()).isCloseTo(score, within(0.00005));
    assertThat(result.reasons()).containsExactlyElementsOf(reasons);
  }

  @Test
  void shouldCoverEveryCategoryOfTheDevelopmentHalf() throws IOException {
    Set<String> fixture = new TreeSet<>();
    rows("/lead/posts.jsonl").forEach(row -> fixture.add(row.get("category").asText()));
    Set<String> dev = new TreeSet<>();
    rows("/lead-eval/dev.jsonl").forEach(row -> dev.add(row.get("category").asText()));

    assertThat(fixture).isEqualTo(dev);
    assertThat(posts()).filteredOn(row -> (Boolean) row.get()[3]).hasSize(23);
    assertThat(posts()).hasSize(54);
  }

  @Test
  void shouldCountSwitchingPhrasesOnlyWhenACompetitorIsMentioned() {
    String post = "Switching from Globex next week";

    assertThat(SCORER.score(post).reasons()).isEmpty();
    assertThat(SCORER.score(post, true).reasons())
        .containsExactly("switching from competitor: \"switching from\"");
    assertThat(SCORER.score(post, true).lead()).isTrue();
  }

  @Test
  void shouldCountSupportRequestsOnlyWithoutACompetitor() {
    String post = "@globex my internet is down again, third time this week";

    assertThat(SCORER.score(post).reasons())
        .containsExactly("support request: \"my internet\"", "support request: \"down again\"");
    assertThat(SCORER.score(post).lead()).isFalse();
    assertThat(SCORER.score(post, true).reasons())
        .containsExactly("competitor complaint: \"is down\"");
    assertThat(SCORER.score(post, true).score()).isCloseTo(1 - Math.exp(-0.7), within(1e-12));
  }

  @Test
  void shouldCountSecondPersonOnlyInQuestions() {
    assertThat(SCORER.score("you rock").reasons()).isEmpty();
    assertThat(SCORER.score("can you help?").reasons())
        .containsExactly("question to the brand: \"you\"");
    assertThat(SCORER.score("you rock. can they help?").reasons()).isEmpty();
  }

  @Test
  void shouldNotReadTheYouOfAQuestionPutToAnyoneAsAQuestionToTheBrand() {
    assertThat(SCORER.score("anyone know if you need a visa for Peru?").lead()).isFalse();
    assertThat(SCORER.score("does anyone know where you park at the stadium?").reasons())
        .containsExactly("purchase intent: \"anyone know\"");
    assertThat(SCORER.score("anyone know where you can get a flu shot?").lead()).isFalse();
    // a purchase or a product asked about still is a lead
    assertThat(SCORER.score("anyone know where I can buy X?").reasons())
        .containsExactly(
            "purchase intent: \"anyone know\"", "purchase intent: \"where i can buy\"");
    assertThat(SCORER.score("anyone know where I can buy X?").lead()).isTrue();
    assertThat(SCORER.score("anyone know where you can buy a Switch?").lead()).isTrue();
    assertThat(SCORER.score("does anyone know a good laptop you'd recommend?").lead()).isTrue();
    // and "where you can buy" tells a buyer only in a question
    assertThat(SCORER.score("here's where you can buy the PS5").reasons()).isEmpty();
    // "you guys", "y'all" are the brand whoever else is asked
    assertThat(SCORER.score("Does anyone know if you guys ship to Canada?").reasons())
        .containsExactly("purchase intent: \"anyone know\"", "question to the brand: \"you guys\"");
    assertThat(SCORER.score("Does anyone know if you guys ship to Canada?").lead()).isTrue();
    assertThat(SCORER.score("anyone know if y'all deliver on sundays?").lead()).isTrue();
  }

  @Test
  void shouldCountBrandQuestionsOnlyInQuestionsToAHandle() {
    assertThat(SCORER.score("@acme is the blue one available?").reasons())
        .containsExactly("question to the brand: \"available\"");
    assertThat(SCORER.score("@acme is the blue one available?").score())
        .isCloseTo(1 - Math.exp(-0.75), within(1e-12));
    assertThat(SCORER.score("is the blue one available?").reasons()).isEmpty();
    assertThat(SCORER.score("@acme the blue one is available in Porto").reasons()).isEmpty();
  }

  @Test
  void shouldCountEachReasonOnceAtItsStrongestWeight() {
    // "do you have it" (0.75) and "you" (0.3) are both questions to the brand: 1 - exp(-0.75)
    LeadResult result = SCORER.score("@acme do you have it in red? and can you make it in blue?");

    assertThat(result.score()).isCloseTo(1 - Math.exp(-0.75), within(1e-12));
    assertThat(result.reasons())
        .containsExactly(
            "question to the brand: \"do you have it\"", "question to the brand: \"you\"");
  }

  @Test
  void shouldPreferAPhrasesConditionalLineToItsAlwaysLine() {
    assertThat(SCORER.score("Chase Sapphire vs Amex Gold for eating out?").score())
        .isCloseTo(1 - Math.exp(-0.7), within(1e-12));
    assertThat(SCORER.score("Chase Sapphire vs Amex Gold for eating out").score())
        .isCloseTo(1 - Math.exp(-0.4), within(1e-12));
    assertThat(SCORER.score("@figma do you offer discounts for nonprofits?").reasons())
        .containsExactly(
            "question to the brand: \"do you offer\"", "question to the brand: \"discounts\"");
    assertThat(SCORER.score("discounts for nonprofits this week!").reasons())
        .containsExactly("seller or ad: \"discounts\"");
  }

  @Test
  void shouldTurnIntentAfterANegationIntoNegatedIntent() {
    assertThat(SCORER.score("I'm not thinking of getting one").reasons())
        .containsExactly("negated intent: \"not thinking of getting\"");
    assertThat(SCORER.score("never really planning to buy it").reasons())
        .containsExactly("negated intent: \"never ... planning to buy\"");
    assertThat(SCORER.score("never really planning to buy it").score()).isZero();
  }

  @Test
  void shouldNotCarryANegationIntoTheNextSentence() {
    assertThat(SCORER.score("Not bad! Thinking of getting one").reasons())
        .containsExactly("purchase intent: \"thinking of getting\"");
    assertThat(SCORER.score("My phone isn't working. Any recommendations for a new one?").lead())
        .isTrue();
    assertThat(SCORER.score("It didn't last\nthinking of getting a new one").lead()).isTrue();
    assertThat(SCORER.score("Não aguento mais. Quero comprar um notebook novo").lead()).isTrue();
    assertThat(SCORER.score("No. Should I buy the pixel?").lead()).isTrue();
    assertThat(SCORER.score("I'm not thinking of getting one. Ever.").lead()).isFalse();
  }

  @Test
  void shouldFindAQuestionWithAWordOrTwoBetweenWhichAndToBuy() {
    assertThat(SCORER.score("which laptop to buy?").reasons())
        .containsExactly("purchase intent: \"which * to buy\"");
    assertThat(SCORER.score("which laptop to buy?").lead()).isTrue();
    assertThat(SCORER.score("Which gaming laptop should I get?").lead()).isTrue();
    assertThat(SCORER.score("what phone should i buy?").lead()).isTrue();
    assertThat(SCORER.score("qual notebook comprar?").lead()).isTrue();
    assertThat(SCORER.score("¿cuál celular es mejor?").lead()).isTrue();
    // only inside a question, and never as the post's third party talking
    assertThat(SCORER.score("my mom keeps asking me which phone to buy").lead()).isFalse();
    assertThat(SCORER.score("what time to get there?").lead()).isFalse();
  }

  @Test
  void shouldNotLetANegatedIntentCancelALeadSignalOfAnotherSentence() {
    LeadResult switching =
        SCORER.score("I'm not buying an iPhone again. Can anyone recommend a good Android phone?");
    assertThat(switching.reasons())
        .containsExactly("recommendation request: \"can anyone recommend\"");
    assertThat(switching.lead()).isTrue();
    assertThat(SCORER.score("Would never buy from Dell again. Any laptop recommendations?").lead())
        .isTrue();
    // in its own sentence the negation still wins
    assertThat(SCORER.score("I'm not buying the hype, is the Pixel worth it?").lead()).isFalse();
    assertThat(
            SCORER.score("Not buying an iPhone. Not thinking of getting a Pixel either.").score())
        .isZero();
  }

  @Test
  void shouldScoreALongPostOfOneSentenceInTime() {
    // a line of the leads command, up to a million characters, here one sentence: each signal
    // looked back to the start of its sentence, and each intent through all the signals for a
    // negated intent of its sentence, 4.5 s a post; tens of milliseconds now
    String intents = "looking for a new laptop ".repeat(40_000);
    String negated = intents + "not thinking of getting one";
    assertTimeoutPreemptively(
        Duration.ofSeconds(3),
        () -> {
          assertThat(SCORER.score(intents).lead()).isTrue();
          assertThat(SCORER.score(negated).reasons())
              .containsExactly(
                  "purchase intent: \"looking for a new\"",
                  "negated intent: \"not thinking of getting\"");
        });
  }

  @Test
  void shouldDecodeHtmlCharacterReferencesAsSentimentAndMatchingDo() {
    // some sources send the apostrophe as &#39;: "don", "39", "t" held no negation
    assertThat(SCORER.score("I don&#39;t need a new phone").reasons())
        .containsExactly("negated intent: \"don't need a new\"");
    assertThat(SCORER.score("I don&#39;t need a new phone").lead()).isFalse();
    assertThat(SCORER.score("Which laptop to buy&#63;").lead()).isTrue();
  }

  @Test
  void shouldNotReadPortugueseNoInTheAsANegation() {
    assertThat(SCORER.score("Moro no Rio, alguém indica uma operadora boa?").reasons())
        .containsExactly("recommendation request: \"alguem indica\"");
    assertThat(SCORER.score("no natal quero comprar um iphone").lead()).isTrue();
    assertThat(SCORER.score("Tô no trabalho pensando em comprar um carro").lead()).isTrue();
    assertThat(SCORER.score("no quiero comprar otro iphone").reasons())
        .containsExactly("negated intent: \"no quiero comprar\"");
    assertThat(SCORER.score("no lo voy a comprar").reasons())
        .containsExactly("negated intent: \"no ... voy a comprar\"");
    assertThat(SCORER.score("no need to buy a new one").lead()).isFalse();
  }

  @Test
  void shouldReadAnInterjectionNoAsALamentNotANegation() {
    // "no" followed by a pause or by "I": a fan who cannot have the thing, a weak lead at most
    LeadResult lament = SCORER.score("Nooooo I need this so bad");
    assertThat(lament.reasons())
        .containsExactly("purchase intent: \"i need this\" after \"no\"", "desire: \"so bad\"");
    assertThat(lament.score()).isCloseTo(1 - Math.exp(-0.7), within(1e-12));
    assertThat(lament.lead()).isTrue();
    assertThat(SCORER.score("Nooo, I need this").score())
        .isCloseTo(1 - Math.exp(-0.4), within(1e-12));
    assertThat(SCORER.score("Nooo 😭 I need this, where can I buy it?").lead()).isTrue();
    // a negation after it still negates, and "no" before the verb still does
    assertThat(SCORER.score("no, I don't need another phone").lead()).isFalse();
    assertThat(SCORER.score("No, I don't need a new phone").reasons())
        .containsExactly("negated intent: \"don't need a new\"");
    assertThat(SCORER.score("no need to buy a new one").lead()).isFalse();
  }

  @Test
  void shouldKeepIntentWhenDoubtComesBetweenNegationAndPhrase() {
    LeadResult result = SCORER.score("not sure if i should buy the s24");

    assertThat(result.reasons()).containsExactly("purchase intent: \"if i should buy\"");
    assertThat(result.lead()).isTrue();
  }

  @Test
  void shouldReadThePunctuationAfterALinkAsTheEndOfItsSentence() {
    // a host written without a scheme is a link, but the ? or . after it is not part of it
    assertThat(SCORER.score("Which laptop to buy at bestbuy.com?").reasons())
        .containsExactly("purchase intent: \"which * to buy\"");
    assertThat(SCORER.score("Which laptop to buy at bestbuy.com?").lead()).isTrue();
    assertThat(SCORER.score("Which laptop to buy at https://bestbuy.com/laptops?").lead()).isTrue();
    assertThat(
            SCORER
                .score(
                    "I'm not thinking of getting one from dell.com. Can anyone recommend a good"
                        + " laptop?")
                .lead())
        .isTrue();
  }

  @Test
  void shouldTakeAPriceWithALinkForASellerAndWithoutOneForABudget() {
    assertThat(SCORER.score("need a new laptop, max $900").reasons())
        .containsExactly("purchase intent: \"need a new\"", "budget: price");
    assertThat(SCORER.score("need a new laptop, max $900").score())
        .isCloseTo(1 - Math.exp(-1.1), within(1e-12));
    assertThat(SCORER.score("need a new laptop? $900 https://shop.example.com").reasons())
        .containsExactly("purchase intent: \"need a new\"", "seller or ad: price and link");
    assertThat(SCORER.score("need a new laptop? $900 https://shop.example.com").score()).isZero();
    assertThat(SCORER.score("Is the $899 MacBook on amazon.com worth it? Should I buy it?").lead())
        .isTrue();
    assertThat(SCORER.score("need a new laptop? $900 at shop.example.com/deal").reasons())
        .containsExactly("purchase intent: \"need a new\"", "seller or ad: price and link");
  }

  @Test
  void shouldCountOrOnlyInAShortOpeningQuestionAtFullWeight() {
    assertThat(SCORER.score("Kindle or Kobo? I read a lot").score())
        .isCloseTo(1 - Math.exp(-0.75), within(1e-12));
    assertThat(
            SCORER
                .score("I read a lot. Kindle or Kobo or something else for my long commute?")
                .score())
        .isCloseTo(1 - Math.exp(-0.35), within(1e-12));
    assertThat(SCORER.score("Kindle or Kobo, I read a lot").reasons()).isEmpty();
  }

  @Test
  void shouldReadAChoiceBetweenTwoOptionsAsAComparisonOnlyWhenItNamesAProduct() {
    for (String post :
        List.of(
            "Tea or coffee?",
            "Beach or mountains this weekend?",
            "Pizza or tacos tonight?",
            "Beach or the mountains this weekend?",
            "TEA OR COFFEE?",
            "2 or 3 nights in Lisbon?",
            "Stay 2 or 3 nights?",
            "Should I do 3 or 4 sets today?",
            "Bring 1 or 2 kids?")) {
      assertThat(SCORER.score(post).lead()).as(post).isFalse();
    }
    assertThat(SCORER.score("Tea or coffee?").score())
        .isCloseTo(1 - Math.exp(-0.35), within(1e-12));
    // a model number, a name capitalised inside the question, a buying word
    for (String post :
        List.of(
            "Pixel 8 or 9?",
            "Forerunner 265 or 965?",
            "Pixel 8 or 9 for my dad?",
            "iPhone or Galaxy, which should I get?",
            "Acme X2 or Globex Z for a beginner?",
            "Slack or Teams for a small team?",
            "M3 Air or the Pro?")) {
      assertThat(SCORER.score(post).lead()).as(post).isTrue();
    }
    // a word of a brand rule the post matched, wherever the rule found it
    assertThat(SCORER.score("kindle or kobo?").lead()).isFalse();
    assertThat(SCORER.score("kindle or kobo?", false, List.of(List.of("kobo"))).lead()).isTrue();
    assertThat(SCORER.score("#kindle or kobo?", false, List.of(List.of("kindle*"))).reasons())
        .containsExactly("comparison: \"or\"");
    assertThat(SCORER.score("#kindle or kobo?", false, List.of(List.of("kindle*"))).score())
        .isCloseTo(1 - Math.exp(-0.75), within(1e-12));
    assertThat(SCORER.score("tea or coffee?", false, List.of(List.of("kobo"))).lead()).isFalse();
  }

  @Test
  void shouldLetAZeroWeightPhraseHideTheIntentInsideIt() {
    assertThat(SCORER.score("looking for a new job in Lisbon").reasons()).isEmpty();
    assertThat(SCORER.score("looking for a new laptop in Lisbon").reasons())
        .containsExactly("purchase intent: \"looking for a new\"");
  }

  @Test
  void shouldReadASpanishQuestionAskingWhetherAnyoneRecommendsIt() {
    assertThat(SCORER.score("¿Alguien lo recomienda?").reasons())
        .containsExactly("recommendation request: \"recomienda\"");
    assertThat(SCORER.score("¿Alguien lo recomienda?").lead()).isTrue();
    assertThat(SCORER.score("Mi hermana lo recomienda.").reasons()).isEmpty();
  }

  @Test
  void shouldReadTheFirstWordOfAQuestionOnItsOwnLineAsPartOfIt() {
    assertThat(SCORER.score("Hi everyone\nrecommendations?").reasons())
        .containsExactly("recommendation request: \"recommendations\"");
    assertThat(SCORER.score("Hola a todos\n¿recomiendan el pixel?").reasons())
        .containsExactly("recommendation request: \"recomiendan\"");
    assertThat(SCORER.score("¿Qué tal\nbest laptop ever").reasons()).isEmpty();
  }

  @Test
  void shouldReadQueMeRecomiendanAsTheRecommendationRequestItHolds() {
    assertThat(SCORER.score("¿Qué me recomiendan para editar video?").reasons())
        .containsExactly("recommendation request: \"me recomiendan\"");
    assertThat(SCORER.score("¿Qué me recomiendan para editar video?").lead()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commonRequests")
  void shouldReadCommonRequestsForAProductAsLeads(String post, String reason) {
    LeadResult result = SCORER.score(post);

    assertThat(result.reasons()).contains(reason);
    assertThat(result.lead()).isTrue();
  }

  static List<Arguments> commonRequests() {
    return List.of(
        Arguments.of(
            "switching from Hubspot, what should I use?",
            "recommendation request: \"what should i use\""),
        Arguments.of(
            "what's everyone using for password management?",
            "recommendation request: \"what's everyone using\""),
        Arguments.of(
            "Looking for alternatives to Notion",
            "recommendation request: \"looking for alternatives\""),
        Arguments.of("Is there a better alternative to Slack?", "comparison: \"alternative to\""),
        Arguments.of(
            "Looking for a replacement for my old router",
            "recommendation request: \"looking for a replacement\""),
        Arguments.of("indicações de notebook?", "recommendation request: \"indicacoes de\""),
        Arguments.of(
            "procuro um celular bom e barato, sugestões?", "recommendation request: \"sugestoes\""),
        Arguments.of(
            "Estou procurando um notebook bom", "purchase intent: \"estou procurando um\""),
        Arguments.of(
            "busco recomendaciones de auriculares",
            "recommendation request: \"recomendaciones de\""),
        Arguments.of(
            "Necesito un celular nuevo, ¿sugerencias?", "recommendation request: \"sugerencias\""),
        Arguments.of("no sé qué comprar?", "purchase intent: \"que comprar\""),
        Arguments.of("just added these to my cart", "purchase intent: \"added these to my cart\""),
        Arguments.of(
            "the x2 is definitely my next purchase", "purchase intent: \"my next purchase\""),
        Arguments.of("I would buy this in a heartbeat", "purchase intent: \"i would buy this\""),
        Arguments.of("ordering it tomorrow!", "purchase intent: \"ordering it tomorrow\""),
        Arguments.of("Can I order this online?", "purchase intent: \"can i order this\""),
        Arguments.of("I have to have these", "purchase intent: \"i have to have these\""),
        Arguments.of("gotta get me one", "purchase intent: \"gotta get me one\""),
        Arguments.of(
            "is this available in size 8?", "purchase intent: \"is this available in size\""),
        Arguments.of(
            "are these back in stock yet?", "purchase intent: \"are these back in stock\""));
  }

  @Test
  void shouldNotReadTheCapitalsOfAShoutOrADayOrATimeAsAProductInAChoice() {
    // capitals say nothing in a sentence written all in capitals, whatever the rest of the post
    for (String post :
        List.of(
            "TEA OR COFFEE? #mondaymood",
            "SHOULD I GO OR STAY? lol",
            "KINDLE OR KOBO? i read a lot",
            "Is the game on Sunday or Monday?",
            "Should I go Friday or Saturday?",
            "Meet at 5pm or 6pm?",
            "Take the 1st or 2nd train?",
            "80s or 90s music?")) {
      assertThat(SCORER.score(post).score()).as(post).isCloseTo(1 - Math.exp(-0.35), within(1e-12));
    }
    for (String post :
        List.of("PS5 OR XBOX? lol", "iPhone 6s or 7?", "41mm or 45mm?", "Galaxy or iPhone? HELP")) {
      assertThat(SCORER.score(post).score()).as(post).isCloseTo(1 - Math.exp(-0.75), within(1e-12));
    }
  }

  @Test
  void shouldLookUpTheBrandRulesWordsOnlyWhenNoWordNamesAProductByItself() {
    NormalizedPost numbered = NormalizedPost.of("pixel 8 or 9?");
    int or = "pixel 8 ".length();
    assertThat(
            LeadSignal.namesProduct(
                numbered,
                or,
                or + 2,
                word -> {
                  throw new AssertionError("looked up " + word);
                }))
        .isTrue();
    NormalizedPost plain = NormalizedPost.of("kindle or kobo?");
    assertThat(LeadSignal.namesProduct(plain, 7, 9, "kobo"::equals)).isTrue();
    assertThat(LeadSignal.namesProduct(plain, 7, 9, "kobo "::equals)).isFalse();
  }

  @Test
  void shouldNotReadAChoiceBetweenDigitsOrGrabbingFoodAsALead() {
    assertThat(SCORER.score("is acmeair terminal 1 or 2 at yyz? signs are confusing").reasons())
        .isEmpty();
    assertThat(SCORER.score("does acme air serve food or should i grab something at sea").lead())
        .isFalse();
    // model numbers and products stay comparisons and intent
    assertThat(SCORER.score("Garmin Forerunner 265 or 965?").reasons())
        .containsExactly("comparison: \"or\"");
    assertThat(SCORER.score("Pixel 8 or 9?").reasons()).containsExactly("comparison: \"or\"");
    assertThat(SCORER.score("should i grab the new kindle?").lead()).isTrue();
  }

  @Test
  void shouldReadStretchedWordsAsTheWordsOfThePhrases() {
    assertThat(SCORER.score("I neeeed this").reasons())
        .containsExactly("purchase intent: \"i need this\"");
    assertThat(SCORER.score("I need this sooooo baaaad").reasons())
        .containsExactly("purchase intent: \"i need this\"", "desire: \"so bad\"");
    assertThat(SCORER.score("Looooking for a good laptop").lead()).isTrue();
    assertThat(SCORER.score("I doooon't need a new phone").lead()).isFalse();
    // a www. link keeps its three w: the post is still a seller's
    assertThat(
            SCORER.score("Looking for a new phone? iPhone 15 only $899 at www.shop.com").reasons())
        .contains("seller or ad: price and link");
    assertThat(SCORER.score("anyone know if ACME AIR leeeeets you bring a guitar?").lead())
        .isFalse();
  }

  @Test
  void shouldReadADemonstrativeBeforeANounAsAWeakIntent() {
    // "this" before a noun names the thing, which may be a coffee in hand or a weekend
    assertThat(SCORER.score("I need this coffee so bad").lead()).isFalse();
    assertThat(SCORER.score("I need this weekend so bad").lead()).isFalse();
    assertThat(SCORER.score("need this weekend so bad").lead()).isFalse();
    assertThat(SCORER.score("I need this coffee so bad").score())
        .isCloseTo(1 - Math.exp(-0.65), within(1e-12));
    assertThat(SCORER.score("I don't need this coffee").reasons())
        .containsExactly("negated intent: \"don't need this\"");
    assertThat(SCORER.score("I need a nap").lead()).isFalse();
    // nor is a wish that something happens or stops
    assertThat(SCORER.score("I need this to end").lead()).isFalse();
    assertThat(SCORER.score("I need this to stop asap").lead()).isFalse();
    // standing alone it is the product shown
    for (String post :
        List.of(
            "I need this so bad",
            "I need this!",
            "I need this 😍",
            "I need this one",
            "I need these in black",
            "I need this, where is it from?",
            "I want this jacket, where is it from??",
            "I need a new laptop, any recommendations?",
            "need a new phone, which one should I get?")) {
      assertThat(SCORER.score(post).lead()).as(post).isTrue();
    }
  }

  @Test
  void shouldNotReadAPostOpeningWithWorthItAsAPurchaseQuestion() {
    // a post that opens with "Worth it?" asks about nothing named before it
    assertThat(SCORER.score("Worth it? the hike was brutal").lead()).isFalse();
    assertThat(SCORER.score("Worth it? the hike was brutal").score())
        .isCloseTo(1 - Math.exp(-0.4), within(1e-12));
    assertThat(SCORER.score("Worth the hype? the concert was amazing").lead()).isFalse();
    assertThat(SCORER.score("Is the Acme X2 worth it?").lead()).isTrue();
    assertThat(SCORER.score("worth upgrading from the X1?").lead()).isTrue();
    assertThat(SCORER.score("The Acme X2 is out. Worth it?").lead()).isTrue();
    assertThat(SCORER.score("Thinking of moving to Apple Music, worth it?").lead()).isTrue();
  }

  @Test
  void shouldReadWorthItOpeningAPostAsAPurchaseQuestionWhenWordsFollowIt() {
    assertThat(SCORER.score("Worth it to upgrade to the iPhone 15?").lead()).isTrue();
    assertThat(SCORER.score("worth it for the price?").lead()).isTrue();
    // Portuguese and Spanish the same way, where the thing asked about often comes after
    for (String post :
        List.of(
            "Vale a pena? a trilha foi puxada",
            "¿Vale la pena? la caminata fue brutal",
            "Compensa? a trilha foi puxada")) {
      assertThat(SCORER.score(post).score()).as(post).isCloseTo(1 - Math.exp(-0.4), within(1e-12));
    }
    for (String post :
        List.of(
            "Vale a pena o Kindle?",
            "¿Vale la pena el Kindle?",
            "O Kindle vale a pena?",
            "Compensa assinar o Prime?",
            "acho que vale a pena comprar")) {
      assertThat(SCORER.score(post).lead()).as(post).isTrue();
    }
  }

  @Test
  void shouldReadADemonstrativeBeforeAPronounOfTheNextClauseAsStandingAlone() {
    for (String post :
        List.of(
            "I need this im obsessed", "I need this it's so cute", "I want these i'm in love")) {
      assertThat(SCORER.score(post).lead()).as(post).isTrue();
    }
    assertThat(SCORER.score("I need this coffee im exhausted").lead()).isFalse();
  }

  @Test
  void shouldNotReadEverydayUsesOfGetAsPurchases() {
    assertThat(SCORER.score("Should I get some sleep before the flight?").reasons()).isEmpty();
    assertThat(SCORER.score("Where can I get a flu shot?").reasons()).isEmpty();
    assertThat(SCORER.score("Going to get the kids from school").reasons()).isEmpty();
    assertThat(SCORER.score("Planning on getting married next year!").reasons()).isEmpty();
    assertThat(SCORER.score("where can i get the new kindle?").lead()).isTrue();
  }

  @Test
  void shouldNotReadTheImpersonalYouOfLetsYouAsAQuestionToTheBrand() {
    assertThat(SCORER.score("anyone know if acme air lets you bring a guitar as carry on?").lead())
        .isFalse();
    assertThat(SCORER.score("@acmeair do you allow pets in the cabin?").reasons())
        .contains("question to the brand: \"do you allow\"");
  }

  @Test
  void shouldKeepConditionalAndCartPhrasesOutOfNegationsAndOtherUses() {
    assertThat(SCORER.score("I wouldn't buy this").reasons())
        .containsExactly("negated intent: \"wouldn't buy\"");
    assertThat(SCORER.score("I would never buy this").reasons())
        .containsExactly("negated intent: \"would never buy\"");
    assertThat(SCORER.score("can i order this online").lead()).isFalse();
    assertThat(SCORER.score("pushed the cart around the store all day").reasons()).isEmpty();
    assertThat(SCORER.score("is it available on netflix?").reasons()).isEmpty();
    assertThat(SCORER.score("Is it available in English? The manual is only in German").lead())
        .isFalse();
    assertThat(SCORER.score("Are they available in the afternoon for a quick call?").lead())
        .isFalse();
    assertThat(SCORER.score("Is this available in dark mode?").lead()).isFalse();
    assertThat(SCORER.score("this is available in size 8").lead()).isFalse();
    assertThat(SCORER.score("The yuan was added to the basket of reserve currencies").lead())
        .isFalse();
    assertThat(SCORER.score("I regret buying it today").lead()).isFalse();
    assertThat(SCORER.score("added it to my basket, checking out tonight").lead()).isTrue();
  }

  @Test
  void shouldNotReadOtherPeoplesConditionalsOrRequirementsAsTheAuthorsIntent() {
    // "would buy" and "have to have" need the author as their subject
    assertThat(SCORER.score("Who would buy this garbage?").lead()).isFalse();
    assertThat(SCORER.score("Musk said he would buy it for $44bn").lead()).isFalse();
    assertThat(SCORER.score("Dealers said they would buy them back at half price").lead())
        .isFalse();
    assertThat(SCORER.score("You have to have it plugged in all the time").lead()).isFalse();
    assertThat(SCORER.score("why do you have to have them installed to log in").lead()).isFalse();
    assertThat(SCORER.score("I have to have it charging overnight or it dies by noon").lead())
        .isFalse();
    // a review of something bought already
    assertThat(SCORER.score("Great headphones, I would buy them again").lead()).isFalse();
    assertThat(SCORER.score("I would buy this in a heartbeat").lead()).isTrue();
    assertThat(SCORER.score("I have to have these").lead()).isTrue();
  }

  @Test
  void shouldNotReadJobSearchesOrOffersToSellAsLeads() {
    assertThat(SCORER.score("Estou procurando um emprego em Lisboa").reasons()).isEmpty();
    assertThat(SCORER.score("estoy buscando un trabajo").reasons()).isEmpty();
    assertThat(SCORER.score("anyone want to buy my old iphone?").reasons()).isEmpty();
    assertThat(SCORER.score("alguém quer comprar meu notebook?").reasons()).isEmpty();
  }

  @Test
  void shouldMatchWholeWordsOnly() {
    assertThat(SCORER.score("the versus-less canvas").reasons())
        .containsExactly("comparison: \"versus\"");
    assertThat(SCORER.score("this is a winning design").reasons()).isEmpty();
  }

  @Test
  void shouldMatchIgnoringCaseAccentsAndCurlyApostrophes() {
    assertThat(SCORER.score("WHAT’S THE BEST router?").reasons())
        .containsExactly("recommendation request: \"what's the best\"");
    assertThat(SCORER.score("Alguém recomenda?").reasons())
        .containsExactly("recommendation request: \"alguem recomenda\"");
  }

  @Test
  void shouldMatchDecomposedAccentsAsComposedOnes() {
    String decomposed = Normalizer.normalize("Não vale a pena", Normalizer.Form.NFD);
    assertThat(SCORER.score(decomposed)).isEqualTo(SCORER.score("Não vale a pena"));
    String request = Normalizer.normalize("Indicações de notebook?", Normalizer.Form.NFD);
    assertThat(SCORER.score(request).reasons())
        .containsExactly("recommendation request: \"indicacoes de\"");
  }

  @Test
  void shouldExpandAlternativesOfASignalPhrase() {
    assertThat(LeadScorer.expand("{i |}{need|want} a new", "test: "))
        .containsExactly("i need a new", "i want a new", "need a new", "want a new");
    assertThatThrownBy(() -> LeadScorer.expand("{need|want a new", "x line 3: "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("x line 3: unclosed '{'");
  }

  @Test
  void shouldApplyAnotherThreshold() {
    LeadScorer strict = SCORER.withThreshold(0.6);

    assertThat(strict.threshold()).isEqualTo(0.6);
    assertThat(SCORER.threshold()).isEqualTo(0.5);
    assertThat(strict.score("Should I buy the S25?").lead()).isFalse();
    assertThat(SCORER.score("Should I buy the S25?").lead()).isTrue();
  }

  @Test
  void shouldRejectThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> SCORER.withThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead threshold must be in 0..1, got 1.5");
    assertThatThrownBy(() -> SCORER.withThreshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldScoreEmptyTextAsNoLead() {
    assertThat(SCORER.score("")).isEqualTo(new LeadResult(0.0, false, List.of()));
    assertThat(SCORER.score(null)).isEqualTo(new LeadResult(0.0, false, List.of()));
  }
}
