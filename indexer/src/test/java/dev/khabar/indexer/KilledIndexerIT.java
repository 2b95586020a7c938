package dev.khabar.indexer;

import static dev.khabar.indexer.IndexerFixtures.T0;
import static dev.khabar.indexer.IndexerFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.ServiceProcess;
import dev.khabar.indexer.mapping.IndexSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An indexer killed with SIGKILL neither leaves its consumer group nor ends its transaction. Its
 * successor, with the same instance id, must take its partitions over and commit within seconds:
 * not after the 45 s session timeout of the dead member, nor the dead producer's transaction
 * timeout.
 */
class KilledIndexerIT {
  @TempDir Path logs;

  @Test
  void aSuccessorWithTheSameInstanceIdIndexesWithinSecondsOfAKill() throws Exception {
    IndexerFixtures it = new IndexerFixtures(2);
    Map<String, String> env = new java.util.HashMap<>(it.env());
    env.put("KHABAR_INSTANCE_ID", "killed-indexer");
    try (ElasticsearchClient client = it.client();
        KafkaProducer<byte[], byte[]> producer = it.producer()) {
      new IndexSetup(client, it.alias).install();
      for (int i = 0; i < 20; i++) {
        it.send(producer, article("https://example.org/kill/" + i, "قبل " + i, T0));
      }
      producer.flush();
      try (ServiceProcess first =
          ServiceProcess.start(IndexerService.class, env, logs.resolve("indexer.log"))) {
        it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(90));
        // Articles keep coming while it dies, so that it is killed at work.
        for (int i = 20; i < 30; i++) {
          it.send(producer, article("https://example.org/kill/" + i, "أثناء " + i, T0));
        }
        producer.flush();
        Thread.sleep(300);
        assertTrue(first.isAlive(), first.output());
        first.kill();
      }
      for (int i = 30; i < 40; i++) {
        it.send(producer, article("https://example.org/kill/" + i, "بعد " + i, T0));
      }
      producer.flush();

      long started = System.nanoTime();
      try (IndexerService successor = new IndexerService(IndexerConfig.fromEnv(new Env(env)))) {
        successor.start();
        it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(20));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertTrue(seconds < 20, "successor took " + seconds + " s");
        awaitCommittedToTheEnd(it);
      }
    }
  }

  private static void awaitCommittedToTheEnd(IndexerFixtures it) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!it.committedOffsets().equals(it.endOffsets(2)) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(it.endOffsets(2), it.committedOffsets(), "the successor committed everything");
  }
}
