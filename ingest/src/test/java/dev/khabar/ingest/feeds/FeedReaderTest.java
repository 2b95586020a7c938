package dev.khabar.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
  private final FeedReader reader = new FeedReader();

  @Test
  void readsRssItemsWithTheirDates() throws Exception {
    String rss =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>أخبار</title>
        <item><title>عارف يعلن</title><link>https://example.org/ar/1.html</link>
          <pubDate>Sun, 21 Jul 2024 10:00:00 GMT</pubDate></item>
        <item><title>Trade</title><link>https://example.org/en/2.html</link></item>
        </channel></rss>
        """;

    Discovery discovery = reader.read(rss);

    assertEquals(
        List.of(
            new Discovery.Link(
                "https://example.org/ar/1.html",
                Optional.of(Instant.parse("2024-07-21T10:00:00Z"))),
            new Discovery.Link("https://example.org/en/2.html", Optional.empty())),
        discovery.articles());
  }

  @Test
  void readsAtomEntries() throws Exception {
    String atom =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2024-07-21T10:00:00Z</updated>
        <entry><title>a</title><id>urn:1</id><updated>2024-07-21T10:00:00Z</updated>
          <link rel="alternate" href="https://example.org/a"/></entry>
        </feed>
        """;

    assertEquals("https://example.org/a", reader.read(atom).articles().get(0).url());
  }

  @Test
  void leadingWhitespaceBeforeTheDeclarationIsTolerated() throws Exception {
    String rss =
        "\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><link>https://example.org/x</link></item></channel></rss>";
    assertEquals(1, reader.read(rss).articles().size());
  }

  @Test
  void brokenFeedIsAClearError() {
    SourceFormatException error =
        assertThrows(SourceFormatException.class, () -> reader.read("<rss><channel><item><link>"));
    assertEquals(true, error.getMessage().startsWith("not a readable feed"));
  }

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        """
        <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&x;</title></channel></rss>
        """;
    assertThrows(SourceFormatException.class, () -> reader.read(xxe));
  }
}
