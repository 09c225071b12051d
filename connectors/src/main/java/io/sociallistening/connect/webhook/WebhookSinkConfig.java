package io.sociallistening.connect.webhook;

import io.sociallistening.connect.http.HttpSettings;
import io.sociallistening.connect.http.HttpUrlValidator;
import io.sociallistening.registry.SchemaRegistries;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the webhook sink; a bad value fails at start naming its key. The webhook URL and
 * the Authorization header are PASSWORD keys: Connect masks them in its REST API and logs.
 */
public final class WebhookSinkConfig extends AbstractConfig {
  public static final String URL_CONFIG = "webhook.url";
  public static final String FORMAT_CONFIG = "webhook.format";
  public static final String AUTHORIZATION_CONFIG = "webhook.authorization";
  public static final String REGISTRY_URL_CONFIG = SchemaRegistries.URL_CONFIG;

  private static final String GROUP = "Webhook";

  public static final ConfigDef CONFIG_DEF =
      HttpSettings.define(
          new ConfigDef()
              .define(
                  URL_CONFIG,
                  Type.PASSWORD,
                  ConfigDef.NO_DEFAULT_VALUE,
                  HttpUrlValidator.required(),
                  Importance.HIGH,
                  "URL alerts are POSTed to, e.g. a Slack incoming-webhook URL. Secret: messages"
                      + " show only its origin.",
                  GROUP,
                  1,
                  Width.LONG,
                  "Webhook URL")
              .define(
                  FORMAT_CONFIG,
                  Type.STRING,
                  "slack",
                  ConfigDef.CaseInsensitiveValidString.in("slack", "json"),
                  Importance.HIGH,
                  "Body format: 'slack' for a Slack-compatible message ({\"text\", \"blocks\"}),"
                      + " 'json' for the alert as a plain JSON object.",
                  GROUP,
                  2,
                  Width.SHORT,
                  "Format")
              .define(
                  AUTHORIZATION_CONFIG,
                  Type.PASSWORD,
                  null,
                  Importance.MEDIUM,
                  "Value of the Authorization header (e.g. 'Bearer <token>'); none when empty.",
                  GROUP,
                  3,
                  Width.LONG,
                  "Authorization header")
              .define(
                  REGISTRY_URL_CONFIG,
                  Type.STRING,
                  ConfigDef.NO_DEFAULT_VALUE,
                  new ConfigDef.NonEmptyStringWithoutControlChars(),
                  Importance.HIGH,
                  "Schema registry that decodes the Confluent wire-format Avro alerts (with"
                      + " value.converter=org.apache.kafka.connect.converters.ByteArrayConverter)."
                      + " The other schema.registry.* and basic.auth.* keys pass through.",
                  GROUP,
                  4,
                  Width.LONG,
                  "Schema registry URL"));

  public WebhookSinkConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  public URI url() {
    return URI.create(getPassword(URL_CONFIG).value().strip());
  }

  public WebhookFormat format() {
    return WebhookFormat.valueOf(getString(FORMAT_CONFIG).toUpperCase(Locale.ROOT));
  }

  /** The Authorization header value, or null. */
  public String authorization() {
    Password p = getPassword(AUTHORIZATION_CONFIG);
    return p == null || p.value().isBlank() ? null : p.value();
  }

  public HttpSettings http() {
    return HttpSettings.from(this);
  }
}
