package dev.khabar.e2e;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.embedded.SharedServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a pipeline under test: the shared broker and node, and topic, group, index and
 * state names of its own (a suffix), so tests in one JVM never see each other's records.
 */
final class TestPipeline {
  private TestPipeline() {}

  static Map<String, String> environment(String suffix, int partitions, Path stateDir) {
    Map<String, String> env = new HashMap<>();
    env.put("KHABAR_KAFKA_BOOTSTRAP", SharedServices.kafka().bootstrapServers());
    env.put("KHABAR_ES_URL", SharedServices.elasticsearch().httpUrl());
    env.put("KHABAR_ES_ALIAS", "news-articles" + suffix);
    env.put("KHABAR_TOPIC_PAGES_RAW", "khabar.pages.raw" + suffix);
    env.put("KHABAR_TOPIC_ARTICLES", "khabar.articles" + suffix);
    env.put("KHABAR_TOPIC_INGEST_SEEN", "khabar.ingest.seen" + suffix);
    env.put("KHABAR_TOPIC_INGEST_DLQ", "khabar.ingest.dlq" + suffix);
    env.put("KHABAR_TOPIC_INGEST_SITES", "khabar.ingest.sites" + suffix);
    env.put("KHABAR_TOPIC_INGEST_REFETCHES", "khabar.ingest.refetches" + suffix);
    env.put("KHABAR_TOPIC_INGEST_POLITENESS", "khabar.ingest.politeness" + suffix);
    env.put("KHABAR_INGEST_GROUP_ID", "khabar-ingest" + suffix);
    env.put("KHABAR_TOPIC_ENRICH_DLQ", "khabar.enrich.dlq" + suffix);
    env.put("KHABAR_TOPIC_INDEXER_DLQ", "khabar.indexer.dlq" + suffix);
    env.put("KHABAR_TOPIC_PARTITIONS", Integer.toString(partitions));
    env.put("KHABAR_INGEST_TRANSACTIONAL_ID", "khabar-ingest" + suffix);
    env.put("KHABAR_ENRICH_APPLICATION_ID", "khabar-enrich" + suffix);
    env.put("KHABAR_ENRICH_STATE_DIR", stateDir.toString());
    env.put("KHABAR_ENRICH_THREADS", "1");
    env.put("KHABAR_INDEXER_GROUP_ID", "khabar-indexer" + suffix);
    env.put("KHABAR_INDEXER_FLUSH_INTERVAL", "200ms");
    env.put("KHABAR_HTTP_PORT", "0");
    env.put("KHABAR_INSTANCE_ID", "it" + suffix);
    return env;
  }

  /**
   * Waits until the alias holds at least {@code expected} documents; fails with "expected N, got
   * M".
   */
  static long awaitDocuments(
      ElasticsearchClient client, String alias, long expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long count = -1;
    while (System.nanoTime() < deadline) {
      if (client.indices().existsAlias(a -> a.name(alias)).value()) {
        client.indices().refresh(r -> r.index(alias));
        count = client.count(c -> c.index(alias)).count();
        if (count >= expected) {
          return count;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "index " + alias + ": expected " + expected + " documents, got " + count);
  }
}
