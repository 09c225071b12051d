package io.sociallistening.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sociallistening.avro.Alert;
import io.sociallistening.avro.BrandSentimentWindow;
import io.sociallistening.avro.CrisisMetrics;
import io.sociallistening.avro.SampleMention;
import java.util.List;

/** JSON shapes of the REST API: alerts with their explanation, and sentiment windows. */
final class AlertJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  static ObjectNode alert(Alert alert) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("id", alert.getId());
    out.put("type", alert.getType().name());
    out.put("brand", alert.getBrand());
    out.put("severity", alert.getSeverity());
    out.put("eventTime", alert.getEventTime().toString());
    out.put("episodeId", alert.getEpisodeId());
    out.put("summary", alert.getSummary());
    CrisisMetrics metrics = alert.getMetrics();
    if (metrics != null) {
      ObjectNode m = out.putObject("metrics");
      m.put("bucketStart", metrics.getBucketStart().toString());
      m.put("bucketEnd", metrics.getBucketEnd().toString());
      m.put("volume", metrics.getVolume());
      m.put("negativeVolume", metrics.getNegativeVolume());
      m.put("negativeShare", metrics.getNegativeShare());
      m.put("baselineNegativeVolume", metrics.getBaselineNegativeVolume());
      m.put("baselineNegativeShare", metrics.getBaselineNegativeShare());
      m.put("score", metrics.getScore());
    } else {
      out.putNull("metrics");
    }
    strings(out.putArray("topTerms"), alert.getTopTerms());
    strings(out.putArray("topSources"), alert.getTopSources());
    strings(out.putArray("reasons"), alert.getReasons());
    if (alert.getScore() == null) {
      out.putNull("score");
    } else {
      out.put("score", alert.getScore());
    }
    ArrayNode samples = out.putArray("samples");
    for (SampleMention sample : alert.getSamples()) {
      ObjectNode s = samples.addObject();
      s.put("key", sample.getKey());
      s.put("url", sample.getUrl());
      s.put("author", sample.getAuthor());
      s.put("followers", sample.getFollowers());
      s.put("text", sample.getText());
      s.put("sentiment", sample.getSentiment());
    }
    return out;
  }

  static ObjectNode window(BrandSentimentWindow window) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("brand", window.getBrand());
    out.put("windowStart", window.getWindowStart().toString());
    out.put("windowEnd", window.getWindowEnd().toString());
    out.put("volume", window.getVolume());
    out.put("uniqueVolume", window.getUniqueVolume());
    out.put("positive", window.getPositive());
    out.put("neutral", window.getNeutral());
    out.put("negative", window.getNegative());
    out.put("meanSentiment", window.getMeanSentiment());
    out.put("netSentiment", window.getNetSentiment());
    out.put("reach", window.getReach());
    out.put("leads", window.getLeads());
    return out;
  }

  private static void strings(ArrayNode array, List<? extends CharSequence> values) {
    for (CharSequence value : values) {
      array.add(value.toString());
    }
  }
}
