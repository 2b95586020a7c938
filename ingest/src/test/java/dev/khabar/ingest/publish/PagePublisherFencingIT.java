package dev.khabar.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.contract.RawPage;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.common.service.TopicSetup;
import dev.khabar.common.service.TopicSetup.TopicSpec;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.seen.SeenUrls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A crawler the ingest group has moved on from publishes nothing: its pages' transaction carries
 * its group membership, which the broker refuses once it is out of date.
 */
class PagePublisherFencingIT {
  private final String suffix = "-fence-" + System.nanoTime();
  private final String sites = "khabar.ingest.sites" + suffix;
  private final String group = "khabar-ingest" + suffix;
  private final Map<String, Object> kafka =
      KafkaSettings.plaintext(SharedServices.kafka().bootstrapServers()).clientProperties();

  @Test
  void pagesCommittedWithAnOutOfDateMembershipAreNotPublishedUntilItIsCurrent() throws Exception {
    TopicSetup.ensure(
        kafka,
        Duration.ofSeconds(30),
        new TopicSpec("khabar.pages.raw" + suffix, 1, (short) -1, Map.of()),
        new TopicSpec("khabar.ingest.seen" + suffix, 1, (short) -1, Map.of()),
        new TopicSpec("khabar.ingest.dlq" + suffix, 1, (short) -1, Map.of()),
        new TopicSpec(sites, 2, (short) -1, Map.of()));
    try (KafkaConsumer<byte[], byte[]> member = member("a");
        KafkaConsumer<byte[], byte[]> other = member("b")) {
      member.subscribe(List.of(sites));
      pollUntil(() -> !member.assignment().isEmpty(), member);
      ConsumerGroupMetadata stale = member.groupMetadata();
      other.subscribe(List.of(sites));
      pollUntil(
          () ->
              member.groupMetadata().generationId() > stale.generationId()
                  && !other.assignment().isEmpty(),
          member,
          other);
      AtomicReference<ConsumerGroupMetadata> membership = new AtomicReference<>(stale);
      SiteClaims claims =
          new SiteClaims() {
            @Override
            public boolean mayPublish(String sourceId) {
              return true;
            }

            @Override
            public Optional<Proof> proof(Collection<String> sourceIds) {
              return Optional.of(
                  new Proof(
                      membership.get(),
                      Map.of(new TopicPartition(sites, 0), new OffsetAndMetadata(0))));
            }
          };
      PagePublisher publisher =
          new PagePublisher(
              kafka,
              new PagePublisher.Settings(
                  "khabar.pages.raw" + suffix,
                  "khabar.ingest.seen" + suffix,
                  "khabar.ingest.dlq" + suffix,
                  "khabar.ingest.refetches" + suffix,
                  "khabar.ingest.politeness" + suffix,
                  "khabar-ingest-fence" + suffix,
                  1024 * 1024,
                  16,
                  Duration.ofMillis(10)),
              new SeenUrls(),
              new SimpleMeterRegistry(),
              claims);
      publisher.start();
      try {
        publisher.publish(page("https://news.example/1"));

        assertEquals(
            0,
            TopicReader.read(
                    SharedServices.kafka().bootstrapServers(),
                    "khabar.pages.raw" + suffix,
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(3))
                .size(),
            "published as a member of a generation the group has left behind");
        membership.set(member.groupMetadata());
        assertTrue(
            publisher.flush(Duration.ofSeconds(20)), "published once the membership is current");
        assertEquals(
            "https://news.example/1",
            new String(
                TopicReader.read(
                        SharedServices.kafka().bootstrapServers(),
                        "khabar.pages.raw" + suffix,
                        1,
                        Duration.ofSeconds(10),
                        Duration.ZERO)
                    .get(0)
                    .key(),
                StandardCharsets.UTF_8));
      } finally {
        publisher.close(Duration.ofSeconds(5));
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> member(String name) {
    Properties properties = new Properties();
    properties.putAll(kafka);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, name + suffix);
    properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    properties.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(properties);
  }

  /** Polls the consumers in turn (a rebalance waits for every member) until the condition holds. */
  @SafeVarargs
  private static void pollUntil(
      java.util.function.BooleanSupplier condition, KafkaConsumer<byte[], byte[]>... consumers) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the group did not settle in 30 s");
      for (KafkaConsumer<byte[], byte[]> consumer : consumers) {
        consumer.poll(Duration.ofMillis(100));
      }
    }
  }

  private static RawPage page(String url) {
    return new RawPage(
        url,
        url,
        Instant.parse("2026-12-03T10:00:00Z"),
        200,
        "text/html",
        "UTF-8",
        "<html><body><p>خبر</p></body></html>",
        "news");
  }
}
