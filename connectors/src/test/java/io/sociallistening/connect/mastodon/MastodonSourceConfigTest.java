package io.sociallistening.connect.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MastodonSourceConfigTest {

  @Test
  void shouldReadHashtagsAndThePublicTimeline() {
    MastodonSourceConfig config =
        new MastodonSourceConfig(
            Map.of("mastodon.hashtags", "#AcmeAir, café", "mastodon.public.timeline", "LOCAL"));

    assertThat(config.hashtags()).containsExactly("AcmeAir", "café");
    assertThat(config.host()).isEqualTo("mastodon.social");
    assertThat(config.timelines())
        .extracting(MastodonTimeline::name)
        .containsExactly("#AcmeAir", "#café", "public:local");
    assertThat(config.timelines().get(1).page(40, null).toString())
        .isEqualTo("https://mastodon.social/api/v1/timelines/tag/caf%C3%A9?limit=40");
  }

  @Test
  void shouldReadAHashtagListedTwiceInAnyCaseOnce() {
    // each spelling was a timeline of its own: the same statuses fetched and emitted twice
    MastodonSourceConfig config =
        new MastodonSourceConfig(Map.of("mastodon.hashtags", "#AcmeAir, acmeair, #ACMEAIR, café"));

    assertThat(config.hashtags()).containsExactly("AcmeAir", "café");
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    assertThatThrownBy(() -> new MastodonSourceConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value  for configuration mastodon.hashtags: name at least one hashtag or set"
                + " mastodon.public.timeline");
    assertThatThrownBy(() -> new MastodonSourceConfig(Map.of("mastodon.hashtags", "acme air")))
        .hasMessage(
            "Invalid value acme air for configuration mastodon.hashtags: is not a hashtag"
                + " (letters, digits and '_' only)");
    assertThatThrownBy(
            () ->
                new MastodonSourceConfig(
                    Map.of("mastodon.hashtags", "a", "mastodon.public.timeline", "all")))
        .hasMessageContaining("mastodon.public.timeline");
    assertThatThrownBy(
            () -> new MastodonSourceConfig(Map.of("mastodon.hashtags", "a", "mastodon.url", "x")))
        .hasMessageContaining("mastodon.url");
  }
}
