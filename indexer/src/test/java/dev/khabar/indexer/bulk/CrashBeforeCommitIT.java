package dev.khabar.indexer.bulk;

import static dev.khabar.indexer.IndexerFixtures.T0;
import static dev.khabar.indexer.IndexerFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.service.Env;
import dev.khabar.indexer.IndexerConfig;
import dev.khabar.indexer.IndexerFixtures;
import dev.khabar.indexer.IndexerService;
import dev.khabar.indexer.mapping.IndexSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The indexer dies after Elasticsearch acknowledged a bulk and before the offsets were committed; a
 * fresh indexer in the same group replays those records. The replay must neither duplicate a
 * document nor put an older version back over a newer one.
 */
class CrashBeforeCommitIT {

  /** Stands for the process being killed: thrown on the consumer thread, nothing after it runs. */
  static final class Killed extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    Killed() {
      super("killed between the bulk response and the offset commit", null, false, false);
    }
  }

  @Test
  void replayAfterACrashBeforeTheCommitNeitherDuplicatesNorRegresses() throws Exception {
    IndexerFixtures it = new IndexerFixtures(2);
    IndexerConfig config = IndexerConfig.fromEnv(new Env(it.env()));
    try (KafkaProducer<byte[], byte[]> producer = it.producer()) {
      for (int i = 0; i < 30; i++) {
        // The newer version first, the older one later in the topic: only the versions protect it.
        if (i < 10) {
          it.send(
              producer,
              article("https://example.org/crash/" + i, "النسخة الثانية " + i, T0.plusSeconds(60)));
        }
        it.send(producer, article("https://example.org/crash/" + i, "النسخة الأولى " + i, T0));
      }
      it.sendRejected(
          producer,
          "poison-before-crash",
          "\u0000\u0001binary".getBytes(StandardCharsets.UTF_8),
          "contract_error");
      producer.flush();
    }

    AtomicReference<Map<TopicPartition, OffsetAndMetadata>> lostCommit = new AtomicReference<>();
    try (ElasticsearchClient client = it.client()) {
      new IndexSetup(client, it.alias).install();
      dev.khabar.common.service.TopicSetup.ensure(
          config.kafka().clientProperties(),
          Duration.ofSeconds(30),
          new dev.khabar.common.service.TopicSetup.TopicSpec(
              it.deadLetterTopic, 1, (short) -1, Map.of()));
      // A killed consumer does not leave its group: the coordinator notices after the session
      // timeout, 45 s by default; the broker's minimum, 6 s, keeps the test short.
      Map<String, Object> kafka = new java.util.HashMap<>(config.kafka().clientProperties());
      kafka.put("session.timeout.ms", 6000);
      ArticleIndexer first =
          new ArticleIndexer(
              kafka, client, config.indexing(), new SimpleMeterRegistry(), Clock.systemUTC());
      first.commitHook(
          offsets -> {
            // Offsets above 0 exist only once records were acknowledged (or dead-lettered): die
            // right then, before committing them.
            if (offsets.values().stream().anyMatch(o -> o.offset() > 0)) {
              lostCommit.set(Map.copyOf(offsets));
              throw new Killed();
            }
          });
      Thread consumer = Thread.ofPlatform().name("indexer-to-be-killed").start(first);
      consumer.join(Duration.ofSeconds(60));
      assertTrue(
          !consumer.isAlive() && lostCommit.get() != null,
          "the indexer was killed before its commit");
      Thread.sleep(1000); // let a bulk that was already on its way land, as it would on a real kill
      long indexedBeforeCrash = IndexerFixtures.count(client, it.alias);

      // The crash lost the commit: the group has no offset past the start, yet Elasticsearch
      // holds what it acknowledged.
      assertTrue(
          it.committedOffsets().values().stream().allMatch(offset -> offset == 0),
          it.committedOffsets().toString());
      assertTrue(indexedBeforeCrash > 0, "Elasticsearch acknowledged documents before the crash");

      // While the indexer is down: newer versions of some, older of others, and new articles.
      try (KafkaProducer<byte[], byte[]> producer = it.producer()) {
        for (int i = 0; i < 10; i++) {
          it.send(
              producer,
              article(
                  "https://example.org/crash/" + (10 + i),
                  "النسخة الثالثة " + i,
                  T0.plusSeconds(120)));
          it.send(
              producer,
              article(
                  "https://example.org/crash/" + i, "نسخة متأخرة قديمة " + i, T0.minusSeconds(60)));
          it.send(producer, article("https://example.org/crash/new/" + i, "مقال جديد " + i, T0));
        }
        producer.flush();
      }

      try (IndexerService second = new IndexerService(config)) {
        second.start();
        it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(60));
        // Every document Elasticsearch already had came again and was refused as not newer.
        double refused =
            IndexerFixtures.metric(
                second.httpPort(), "khabar_indexer_documents_already_newer_total");
        assertTrue(
            refused >= indexedBeforeCrash,
            "replayed documents refused: " + refused + " of " + indexedBeforeCrash);
        assertEquals(40, it.uniqueArticles());
      }
      // The replay went through to the end and was committed this time.
      assertEquals(it.endOffsets(2), it.committedOffsets());
    }
    it.assertDeadLettersAreExactlyTheRejected();
  }
}
