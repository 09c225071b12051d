package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Platform;
import org.junit.jupiter.api.Test;

class MentionKeyTest {

  @Test
  void shouldJoinLowerCasePlatformAndId() {
    assertThat(MentionKey.of(Fixtures.full().build())).isEqualTo("bluesky:3kabc");
    assertThat(MentionKey.of(Platform.HACKER_NEWS, "42")).isEqualTo("hacker_news:42");
  }
}
