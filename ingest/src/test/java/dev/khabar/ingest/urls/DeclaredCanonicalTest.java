package dev.khabar.ingest.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeclaredCanonicalTest {
  private final DeclaredCanonical canonical = new DeclaredCanonical(new UrlCanonicalizer());

  private static String page(String href) {
    return "<html><head><link rel=\"canonical\" href=\""
        + href
        + "\"></head><body>خبر</body></html>";
  }

  @Test
  void aSiblingHostOfThePublisherMayBeCanonical() {
    assertEquals(
        Optional.of("https://www.example.co.uk/news/1"),
        canonical.of(
            page("https://www.example.co.uk/news/1?utm_source=x"),
            URI.create("https://sport.example.co.uk/a")));
  }

  @Test
  void anotherPublisherUnderTheSameSuffixMayNot() {
    assertEquals(
        Optional.empty(),
        canonical.of(
            page("https://other.co.uk/news/1"), URI.create("https://news.example.co.uk/a")));
  }

  @Test
  void aRelativeHrefIsResolvedAgainstThePage() {
    assertEquals(
        Optional.of("https://news.example.co.uk/story/7"),
        canonical.of(page("/story/7#top"), URI.create("https://news.example.co.uk/a/b")));
  }

  @Test
  void aLinkInTheBodyIsNotTheDeclaration() {
    assertEquals(
        Optional.empty(),
        canonical.of(
            "<html><head></head><body><link rel=\"canonical\" href=\"/x\"></body></html>",
            URI.create("https://news.example.co.uk/a")));
  }
}
