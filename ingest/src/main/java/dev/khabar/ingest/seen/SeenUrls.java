package dev.khabar.ingest.seen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canonical URLs already published, or being fetched now. The durable copy is the compacted
 * topic {@code khabar.ingest.seen} (key = canonical URL), written in the same transaction as each
 * page; on start the whole topic is read back, committed records only, into a 64-bit fingerprint
 * set (a collision, about 1 in 3·10^6 at ten million URLs, would skip one article). Thread-safe.
 */
public final class SeenUrls {
  private static final Logger LOG = LoggerFactory.getLogger(SeenUrls.class);

  private final LongSet published = new LongSet();
  // Few at a time (the fetch queue), so a plain set: claims are released when a fetch fails.
  private final Set<Long> inFlight = new HashSet<>();

  /** True when the URL was neither published nor claimed before; claims it. */
  public synchronized boolean claim(String canonicalUrl) {
    long fingerprint = fingerprint(canonicalUrl);
    if (published.contains(fingerprint) || inFlight.contains(fingerprint)) {
      return false;
    }
    inFlight.add(fingerprint);
    return true;
  }

  /** Records a URL as published (after its transaction committed, or while rebuilding). */
  public synchronized void markPublished(String canonicalUrl) {
    long fingerprint = fingerprint(canonicalUrl);
    published.add(fingerprint);
    inFlight.remove(fingerprint);
  }

  /** Gives up a claim without publishing, so a later poll of its source can try the URL again. */
  public synchronized void release(String canonicalUrl) {
    inFlight.remove(fingerprint(canonicalUrl));
  }

  public synchronized int publishedCount() {
    return published.size();
  }

  /** Reads the seen topic from the beginning to its current end. */
  public static SeenUrls rebuild(Map<String, Object> clientProperties, String topic) {
    SeenUrls seen = new SeenUrls();
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long started = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key() != null) {
            seen.markPublished(new String(record.key(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    LOG.info(
        "rebuilt seen URLs from {}: {} URLs in {} ms",
        topic,
        seen.publishedCount(),
        (System.nanoTime() - started) / 1_000_000);
    return seen;
  }

  static long fingerprint(String canonicalUrl) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
