package io.sociallistening.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The configured bearer token, if any, and the check of a request's credentials against it. The
 * comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time
 * wherever the first difference lies and whatever the length of the offered token.
 */
final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private final Optional<String> value;
  private final byte[] digest;

  BearerToken(Optional<String> value) {
    this.value = value;
    this.digest = value.map(BearerToken::sha256).orElse(null);
  }

  Optional<String> value() {
    return value;
  }

  /**
   * Whether a request with this {@code Authorization} header and {@code access_token} query
   * parameter (either may be null) may pass: always when no token is configured.
   */
  boolean accepts(String authorization, String accessToken) {
    if (digest == null) {
      return true;
    }
    String offered = null;
    if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      offered = authorization.substring(SCHEME.length()).strip();
    } else if (accessToken != null) {
      offered = accessToken;
    }
    return offered != null && MessageDigest.isEqual(digest, sha256(offered));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
