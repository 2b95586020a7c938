package dev.khabar.indexer.bulk;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Commits the consumer's offsets together with the dead-letter records of the records they pass, in
 * one Kafka transaction: a crash before the commit leaves neither, so a replay dead-letters a
 * record again without a duplicate reaching (read-committed) readers of the dead-letter topic. Each
 * dead-letter record keeps the original key and value, with the error and the record's origin in
 * headers. Used by the consumer thread only.
 */
final class DeadLetters implements AutoCloseable {
  /** A record to dead-letter. */
  record Letter(RecordRef ref, String errorType, String message) {}

  /** A commit that failed for a passing reason; the same letters and offsets may be tried again. */
  static final class CommitFailed extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    CommitFailed(Throwable cause) {
      super("transaction aborted: " + cause, cause);
    }
  }

  static final int TRANSACTION_TIMEOUT_MS = 10_000;

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private boolean initialised;

  DeadLetters(Map<String, Object> clientProperties, String topic, String transactionalId) {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // A stable id per instance: a restarted indexer aborts what its previous life left open.
    properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // A commit takes milliseconds; should an instance die inside one and no successor with its id
    // come, the broker aborts the transaction after this long and the partitions' next owner can
    // read its committed offsets (60 s by default).
    properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    this.producer = new KafkaProducer<>(properties);
    this.topic = topic;
  }

  /**
   * Writes the letters and commits the offsets for the group, atomically.
   *
   * @throws CommitFailed when the transaction was aborted for a passing reason (broker down,
   *     timeout); nothing was committed and the caller retries later
   * @throws KafkaException when this producer can never commit again (fenced by another instance
   *     with the same transactional id, not authorised): the indexer must stop
   */
  void commit(
      List<Letter> letters,
      Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata group)
      throws CommitFailed {
    if (!initialised) {
      producer.initTransactions();
      initialised = true;
    }
    producer.beginTransaction();
    try {
      for (Letter letter : letters) {
        producer.send(record(letter));
      }
      if (!offsets.isEmpty()) {
        producer.sendOffsetsToTransaction(offsets, group);
      }
      producer.commitTransaction();
    } catch (ProducerFencedException
        | OutOfOrderSequenceException
        | AuthorizationException
        | UnsupportedVersionException e) {
      throw e;
    } catch (KafkaException e) {
      producer.abortTransaction();
      throw new CommitFailed(e);
    }
  }

  private ProducerRecord<byte[], byte[]> record(Letter letter) {
    RecordRef ref = letter.ref();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, ref.articleId().getBytes(StandardCharsets.UTF_8), ref.value());
    record.headers().add(header("khabar.error.stage", "indexer"));
    record.headers().add(header("khabar.error.type", letter.errorType()));
    record.headers().add(header("khabar.error.message", letter.message()));
    record.headers().add(header("khabar.source.topic", ref.partition().topic()));
    record
        .headers()
        .add(header("khabar.source.partition", Integer.toString(ref.partition().partition())));
    record.headers().add(header("khabar.source.offset", Long.toString(ref.offset())));
    return record;
  }

  private static RecordHeader header(String key, String value) {
    return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  void close(Duration timeout) {
    producer.close(timeout);
  }
}
