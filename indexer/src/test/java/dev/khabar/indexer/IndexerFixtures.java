package dev.khabar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Entity;
import dev.khabar.common.contract.Json;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the indexer's integration tests share: a test's own topic, dead-letter topic, alias and
 * group on the JVM's broker and node; articles; and the end-state assertions every fault test
 * finishes with.
 */
public final class IndexerFixtures {
  public static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  public final String suffix = "-it-" + System.nanoTime();
  public final String topic = "khabar.articles" + suffix;
  public final String deadLetterTopic = "khabar.indexer.dlq" + suffix;
  public final String alias = "news-articles" + suffix;
  public final String groupId = "khabar-indexer" + suffix;
  public final String bootstrap;
  public final String esUrl;

  /** The newest version sent of each article: what the index must end up holding. */
  private final Map<String, Article> newest = new HashMap<>();

  /** Key and expected {@code khabar.error.type} (or prefix) of each record sent to be rejected. */
  private final Map<String, String> rejected = new TreeMap<>();

  public IndexerFixtures(int partitions) {
    this(partitions, true);
  }

  /** Fixtures whose articles topic is created later, or by the test, when {@code createTopic}. */
  public IndexerFixtures(int partitions, boolean createTopic) {
    this.bootstrap = SharedServices.kafka().bootstrapServers();
    this.esUrl = SharedServices.elasticsearch().httpUrl();
    if (createTopic) {
      SharedServices.kafka().createTopic(topic, partitions);
    }
  }

