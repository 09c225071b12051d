package io.sociallistening.connect.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void shouldDropTagsAndTurnLineBreaksIntoSpaces() {
    assertThat(HtmlText.strip("<p>Hello <b>world</b></p><p>again<br/>and<br>again</p>"))
        .isEqualTo("Hello world again and again");
  }

  @Test
  void shouldDecodeNamedAndNumericEntities() {
    assertThat(
            HtmlText.strip("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F600; caf&eacute;"))
        .isEqualTo("a & b <c> \"d\" 'e' \uD83D\uDE00 caf&eacute;");
    assertThat(HtmlText.strip("x&nbsp;y &hellip;")).isEqualTo("x y \u2026");
  }

  @Test
  void shouldKeepALoneLessThanAndAmpersandAsText() {
    assertThat(HtmlText.strip("1 < 2 & 3 > 2")).isEqualTo("1 < 2 & 3 > 2");
  }

  @Test
  void shouldDropScriptAndStyleContentAndQuotedAngleBrackets() {
    assertThat(
            HtmlText.strip(
                "<style>p{color:red}</style><a title=\"a > b\" href='x'>link</a><script>alert(1)</script> end"))
        .isEqualTo("link end");
  }

  @Test
  void shouldCollapseWhitespaceAndStrip() {
    assertThat(HtmlText.strip("  <div>\n  one\t\ttwo </div>  ")).isEqualTo("one two");
    assertThat(HtmlText.strip(null)).isEmpty();
    assertThat(HtmlText.strip("<p></p>")).isEmpty();
  }
}
