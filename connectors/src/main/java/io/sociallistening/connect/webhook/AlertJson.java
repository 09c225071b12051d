package io.sociallistening.connect.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.SampleMention;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;

/**
 * The generic JSON body: the Avro {@link Alert} field by field, in schema order, with timestamps as
 * ISO-8601 UTC strings, the type as its symbol and absent optional fields as null, e.g. {@code
 * {"id": ..., "type": "CRISIS_OPENED", "brand": ..., "severity": 8, "eventTime":
 * "2026-01-05T10:00:00Z", "episodeId": ..., "summary": ..., "metrics": {...}, "topTerms": [...],
 * "topSources": [...], "reasons": [...], "score": null, "samples": [...]}}.
 */
public final class AlertJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  public static String render(Alert a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.getId());
    o.put("type", a.getType().name());
    o.put("brand", a.getBrand());
    o.put("severity", a.getSeverity());
    o.put("eventTime", a.getEventTime().toString());
    o.put("episodeId", a.getEpisodeId());
    o.put("summary", a.getSummary());
    CrisisMetrics m = a.getMetrics();
    if (m == null) {
      o.putNull("metrics");
    } else {
      ObjectNode n = o.putObject("metrics");
      n.put("bucketStart", m.getBucketStart().toString());
      n.put("bucketEnd", m.getBucketEnd().toString());
      n.put("volume", m.getVolume());
      n.put("negativeVolume", m.getNegativeVolume());
      n.put("negativeShare", m.getNegativeShare());
      n.put("baselineNegativeVolume", m.getBaselineNegativeVolume());
      n.put("baselineNegativeShare", m.getBaselineNegativeShare());
      n.put("score", m.getScore());
    }
    strings(o.putArray("topTerms"), a.getTopTerms());
    strings(o.putArray("topSources"), a.getTopSources());
    strings(o.putArray("reasons"), a.getReasons());
    o.put("score", a.getScore());
    ArrayNode samples = o.putArray("samples");
    for (SampleMention s : a.getSamples()) {
      ObjectNode n = samples.addObject();
      n.put("key", s.getKey());
      n.put("url", s.getUrl());
      n.put("author", s.getAuthor());
      n.put("followers", s.getFollowers());
      n.put("text", s.getText());
      n.put("sentiment", s.getSentiment());
    }
    return write(o);
  }

  static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new DataException("Cannot write a webhook body", e);
    }
  }

  private static void strings(ArrayNode to, List<? extends CharSequence> from) {
    for (CharSequence s : from) {
      to.add(s.toString());
    }
  }
}
