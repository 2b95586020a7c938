package dev.khabar.indexer.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records the indexer cannot index to its dead-letter topic: the original key and value,
 * with the error and the record's origin in headers. {@link #send} returns once Kafka has the
 * record, so the caller may then commit past it. Thread-safe.
 */
final class DeadLetters implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  DeadLetters(Map<String, Object> clientProperties, String topic) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    this.producer = new KafkaProducer<>(properties);
    this.topic = topic;
  }

  /** Sends and waits until acknowledged, retrying until it is; interrupted only by shutdown. */
  void send(RecordRef ref, String errorType, String message) throws InterruptedException {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, ref.articleId().getBytes(StandardCharsets.UTF_8), ref.value());
    record.headers().add(header("khabar.error.stage", "indexer"));
    record.headers().add(header("khabar.error.type", errorType));
    record.headers().add(header("khabar.error.message", message));
    record.headers().add(header("khabar.source.topic", ref.partition().topic()));
    record.headers().add(header("khabar.source.partition", Integer.toString(ref.partition().partition())));
    record.headers().add(header("khabar.source.offset", Long.toString(ref.offset())));
    while (true) {
      Future<RecordMetadata> sent = producer.send(record);
      try {
        sent.get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        Thread.sleep(Duration.ofSeconds(1));
      }
    }
  }

  private static RecordHeader header(String key, String value) {
    return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
