package dev.khabar.enrich.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {
  private static PageMetadata read(String html, String url) {
    return MetadataExtractor.withDefaults().extract(Jsoup.parse(html, url), url);
  }

  @Test
  void jsonLdInGraph() {
    String html =
        "<script type=application/ld+json>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"الميادين\"},"
            + "{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-07-21T08:00:00Z\",\"author\":{\"name\":\"علي حسن\"}}]}</script>";
    PageMetadata meta = read(html, "https://example.com/a");
    assertEquals(Instant.parse("2024-07-21T08:00:00Z"), meta.publishedAt());
    assertEquals("علي حسن", meta.author());
    assertEquals("الميادين", meta.siteName());
  }

  @Test
  void parselyPubDate() {
    PageMetadata meta =
        read("<meta name=parsely-pub-date content=2024-08-03T07:30:00Z>", "https://example.com/a");
    assertEquals(Instant.parse("2024-08-03T07:30:00Z"), meta.publishedAt());
  }

  @Test
  void timeElement() {
    PageMetadata meta =
        read("<p>By Ann Lee <time datetime=2024-07-21>21 July</time></p>", "https://example.com/a");
    assertEquals(Instant.parse("2024-07-21T00:00:00Z"), meta.publishedAt());
  }

  @Test
  void dateInUrl() {
    assertEquals(
        Instant.parse("2024-07-21T00:00:00Z"),
        MetadataExtractor.urlDate("https://example.com/2024/07/21/story"));
  }

  @Test
  void arabicDateLine() {
    PageMetadata meta =
        read("<span class=date>بغداد، ٢١ تموز ٢٠٢٤</span>", "https://example.com/a");
    assertEquals(Instant.parse("2024-07-21T00:00:00Z"), meta.publishedAt());
  }

  @Test
  void mastheadDateIsNotPublicationDate() {
    assertNull(
        read("<header><span class=date>١١ ديسمبر ٢٠٢٤</span></header>", "https://example.com/a")
            .publishedAt());
  }

  @Test
  void bylinePrefixesRemoved() {
    assertEquals("حيدر الساعدي", MetadataExtractor.cleanByline("بقلم: حيدر الساعدي"));
    assertEquals("Layla Haddad", MetadataExtractor.cleanByline("By Layla Haddad"));
  }
}
