package dev.khabar.embedded;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @Test
  void transactionalProducerRecordsReachReadCommittedConsumer() throws Exception {
    EmbeddedKafka kafka = SharedServices.kafka();
    kafka.createTopic("roundtrip", 2, Map.of("compression.type", "zstd"));

    try (KafkaProducer<String, String> producer = transactionalProducer(kafka, "roundtrip-tx")) {
      producer.initTransactions();
      // Written to the log, then aborted. Same key as a committed record, so the same partition: a
      // read-committed consumer has to skip it to reach that record.
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("roundtrip", "ar-1", "aborted")).get();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("roundtrip", "ar-1", "منظمة التعاون الاقتصادي"));
      producer.send(new ProducerRecord<>("roundtrip", "en-1", "trade talks resume"));
      producer.commitTransaction();
    }

    assertEquals(
        List.of("ar-1=منظمة التعاون الاقتصادي", "en-1=trade talks resume"),
        consume(kafka, "roundtrip", 2).stream().sorted().toList());
  }

  @Test
  void createTopicAcceptsAnExistingTopicWithTheSamePartitions() throws Exception {
    EmbeddedKafka kafka = SharedServices.kafka();
    kafka.createTopic("twice", 3);
    try (KafkaProducer<String, String> producer = idempotentProducer(kafka)) {
      producer.send(new ProducerRecord<>("twice", "k", "written before the second create")).get();
    }

    assertDoesNotThrow(() -> kafka.createTopic("twice", 3));

    assertEquals(3, partitionCount(kafka, "twice"));
    assertEquals(List.of("k=written before the second create"), consume(kafka, "twice", 1));
  }

  @Test
  void createTopicRejectsAnExistingTopicWithOtherPartitions() throws Exception {
    EmbeddedKafka kafka = SharedServices.kafka();
    kafka.createTopic("other-partitions", 2);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> kafka.createTopic("other-partitions", 4));

    assertEquals("topic other-partitions exists with 2 partitions, expected 4", e.getMessage());
    assertEquals(2, partitionCount(kafka, "other-partitions"));
  }

  @Test
  void restartOnTheSameLogDirKeepsRecordsAndAddress(@TempDir Path logDir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(logDir).build().start()) {
      String address = kafka.bootstrapServers();
      kafka.createTopic("durable", 1);
      try (KafkaProducer<String, String> producer = idempotentProducer(kafka)) {
        RecordMetadata before =
            producer.send(new ProducerRecord<>("durable", "k", "before restart")).get();
        assertEquals(0, before.offset());
      }

      kafka.stop();
      assertFalse(kafka.isRunning());
      kafka.start();

      assertTrue(kafka.isRunning());
      assertEquals(address, kafka.bootstrapServers());
      assertEquals(logDir, kafka.logDir());
      try (KafkaProducer<String, String> producer = idempotentProducer(kafka)) {
        // Offset 1, not 0: the partition's log goes on from where it stood before the restart.
        RecordMetadata after =
            producer.send(new ProducerRecord<>("durable", "k", "after restart")).get();
        assertEquals(1, after.offset());
      }
      assertEquals(List.of("k=before restart", "k=after restart"), consume(kafka, "durable", 2));
    }
  }

  private static int partitionCount(EmbeddedKafka kafka, String topic) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).topicNameValues().get(topic).get(30, SECONDS);
      return description.partitions().size();
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(
      EmbeddedKafka kafka, String transactionalId) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            transactionalId),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaProducer<String, String> idempotentProducer(EmbeddedKafka kafka) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  /** Reads {@code expected} records from the start of {@code topic} as "key=value". */
  private static List<String> consume(EmbeddedKafka kafka, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<String> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(record.key() + "=" + record.value());
        }
      }
    }
    assertEquals(expected, records.size(), () -> "expected " + expected + ", got " + records);
    return records;
  }
}
