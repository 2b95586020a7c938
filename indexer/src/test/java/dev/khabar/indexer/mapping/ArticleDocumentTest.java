package dev.khabar.indexer.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.common.contract.Article;
import dev.khabar.common.contract.ArticleId;
import dev.khabar.common.contract.Entity;
import dev.khabar.common.contract.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleDocumentTest {
  private static final Instant FETCHED = Instant.parse("2026-11-29T08:00:00Z");

  static Article article(List<Entity> entities) {
    return new Article(
        ArticleId.of("https://example.org/a"),
        "https://example.org/a",
        "example.org",
        "قناة الكوثر",
        "عارف يعلن",
        "نص الخبر",
        "ar",
        null,
        null,
        null,
        entities,
        ArticleId.contentHash("نص الخبر"),
        null,
        FETCHED,
        FETCHED.plusSeconds(1));
  }

  @Test
  void flattensEntitiesByTypeEachOnce() {
    Article article =
        article(
            List.of(
                new Entity(
                    "iso3166:IR", "LOC", "Iran", "إيران", "إيران", 3, List.of(List.of(0, 5))),
                new Entity("name:عارف", "PER", "عارف", null, "عارف", 2, List.of(List.of(9, 13))),
                new Entity(
                    "wikidata:Q1161",
                    "ORG",
                    "Economic Cooperation Organization",
                    "منظمة التعاون الاقتصادي",
                    "إيكو",
                    4,
                    List.of())));

    ArticleDocument document = ArticleDocument.of(article, FETCHED.plusSeconds(2));

    assertEquals(List.of("Iran"), document.entities().location());
    assertEquals(List.of("iso3166:IR"), document.entities().locationId());
    assertEquals(List.of("عارف"), document.entities().person());
    assertEquals(List.of("wikidata:Q1161"), document.entities().organisationId());
    assertEquals(3, document.entityCount());
  }

  @Test
  void versionGrowsWithTheFetchTime() {
    assertEquals(FETCHED.toEpochMilli(), ArticleDocument.version(article(List.of())));
  }

  @Test
  void anArticleWithoutAPageDateIsTimedByItsFetch() throws Exception {
    ArticleDocument document = ArticleDocument.of(article(List.of()), FETCHED.plusSeconds(2));

    ObjectNode json = (ObjectNode) Json.mapper().readTree(Json.toBytes(document));
    assertEquals("2026-11-29T08:00:00Z", json.path("published_or_fetched_at").asText());
    assertEquals(false, json.has("published_at"), "the page gave no date");
  }

  @Test
  void anArticleWithAPageDateIsTimedByIt() throws Exception {
    Article undated = article(List.of());
    Article dated =
        new Article(
            undated.id(),
            undated.url(),
            undated.site(),
            undated.siteName(),
            undated.title(),
            undated.text(),
            undated.language(),
            Instant.parse("2026-11-28T21:30:00Z"),
            null,
            null,
            List.of(),
            undated.contentHash(),
            null,
            FETCHED,
            FETCHED.plusSeconds(1));

    ObjectNode json =
        (ObjectNode)
            Json.mapper().readTree(Json.toBytes(ArticleDocument.of(dated, FETCHED.plusSeconds(2))));

    assertEquals("2026-11-28T21:30:00Z", json.path("published_or_fetched_at").asText());
    assertEquals("2026-11-28T21:30:00Z", json.path("published_at").asText());
  }

  @Test
  void aDocumentOfTheEarlierMappingGetsTheTimeFieldFromWhatItHas() throws Exception {
    ObjectNode undated =
        (ObjectNode)
            Json.mapper().readTree("{\"id\":\"a\",\"fetched_at\":\"2026-11-29T08:00:00Z\"}");
    ObjectNode dated =
        (ObjectNode)
            Json.mapper()
                .readTree(
                    "{\"id\":\"b\",\"published_at\":\"2026-11-28T21:30:00Z\","
                        + "\"fetched_at\":\"2026-11-29T08:00:00Z\"}");

    assertEquals(
        "{\"id\":\"a\",\"fetched_at\":\"2026-11-29T08:00:00Z\","
            + "\"published_or_fetched_at\":\"2026-11-29T08:00:00Z\"}",
        ArticleDocument.withComputedFields(undated).toString());
    assertEquals(
        "{\"id\":\"b\",\"published_at\":\"2026-11-28T21:30:00Z\","
            + "\"fetched_at\":\"2026-11-29T08:00:00Z\","
            + "\"published_or_fetched_at\":\"2026-11-28T21:30:00Z\"}",
        ArticleDocument.withComputedFields(dated).toString());
  }
}
