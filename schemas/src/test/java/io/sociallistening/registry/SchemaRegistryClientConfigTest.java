package io.sociallistening.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sociallistening.registry.SchemaRegistryClientConfig.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientConfigTest {

  @Test
  void shouldApplyDefaults() {
    SchemaRegistryClientConfig config =
        new SchemaRegistryClientConfig(Map.of("schema.registry.url", "http://registry:8081/"));

    assertThat(config.endpoints())
        .containsExactly(new Endpoint(URI.create("http://registry:8081"), Optional.empty()));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.retries()).isEqualTo(5);
    assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.retryBackoffMax()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.sslContext()).isEmpty();
  }

  @Test
  void shouldSplitCommaSeparatedUrls() {
    SchemaRegistryClientConfig config =
        new SchemaRegistryClientConfig(
            Map.of("schema.registry.url", "http://a:8081, https://b:8082/prefix/"));

    assertThat(config.endpoints())
        .extracting(Endpoint::baseUrl)
        .containsExactly(URI.create("http://a:8081"), URI.create("https://b:8082/prefix"));
  }

  @Test
  void shouldRequireTheUrl() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldNameTheKeyOfABadUrl() {
    assertThatThrownBy(
            () -> new SchemaRegistryClientConfig(Map.of("schema.registry.url", "ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value ftp://x for configuration schema.registry.url: Expected an http:// or"
                + " https:// URL with a host");
  }

  @Test
  void shouldRequireUserInfoForTheUserInfoSource() {
    assertThatThrownBy(
            () ->
                new SchemaRegistryClientConfig(
                    Map.of(
                        "schema.registry.url", "http://a",
                        "basic.auth.credentials.source", "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value null for configuration basic.auth.user.info: Required when"
                + " basic.auth.credentials.source=USER_INFO");
  }

  @Test
  void shouldHideAMalformedUserInfo() {
    assertThatThrownBy(
            () ->
                new SchemaRegistryClientConfig(
                    Map.of(
                        "schema.registry.url", "http://a",
                        "basic.auth.credentials.source", "USER_INFO",
                        "basic.auth.user.info", "secretwithoutcolon")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value [hidden] for configuration basic.auth.user.info: Expected credentials"
                + " as 'user:password'");
  }

  @Test
  void shouldRefuseAnUnknownCredentialsSource() {
    assertThatThrownBy(
            () ->
                new SchemaRegistryClientConfig(
                    Map.of(
                        "schema.registry.url", "http://a",
                        "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.credentials.source");
  }

  @Test
  void shouldNameTheKeyOfAMissingTruststore() {
    SchemaRegistryClientConfig config =
        new SchemaRegistryClientConfig(
            Map.of(
                "schema.registry.url", "https://a",
                "schema.registry.ssl.truststore.location", "/nonexistent/truststore.jks"));

    assertThatThrownBy(config::sslContext)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Invalid value /nonexistent/truststore.jks for configuration"
                + " schema.registry.ssl.truststore.location: Cannot load JKS store");
  }

  @Test
  void shouldRefuseANegativeRetryCount() {
    assertThatThrownBy(
            () ->
                new SchemaRegistryClientConfig(
                    Map.of("schema.registry.url", "http://a", "schema.registry.retries", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.retries");
  }
}
