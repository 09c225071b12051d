package io.sociallistening.connect.webhook;

import io.sociallistening.avro.Alert;

/** The body formats of the webhook sink; both are JSON ({@code application/json}). */
public enum WebhookFormat {
  /** A Slack-compatible message, see {@link SlackMessage}. */
  SLACK {
    @Override
    public String render(Alert alert) {
      return SlackMessage.render(alert);
    }
  },
  /** The alert as a plain JSON object, see {@link AlertJson}. */
  JSON {
    @Override
    public String render(Alert alert) {
      return AlertJson.render(alert);
    }
  };

  public abstract String render(Alert alert);
}
