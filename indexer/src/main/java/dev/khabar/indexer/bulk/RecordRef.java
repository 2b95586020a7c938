package dev.khabar.indexer.bulk;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka record an index operation came from, travelling with it through the bulk ingester so
 * that each acknowledgement or failure traces back to an offset.
 *
 * @param processedAt the article's {@code processed_at}, where the indexer's stage starts
 * @param attempt how many times this operation was sent to Elasticsearch before
 */
record RecordRef(
    TopicPartition partition,
    long offset,
    String articleId,
    byte[] value,
    Instant processedAt,
    int attempt) {
  RecordRef nextAttempt() {
    return new RecordRef(partition, offset, articleId, value, processedAt, attempt + 1);
  }
}
