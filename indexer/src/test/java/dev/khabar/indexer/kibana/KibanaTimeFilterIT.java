package dev.khabar.indexer.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.Json;
import dev.khabar.common.service.Env;
import dev.khabar.indexer.IndexerConfig;
import dev.khabar.indexer.IndexerFixtures;
import dev.khabar.indexer.IndexerService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * What an analyst sees in Kibana, on the real broker and node: the indexer writes the articles, and
 * the search is the one Kibana sends for the bundled data view under a time filter.
 */
class KibanaTimeFilterIT {
  private static JsonNode dataView() throws Exception {
    for (String line : new String(KibanaImport.bundled(), StandardCharsets.UTF_8).split("\n")) {
      JsonNode object = Json.mapper().readTree(line);
      if (object.path("type").asText().equals("index-pattern")) {
        return object.path("attributes");
      }
    }
    throw new AssertionError("no data view in " + KibanaImport.BUNDLED);
  }

  /** Kibana's time filter: a range on the time field, in the format it sends. */
  private static Query timeFilter(String field, String from, String to) {
    return Query.of(
        q ->
            q.range(
                r ->
                    r.date(
                        d ->
                            d.field(field).gte(from).lte(to).format("strict_date_optional_time"))));
  }

  private static long hits(
      ElasticsearchClient client, String index, Query timeFilter, Article article)
      throws Exception {
    SearchResponse<JsonNode> response =
        client.search(
            s ->
                s.index(index)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(timeFilter)
                                        .filter(f -> f.ids(i -> i.values(article.id()))))),
            JsonNode.class);
    return response.hits().total() == null ? -1 : response.hits().total().value();
  }

  @Test
  void anArticleFromAPageWithoutAnyDateIsInsideTheDataViewsTimeFilter() throws Exception {
    JsonNode dataView = dataView();
    String index = dataView.path("title").asText();
    String timeField = dataView.path("timeFieldName").asText();
    IndexerFixtures fixtures = new IndexerFixtures(1);
    Map<String, String> env = fixtures.env();
    env.put("KHABAR_ES_ALIAS", index);
    Article undated =
        IndexerFixtures.withoutPageDate(
            IndexerFixtures.article(
                "https://example.org/undated/" + fixtures.suffix,
                "خبر من صفحة بلا تاريخ",
                IndexerFixtures.T0));

    try (IndexerService indexer = new IndexerService(IndexerConfig.fromEnv(new Env(env)));
        ElasticsearchClient client = fixtures.client();
        KafkaProducer<byte[], byte[]> producer = fixtures.producer()) {
      indexer.start();
      fixtures.send(producer, undated);
      producer.flush();
      awaitIndexed(client, index, undated);

      // The day of the fetch, 2026-11-29T08:00:00Z, as the time picker sends it.
      Query day = timeFilter(timeField, "2026-11-29T00:00:00.000Z", "2026-11-29T23:59:59.999Z");
      assertEquals(1, hits(client, index, day, undated));
      Query pageDate =
          timeFilter("published_at", "2026-11-29T00:00:00.000Z", "2026-11-29T23:59:59.999Z");
      assertEquals(0, hits(client, index, pageDate, undated), "the page's own date is absent");
      JsonNode source = client.get(g -> g.index(index).id(undated.id()), JsonNode.class).source();
      assertEquals(false, source.has("published_at"), "published_at stays what the page said");
    }
  }

  private static void awaitIndexed(ElasticsearchClient client, String index, Article article)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!client.exists(e -> e.index(index).id(article.id())).value()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(article.id() + " was not indexed into " + index + " in 60 s");
      }
      Thread.sleep(200);
    }
    client.indices().refresh(r -> r.index(index));
  }
}