  /**
   * The environment of an indexer on this test's topics, alias and group, flushing every 200 ms.
   */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("KHABAR_KAFKA_BOOTSTRAP", bootstrap);
    env.put("KHABAR_ES_URL", esUrl);
    env.put("KHABAR_ES_ALIAS", alias);
    env.put("KHABAR_TOPIC_ARTICLES", topic);
    env.put("KHABAR_TOPIC_INDEXER_DLQ", deadLetterTopic);
    env.put("KHABAR_INDEXER_GROUP_ID", groupId);
    // The test's own instance: its transactional id and group membership are no other test's.
    env.put("KHABAR_INSTANCE_ID", "it" + suffix);
    env.put("KHABAR_INDEXER_FLUSH_INTERVAL", "200ms");
    env.put("KHABAR_HTTP_PORT", "0");
    return env;
  }

  public ElasticsearchClient client() {
    return ElasticsearchClients.create(EsSettings.of(esUrl));
  }

  public KafkaProducer<byte[], byte[]> producer() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(properties);
  }

  public static Article article(String url, String title, Instant fetchedAt) {
    return article(url, title, fetchedAt, "Iran");
  }

  public static Article article(String url, String title, Instant fetchedAt, String entityName) {
    return new Article(
        ArticleId.of(url),
        url,
        "example.org",
        null,
        title,
        title + "\n\nقال النائب الأول للرئيس الإيراني إن الدول الأعضاء معرضة لخطر الأمن السيبراني.",
        "ar",
        fetchedAt,
        null,
        null,
        List.of(
            new Entity(
                "iso3166:IR", "LOC", entityName, "إيران", "الإيراني", 1, List.of(List.of(0, 8)))),
        ArticleId.contentHash(title),
        null,
        fetchedAt,
        fetchedAt.plusSeconds(1));
  }

  /** The same article from a page that gives no date of publication. */
  public static Article withoutPageDate(Article article) {
    return new Article(
        article.id(),
        article.url(),
        article.site(),
        article.siteName(),
        article.title(),
        article.text(),
        article.language(),
        null,
        article.modifiedAt(),
        article.author(),
        article.entities(),
        article.contentHash(),
        article.duplicateOf(),
        article.fetchedAt(),
        article.processedAt());
  }

  /** Sends an article that must be indexed (unless a newer version of it is sent too). */
  public synchronized void send(KafkaProducer<byte[], byte[]> producer, Article article) {
    newest.merge(article.id(), article, (a, b) -> a.fetchedAt().isAfter(b.fetchedAt()) ? a : b);
    producer.send(new ProducerRecord<>(topic, bytes(article.id()), Json.toBytes(article)));
  }

  /** Sends a record that must end up in the dead-letter topic with {@code khabar.error.type}. */
  public synchronized void sendRejected(
      KafkaProducer<byte[], byte[]> producer, String key, byte[] value, String errorType) {
    rejected.put(key, errorType);
    producer.send(new ProducerRecord<>(topic, bytes(key), value));
  }

  /** Sends an article the index must reject; it must end up in the dead-letter topic. */
  public synchronized void sendRejected(
      KafkaProducer<byte[], byte[]> producer, Article article, String errorType) {
    sendRejected(producer, article.id(), Json.toBytes(article), errorType);
  }

  public synchronized int uniqueArticles() {
    return newest.size();
  }

  /**
   * Waits until the index holds exactly one document per article sent, each the newest version (its
   * title and its external version, the fetch time), and still does a moment later.
   */
  public void assertIndexHoldsNewestVersions(ElasticsearchClient client, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, Article> expected;
    synchronized (this) {
      expected = Map.copyOf(newest);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    String problem = "not checked yet";
    while (System.nanoTime() < deadline) {
      problem = differences(client, expected);
      if (problem.isEmpty()) {
        Thread.sleep(1500); // a late duplicate or a late overwrite would show up now
        assertEquals("", differences(client, expected), "index " + alias);
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("index " + alias + ": " + problem);
  }

  private String differences(ElasticsearchClient client, Map<String, Article> expected)
      throws IOException {
    client.indices().refresh(r -> r.index(alias));
    SearchResponse<JsonNode> response =
        client.search(
            s -> s.index(alias).size(10_000).version(true).trackTotalHits(t -> t.enabled(true)),
            JsonNode.class);
    long total = response.hits().total() == null ? -1 : response.hits().total().value();
    if (total != expected.size()) {
      return "expected " + expected.size() + " documents, got " + total;
    }
    List<String> wrong = new ArrayList<>();
    for (Hit<JsonNode> hit : response.hits().hits()) {
      Article article = expected.get(hit.id());
      if (article == null) {
        wrong.add(hit.id() + " was never sent");
      } else if (hit.version() == null
          || hit.version() != article.fetchedAt().toEpochMilli()
          || !article.title().equals(hit.source().path("title").asText())) {
        wrong.add(
            hit.id()
                + " holds version "
                + hit.version()
                + " «"
                + hit.source().path("title").asText()
                + "», expected "
                + article.fetchedAt().toEpochMilli()
                + " «"
                + article.title()
                + "»");
      }
    }
    return wrong.isEmpty() ? "" : wrong.size() + " documents differ, e.g. " + wrong.get(0);
  }

  /**
   * Asserts that the dead-letter topic holds exactly the records sent to be rejected: each once,
   * with its original value and its error type, and nothing else.
   */
  public List<ConsumerRecord<byte[], byte[]>> assertDeadLettersAreExactlyTheRejected() {
    Map<String, String> expected;
    synchronized (this) {
      expected = Map.copyOf(rejected);
    }
    List<ConsumerRecord<byte[], byte[]>> dead =
        TopicReader.read(
            bootstrap,
            deadLetterTopic,
            expected.size(),
            Duration.ofSeconds(30),
            Duration.ofSeconds(1));
    Map<String, String> found = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : dead) {
      String key = new String(record.key(), StandardCharsets.UTF_8);
      String type = header(record, "khabar.error.type");
      if (found.put(key, type) != null) {
        throw new AssertionError("dead-letter topic holds " + key + " twice");
      }
    }
    assertEquals(expected.keySet(), found.keySet(), "keys in " + deadLetterTopic);
    expected.forEach((key, type) -> assertEquals(type, found.get(key), "error type of " + key));
    return dead;
  }

  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The committed offset of each partition of the topic for the group (absent: none). */
  public Map<TopicPartition, Long> committedOffsets() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> result =
          new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      offsets.forEach(
          (partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
              result.put(partition, offset.offset());
            }
          });
      return result;
    }
  }

  /** The end offset of each partition of the topic. */
  public Map<TopicPartition, Long> endOffsets(int partitions) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> result =
          new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
      admin
          .listOffsets(request)
          .all()
          .get()
          .forEach((partition, info) -> result.put(partition, info.offset()));
      return result;
    }
  }

  /** The HTTP status of one of the service's endpoints, e.g. {@code /ready}. */
  public static int status(int httpPort, String path) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }

  /** A value from the service's {@code /metrics}, summed over its series; 0 when absent. */
  public static double metric(int httpPort, String name) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      double sum = 0;
      for (String line : body.split("\n")) {
        if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return sum;
    }
  }

  public static long count(ElasticsearchClient client, String alias) throws IOException {
    client.indices().refresh(r -> r.index(alias));
    return client.count(c -> c.index(alias)).count();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
