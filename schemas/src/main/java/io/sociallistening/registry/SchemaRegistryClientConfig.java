package io.sociallistening.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of {@link HttpSchemaRegistryClient}, under the key names of Confluent's serializers so
 * that the same properties configure either. Keys this class does not define are ignored, so a
 * whole Kafka client configuration may be passed in. Validated at construction: a bad value throws
 * a {@link ConfigException} naming the key (passwords are never printed).
 */
public final class SchemaRegistryClientConfig extends AbstractConfig {
  public static final String URL_CONFIG = "schema.registry.url";
  public static final String BASIC_AUTH_SOURCE_CONFIG = "basic.auth.credentials.source";
  public static final String USER_INFO_CONFIG = "basic.auth.user.info";
  public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
  public static final String RETRIES_CONFIG = "schema.registry.retries";
  public static final String RETRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "schema.registry.retry.backoff.max.ms";
  public static final String TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
  public static final String KEYSTORE_LOCATION_CONFIG = "schema.registry.ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD_CONFIG = "schema.registry.ssl.keystore.password";
  public static final String KEYSTORE_TYPE_CONFIG = "schema.registry.ssl.keystore.type";
  public static final String KEY_PASSWORD_CONFIG = "schema.registry.ssl.key.password";

  /** Credentials taken from each URL's user-info part ({@code http://user:pass@host}). */
  public static final String SOURCE_URL = "URL";

  /** Credentials taken from {@value #USER_INFO_CONFIG}. */
  public static final String SOURCE_USER_INFO = "USER_INFO";

