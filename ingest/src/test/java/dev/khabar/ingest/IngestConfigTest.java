package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import dev.khabar.ingest.sources.Site;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
  @Test
  void allowPrivateNamesTheHostsThatMayBeReached() throws Exception {
    IngestConfig config =
        IngestConfig.fromEnv(
            new Env(
                Map.of(
                    "KHABAR_INGEST_FEEDS", "http://127.0.0.1:8088/feed.xml",
                    "KHABAR_INGEST_ALLOW_PRIVATE", "127.0.0.1:8088")));

    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    assertTrue(config.allowPrivate().allows("127.0.0.1", 8088, loopback));
    assertFalse(config.allowPrivate().allows("127.0.0.1", 8089, loopback));
  }

  @Test
  void nothingPrivateIsAllowedUnlessNamed() throws Exception {
    IngestConfig config =
        IngestConfig.fromEnv(new Env(Map.of("KHABAR_INGEST_FEEDS", "http://127.0.0.1/feed.xml")));

    assertFalse(
        config
            .allowPrivate()
            .allows("127.0.0.1", 80, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
  }

  @Test
  void theRemovedLoopbackSwitchIsAnErrorNotSilentlyIgnored() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> IngestConfig.fromEnv(new Env(Map.of("KHABAR_INGEST_ALLOW_LOOPBACK", "true"))));

    assertEquals(
        "KHABAR_INGEST_ALLOW_LOOPBACK is gone: name the hosts to reach in"
            + " KHABAR_INGEST_ALLOW_PRIVATE, e.g. 127.0.0.1:8088",
        error.getMessage());
  }

  @Test
  void feedsAndSitemapsOfOnePublisherAreOneSite() throws Exception {
    IngestConfig config =
        IngestConfig.fromEnv(
            new Env(
                Map.of(
                    "KHABAR_INGEST_FEEDS",
                    "https://news.example.co.uk/rss,https://other.co.uk/rss,"
                        + "https://sport.example.co.uk/rss",
                    "KHABAR_INGEST_SITEMAPS",
                    "https://www.example.co.uk/sitemap.xml,https://maps.example.org/s.xml")));

    assertEquals(
        List.of("feed-1", "feed-2", "sitemap-1"), config.sites().stream().map(Site::id).toList());
    Site example = config.sites().get(0);
    assertEquals(
        List.of("https://news.example.co.uk/rss", "https://sport.example.co.uk/rss"),
        example.feeds());
    assertEquals(List.of("https://www.example.co.uk/sitemap.xml"), example.sitemaps());
  }
}
