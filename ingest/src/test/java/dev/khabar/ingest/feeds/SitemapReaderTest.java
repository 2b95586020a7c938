package dev.khabar.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
  private final SitemapReader reader = new SitemapReader();

  @Test
  void newsPublicationDateWinsOverLastmod() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>https://example.org/ar/eco.html</loc><lastmod>2024-12-12T00:00:00Z</lastmod>
            <news:news><news:publication><news:name>الكوثر</news:name><news:language>ar</news:language></news:publication>
              <news:publication_date>2024-12-11T10:12:05Z</news:publication_date><news:title>عارف يعلن</news:title></news:news></url>
          <url><loc>https://example.org/en/trade.html</loc><lastmod>2024-07-21T09:15:00Z</lastmod></url>
        </urlset>
        """;

    Discovery discovery =
        reader.read(
            "https://example.org/news-sitemap.xml",
            "application/xml",
            xml.getBytes(StandardCharsets.UTF_8));

    assertEquals(
        List.of(
            new Discovery.Link(
                "https://example.org/ar/eco.html",
                Optional.of(Instant.parse("2024-12-11T10:12:05Z"))),
            new Discovery.Link(
                "https://example.org/en/trade.html",
                Optional.of(Instant.parse("2024-07-21T09:15:00Z")))),
        discovery.articles());
  }

  @Test
  void sitemapIndexListsItsChildren() throws Exception {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://example.org/sitemap-news.xml</loc></sitemap>
          <sitemap><loc>https://example.org/sitemap-2024.xml</loc></sitemap>
        </sitemapindex>
        """;

    Discovery discovery =
        reader.read(
            "https://example.org/sitemap.xml",
            "application/xml",
            xml.getBytes(StandardCharsets.UTF_8));

    assertEquals(
        List.of("https://example.org/sitemap-news.xml", "https://example.org/sitemap-2024.xml"),
        discovery.sitemaps());
  }

  @Test
  void brokenSitemapIsAClearError() {
    assertThrows(
        SourceFormatException.class,
        () ->
            reader.read(
                "https://example.org/s.xml",
                "application/xml",
                "<urlset><url><loc>".getBytes(StandardCharsets.UTF_8)));
  }
}
