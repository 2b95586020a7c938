package dev.khabar.indexer;

import dev.khabar.common.contract.Topics;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.InstanceId;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.indexer.bulk.ArticleIndexer;
import dev.khabar.indexer.es.EsSettings;
import java.time.Duration;

/** Everything the indexer reads from its environment, read once at start. */
public record IndexerConfig(
    KafkaSettings kafka,
    EsSettings elasticsearch,
    ArticleIndexer.Settings indexing,
    int deadLetterPartitions,
    String httpHost,
    int httpPort) {

  public static IndexerConfig fromEnv(Env env) {
    InstanceId instance = InstanceId.fromEnv(env);
    return new IndexerConfig(
        KafkaSettings.fromEnv(env),
        EsSettings.fromEnv(env),
        new ArticleIndexer.Settings(
            env.string("KHABAR_TOPIC_ARTICLES", Topics.ARTICLES),
            env.string("KHABAR_TOPIC_INDEXER_DLQ", Topics.INDEXER_DLQ),
            env.string("KHABAR_ES_ALIAS", Topics.INDEX_ALIAS),
            env.string("KHABAR_INDEXER_GROUP_ID", "khabar-indexer"),
            // Stable per instance: a successor of a killed process aborts the transaction it left
            // open at once, instead of waiting for it to time out.
            env.string("KHABAR_INDEXER_TRANSACTIONAL_ID", instance.qualified("khabar-indexer")),
            // Static membership: a successor with the same name takes the partitions back without
            // waiting for the dead member's session to expire.
            instance.qualified("khabar-indexer"),
            env.integer("KHABAR_INDEXER_BULK_ACTIONS", 2000, 1, 100_000),
            env.bytes("KHABAR_INDEXER_BULK_BYTES", 5L * 1024 * 1024),
            env.integer("KHABAR_INDEXER_BULK_CONCURRENCY", 2, 1, 64),
            // A partial bulk waits this long at most; a full one goes at once, so under load this
            // costs
            // no throughput.
            env.duration("KHABAR_INDEXER_FLUSH_INTERVAL", Duration.ofMillis(200)),
            env.integer("KHABAR_INDEXER_MAX_IN_FLIGHT", 10_000, 1, 1_000_000),
            env.duration("KHABAR_INDEXER_MAX_BACKOFF", Duration.ofSeconds(30))),
        1,
        env.string("KHABAR_HTTP_HOST", "127.0.0.1"),
        env.integer("KHABAR_HTTP_PORT", 8083, 0, 65535));
  }
}
