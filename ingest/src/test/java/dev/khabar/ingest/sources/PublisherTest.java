package dev.khabar.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublisherTest {
  @Test
  void hostsUnderOneRegistrableDomainAreOnePublisher() {
    assertEquals("example.co.uk", Publisher.of("news.example.co.uk"));
    assertEquals("example.co.uk", Publisher.of("sport.example.co.uk"));
    assertTrue(Publisher.same("news.example.co.uk", "sport.example.co.uk"));
  }

  @Test
  void aPublicSuffixIsNotAPublisher() {
    assertFalse(Publisher.same("example.co.uk", "other.co.uk"));
    assertEquals("bbc.co.uk", Publisher.of("WWW.BBC.CO.UK."));
    assertEquals("aljazeera.net", Publisher.of("www.aljazeera.net"));
  }

  @Test
  void privateSuffixesSeparatePublishersToo() {
    assertFalse(Publisher.same("alice.github.io", "bob.github.io"));
  }

  @Test
  void addressesAndSingleLabelsAreTheirOwnPublisher() {
    assertEquals("127.0.0.1", Publisher.of("127.0.0.1"));
    assertFalse(Publisher.same("127.0.0.1", "127.0.0.2"));
    assertEquals("localhost", Publisher.of("localhost"));
  }
}
