package dev.khabar.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedElasticsearchIT {

  @Test
  void clientInfoAndPingWork() throws IOException {
    try (ElasticsearchClient client = client(SharedServices.elasticsearch())) {
      InfoResponse info = client.info();

      assertEquals("9.2.0", info.version().number());
      assertEquals("default", info.version().buildFlavor());
      assertEquals("khabar-embedded", info.clusterName());
      assertTrue(client.ping().value());
    }
  }

  @Test
  void arabicAnalyzerMatchesTheStemOfAWordInAPhrase() throws IOException {
    try (ElasticsearchClient client = client(SharedServices.elasticsearch())) {
      client
          .indices()
          .create(
              c ->
                  c.index("arabic-news")
                      .mappings(
                          m -> m.properties("title", p -> p.text(t -> t.analyzer("arabic")))));
      client.index(
          i ->
              i.index("arabic-news")
                  .id("1")
                  .refresh(Refresh.True)
                  .document(new Article("منظمة التعاون الاقتصادي")));

      SearchResponse<Article> hits =
          client.search(
              s ->
                  s.index("arabic-news")
                      .query(q -> q.match(m -> m.field("title").query("الاقتصادي"))),
              Article.class);

      assertEquals(List.of("1"), hits.hits().hits().stream().map(h -> h.id()).toList());
    }
  }

  @Test
  void englishAnalyzerStemsAndDropsStopwords() throws IOException {
    try (ElasticsearchClient client = client(SharedServices.elasticsearch())) {
      var tokens = client.indices().analyze(a -> a.analyzer("english").text("The markets"));

      assertEquals(List.of("market"), tokens.tokens().stream().map(t -> t.token()).toList());
    }
  }

  @Test
  void englishAnalyzerHonoursStopwordsSetting() throws IOException {
    try (ElasticsearchClient client = client(SharedServices.elasticsearch())) {
      client
          .indices()
          .create(
              c ->
                  c.index("english-all-words")
                      .settings(
                          s ->
                              s.analysis(
                                  a ->
                                      a.analyzer(
                                          "all_words",
                                          an -> an.english(e -> e.stopwords("_none_"))))));

      var tokens =
          client
              .indices()
              .analyze(a -> a.index("english-all-words").analyzer("all_words").text("The markets"));

      assertEquals(List.of("the", "market"), tokens.tokens().stream().map(t -> t.token()).toList());
    }
  }

  @Test
  void restartOnTheSameDataDirKeepsDocumentsAndUrl(@TempDir Path dataDir) throws IOException {
    try (EmbeddedElasticsearch es =
        EmbeddedElasticsearch.builder().dataDir(dataDir).build().start()) {
      String url = es.httpUrl();
      try (ElasticsearchClient client = client(es)) {
        client.index(
            i ->
                i.index("durable")
                    .id("1")
                    .refresh(Refresh.True)
                    .document(new Article("before restart")));
      }

      es.stop();
      es.start();

      assertEquals(url, es.httpUrl());
      try (ElasticsearchClient client = client(es)) {
        assertEquals(1, client.count(c -> c.index("durable")).count());
      }
    }
  }

  record Article(String title) {}

  private static ElasticsearchClient client(EmbeddedElasticsearch es) {
    return ElasticsearchClient.of(b -> b.host(es.httpUrl()));
  }
}
