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
  void theUrlsDateComesLastAfterTheDateWrittenInThePage() {
    String url = "https://example.com/2024/07/20/story";
    assertEquals(
        Instant.parse("2024-07-21T00:00:00Z"),
        read("<span class=date>بغداد، ٢١ تموز ٢٠٢٤</span>", url).publishedAt());
    assertEquals(
        Instant.parse("2024-07-20T00:00:00Z"), read("<p>No date here.</p>", url).publishedAt());
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

  @Test
  void jsonLdOffsetWithoutColon() {
    String html =
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\","
            + "\"datePublished\":\"2024-05-03T10:20:30+0500\"}</script>";
    assertEquals(
        Instant.parse("2024-05-03T05:20:30Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void jsonLdWithLineBreaksInAString() {
    String html =
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"articleBody\":\"سطر\nسطر\","
            + "\"datePublished\":\"2024-05-03T10:20:30+05:00\"}</script>";
    assertEquals(
        Instant.parse("2024-05-03T05:20:30Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void jsonLdDateOfAnObjectOfAnotherType() {
    String html =
        "<script type=application/ld+json>{\"@type\":\"Report\","
            + "\"datePublished\":\"2024-05-03\"}</script>";
    assertEquals(
        Instant.parse("2024-05-03T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void dayMonthYearBelowTheHeadline() {
    String html = "<h1>عنوان الخبر</h1><div><span>24-04-2020</span><p>نص الخبر.</p></div>";
    assertEquals(
        Instant.parse("2020-04-24T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void ambiguousSlashDateReadInThePagesLanguage() {
    String html =
        "<html lang=ar><body><h1>عنوان</h1><span class=post-date>04/05/2020</span></body></html>";
    assertEquals(
        Instant.parse("2020-05-04T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void ambiguousSlashDateReadInTheOrderOfTheOtherDates() {
    String html =
        "<html lang=en><body><h1>Title</h1><span class=date>04/05/2020</span>"
            + "<span class=updated-date>Updated 04/25/2020</span></body></html>";
    assertEquals(
        Instant.parse("2020-04-05T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void persianPageWithOnlyASolarHijriDate() {
    String html =
        "<html lang=fa><body><h1>عنوان خبر</h1><div class=news-date>جمعه ۱۴ اردیبهشت ۱۴۰۳</div>"
            + "<p>متن خبر.</p></body></html>";
    assertEquals(
        Instant.parse("2024-05-03T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void persianPageWithANumericSolarHijriDate() {
    String html =
        "<html><head><title>عنوان خبر ایران</title></head><body><h1>عنوان خبر</h1>"
            + "<span>تاریخ انتشار: ۱۴۰۳/۰۲/۱۴</span></body></html>";
    assertEquals(
        Instant.parse("2024-05-03T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void levantinePairedMonthInADateLine() {
    String html = "<h1>عنوان</h1><p class=article-info>بيروت - الخميس 15 آب/أغسطس 2024</p>";
    assertEquals(
        Instant.parse("2024-08-15T00:00:00Z"), read(html, "https://example.com/a").publishedAt());
  }

  @Test
  void isoTimeInsideADateLine() {
    String html =
        "<h1>Tytuł</h1><div class=article__meta-item>opublikowano:"
            + " <time title=x>2021-04-29 17:13:04.031886+02:00</time></div>";
    assertEquals(
        Instant.parse("2021-04-29T15:13:04.031886Z"),
        read(html, "https://example.com/a").publishedAt());
  }
}
