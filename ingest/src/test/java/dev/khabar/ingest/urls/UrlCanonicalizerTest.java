package dev.khabar.ingest.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
  private final UrlCanonicalizer urls = new UrlCanonicalizer();

  @Test
  void lowerCasesSchemeAndHostAndDropsDefaultPortAndFragment() {
    assertEquals(
        Optional.of("https://news.example.org/a/b"),
        urls.canonicalize("HTTPS://News.Example.ORG:443/a/b#comments"));
  }

  @Test
  void dropsTrackingParametersButKeepsTheRest() {
    assertEquals(
        Optional.of("https://example.org/story?id=7"),
        urls.canonicalize(
            "https://example.org/story?utm_source=x&id=7&fbclid=abc&gclid=1&utm_medium=rss"));
  }

  @Test
  void keepsArabicPathsIntact() {
    String url = "https://example.org/news/%D8%A7%D9%84%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF";
    assertEquals(Optional.of(url), urls.canonicalize(url + "?utm_campaign=feed"));
  }

  @Test
  void refusesNonHttpAndMalformedUrls() {
    assertTrue(urls.canonicalize("mailto:desk@example.org").isEmpty());
    assertTrue(urls.canonicalize("javascript:void(0)").isEmpty());
    assertTrue(urls.canonicalize("http://exa mple.org/").isEmpty());
  }

  @Test
  void resolvesRelativeLinksAgainstThePage() {
    assertEquals(
        Optional.of("https://example.org/ar/2.html"),
        urls.resolve("https://example.org/ar/1.html", "2.html?utm_source=feed"));
  }
}
