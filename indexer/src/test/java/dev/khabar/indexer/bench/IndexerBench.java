package dev.khabar.indexer.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Entity;
import dev.khabar.common.contract.Json;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.embedded.SharedServices;
import dev.khabar.indexer.bulk.ArticleIndexer;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import dev.khabar.indexer.mapping.ArticleDocument;
import dev.khabar.indexer.mapping.IndexSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How close the indexer gets to the node's own bulk rate: the same N synthetic articles written
 * once by a plain bulk loop with the Java client (batches of the indexer's default 2,000 actions,
 * one request at a time, same documents and external versions) and once through Kafka by the
 * indexer with its default settings, both on the embedded broker and node of this JVM. Prints both
 * rates and their ratio (target: at least 80 %). Lives in the test sources so that production code
 * never depends on the embedded stack; run it with
 *
 * <pre>
 * mvn -o -q -pl indexer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.khabar.indexer.bench.IndexerBench -Dexec.args=20000
 * </pre>
 */
public final class IndexerBench {
  private static final int BATCH = 2000;
  private static final String[] SITES = {
    "alkawthartv.ir", "bbc.com", "aljazeera.net", "reuters.com", "almayadeen.net"
  };

  private IndexerBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String bootstrap = SharedServices.kafka().bootstrapServers();
    String esUrl = SharedServices.elasticsearch().httpUrl();
    List<Article> articles = articles(n);
    long bytes = articles.stream().mapToLong(a -> Json.toBytes(a).length).sum();
    System.out.printf(
        "%d synthetic articles, %.1f MB of JSON, on %s and %s%n", n, bytes / 1e6, bootstrap, esUrl);

    try (ElasticsearchClient client = ElasticsearchClients.create(EsSettings.of(esUrl))) {
      // Warm-up: the JIT and the node's first index, on a throwaway alias.
      bulkLoop(client, "news-articles-bench-warmup", articles.subList(0, Math.min(n, 4000)));
      double raw = bulkLoop(client, "news-articles-bench-raw", articles);
      System.out.printf("plain bulk loop:    %,8.0f docs/s%n", raw);
      double indexer = throughIndexer(client, bootstrap, "news-articles-bench-indexer", articles);
      System.out.printf("indexer via Kafka:  %,8.0f docs/s%n", indexer);
      System.out.printf("ratio:              %8.0f %% (target ≥ 80 %%)%n", 100 * indexer / raw);
    }
    System.exit(0); // the embedded services stop in their shutdown hook
  }

  private static double bulkLoop(ElasticsearchClient client, String alias, List<Article> articles)
      throws Exception {
    new IndexSetup(client, alias).install();
    Instant indexedAt = Instant.now();
    long start = System.nanoTime();
    for (int from = 0; from < articles.size(); from += BATCH) {
      List<BulkOperation> operations = new ArrayList<>(BATCH);
      for (Article article : articles.subList(from, Math.min(articles.size(), from + BATCH))) {
        operations.add(
            BulkOperation.of(
                o ->
                    o.index(
                        i ->
                            i.index(alias)
                                .id(article.id())
                                .versionType(VersionType.External)
                                .version(ArticleDocument.version(article))
                                .document(ArticleDocument.of(article, indexedAt)))));
      }
      BulkResponse response = client.bulk(b -> b.operations(operations));
      if (response.errors()) {
        throw new IllegalStateException(
            "bulk errors: " + response.items().stream().filter(i -> i.error() != null).findFirst());
      }
    }
    return articles.size() / seconds(start);
  }

  private static double throughIndexer(
      ElasticsearchClient client, String bootstrap, String alias, List<Article> articles)
      throws Exception {
    String topic = "khabar.articles.bench-" + System.nanoTime();
    SharedServices.kafka().createTopic(topic, 3);
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
      for (Article article : articles) {
        producer.send(
            new ProducerRecord<>(
                topic, article.id().getBytes(StandardCharsets.UTF_8), Json.toBytes(article)));
      }
    }
    new IndexSetup(client, alias).install();
    // The indexer's defaults (README, configuration).
    ArticleIndexer.Settings settings =
        new ArticleIndexer.Settings(
            topic,
            topic + ".dlq",
            alias,
            "bench-" + topic,
            "bench-" + topic,
            "bench-" + topic,
            2000,
            5L * 1024 * 1024,
            2,
            Duration.ofMillis(200),
            10_000,
            Duration.ofSeconds(30));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ArticleIndexer indexer =
        new ArticleIndexer(
            KafkaSettings.plaintext(bootstrap).clientProperties(),
            client,
            settings,
            registry,
            Clock.systemUTC());
    long start = System.nanoTime();
    Thread thread = Thread.ofPlatform().name("bench-indexer").start(indexer);
    double firstDocument = 0;
    while (registry.counter("khabar_indexer_documents_indexed").count() < articles.size()) {
      if (firstDocument == 0 && registry.counter("khabar_indexer_documents_indexed").count() > 0) {
        firstDocument = seconds(start);
      }
      Thread.sleep(20);
    }
    double took = seconds(start);
    indexer.stop(Duration.ofSeconds(15));
    thread.join();
    System.out.printf(
        "  (indexer: first document acknowledged after %.1f s, all %d after %.1f s)%n",
        firstDocument, articles.size(), took);
    return articles.size() / took;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<Article> articles(int n) {
    Instant t0 = Instant.parse("2026-11-29T08:00:00Z");
    String arabic =
        "قال النائب الأول للرئيس الإيراني إن الدول الأعضاء في منظمة ايكو معرضة لخطر الهجمات السيبرانية، "
            + "وإن بلاده مستعدة لنقل خبراتها في مجال أمن الفضاء الإلكتروني. ";
    String english =
        "Ministers from the member states met in Tehran to discuss trade, energy and transport corridors, "
            + "and agreed to meet again before the end of the year. ";
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean ar = i % 2 == 0;
      String url = "https://" + SITES[i % SITES.length] + "/news/" + i;
      String title = (ar ? "عارف يعلن استعداد إيران " : "Trade summit in Tehran ") + i;
      String text = (ar ? arabic : english).repeat(8) + i;
      List<Entity> entities =
          List.of(
              new Entity(
                  "wikidata:Q" + (100 + i % 50),
                  "PER",
                  "Person " + (i % 50),
                  null,
                  "Person",
                  2,
                  List.of(List.of(0, 6))),
              new Entity(
                  "wikidata:Q" + (900 + i % 20),
                  "ORG",
                  "Organisation " + (i % 20),
                  null,
                  "Org",
                  1,
                  List.of(List.of(10, 13))),
              new Entity(
                  "iso3166:IR", "LOC", "Iran", "إيران", "إيران", 3, List.of(List.of(20, 25))));
      Instant fetched = t0.plusSeconds(i);
      articles.add(
          new Article(
              ArticleId.of(url),
              url,
              SITES[i % SITES.length],
              null,
              title,
              text,
              ar ? "ar" : "en",
              fetched,
              null,
              null,
              entities,
              ArticleId.contentHash(text),
              null,
              fetched,
              fetched.plusSeconds(1)));
    }
    return articles;
  }
}
