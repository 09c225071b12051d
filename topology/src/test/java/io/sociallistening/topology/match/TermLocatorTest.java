package io.sociallistening.topology.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.topology.text.HtmlEntities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermLocatorTest {

  @Test
  void shouldGiveTheWordsWhereTheMatcherFindsEachTermAsWritten() {
    assertThat(words("I love Acme-Air and l'Acme's app", "acme"))
        .containsExactly("Acme", "l'Acme's");
    assertThat(words("I love Acme-Air, acme air", "\"acme air\""))
        .containsExactly("Acme", "Air", "acme", "air");
    assertThat(words("#acme and @acme and acme", "#acme")).containsExactly("acme");
    assertThat(words("#acme and @acme and acme", "@acme")).containsExactly("acme");
    assertThat(words("I love C++17 and C# but not c", "c++")).containsExactly("C");
    assertThat(words("I love .NET and C#. Net", ".net")).containsExactly("NET");
    assertThat(words("ΕΛΛΑΔΑ and Café", "ελλάδα", "cafe*")).containsExactly("ΕΛΛΑΔΑ", "Café");
    assertThat(words("I love #LoveAcme", "#loveacme")).containsExactly("LoveAcme");
    // the words of AT&T, as of Acme-Air; "at t" written apart is not the term
    assertThat(words("AT&T and at t", "at&t")).containsExactly("AT", "T");
  }

  @Test
  void shouldGiveTheWordsOfASloppyPhraseInItsWindowOnly() {
    assertThat(
            words("new and improved balance, and then some other new shoes", "\"new balance\"~3"))
        .containsExactly("new", "balance");
    assertThat(words("new and improved balance", "\"new balance\"~1")).isEmpty();
  }

  @Test
  void shouldFindATermThatIsNoQueryAsItsWordsInARow() {
    assertThat(words("I love acme air, air acme", "acme air")).containsExactly("acme", "air");
    assertThat(words("I love acme", "acme (")).containsExactly("acme");
    assertThat(words("I love acme", "*")).isEmpty();
  }

  @Test
  void shouldNotDecodeTheTextAgain() {
    // the text as decoded once: "&lt;" stays two words where it is
    assertThat(words("acme &lt; globex", "acme", "globex")).containsExactly("acme", "globex");
    assertThat(TermLocator.locate("acme &lt; globex", List.of(List.of("globex")))[0])
        .containsExactly(10, 16);
  }

  @Test
  void shouldLocateEachBrandApart() {
    int[][] words =
        TermLocator.locate(
            "I love Acme but Globex is awful",
            List.of(List.of("acme"), List.of("globex"), List.of("initech"), List.of()));

    assertThat(words[0]).containsExactly(7, 11);
    assertThat(words[1]).containsExactly(16, 22);
    assertThat(words[2]).isEmpty();
    assertThat(words[3]).isEmpty();
  }

  private static final String[] QUERIES = {
    "acme",
    "\"acme air\" OR \u201Cacme air\u201D",
    "\"acme air\"~2",
    "acme NEAR/3 service",
    "acm* -anvil",
    "#acme OR @acme OR #loveacme",
    "c++ OR c# OR .net OR f#",
    "at&t OR h&m OR \"fish chips\"",
    "caf\u00E9 OR \u03B5\u03BB\u03BB\u03AC\u03B4\u03B1",
    "\u0E41\u0E2D\u0E1B\u0E40\u0E1B\u0E34\u0E49\u0E25 OR (\u0E44\u0E25\u0E19\u0E4C"
        + " -\u0E2D\u0E2D\u0E19\u0E44\u0E25\u0E19\u0E4C)",
    "\u4E2D\u56FD OR \u624B\u673A",
    "globex OR a\u00E7\u00E3o OR sooo",
  };

  private static final String[] POSTS = {
    "I love Acme's new app but Globex is awful",
    "acme air flew me, Acme-Air rocks, and l'Acme too; acme's service was great",
    "#Acme and @acme and #LoveAcme, mail bob@acme.com",
    "C++17, C#, F# and .NET devs: acme hires (c# c+++ wait...net)",
    "AT&amp;T and AT&T and at t; H&amp;M vs h m",
    "fish &amp; chips at Acme &lt;3 &#39;best&#39; &quot;acme air&quot; &#x201C;acme air&#x201D;",
    "&amp;lt; acme &amp;amp; globex &amp",
    "Caf\u00E9 \u0395\u039B\u039B\u0391\u0394\u0391 \u03B5\u03BB\u03BB\u03AC\u03B4\u03B1"
        + " cafe\u0301 acme",
    "\u0E09\u0E31\u0E19\u0E0A\u0E2D\u0E1A\u0E41\u0E2D\u0E1B\u0E40\u0E1B\u0E34\u0E49\u0E25"
        + "\u0E21\u0E32\u0E01 acme \u0E44\u0E25\u0E19\u0E4C",
    "\u4E2D\u56FD acme \u624B\u673A\u5F88\u597D #acme \u0395\u03BB\u03BB\u03AC\u03B4\u03B1"
        + " \u0E44\u0E25\u0E19\u0E4C",
    "Acme a\u00E7\u00E3o n\u00E3o \u00E9 boa, \u00A1pero globex s\u00ED!",
    "sooo acme \uD83D\uDC4D\uD83C\uDFFD acme\u2019s service \uD83D\uDD25",
    "see https://acme.com/acme @acme_support acme air",
    "nothing to see here",
  };

  @Test
  void shouldFindTheTermsOfAPostTheThreadHasJustMatchedInTheMatchersAnalysis() {
    List<Rule> rules = new ArrayList<>();
    List<List<String>> everyQuery = new ArrayList<>();
    for (int i = 0; i < QUERIES.length; i++) {
      rules.add(new Rule("r" + i, "b" + i, QUERIES[i]));
      everyQuery.add(List.of(QUERIES[i]));
    }
    RuleSet ruleSet =
        RuleSet.of(
            rules,
            (rule, e) -> {
              throw e;
            });
    // every term gets its dictionary id before the posts are analysed
    for (String post : POSTS) {
      TermLocator.locate(post, everyQuery);
    }
    int found = 0;
    for (String post : POSTS) {
      // the texts the enrichment passes: the social scorer's decoded one, and the text as it came
      for (String text : List.of(HtmlEntities.decode(post), post)) {
        List<List<String>> terms = new ArrayList<>();
        for (RuleMatch match : ruleSet.match(new MatchInput(post, "en", "BLUESKY", "bob", null))) {
          terms.add(match.matchedTerms());
        }
        terms.addAll(everyQuery);
        assertThat(AnalysedPost.ofThread().holdsDecoded(text))
            .as(text)
            .isEqualTo(text.equals(HtmlEntities.decode(post)));
        int[][] reused = TermLocator.locate(text, terms);
        AnalysedPost.ofThread().analyseDecoded("another post");
        int[][] fresh = TermLocator.locate(text, terms);
        assertThat(reused).as(text).isDeepEqualTo(fresh);
        for (int[] words : fresh) {
          found += words.length / 2;
        }
      }
    }
    assertThat(found).isGreaterThan(100);
  }

  @Test
  void shouldAnalyseAgainWhenATermWasAddedSinceTheMatch() {
    String text = "acme and qwzxjvkfoo";
    RuleSet ruleSet = RuleSet.empty().with(new Rule("r", "b", "acme"));
    assertThat(ruleSet.match(MatchInput.ofText(text))).hasSize(1);

    assertThat(TermLocator.locate(text, List.of(List.of("qwzxjvkfoo")))[0]).containsExactly(9, 19);
  }

  private static List<String> words(String text, String... terms) {
    int[] offsets = TermLocator.locate(text, List.of(List.of(terms)))[0];
    List<String> words = new ArrayList<>();
    for (int k = 0; k < offsets.length; k += 2) {
      words.add(text.substring(offsets[k], offsets[k + 1]));
    }
    return words;
  }
}
