package dev.khabar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.ReadmeContract;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.StageHistograms;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import dev.khabar.indexer.search.ArticleSearch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The indexer between the real broker and the real node. */
class IndexerServiceIT {
  private static final Instant T0 = IndexerFixtures.T0;
  private static final Article README_EXAMPLE =
      Json.fromBytes(
          ReadmeContract.example("article").getBytes(StandardCharsets.UTF_8), Article.class);

  @Test
  void indexesEachArticleOnceKeepsTheNewestVersionAndDeadLettersPoison() throws Exception {
    String suffix = "-it-" + System.nanoTime();
    String topic = "khabar.articles" + suffix;
    String alias = "news-articles" + suffix;
    SharedServices.kafka().createTopic(topic, 2);
    String bootstrap = SharedServices.kafka().bootstrapServers();

    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      send(
          producer,
          topic,
          IndexerFixtures.article(
              "https://example.org/ar/1", "عارف يعلن (النسخة الثانية)", T0.plusSeconds(60)));
      send(
          producer,
          topic,
          IndexerFixtures.article("https://example.org/ar/1", "عارف يعلن (النسخة الأولى)", T0));
      send(
          producer,
          topic,
          IndexerFixtures.article("https://example.org/en/2", "Trade summit in Tehran", T0));
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  "poison".getBytes(StandardCharsets.UTF_8),
                  "{not json".getBytes(StandardCharsets.UTF_8)))
          .get();
      send(
          producer,
          topic,
          IndexerFixtures.article("https://example.org/en/3", "Ministers meet", T0));
      // The README's example, every optional field set, must pass the strict mapping (as an
      // original: with duplicate_of it would rightly not be indexed at all).
      com.fasterxml.jackson.databind.node.ObjectNode original =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              Json.mapper().readTree(ReadmeContract.example("article"));
      original.remove("duplicate_of");
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  README_EXAMPLE.id().getBytes(StandardCharsets.UTF_8),
                  Json.toBytes(original)))
          .get();
    }

    Map<String, String> env = new HashMap<>();
    env.put("KHABAR_KAFKA_BOOTSTRAP", bootstrap);
    env.put("KHABAR_ES_URL", SharedServices.elasticsearch().httpUrl());
    env.put("KHABAR_ES_ALIAS", alias);
    env.put("KHABAR_TOPIC_ARTICLES", topic);
    env.put("KHABAR_TOPIC_INDEXER_DLQ", "khabar.indexer.dlq" + suffix);
    env.put("KHABAR_INDEXER_GROUP_ID", "khabar-indexer" + suffix);
    env.put("KHABAR_INDEXER_FLUSH_INTERVAL", "200ms");
    env.put("KHABAR_HTTP_PORT", "0");

    try (IndexerService service = new IndexerService(IndexerConfig.fromEnv(new Env(env)));
        ElasticsearchClient client =
            ElasticsearchClients.create(EsSettings.of(SharedServices.elasticsearch().httpUrl()))) {
      service.start();
      awaitCount(client, alias, 4);

      JsonNode first =
          client
              .get(g -> g.index(alias).id(ArticleId.of("https://example.org/ar/1")), JsonNode.class)
              .source();
      assertEquals("عارف يعلن (النسخة الثانية)", first.path("title").asText());
      assertEquals(
          List.of("Iran"), List.of(first.path("entities").path("location").get(0).asText()));

      SearchResponse<JsonNode> hits =
          new ArticleSearch(client, alias)
              .search("نسخة", 10); // only the arabic analyzer matches «النسخة»
      assertEquals(1, hits.hits().hits().size());
      JsonNode example =
          client.get(g -> g.index(alias).id(README_EXAMPLE.id()), JsonNode.class).source();
      assertEquals("قناة الكوثر", example.path("site_name").asText());

      URI metrics = URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics");
      assertEquals(
          4,
          StageHistograms.scrape(metrics).stage("enriched_to_indexed").count(),
          "one span per document written; none for the older version refused or the poison");
      assertEquals(4, awaitStage(metrics, "indexed_to_searchable", 4).count());
    }

    List<ConsumerRecord<byte[], byte[]>> dead =
        TopicReader.read(
            bootstrap,
            "khabar.indexer.dlq" + suffix,
            1,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1));
    assertEquals(1, dead.size());
    assertEquals(
        "contract_error",
        new String(
            dead.get(0).headers().lastHeader("khabar.error.type").value(), StandardCharsets.UTF_8));
    assertEquals("{not json", new String(dead.get(0).value(), StandardCharsets.UTF_8));
  }

  private static void awaitCount(ElasticsearchClient client, String alias, long expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long count = -1;
    while (System.nanoTime() < deadline) {
      client.indices().refresh(r -> r.index(alias));
      count = client.count(c -> c.index(alias)).count();
      if (count == expected) {
        Thread.sleep(1500); // a late duplicate would show up now
        client.indices().refresh(r -> r.index(alias));
        assertEquals(expected, client.count(c -> c.index(alias)).count());
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "index " + alias + ": expected " + expected + " documents, got " + count);
  }

  /** The stage once it has counted {@code expected} records, or as it is after 30 s. */
  private static StageHistograms.Stage awaitStage(URI metrics, String stage, long expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    StageHistograms.Stage found = StageHistograms.scrape(metrics).stage(stage);
    while (found.count() < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
      found = StageHistograms.scrape(metrics).stage(stage);
    }
    return found;
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, Article article)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic, article.id().getBytes(StandardCharsets.UTF_8), Json.toBytes(article)))
        .get();
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(properties);
  }
}
