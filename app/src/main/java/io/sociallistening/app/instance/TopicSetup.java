package io.sociallistening.app.instance;

import io.sociallistening.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the pipeline's topics that do not exist yet: the rules topic compacted, the others with
 * delete retention. Existing topics are left as they are.
 */
public final class TopicSetup {
  private TopicSetup() {}

  public static void createMissing(
      Map<String, Object> adminConfig, Topics topics, int partitions, short replication) {
    Admin admin = Admin.create(adminConfig);
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String name :
          List.of(
              topics.raw(),
              topics.enriched(),
              topics.alerts(),
              topics.sentiment1m(),
              topics.sentiment1h(),
              topics.shareOfVoice1m(),
              topics.shareOfVoice1h(),
              topics.deadLetters())) {
        if (!existing.contains(name)) {
          missing.add(new NewTopic(name, partitions, replication));
        }
      }
      if (!existing.contains(topics.rules())) {
        missing.add(
            new NewTopic(topics.rules(), 1, replication)
                .configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "No answer from the Kafka cluster at "
              + adminConfig.get("bootstrap.servers")
              + " within 30 s while listing and creating the pipeline's topics: check"
              + " bootstrap.servers and the kafka.* security settings",
          e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot create the pipeline's topics on "
              + adminConfig.get("bootstrap.servers")
              + ": "
              + e.getCause(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } finally {
      // a call still pending (the cluster did not answer) would hold close() for a minute
      admin.close(Duration.ofSeconds(5));
    }
  }
}
