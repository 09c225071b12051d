package io.sociallistening.topology.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

  @Test
  void shouldDecodeTheCommonNamedEntities() {
    assertThat(HtmlEntities.decode("a &lt;3 b &gt;:[ c &amp;d &quot;e&quot; &apos;f&apos;"))
        .isEqualTo("a <3 b >:[ c &d \"e\" 'f'");
    assertThat(
            HtmlEntities.decode(
                "a&nbsp;b &lsquo;c&rsquo; &ldquo;d&rdquo; e&ndash;f&mdash;g&hellip;"))
        .isEqualTo("a\u00A0b \u2018c\u2019 \u201Cd\u201D e\u2013f\u2014g\u2026");
  }

  @Test
  void shouldDecodeNumericEntities() {
    assertThat(HtmlEntities.decode("don&#39;t &#x27;x&#X27; &#x1F600; &#128512; &#0065;"))
        .isEqualTo("don't 'x' \uD83D\uDE00 \uD83D\uDE00 A");
    assertThat(HtmlEntities.decode("&#x10FFFF;"))
        .isEqualTo(new String(Character.toChars(0x10FFFF)));
  }

  @Test
  void shouldLeaveAnythingButAWellFormedEntityAsItIs() {
    String[] kept = {
      "AT&T",
      "salt & pepper",
      "&",
      "&;",
      "a&b;",
      "&amp",
      "&AMP;",
      "&foo;",
      "&#;",
      "&#x;",
      "&#12a;",
      "&#xZZ;",
      "&#0;",
      "&#xD800;",
      "&#x110000;",
      "&#99999999999;",
      "&#x00000000041;",
      "&#١٢;",
      "& amp;"
    };
    for (String text : kept) {
      assertThat(HtmlEntities.decode(text)).as(text).isSameAs(text);
    }
    assertThat(HtmlEntities.decode("&&amp;&")).isEqualTo("&&&");
    assertThat(HtmlEntities.decode("AT&T &amp; H&M")).isEqualTo("AT&T & H&M");
  }

  @Test
  void shouldDecodeInOnePass() {
    assertThat(HtmlEntities.decode("&amp;lt; &amp;amp;")).isEqualTo("&lt; &amp;");
  }
}
