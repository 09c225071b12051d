package io.sociallistening.connect.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonApiTest {
  private final JsonApi api =
      new JsonApi(
          new HttpSettings(
              "test", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
          () -> Instant.parse("2026-01-05T10:00:00Z").toEpochMilli());

  @Test
  void shouldReadRetryAfterAsSecondsOrAnHttpDate() {
    assertThat(api.retryAfter(" 120 ")).isEqualTo(Duration.ofSeconds(120));
    assertThat(api.retryAfter("Mon, 05 Jan 2026 10:00:42 GMT")).isEqualTo(Duration.ofSeconds(42));
    assertThat(api.retryAfter("Mon, 05 Jan 2026 09:00:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(api.retryAfter("-5")).isEqualTo(Duration.ZERO);
    assertThat(api.retryAfter("soon")).isNull();
  }
}
