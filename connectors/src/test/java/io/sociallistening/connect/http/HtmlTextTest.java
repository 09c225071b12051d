package io.sociallistening.connect.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void shouldDropTagsAndTurnLineBreaksIntoSpaces() {
    assertThat(HtmlText.plain("<p>Hello <b>world</b></p><p>again<br/>and<br>again</p>"))
        .isEqualTo("Hello world again and again");
  }

  @Test
  void shouldDecodeNamedAndNumericEntities() {
    assertThat(
            HtmlText.plain("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F600; caf&eacute;"))
        .isEqualTo("a & b <c> \"d\" 'e' \uD83D\uDE00 caf\u00e9");
    assertThat(HtmlText.plain("x&nbsp;y &hellip;")).isEqualTo("x y \u2026");
  }

  @Test
  void shouldKeepALoneLessThanAndAmpersandAsText() {
    assertThat(HtmlText.plain("1 < 2 & 3 > 2")).isEqualTo("1 < 2 & 3 > 2");
  }

  @Test
  void shouldDropScriptAndStyleContentAndQuotedAngleBrackets() {
    assertThat(
            HtmlText.plain(
                "<style>p{color:red}</style><a title=\"a > b\" href='x'>link</a><script>alert(1)</script> end"))
        .isEqualTo("link end");
  }

  @Test
  void shouldCollapseWhitespaceAndStrip() {
    assertThat(HtmlText.plain("  <div>\n  one\t\ttwo </div>  ")).isEqualTo("one two");
    assertThat(HtmlText.plain(null)).isNull();
    assertThat(HtmlText.plain("<p></p>")).isEmpty();
  }

  @Test
  void shouldDecodeTheReferencesOfPlainTextButKeepItsAngleBrackets() {
    assertThat(HtmlText.unescaped("  Why <div>\n\tbeats  &lt;span&gt; &amp;#8217; caf&eacute; "))
        .isEqualTo("Why <div> beats <span> &#8217; caf\u00e9");
    assertThat(HtmlText.unescaped("It&#8217;s 1 < 2 & 3")).isEqualTo("It\u2019s 1 < 2 & 3");
    assertThat(HtmlText.unescaped(null)).isNull();
    assertThat(HtmlText.unescaped(" \n ")).isEmpty();
  }
}
