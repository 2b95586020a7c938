package dev.khabar.indexer.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Json;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** 429 and friends: the document is sent again after a backoff, and only then counts as done. */
class RetryTest {
  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  @Test
  void backoffDoublesFrom200MillisUpToTheMaximum() {
    Duration max = Duration.ofSeconds(30);
    assertEquals(200, ArticleIndexer.backoffMillis(0, max));
    assertEquals(400, ArticleIndexer.backoffMillis(1, max));
    assertEquals(3200, ArticleIndexer.backoffMillis(4, max));
    assertEquals(30_000, ArticleIndexer.backoffMillis(8, max));
    assertEquals(30_000, ArticleIndexer.backoffMillis(1_000, max));
    assertEquals(1000, ArticleIndexer.backoffMillis(3, Duration.ofSeconds(1)));
  }

  @Test
  void rejectedExecution429IsRetriedAfterBackoffAndThenAcknowledged() throws Exception {
    List<Long> bulkArrivals = new CopyOnWriteArrayList<>();
    List<String> bulkBodies = new CopyOnWriteArrayList<>();
    // A stand-in Elasticsearch: the first bulk is refused item by item with 429, later ones pass.
    HttpServer es =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    es.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String response;
          if (exchange.getRequestURI().getPath().endsWith("/_bulk")) {
            bulkArrivals.add(System.nanoTime());
            bulkBodies.add(body);
            String id =
                Json.mapper()
                    .readTree(body.lines().findFirst().orElseThrow())
                    .path("index")
                    .path("_id")
                    .asText();
            response =
                bulkArrivals.size() == 1
                    ? "{\"took\":1,\"errors\":true,\"items\":[{\"index\":{\"_index\":\"news-articles-000001\",\"_id\":\""
                        + id
                        + "\",\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"rejected execution: queue capacity 200 reached\"}}}]}"
                    : "{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_index\":\"news-articles-000001\",\"_id\":\""
                        + id
                        + "\",\"_version\":1,\"result\":\"created\",\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":0,\"_primary_term\":1,\"status\":201}}]}";
          } else {
            response = "{}";
          }
          byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    es.start();
    // No broker is needed: the consumer never polls, and the dead-letter producer is not used.
    Map<String, Object> kafka = Map.of("bootstrap.servers", "127.0.0.1:9");
    ArticleIndexer.Settings settings =
        new ArticleIndexer.Settings(
            "khabar.articles",
            "khabar.indexer.dlq",
            "news-articles",
            "khabar-indexer",
            "khabar-indexer",
            "khabar-indexer",
            100,
            5 * 1024 * 1024,
            1,
            Duration.ofMillis(50),
            1000,
            Duration.ofSeconds(30));
    try (ElasticsearchClient client =
            ElasticsearchClients.create(
                EsSettings.of("http://127.0.0.1:" + es.getAddress().getPort()));
        ArticleIndexer indexer =
            new ArticleIndexer(
                kafka, client, settings, new SimpleMeterRegistry(), Clock.systemUTC())) {
      Article article = article("https://example.org/ar/429");
      TopicPartition p0 = new TopicPartition("khabar.articles", 0);
      indexer.accept(
          new ConsumerRecord<>(
              "khabar.articles",
              0,
              7,
              article.id().getBytes(StandardCharsets.UTF_8),
              Json.toBytes(article)));

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (indexer.offsets().pendingCount() > 0 && System.nanoTime() < deadline) {
        indexer.drainFinished();
        Thread.sleep(20);
      }

      assertEquals(2, bulkArrivals.size(), "sent once, refused, sent again");
      long gapMillis = Duration.ofNanos(bulkArrivals.get(1) - bulkArrivals.get(0)).toMillis();
      assertTrue(
          gapMillis >= 200,
          "waited the first backoff, 200 ms, before retrying: " + gapMillis + " ms");
      assertEquals(
          firstLine(bulkBodies.get(0)),
          firstLine(bulkBodies.get(1)),
          "the same operation: same id and external version");
      assertTrue(bulkBodies.get(0).contains("\"version_type\":\"external\""), bulkBodies.get(0));
      assertEquals(0, indexer.offsets().pendingCount());
      assertEquals(Map.of(p0, new OffsetAndMetadata(8)), indexer.offsets().committable());
    } finally {
      es.stop(0);
    }
  }

  private static String firstLine(String body) {
    return body.lines().findFirst().orElseThrow();
  }

  private static Article article(String url) {
    return new Article(
        ArticleId.of(url),
        url,
        "example.org",
        null,
        "عنوان",
        "نص",
        "ar",
        T0,
        null,
        null,
        List.of(),
        ArticleId.contentHash("نص"),
        null,
        T0,
        T0.plusSeconds(1));
  }
}
