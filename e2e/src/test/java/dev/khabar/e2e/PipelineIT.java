package dev.khabar.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.service.Env;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.StaticSite;
import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.indexer.IndexerConfig;
import dev.khabar.indexer.IndexerService;
import dev.khabar.indexer.es.ElasticsearchClients;
import dev.khabar.indexer.es.EsSettings;
import dev.khabar.indexer.search.ArticleSearch;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.ingest.address.AddressGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample site (the seed article page, English and Arabic articles and their RSS feed) served on
 * 127.0.0.1, crawled, enriched and indexed by the three services on the real broker and node.
 */
class PipelineIT {
  private static final Path SITE = Path.of("..", "sample-site");
  private static final String SEED_HTML = "/ar/alkawthar-eco-cybersecurity.html";
  private static final String HEADLINE =
      "عارف يعلن عن استعداد إيران لنقل خبراتها في مجال أمن الفضاء الإلكتروني إلى منظمة ايكو";
  private static final AddressGuard.Resolver LOOPBACK_ONLY =
      host -> {
        if (host.equals("127.0.0.1")) {
          return List.of(InetAddress.getByName("127.0.0.1"));
        }
        throw new UnknownHostException(host);
      };

  @TempDir static Path state;
  private static StaticSite site;
  private static IngestService ingest;
  private static EnrichService enrich;
  private static IndexerService indexer;
  private static ElasticsearchClient client;
  private static String alias;
  private static JsonNode seed;

  @BeforeAll
  static void runPipeline() throws Exception {
    String suffix = "-e2e-" + System.nanoTime();
    alias = "news-articles" + suffix;
    site = StaticSite.serve(SITE);
    Map<String, String> env = TestPipeline.environment(suffix, 2, state.resolve("streams"));
    env.put("KHABAR_INGEST_FEEDS", site.url("/feed.xml"));
    env.put("KHABAR_INGEST_ALLOW_PRIVATE", URI.create(site.url("/feed.xml")).getAuthority());
    env.put("KHABAR_INGEST_DELAY", "0s");
    env.put("KHABAR_INGEST_MIN_POLL", "1s");
    env.put("KHABAR_INGEST_MAX_POLL", "2s");
    env.put("KHABAR_INGEST_MAX_AGE", "36500d");
    Env config = new Env(env);

    indexer = new IndexerService(IndexerConfig.fromEnv(config));
    enrich = new EnrichService(EnrichConfig.fromEnv(config));
    ingest = new IngestService(IngestConfig.fromEnv(config), LOOPBACK_ONLY);
    indexer.start();
    enrich.start();
    ingest.start();
    client = ElasticsearchClients.create(EsSettings.of(SharedServices.elasticsearch().httpUrl()));

    TestPipeline.awaitDocuments(client, alias, 4, Duration.ofSeconds(90));
    seed =
        client
            .search(
                s ->
                    s.index(alias)
                        .query(q -> q.term(t -> t.field("url").value(site.url(SEED_HTML)))),
                JsonNode.class)
            .hits()
            .hits()
            .get(0)
            .source();
  }

  @AfterAll
  static void stop() throws IOException {
    for (AutoCloseable service : new AutoCloseable[] {ingest, enrich, indexer, client, site}) {
      try {
        if (service != null) {
          service.close();
        }
      } catch (Exception e) {
        System.err.println("closing " + service + ": " + e);
      }
    }
  }

  @Test
  void indexesOneDocumentPerArticle() throws Exception {
    Thread.sleep(3000); // more polls of the feed: nothing may be indexed twice
    client.indices().refresh(r -> r.index(alias));
    assertEquals(4, client.count(c -> c.index(alias)).count());
    Set<String> urls = new TreeSet<>();
    client
        .search(s -> s.index(alias).size(10), JsonNode.class)
        .hits()
        .hits()
        .forEach(h -> urls.add(h.source().path("url").asText()));
    assertEquals(
        Set.of(
            site.url(SEED_HTML),
            site.url("/ar/basra-date-palm-harvest.html"),
            site.url("/en/coastal-mangroves-restoration.html"),
            site.url("/en/gulf-trade-summit-muscat.html")),
        urls);
  }

  @Test
  void arabicSearchFindsTheSeedArticle() throws Exception {
    SearchResponse<JsonNode> hits = new ArticleSearch(client, alias).search("الاقتصادي", 10);

    assertEquals(site.url(SEED_HTML), hits.hits().hits().get(0).source().path("url").asText());
  }

  @Test
  void seedTextHoldsEveryBodyParagraphAndNoBoilerplate() throws IOException {
    String text = seed.path("text").asText();

    for (String paragraph : seedBodyParagraphs()) {
      assertTrue(text.contains(paragraph), "missing paragraph: " + paragraph);
    }
    for (String boilerplate :
        List.of("شاركوا هذا الخبر", "اقرأ أيضا", "أهم الأخبار", "الأكثر مشاهدة", "الكوثر_ايران")) {
      assertFalse(text.contains(boilerplate), "kept boilerplate: " + boilerplate);
    }
    assertTrue(text.split(HEADLINE, -1).length - 1 <= 1, "headline more than once");
    assertEquals(HEADLINE, seed.path("title").asText());
    assertEquals("ar", seed.path("language").asText());
  }

  @Test
  void seedEntitiesIncludeIranTehranTheEcoArefAndMajeedKhan() {
    JsonNode entities = seed.path("entities");

    assertTrue(values(entities.path("location_id")).contains("iso3166:IR"), entities.toString());
    assertTrue(values(entities.path("location")).contains("Tehran"), entities.toString());
    assertTrue(
        values(entities.path("organisation")).contains("Economic Cooperation Organization"),
        entities.toString());
    assertTrue(values(entities.path("person")).contains("عارف"), entities.toString());
    assertTrue(values(entities.path("person")).contains("مجيد خان"), entities.toString());
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /**
   * The seed's lead and body paragraphs: the lines between the headline's second appearance and the
   * sidebars.
   */
  private static List<String> seedBodyParagraphs() throws IOException {
    List<String> lines =
        Files.readAllLines(SITE.resolve("ar/alkawthar-eco-cybersecurity.txt")).stream()
            .map(line -> line.replace('\u00A0', ' ').strip())
            .filter(line -> !line.isEmpty())
            .toList();
    return lines.subList(2, lines.indexOf("أهم الأخبار")).stream()
        .filter(
            line ->
                !line.equals(HEADLINE)
                    && !line.equals("الكوثر_ايران")
                    && !line.equals("اقرأ أيضا:"))
        .toList();
  }
}
