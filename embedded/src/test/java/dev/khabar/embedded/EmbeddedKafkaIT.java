package dev.khabar.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @Test
  void transactionalProducerRecordsReachReadCommittedConsumer() {
    EmbeddedKafka kafka = SharedServices.kafka();
    kafka.createTopic("roundtrip", 2, Map.of("compression.type", "zstd"));

    try (KafkaProducer<String, String> producer = transactionalProducer(kafka, "roundtrip-tx")) {
      producer.initTransactions();
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
  void createTopicAcceptsAnExistingTopicWithTheSamePartitions() {
    EmbeddedKafka kafka = SharedServices.kafka();
    kafka.createTopic("twice", 3);

    kafka.createTopic("twice", 3);
  }

  @Test
  void restartOnTheSameLogDirKeepsRecordsAndAddress(@TempDir Path logDir) {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(logDir).build().start()) {
      String address = kafka.bootstrapServers();
      kafka.createTopic("durable", 1);
      try (KafkaProducer<String, String> producer = idempotentProducer(kafka)) {
        producer.send(new ProducerRecord<>("durable", "k", "before restart"));
      }

      kafka.stop();
      kafka.start();

      assertEquals(address, kafka.bootstrapServers());
      try (KafkaProducer<String, String> producer = idempotentProducer(kafka)) {
        producer.send(new ProducerRecord<>("durable", "k", "after restart"));
      }
      assertEquals(List.of("k=before restart", "k=after restart"), consume(kafka, "durable", 2));
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