  private static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              URL_CONFIG,
              Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              Importance.HIGH,
              "Comma-separated base URLs of the schema registry; requests fail over from one to"
                  + " the next.")
          .define(
              BASIC_AUTH_SOURCE_CONFIG,
              Type.STRING,
              SOURCE_URL,
              ValidString.in(SOURCE_URL, SOURCE_USER_INFO),
              Importance.MEDIUM,
              "Where HTTP basic-auth credentials come from: URL (the URLs' user-info, if any) or"
                  + " USER_INFO (basic.auth.user.info).")
          .define(
              USER_INFO_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Basic-auth credentials 'user:password', used when basic.auth.credentials.source"
                  + " is USER_INFO.")
          .define(
              REQUEST_TIMEOUT_MS_CONFIG,
              Type.INT,
              10_000,
              Range.atLeast(1),
              Importance.LOW,
              "Timeout of one HTTP request (and of opening its connection), in milliseconds.")
          .define(
              RETRIES_CONFIG,
              Type.INT,
              5,
              Range.atLeast(0),
              Importance.LOW,
              "Retries after a connection error, timeout, 5xx or 429 answer.")
          .define(
              RETRY_BACKOFF_MS_CONFIG,
              Type.LONG,
              100L,
              Range.atLeast(0),
              Importance.LOW,
              "Wait before the first retry, in milliseconds; doubled on each further retry.")
          .define(
              RETRY_BACKOFF_MAX_MS_CONFIG,
              Type.LONG,
              5_000L,
              Range.atLeast(0),
              Importance.LOW,
              "Upper bound of the wait between retries, in milliseconds. A Retry-After longer"
                  + " than this ends the retries.")
          .define(
              TRUSTSTORE_LOCATION_CONFIG,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "Trust store file for https URLs; the JDK's default trust when unset.")
          .define(
              TRUSTSTORE_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Password of the trust store.")
          .define(
              TRUSTSTORE_TYPE_CONFIG,
              Type.STRING,
              "JKS",
              Importance.LOW,
              "Type of the trust store file (JKS, PKCS12).")
          .define(
              KEYSTORE_LOCATION_CONFIG,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "Key store file holding the client certificate for mutual TLS.")
          .define(
              KEYSTORE_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Password of the key store.")
          .define(
              KEYSTORE_TYPE_CONFIG,
              Type.STRING,
              "JKS",
              Importance.LOW,
              "Type of the key store file (JKS, PKCS12).")
          .define(
              KEY_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Password of the private key in the key store; the key store password when unset.");

  private final List<Endpoint> endpoints;

  public SchemaRegistryClientConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals, false);
    this.endpoints = parseEndpoints();
  }

  /** The definitions, for the generated configuration reference. */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG_DEF);
  }

  /** Basic-auth credentials. */
  public record BasicCredentials(String user, Password password) {}

  /** One registry base URL (without user-info or trailing slash) and the credentials to send it. */
  public record Endpoint(URI baseUrl, Optional<BasicCredentials> credentials) {}

  /** The registry URLs in the order they are tried, at least one. */
  public List<Endpoint> endpoints() {
    return endpoints;
  }

  public Duration requestTimeout() {
    return Duration.ofMillis(getInt(REQUEST_TIMEOUT_MS_CONFIG));
  }

  public int retries() {
    return getInt(RETRIES_CONFIG);
  }

  public Duration retryBackoff() {
    return Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
  }

  public Duration retryBackoffMax() {
    return Duration.ofMillis(
        Math.max(getLong(RETRY_BACKOFF_MAX_MS_CONFIG), getLong(RETRY_BACKOFF_MS_CONFIG)));
  }

  /**
   * The TLS context from the trust and key store settings, or empty when neither is set (the JDK's
   * defaults then apply to https URLs).
   *
   * @throws ConfigException naming the key whose file or password does not work
   */
  public Optional<SSLContext> sslContext() {
    String truststore = getString(TRUSTSTORE_LOCATION_CONFIG);
    String keystore = getString(KEYSTORE_LOCATION_CONFIG);
    if (truststore == null && keystore == null) {
      return Optional.empty();
    }
    try {
      TrustManager[] trustManagers = null;
      if (truststore != null) {
        KeyStore store =
            load(
                TRUSTSTORE_LOCATION_CONFIG,
                truststore,
                getString(TRUSTSTORE_TYPE_CONFIG),
                getPassword(TRUSTSTORE_PASSWORD_CONFIG));
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trustManagers = factory.getTrustManagers();
      }
      KeyManager[] keyManagers = null;
      if (keystore != null) {
        Password storePassword = getPassword(KEYSTORE_PASSWORD_CONFIG);
        KeyStore store =
            load(
                KEYSTORE_LOCATION_CONFIG, keystore, getString(KEYSTORE_TYPE_CONFIG), storePassword);
        Password keyPassword = getPassword(KEY_PASSWORD_CONFIG);
        Password password = keyPassword != null ? keyPassword : storePassword;
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        try {
          factory.init(store, password == null ? new char[0] : password.value().toCharArray());
        } catch (GeneralSecurityException e) {
          throw new ConfigException(
              KEY_PASSWORD_CONFIG, "[hidden]", "Cannot read the private key: " + e.getMessage());
        }
        keyManagers = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return Optional.of(context);
    } catch (GeneralSecurityException e) {
      throw new ConfigException("Cannot set up TLS for the schema registry: " + e.getMessage());
    }
  }

  private static KeyStore load(String key, String location, String type, Password password) {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password == null ? null : password.value().toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(key, location, "Cannot load " + type + " store: " + e.getMessage());
    }
  }

  private List<Endpoint> parseEndpoints() {
    List<String> urls = getList(URL_CONFIG);
    if (urls.isEmpty()) {
      throw new ConfigException(URL_CONFIG, "", "At least one URL is required");
    }
    boolean fromUserInfo = SOURCE_USER_INFO.equals(getString(BASIC_AUTH_SOURCE_CONFIG));
    Optional<BasicCredentials> configured = Optional.empty();
    if (fromUserInfo) {
      Password userInfo = getPassword(USER_INFO_CONFIG);
      if (userInfo == null) {
        throw new ConfigException(
            USER_INFO_CONFIG,
            null,
            "Required when " + BASIC_AUTH_SOURCE_CONFIG + "=" + SOURCE_USER_INFO);
      }
      configured = Optional.of(credentials(USER_INFO_CONFIG, userInfo.value()));
    }
    List<Endpoint> parsed = new ArrayList<>();
    for (String text : urls) {
      URI uri;
      try {
        uri = new URI(text.trim());
      } catch (URISyntaxException e) {
        throw new ConfigException(
            URL_CONFIG, text.contains("@") ? "[hidden]" : text, "Not a URL: " + e.getReason());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new ConfigException(
            URL_CONFIG, redact(uri), "Expected an http:// or https:// URL with a host");
      }
      Optional<BasicCredentials> credentials = configured;
      if (!fromUserInfo && uri.getRawUserInfo() != null) {
        credentials = Optional.of(credentials(URL_CONFIG, uri.getUserInfo()));
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      URI base =
          URI.create(
              scheme
                  + "://"
                  + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
                  + path);
      parsed.add(new Endpoint(base, credentials));
    }
    return List.copyOf(parsed);
  }

  private static BasicCredentials credentials(String key, String userInfo) {
    int colon = userInfo.indexOf(':');
    if (colon <= 0) {
      throw new ConfigException(key, "[hidden]", "Expected credentials as 'user:password'");
    }
    return new BasicCredentials(
        userInfo.substring(0, colon), new Password(userInfo.substring(colon + 1)));
  }

  private static String redact(URI uri) {
    return uri.getRawUserInfo() == null
        ? uri.toString()
        : uri.toString().replace(uri.getRawUserInfo(), "[hidden]");
  }
}
