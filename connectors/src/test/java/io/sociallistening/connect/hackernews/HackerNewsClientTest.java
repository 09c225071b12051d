package io.sociallistening.connect.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sociallistening.avro.Mention;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HackerNewsClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FETCHED = Instant.parse("2026-01-05T10:00:00Z");

  /**
   * Algolia's {@code title} of a story is plain text as submitted; only {@code story_text} and
   * {@code comment_text} are HTML. A link-only story's title is also the text matched and scored.
   */
  @Test
  void shouldKeepAngleBracketsOfAPlainTextStoryTitle() throws Exception {
    String hit =
        "{\"objectID\":\"1\",\"author\":\"u\",\"title\":\" The <dialog> element is underrated \","
            + "\"created_at_i\":1767604000,\"_tags\":[\"story\"]}";

    Mention m = HackerNewsClient.mention(JSON.readTree(hit), "dialog", FETCHED);

    assertThat(m.getTitle()).isEqualTo("The <dialog> element is underrated");
    assertThat(m.getText()).isEqualTo("The <dialog> element is underrated");
  }

  @Test
  void shouldStripTheHtmlOfTheStoryTextButNotOfTheTitle() throws Exception {
    String hit =
        "{\"objectID\":\"2\",\"author\":\"u\",\"title\":\"Ask HN: <template> or <slot>?\","
            + "\"story_text\":\"Which do you use &amp; why?<p>Thanks\","
            + "\"created_at_i\":1767604000,\"_tags\":[\"story\"]}";

    Mention m = HackerNewsClient.mention(JSON.readTree(hit), "template", FETCHED);

    assertThat(m.getTitle()).isEqualTo("Ask HN: <template> or <slot>?");
    assertThat(m.getText()).isEqualTo("Which do you use & why? Thanks");
  }
}
