package dev.khabar.common.service;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service needs when they are missing, and waits until Kafka answers. An
 * existing topic is left as it is: its partitions and settings belong to the operator.
 */
public final class TopicSetup {
  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  /** A topic to create when missing. */
  public record TopicSpec(
      String name, int partitions, short replicationFactor, Map<String, String> configs) {
    public TopicSpec {
      configs = Map.copyOf(configs);
    }
  }

  private TopicSetup() {}

  /**
   * Ensures the topics exist, retrying while Kafka is unreachable, up to {@code patience}.
   *
   * @throws IllegalStateException when Kafka did not answer in time
   */
  public static void ensure(
      Map<String, Object> clientProperties, Duration patience, TopicSpec... topics)
      throws InterruptedException {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    long deadline = System.nanoTime() + patience.toNanos();
    try (Admin admin = Admin.create(properties)) {
      while (true) {
        try {
          Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
          for (TopicSpec topic : topics) {
            if (!existing.contains(topic.name())) {
              create(admin, topic);
            }
          }
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka did not answer within " + patience, e);
          }
          LOG.warn(
              "waiting for Kafka at {}: {}", properties.get("bootstrap.servers"), e.toString());
          Thread.sleep(1000);
        }
      }
    }
  }

  /**
   * Waits until every topic exists: those another service creates, e.g. the raw pages topic that
   * ingest creates and enrich reads. Says once what it waits for, then every minute; returns as
   * soon as they are there and waits as long as it takes (interrupt to give up).
   */
  public static void await(Map<String, Object> clientProperties, Set<String> topics)
      throws InterruptedException {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    long nextReport = System.nanoTime();
    try (Admin admin = Admin.create(properties)) {
      while (true) {
        String missing;
        try {
          Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
          if (existing.containsAll(topics)) {
            return;
          }
          missing =
              "topics "
                  + topics.stream().filter(t -> !existing.contains(t)).sorted().toList()
                  + " do not exist yet";
        } catch (ExecutionException | TimeoutException e) {
          missing = "Kafka at " + properties.get("bootstrap.servers") + ": " + e;
        }
        if (System.nanoTime() - nextReport >= 0) {
          LOG.info("waiting: {}", missing);
          nextReport = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        }
        Thread.sleep(500);
      }
    }
  }

  private static void create(Admin admin, TopicSpec topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    try {
      admin
          .createTopics(
              Set.of(
                  new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())
                      .configs(topic.configs())))
          .all()
          .get(15, TimeUnit.SECONDS);
      LOG.info("created topic {} with {} partitions", topic.name(), topic.partitions());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
