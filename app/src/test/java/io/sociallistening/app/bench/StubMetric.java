package io.sociallistening.app.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** A metric whose value is fixed, for tests of code that reads Kafka metrics. */
record StubMetric(MetricName metricName, Object metricValue) implements Metric {}
