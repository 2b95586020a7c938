package dev.khabar.common.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {
  @Test
  void rawPageRoundTripsWithSnakeCaseFields() {
    RawPage page =
        new RawPage(
            "https://example.org/a",
            "https://www.example.org/a?x=1",
            Instant.parse("2026-11-29T08:00:00Z"),
            200,
            "text/html",
            "windows-1256",
            "<p>مرحبا</p>",
            "example-feed");

    String json = Json.toString(page);

    assertTrue(json.contains("\"final_url\":\"https://www.example.org/a?x=1\""), json);
    assertTrue(json.contains("\"fetched_at\":\"2026-11-29T08:00:00Z\""), json);
    assertEquals(page, Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), RawPage.class));
  }

  @Test
  void articleLeavesOutAbsentOptionalFields() {
    Article article =
        new Article(
            ArticleId.of("https://example.org/a"),
            "https://example.org/a",
            "example.org",
            null,
            "عنوان",
            "نص",
            "ar",
            null,
            null,
            null,
            List.of(),
            ArticleId.contentHash("نص"),
            null,
            Instant.parse("2026-11-29T08:00:00Z"),
            Instant.parse("2026-11-29T08:00:01Z"));

    String json = Json.toString(article);

    assertTrue(!json.contains("author") && !json.contains("published_at"), json);
    assertEquals(article, Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), Article.class));
  }

  @Test
  void malformedJsonIsAContractErrorNamingTheRecord() {
    ContractException error =
        assertThrows(
            ContractException.class,
            () -> Json.fromBytes("{\"url\":".getBytes(StandardCharsets.UTF_8), RawPage.class));

    assertTrue(error.getMessage().startsWith("not a valid RawPage"), error.getMessage());
  }

  @Test
  void missingRequiredFieldIsAContractError() {
    String json = "{\"url\":\"https://example.org/a\",\"html\":\"\"}";

    assertThrows(
        ContractException.class,
        () -> Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), RawPage.class));
  }

  @Test
  void articleIdIsStableHexOf128Bits() {
    assertEquals(
        "3e5b1b3b1f4a0f4c8a2b0a0d7c2f2f6e".length(), ArticleId.of("https://a.org/").length());
    assertEquals(ArticleId.of("https://a.org/"), ArticleId.of("https://a.org/"));
    assertTrue(!ArticleId.of("https://a.org/").equals(ArticleId.of("https://a.org/b")));
  }

  @Test
  void entityRejectsUnknownType() {
    assertThrows(
        ContractException.class,
        () -> new Entity("name:x", "THING", "x", null, "x", 1, List.of(List.of(0, 1))));
  }

  @Test
  void readmeRawPageExampleIsExactlyTheRecord() {
    String example = ReadmeContract.example("raw-page");

    RawPage page = Json.fromBytes(example.getBytes(StandardCharsets.UTF_8), RawPage.class);

    assertEquals(
        ReadmeContract.fieldNames(example), ReadmeContract.fieldNames(Json.toString(page)));
  }

  @Test
  void readmeArticleExampleIsExactlyTheRecord() {
    String example = ReadmeContract.example("article");

    Article article = Json.fromBytes(example.getBytes(StandardCharsets.UTF_8), Article.class);

    assertEquals(
        ReadmeContract.fieldNames(example), ReadmeContract.fieldNames(Json.toString(article)));
    assertEquals(
        ReadmeContract.fieldNames(Json.toString(article.entities().get(0))),
        java.util.Set.of("id", "type", "name", "name_ar", "text", "mentions", "offsets"));
  }
}
