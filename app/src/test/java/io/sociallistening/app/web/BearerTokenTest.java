package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {
  private final BearerToken token = new BearerToken(Optional.of("s3cret"));

  @Test
  void shouldAcceptTheTokenAsBearerHeaderOrAccessTokenParameter() {
    assertThat(token.accepts("Bearer s3cret", null)).isTrue();
    assertThat(token.accepts("bearer s3cret", null)).isTrue();
    assertThat(token.accepts(null, "s3cret")).isTrue();
  }

  @Test
  void shouldRefuseMissingWrongOrPrefixTokens() {
    assertThat(token.accepts(null, null)).isFalse();
    assertThat(token.accepts("Bearer s3cre", null)).isFalse();
    assertThat(token.accepts("Bearer s3cret2", null)).isFalse();
    assertThat(token.accepts("Basic czNjcmV0", null)).isFalse();
    assertThat(token.accepts("Bearer wrong", "s3cret")).as("the header wins").isFalse();
  }

  @Test
  void shouldLetEverythingPassWithoutAConfiguredToken() {
    assertThat(new BearerToken(Optional.empty()).accepts(null, null)).isTrue();
  }
}
