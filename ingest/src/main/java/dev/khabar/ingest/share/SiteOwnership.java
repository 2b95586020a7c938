package dev.khabar.ingest.share;

import dev.khabar.ingest.publish.SiteClaims;
import dev.khabar.ingest.sources.Site;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the sites: a member of a Kafka consumer group subscribed to the sites
 * topic, which crawls the sites of the partitions the group assigns it ({@link SitePartitions},
 * over the topic's partition count as it is). The group does the sharing: the cooperative sticky
 * assignor moves as few partitions as it can when an instance joins or leaves; static membership
 * under the instance's id gives a restarted instance its partitions back at once; an instance that
 * stops heartbeating loses them after the session timeout. Partitions are given up only after
 * {@link Owner#giveUp} returned, so that the next owner starts after this one stopped; and pages
 * are committed with a {@link #proof} of membership, so that an instance the group gave up for dead
 * publishes nothing more. The consumer belongs to one named thread, {@code khabar-site-ownership},
 * which polls it (the sites topic holds no records) and runs the owner's callbacks. Closing leaves
 * the group, so that the sites move at once. Thread-safe.
 */
public final class SiteOwnership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteOwnership.class);

  /**
   * Where the consumer group is and how this member is known in it.
   *
   * @param topic the sites topic, one partition per share of the sites
   * @param groupId the group all instances crawling the same sources join
   * @param instanceId this instance's static member id, stable across its restarts
   * @param sessionTimeout how long the group waits for a silent member before moving its sites
   */
  public record Settings(
      String topic, String groupId, String instanceId, Duration sessionTimeout) {}

  /** What is done with the sites as they come and go; called on the ownership thread. */
  public interface Owner {
    /** Start crawling the sites. */
    void take(List<Site> sites);

    /** Stop crawling the sites and publish what was found before returning. */
    void giveUp(List<Site> sites);

    /** The sites are already another member's: stop at once and publish nothing more. */
    void lose(List<Site> sites);
  }

  private final SitePartitions partitions;
  private final Owner owner;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private volatile @Nullable ConsumerGroupMetadata membership;
  private volatile boolean closing;
  private volatile @Nullable String failure;

  public SiteOwnership(
      Map<String, Object> clientProperties,
      Settings settings,
      List<Site> sites,
      Owner owner,
      MeterRegistry registry) {
    this.owner = owner;
    this.topic = settings.topic();
    this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties, settings));
    // The topic's own partition count, whatever it was created with: every instance reads the same.
    this.partitions =
        new SitePartitions(sites, consumer.partitionsFor(topic, Duration.ofSeconds(30)).size());
    registry.gauge("khabar_ingest_site_partitions_owned", owned, Set::size);
    registry.gauge(
        "khabar_ingest_sites_owned", owned, o -> (double) partitions.sitesOf(Set.copyOf(o)).size());
    this.thread =
        Thread.ofPlatform().name("khabar-site-ownership").daemon(false).unstarted(this::run);
  }

  /** The consumer settings: a classic-protocol group member that moves few partitions. */
  static Properties consumerProperties(Map<String, Object> clientProperties, Settings settings) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    // The classic protocol: its session timeout is the client's to set (the consumer protocol's is
    // the broker's, at least 45 s), and its cooperative assignor moves only what must move.
    properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    properties.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.instanceId());
    properties.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
    properties.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        (int) Math.max(500, settings.sessionTimeout().toMillis() / 5));
    // Giving sites up waits for their fetches and pages (well under a minute); the poll loop does
    // nothing else.
    properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 60_000);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    return properties;
  }

  public void start() {
    thread.start();
  }

  /** Whether the group has given this member its first assignment (possibly empty) yet. */
  public boolean hasJoined() {
    return assigned.getCount() == 0;
  }

  /** Why this instance left the group on its own and crawls nothing any more, if it did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), new Listener());
      while (!closing) {
        consumer.poll(Duration.ofMillis(500));
        membership = consumer.groupMetadata();
      }
    } catch (WakeupException e) {
      // closing
    } catch (KafkaException e) {
      failure = e.toString();
      LOG.error("left the ingest group after an error; this instance crawls nothing now", e);
      owner.lose(partitions.sitesOf(owned));
      owned.clear();
    } finally {
      try {
        // Leaving, rather than waiting out the session timeout, moves the sites at once.
        consumer.close(
            CloseOptions.timeout(Duration.ofSeconds(5))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
      } catch (KafkaException e) {
        LOG.warn("could not leave the ingest group cleanly: {}", e.toString());
      }
    }
  }

  /** Turns partition changes into site changes. */
  private final class Listener implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> added) {
      List<Integer> numbers = numbers(added);
      membership = consumer.groupMetadata();
      owned.addAll(numbers);
      if (!numbers.isEmpty()) {
        List<Site> sites = partitions.sitesOf(numbers);
        LOG.info("taking partitions {} of {}: {} sites", numbers, topic, sites.size());
        owner.take(sites);
      }
      assigned.countDown();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      List<Integer> numbers = numbers(revoked);
      if (!numbers.isEmpty()) {
        List<Site> sites = partitions.sitesOf(numbers);
        LOG.info("giving up partitions {} of {}: {} sites", numbers, topic, sites.size());
        owner.giveUp(sites);
        numbers.forEach(owned::remove);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      List<Integer> numbers = numbers(lost);
      if (!numbers.isEmpty()) {
        LOG.warn("lost partitions {} of {}: another instance crawls their sites", numbers, topic);
        owner.lose(partitions.sitesOf(numbers));
        numbers.forEach(owned::remove);
      }
    }
  }

  /**
   * The proof, for a page transaction, that this instance is the group member that owns the sites
   * with these ids: its membership now, and offset 0 (the topic holds no records) for each of their
   * partitions. Empty before the first assignment.
   */
  public Optional<SiteClaims.Proof> proof(Collection<String> siteIds) {
    ConsumerGroupMetadata current = membership;
    if (current == null) {
      return Optional.empty();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (String siteId : siteIds) {
      partitions
          .partitionOf(siteId)
          .ifPresent(p -> offsets.put(new TopicPartition(topic, p), new OffsetAndMetadata(0)));
    }
    return offsets.isEmpty()
        ? Optional.empty()
        : Optional.of(new SiteClaims.Proof(current, offsets));
  }

  private static List<Integer> numbers(Collection<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::partition).sorted().toList();
  }

  /** Gives the sites up, leaves the group, and waits up to {@code timeout} for it. */
  public void close(Duration timeout) {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
