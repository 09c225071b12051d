package io.sociallistening.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules publish|delete|list} against a real in-process broker and registry, with the
 * connection settings given as for {@code run}: the broker in an environment variable, the registry
 * in a {@code --config} file.
 */
class RulesCommandIT {
  private static final String ACME = "{\"id\":\"acme\",\"brand\":\"Acme\",\"query\":\"acme\"}";
  private static final String BOLT =
      "{\"id\":\"bolt\",\"brand\":\"Bolt\",\"query\":\"bolt OR \\\"bolt co\\\"\"}";
  private static final String CRATE =
      "{\"id\":\"crate\",\"brand\":\"Crate\",\"query\":\"crate\",\"competitorOf\":\"Acme\"}";

  @TempDir Path dataDir;

  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @Test
  void shouldPublishOverTheTopicListAndDeleteRules() throws Exception {
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      assertThat(rules(cluster, "publish", fixture("three.jsonl"))).isEqualTo(0);
      assertThat(out())
          .isEqualTo("Published 3 rules from " + fixture("three.jsonl") + " to social.rules\n");

      assertThat(rules(cluster, "list")).isEqualTo(0);
      assertThat(out()).isEqualTo(ACME + "\n" + BOLT + "\n" + CRATE + "\n");
      assertThat(err()).isEmpty();

      Path edited = dataDir.resolve("edited.jsonl");
      Files.writeString(
          edited,
          "{\"id\":\"acme\",\"brand\":\"Acme\",\"query\":\"acme -anvil\",\"tags\":[\"x\"]}\n");
      assertThat(rules(cluster, "publish", edited.toString())).isEqualTo(0);
      assertThat(err())
          .isEqualTo(
              "rules publish: "
                  + edited
                  + ": Line 1: unknown field \"tags\" (a rule has \"id\", \"brand\", \"query\" and"
                  + " an optional \"competitorOf\"), ignored\n");
      assertThat(rules(cluster, "delete", "bolt", "crate")).isEqualTo(0);
      assertThat(out()).isEqualTo("Deleted 2 rules from social.rules\n");

      assertThat(rules(cluster, "list")).isEqualTo(0);
      assertThat(out())
          .isEqualTo("{\"id\":\"acme\",\"brand\":\"Acme\",\"query\":\"acme -anvil\"}\n");

      // a mistyped id, and one already deleted: nothing written for them, and the status says so
      assertThat(rules(cluster, "delete", "acmee", "bolt")).isEqualTo(1);
      assertThat(out()).isEqualTo("Deleted 0 rules from social.rules\n");
      assertThat(err())
          .isEqualTo(
              "rules delete: social.rules holds no rule 'acmee'; nothing written for it\n"
                  + "rules delete: social.rules holds no rule 'bolt'; nothing written for it\n");
    }
  }

  @Test
  void shouldPublishNothingFromAFileWithAnInvalidRule() throws Exception {
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      assertThat(rules(cluster, "publish", fixture("three.jsonl"))).isEqualTo(0);

      assertThat(rules(cluster, "publish", fixture("invalid-third.jsonl"))).isEqualTo(1);
      assertThat(out()).isEmpty();
      assertThat(err())
          .isEqualTo(
              "rules publish: "
                  + fixture("invalid-third.jsonl")
                  + ": Line 3: Expected ')' at position 14 in rule 'dune' (and 1 more invalid"
                  + " rules); nothing published\n");

      assertThat(rules(cluster, "list")).isEqualTo(0);
      assertThat(out()).isEqualTo(ACME + "\n" + BOLT + "\n" + CRATE + "\n");
    }
  }

  @Test
  void shouldFailAListingWhenTheSchemaRegistryDoesNotAnswer() throws Exception {
    // every rule was "left out" as undecodable and the command exited 0: a backup made with
    // `rules list > backup.jsonl` was empty, and reported as a success
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      assertThat(rules(cluster, "publish", fixture("three.jsonl"))).isEqualTo(0);

      assertThat(rules(cluster, "list", "--schema.registry.url=http://127.0.0.1:1")).isEqualTo(1);
      assertThat(out()).isEmpty();
      assertThat(err())
          .startsWith("rules list: cannot read the rules' schema from the schema registry: ");
    }
  }

  @Test
  void shouldFailAListingOfATopicThatDoesNotExist() throws Exception {
    // a misspelt topic printed nothing and exited 0, like a topic without rules
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      assertThat(rules(cluster, "publish", fixture("three.jsonl"))).isEqualTo(0);

      assertThat(rules(cluster, "list", "--topic.rules=social.rulez")).isEqualTo(1);
      assertThat(out()).isEmpty();
      assertThat(err()).isEqualTo("rules list: the cluster has no topic 'social.rulez'\n");
    }
  }

  @Test
  void shouldListTheOtherRulesAndFailWhenOneRecordNamesASchemaTheRegistryLacks() throws Exception {
    // one record under a schema id the registry does not know: the listing printed nothing at all
    try (TestCluster cluster = TestCluster.start(dataDir)) {
      assertThat(rules(cluster, "publish", fixture("three.jsonl"))).isEqualTo(0);
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
              new StringSerializer(),
              new ByteArraySerializer())) {
        byte[] unknownSchema = {0, 0, 0, 3, (byte) 0xE7, 0};
        producer.send(new ProducerRecord<>("social.rules", "ghost", unknownSchema)).get();
      }

      assertThat(rules(cluster, "list")).isEqualTo(1);
      assertThat(out()).isEqualTo(ACME + "\n" + BOLT + "\n" + CRATE + "\n");
      assertThat(err())
          .startsWith(
              "rules list: the schema of the record of 'ghost' is not in the schema registry (");
    }
  }

  /** Runs {@code rules ARGS} against the cluster, with fresh output streams. */
  private int rules(TestCluster cluster, String... args) throws Exception {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    Path config = dataDir.resolve("client.properties");
    Files.writeString(config, "schema.registry.url=" + cluster.registryServer.url() + "\n");
    List<String> all = new ArrayList<>(List.of("rules"));
    all.addAll(List.of(args));
    all.add("--config=" + config);
    return Cli.run(
        all,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("SOCIAL_LISTENING_BOOTSTRAP_SERVERS", cluster.bootstrapServers()));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String fixture(String name) throws URISyntaxException {
    return Path.of(RulesCommandIT.class.getResource("/rules/" + name).toURI()).toString();
  }
}
