package io.sociallistening.connect.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.AlertType;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.SampleMention;
import java.util.List;
import java.util.Locale;

/**
 * The Slack-compatible body ({@code {"text": ..., "blocks": [...]}}, Block Kit) of an alert:
 *
 * <ul>
 *   <li>{@code text}, the notification fallback: {@code <Label>: <brand> (severity N/10) -
 *       <summary>};
 *   <li>a header {@code <Label>: <brand>} (Label: Crisis opened, Crisis escalated, Crisis resolved,
 *       Sales lead, Alert);
 *   <li>a section with the severity, the event time and the summary;
 *   <li>for crises, a fields section: volume, negative volume and share, baseline negative share,
 *       anomaly score; for leads, the lead score;
 *   <li>a context line with top terms, top sources and reasons, when any;
 *   <li>up to {@value #MAX_SAMPLES} samples, each {@code <url|@author>: text};
 *   <li>a context line with the alert id and the episode id.
 * </ul>
 *
 * Text is escaped for Slack mrkdwn ({@code & < >}) and cut to Slack's limits (header 150, section
 * 3000, field 2000 characters).
 */
public final class SlackMessage {
  static final int MAX_SAMPLES = 3;
  private static final int HEADER_MAX = 150;
  private static final int SECTION_MAX = 3000;
  private static final int FIELD_MAX = 2000;

  private SlackMessage() {}

  public static String render(Alert a) {
    String label = label(a.getType());
    ObjectNode root = AlertJson.MAPPER.createObjectNode();
    root.put(
        "text",
        label + ": " + a.getBrand() + " (severity " + a.getSeverity() + "/10) - " + a.getSummary());
    ArrayNode blocks = root.putArray("blocks");

    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", cut(label + ": " + a.getBrand(), HEADER_MAX));

    mrkdwn(
        blocks.addObject().put("type", "section").putObject("text"),
        "*Severity "
            + a.getSeverity()
            + "/10* | "
            + a.getEventTime()
            + "\n"
            + escape(a.getSummary()),
        SECTION_MAX);

    CrisisMetrics m = a.getMetrics();
    if (m != null || a.getScore() != null) {
      ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
      if (m != null) {
        field(fields, "Volume", Long.toString(m.getVolume()));
        field(
            fields, "Negative", m.getNegativeVolume() + " (" + percent(m.getNegativeShare()) + ")");
        field(fields, "Baseline negative share", percent(m.getBaselineNegativeShare()));
        field(fields, "Anomaly score", String.format(Locale.ROOT, "%.2f", m.getScore()));
      }
      if (a.getScore() != null) {
        field(fields, "Lead score", String.format(Locale.ROOT, "%.2f", a.getScore()));
      }
    }

    StringBuilder context = new StringBuilder();
    list(context, "Top terms", a.getTopTerms());
    list(context, "Sources", a.getTopSources());
    list(context, "Reasons", a.getReasons());
    if (context.length() > 0) {
      contextBlock(blocks, context.toString());
    }

    List<SampleMention> samples = a.getSamples();
    for (int i = 0; i < samples.size() && i < MAX_SAMPLES; i++) {
      SampleMention s = samples.get(i);
      String who = "@" + escape(s.getAuthor());
      String link =
          s.getUrl() == null || s.getUrl().indexOf('|') >= 0 || s.getUrl().indexOf('>') >= 0
              ? who
              : "<" + s.getUrl() + "|" + who + ">";
      mrkdwn(
          blocks.addObject().put("type", "section").putObject("text"),
          link + ": " + escape(s.getText()),
          SECTION_MAX);
    }

    contextBlock(
        blocks,
        "alert "
            + escape(a.getId())
            + (a.getEpisodeId() == null ? "" : " | episode " + escape(a.getEpisodeId())));
    return AlertJson.write(root);
  }

  static String label(AlertType type) {
    switch (type) {
      case CRISIS_OPENED:
        return "Crisis opened";
      case CRISIS_ESCALATED:
        return "Crisis escalated";
      case CRISIS_RESOLVED:
        return "Crisis resolved";
      case LEAD:
        return "Sales lead";
      default:
        return "Alert";
    }
  }

  /** Escapes the three characters Slack mrkdwn reserves. */
  static String escape(String s) {
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static void mrkdwn(ObjectNode text, String value, int max) {
    text.put("type", "mrkdwn").put("text", cut(value, max));
  }

  private static void field(ArrayNode fields, String name, String value) {
    fields
        .addObject()
        .put("type", "mrkdwn")
        .put("text", cut("*" + name + "*\n" + value, FIELD_MAX));
  }

  private static void contextBlock(ArrayNode blocks, String text) {
    ObjectNode c = blocks.addObject().put("type", "context");
    c.putArray("elements").addObject().put("type", "mrkdwn").put("text", cut(text, FIELD_MAX));
  }

  private static void list(StringBuilder to, String name, List<? extends CharSequence> items) {
    if (items.isEmpty()) {
      return;
    }
    if (to.length() > 0) {
      to.append(" | ");
    }
    to.append('*').append(name).append(":* ");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        to.append(", ");
      }
      to.append(escape(items.get(i).toString()));
    }
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "\u2026";
  }
}
