package io.sociallistening.topology.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "HTTPS://Example.com/a",
        "www.example.org",
        "pic.twitter.com/AbCdEf",
        "bit.ly/HappyDay",
        "t.co/x1",
        "amazon.com/best-deals-ever",
        "(example.org/x)",
        "news.bbc.co.uk/sport",
        "localhost.dev:8080/x",
        "my-site.io/"
      })
  void shouldTakeForALink(String chunk) {
    int start = chunk.startsWith("(") ? 1 : 0;
    assertThat(Links.isLink(chunk, start, chunk.length())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "U.S.",
        "e.g.",
        "Ph.D",
        "good.it",
        "great.love",
        "hilarious...LMAO",
        "bad/terrible",
        "3.5/5",
        "v1.2/3",
        "amazon",
        ".com",
        "www.",
        "example.comx",
        "word.co",
        "café.com/x",
        "acme.unknowntld/x",
        "amazon.com",
        "bestbuy.com.",
        "msnbc.com:",
        "my-site.io"
      })
  void shouldKeepWordsJoinedByADotOrSlashForWords(String chunk) {
    assertThat(Links.isLink(chunk)).isFalse();
  }
}
