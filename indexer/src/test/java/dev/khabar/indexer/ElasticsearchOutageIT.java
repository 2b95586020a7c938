package dev.khabar.indexer;

import static dev.khabar.indexer.IndexerFixtures.T0;
import static dev.khabar.indexer.IndexerFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.EmbeddedElasticsearch;
import dev.khabar.embedded.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node goes away for 20 s in the middle of a stream of articles and comes back with its data at
 * the same address: the indexer keeps retrying, holds consumption while too much is in flight,
 * resumes, and loses nothing.
 */
class ElasticsearchOutageIT {
  private static final int MAX_IN_FLIGHT = 50;

  /** The consumer pauses after a poll, so in flight can exceed the limit by one poll's records. */
  private static final int MAX_POLL_RECORDS = 500;

  @AfterEach
  void nodeRunsAgain() {
    // Other test classes in this JVM use the same node after this one.
    SharedServices.elasticsearch();
  }

  @Test
  void indexerRetriesThroughAnOutageAndLosesNothing() throws Exception {
    IndexerFixtures it = new IndexerFixtures(3);
    EmbeddedElasticsearch node = SharedServices.elasticsearch();
    Map<String, String> env = it.env();
    env.put("KHABAR_INDEXER_MAX_IN_FLIGHT", Integer.toString(MAX_IN_FLIGHT));
    env.put("KHABAR_INDEXER_BULK_ACTIONS", "100");
    // Short backoff so that the test does not wait for a 30 s retry once the node is back.
    env.put("KHABAR_INDEXER_MAX_BACKOFF", "1s");

    try (IndexerService service = new IndexerService(IndexerConfig.fromEnv(new Env(env)));
        ElasticsearchClient client = it.client();
        KafkaProducer<byte[], byte[]> producer = it.producer()) {
      service.start();
      // Before the outage: 300 articles, indexed.
      for (int i = 0; i < 300; i++) {
        it.send(producer, article("https://example.org/outage/" + i, "الإصدار الأول " + i, T0));
      }
      producer.flush();
      awaitAtLeast(client, it.alias, 300);

      node.stop();
      long outageStart = System.nanoTime();
      // During the outage: 300 updates (newer), 200 new articles, a poison record, and 200 late
      // arrivals of versions older than what the index holds, interleaved.
      for (int i = 0; i < 300; i++) {
        it.send(
            producer,
            article("https://example.org/outage/" + i, "الإصدار الثاني " + i, T0.plusSeconds(60)));
        if (i < 200) {
          it.send(
              producer,
              article("https://example.org/outage/new/" + i, "مقال جديد " + i, T0.plusSeconds(30)));
          it.send(
              producer,
              article(
                  "https://example.org/outage/" + (i + 100),
                  "نسخة قديمة " + i,
                  T0.minusSeconds(60)));
        }
        if (i == 150) {
          it.sendRejected(
              producer,
              "poison-during-outage",
              "<html>not json".getBytes(StandardCharsets.UTF_8),
              "contract_error");
        }
      }
      producer.flush();
      double maxInFlight = 0;
      while (System.nanoTime() - outageStart < Duration.ofSeconds(20).toNanos()) {
        maxInFlight =
            Math.max(
                maxInFlight,
                IndexerFixtures.metric(service.httpPort(), "khabar_indexer_in_flight_records"));
        Thread.sleep(250);
      }
      double retriesDuringOutage =
          IndexerFixtures.metric(service.httpPort(), "khabar_indexer_retries_total");
      node.start();

      // Memory stays bounded: consumption paused at the limit instead of reading all 901 records.
      assertTrue(maxInFlight >= MAX_IN_FLIGHT, "in flight reached the limit: " + maxInFlight);
      assertTrue(
          maxInFlight <= MAX_IN_FLIGHT + MAX_POLL_RECORDS,
          "in flight stayed bounded: " + maxInFlight);
      assertTrue(retriesDuringOutage > 0, "retried while the node was down");

      // After it: more updates, to show that indexing carries on normally.
      for (int i = 0; i < 50; i++) {
        it.send(
            producer,
            article(
                "https://example.org/outage/new/" + i, "مقال جديد محدث " + i, T0.plusSeconds(90)));
      }
      producer.flush();

      it.assertIndexHoldsNewestVersions(client, Duration.ofSeconds(90));
      assertEquals(500, it.uniqueArticles());
    }
    it.assertDeadLettersAreExactlyTheRejected();
  }

  private static void awaitAtLeast(ElasticsearchClient client, String alias, long expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long count = 0;
    while (System.nanoTime() < deadline) {
      count = IndexerFixtures.count(client, alias);
      if (count >= expected) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "index " + alias + ": expected " + expected + " documents, got " + count);
  }
}
