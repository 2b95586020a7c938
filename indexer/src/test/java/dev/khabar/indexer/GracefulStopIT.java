package dev.khabar.indexer;

import static dev.khabar.indexer.IndexerFixtures.T0;
import static dev.khabar.indexer.IndexerFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.service.Env;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** On close (SIGTERM) the indexer flushes what it holds, commits, and returns within 15 s. */
class GracefulStopIT {

  @Test
  void closeFlushesCommitsAndReturnsWithin15Seconds() throws Exception {
    IndexerFixtures it = new IndexerFixtures(2);
    Map<String, String> env = it.env();
    // Nothing is sent before close: no time-based flush and a bulk size never reached.
    env.put("KHABAR_INDEXER_FLUSH_INTERVAL", "1h");
    env.put("KHABAR_INDEXER_BULK_ACTIONS", "100000");
    try (KafkaProducer<byte[], byte[]> producer = it.producer()) {
      for (int i = 0; i < 400; i++) {
        it.send(producer, article("https://example.org/stop/" + i, "خبر " + i, T0));
      }
      producer.flush();
    }

    IndexerService service = new IndexerService(IndexerConfig.fromEnv(new Env(env)));
    try (ElasticsearchClient client = it.client()) {
      service.start();
      awaitInFlight(service, 400);
      assertEquals(0, IndexerFixtures.count(client, it.alias), "nothing flushed before close");
      assertEquals(200, IndexerFixtures.status(service.httpPort(), "/ready"));

      long start = System.nanoTime();
      service.close();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "close took " + took);
      System.out.println(
          "GracefulStopIT: close flushed 400 documents and returned in " + took.toMillis() + " ms");
      it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(5));
      assertEquals(it.endOffsets(2), it.committedOffsets(), "committed up to the end");
    }
  }

  private static void awaitInFlight(IndexerService service, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    double inFlight = 0;
    while (System.nanoTime() < deadline) {
      inFlight = IndexerFixtures.metric(service.httpPort(), "khabar_indexer_in_flight_records");
      if (inFlight == expected) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("expected " + expected + " records in flight, got " + inFlight);
  }
}
